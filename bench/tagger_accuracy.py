"""Accuracy of the temporal tagger on the 73 TempEval-3 AQUAINT articles, or on the 22
WikiWars history articles (``--corpus wikiwars``: dates anchor on the story, not the DCT).

    .venv/bin/python bench/tagger_accuracy.py [--corpus aquaint|wikiwars] [--data DIR]
                                              [--tools DIR] [--errors FILE] [--no-dateparser]

Strips the gold files with the shared te3input tool, tags them with
``timeline tag --format timeml --out-dir``, scores the output with the shared
TempEval-3 scorer, and prints the table next to HeidelTime 2.2.1 (news mode, same files,
figures given with each corpus) and dateparser's ``search_dates(languages=['en'])`` run
here on the same texts (each found string located in the text in order; its date written as a day value).
The last line is a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402

from timeline.cli import main as timeline_main  # noqa: E402
from timeline.model import Granularity, Mention, TimexType  # noqa: E402
from timeline.sources import load_article  # noqa: E402
from timeline.temporal.timeml import timeml_document  # noqa: E402

SHARED = ROOT.parent / "shared"
# HeidelTime 2.2.1 (news mode) on the same files with the same scorer; the WikiWars figures
# are the ones given in that folder's README.
CORPORA = {
    "aquaint": (
        "TempEval-3 AQUAINT (73 files)",
        {"strict_F1": 81.34, "relaxed_F1": 92.52, "value_F1": 73.09, "type_F1": None},
    ),
    "wikiwars": (
        "WikiWars (22 files)",
        {"strict_F1": 85.45, "relaxed_F1": 91.91, "value_F1": 60.46, "type_F1": None},
    ),
}


def tag_directory(input_dir: Path, output_dir: Path) -> None:
    """Tag every .tml file of ``input_dir`` with ``timeline tag --format timeml --out-dir``."""
    files = [str(path) for path in sorted(input_dir.glob("*.tml"))]
    code = timeline_main(["tag", "--format", "timeml", "--out-dir", str(output_dir), *files])
    if code != 0:
        raise SystemExit(f"timeline tag failed with exit code {code}")


def dateparser_directory(input_dir: Path, output_dir: Path) -> None:
    """Write what dateparser's search finds in each article as TimeML (the peer)."""
    for path in sorted(input_dir.glob("*.tml")):
        article = load_article(path)
        found = (
            search_dates(
                article.text,
                languages=["en"],
                settings={
                    "RELATIVE_BASE": article.published,
                    "PREFER_DATES_FROM": "past",
                    "RETURN_AS_TIMEZONE_AWARE": False,
                },
            )
            or []
        )
        mentions, cursor = [], 0
        for phrase, moment in found:
            start = article.text.find(phrase, cursor)
            if start < 0:
                continue  # it gives no offsets; a string not found after the last is skipped
            cursor = start + len(phrase)
            mentions.append(
                Mention(
                    phrase,
                    start,
                    cursor,
                    TimexType.DATE,
                    moment.date().isoformat(),
                    None,
                    None,
                    None,
                    Granularity.DAY,
                    "",
                    "",
                    1.0,
                )
            )
        document = timeml_document(article.text, article.published, mentions, path.stem)
        (output_dir / path.name).write_text(document, encoding="utf-8")


def score(tools: Path, gold: Path, system: Path, errors: Path | None = None) -> dict:
    """Return the shared scorer's metrics for ``system`` against ``gold``."""
    metrics_path = system.parent / f"{system.name}-metrics.json"
    command = [
        sys.executable,
        str(tools / "score_timeml.py"),
        str(gold),
        str(system),
        "--json",
        str(metrics_path),
        "--quiet",
    ]
    if errors:
        command += ["--errors", str(errors)]
    subprocess.run(command, check=True)
    return json.loads(metrics_path.read_text())


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="aquaint")
    parser.add_argument("--data", type=Path, help="the gold folder (default: the corpus's)")
    parser.add_argument("--tools", type=Path, default=SHARED / "tools")
    parser.add_argument(
        "--errors", type=Path, help="write the scorer's FN/FP/VALUE rows here (TSV)"
    )
    parser.add_argument("--no-dateparser", action="store_true", help="skip the dateparser peer")
    args = parser.parse_args()
    title, heideltime_figures = CORPORA[args.corpus]
    data = args.data or SHARED / "data" / args.corpus
    with tempfile.TemporaryDirectory() as work:
        stripped, tagged, peer = (
            Path(work) / "input",
            Path(work) / "system",
            Path(work) / "dateparser",
        )
        tagged.mkdir()
        peer.mkdir()
        subprocess.run(
            [sys.executable, str(args.tools / "te3input.py"), str(data), str(stripped)],
            check=True,
        )
        tag_directory(stripped, tagged)
        metrics = score(args.tools, data, tagged, args.errors)
        peer_metrics = None
        if not args.no_dateparser:
            dateparser_directory(stripped, peer)
            peer_metrics = score(args.tools, data, peer)
    print(
        f"{title:30} {'this tagger':>12} {'dateparser-en':>14} "
        f"{'HeidelTime':>11}"
    )
    for key, label in (
        ("strict_F1", "strict F1"),
        ("relaxed_F1", "relaxed F1"),
        ("value_F1", "value F1"),
        ("type_F1", "type F1"),
    ):
        peer_figure = f"{100 * peer_metrics[key]:.2f}" if peer_metrics else "-"
        heideltime = heideltime_figures[key] if heideltime_figures[key] is not None else "-"
        print(f"{label:30} {100 * metrics[key]:12.2f} {peer_figure:>14} {heideltime:>11}")
    print(
        f"gold {metrics['n_gold']}, system {metrics['n_system']}, relaxed matches "
        f"{metrics['n_relaxed_match']}, value matches {metrics['n_value_match']}"
    )
    keys = (
        "strict_F1",
        "strict_P",
        "strict_R",
        "relaxed_F1",
        "relaxed_P",
        "relaxed_R",
        "value_F1",
        "type_F1",
    )
    summary = {key: round(100 * metrics[key], 2) for key in keys}
    if peer_metrics:
        summary["dateparser_en"] = {key: round(100 * peer_metrics[key], 2) for key in keys}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
