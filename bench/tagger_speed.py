"""Speed of the temporal tagger against dateparser's own search, in one process.

    .venv/bin/python bench/tagger_speed.py [--data DIR] [--seconds S]

Tags the 73 TempEval-3 AQUAINT articles (tags stripped, as the accuracy bench does) and
runs ``dateparser.search.search_dates(text, languages=['en'], settings=...)`` over the
same texts, in alternating rounds until each has run for ``--seconds`` of CPU time, and
prints characters per second for both and their ratio. Both run warm (one untimed pass
first) on one thread. The figures are per CPU second of this process (``process_time``),
so other work on a shared machine does not tilt the ratio; wall-clock figures are
printed too. The last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402

from timeline.sources import article_from_text  # noqa: E402
from timeline.sources.timeml import timeml_dct, timeml_text  # noqa: E402
from timeline.temporal import tag  # noqa: E402

SHARED = ROOT.parent / "shared"


def load_texts(data_dir: Path) -> list[tuple[str, datetime]]:
    """Return (article text, DCT) for every .tml file, tags stripped as te3input does."""
    articles = []
    for path in sorted(data_dir.glob("*.tml")):
        document = path.read_text(encoding="utf-8")
        article = article_from_text(timeml_text(document), timeml_dct(document))
        articles.append((article.text, article.published))
    return articles


class Stopwatch:
    """Accumulates characters, CPU seconds and wall seconds for one contender."""

    def __init__(self, work) -> None:
        self.work = work
        self.characters = 0
        self.cpu_seconds = 0.0
        self.wall_seconds = 0.0
        self.rounds = 0

    def round(self, articles) -> None:
        """Run ``work(text, dct)`` once over every article, timing it."""
        cpu_start, wall_start = time.process_time(), time.perf_counter()
        for text, dct in articles:
            self.work(text, dct)
            self.characters += len(text)
        self.cpu_seconds += time.process_time() - cpu_start
        self.wall_seconds += time.perf_counter() - wall_start
        self.rounds += 1

    @property
    def per_cpu_second(self) -> float:
        return self.characters / self.cpu_seconds

    @property
    def per_wall_second(self) -> float:
        return self.characters / self.wall_seconds


def race(contenders: list[Stopwatch], articles, seconds: float) -> None:
    """Warm every contender up, then run them in alternating rounds until each has
    used ``seconds`` of CPU time (alternating keeps the machine's load even)."""
    for contender in contenders:
        for text, dct in articles:  # caches, compiled patterns, dateparser's data
            contender.work(text, dct)
    while any(contender.cpu_seconds < seconds for contender in contenders):
        for contender in contenders:
            if contender.cpu_seconds < seconds:
                contender.round(articles)


def dateparser_search(text: str, dct: datetime):
    return search_dates(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": dct,
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "aquaint")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    articles = load_texts(args.data)
    characters = sum(len(text) for text, _ in articles)
    ours, theirs = Stopwatch(tag), Stopwatch(dateparser_search)
    race([ours, theirs], articles, args.seconds)
    ratio = ours.per_cpu_second / theirs.per_cpu_second
    print(f"{len(articles)} articles, {characters} characters per round")
    print(f"{'':42} {'chars/CPU-s':>12} {'chars/wall-s':>13} {'rounds':>7}")
    for label, contender in (
        ("timeline.temporal.tag", ours),
        ("dateparser search_dates(languages=['en'])", theirs),
    ):
        print(
            f"{label:42} {contender.per_cpu_second:12,.0f} {contender.per_wall_second:13,.0f} "
            f"{contender.rounds:7d}"
        )
    print(f"ratio tagger / dateparser (CPU)            {ratio:12.2f}x")
    summary = {
        "articles": len(articles),
        "characters": characters,
        "tagger_chars_per_cpu_s": round(ours.per_cpu_second),
        "dateparser_en_chars_per_cpu_s": round(theirs.per_cpu_second),
        "ratio": round(ratio, 2),
        "tagger_chars_per_wall_s": round(ours.per_wall_second),
        "dateparser_en_chars_per_wall_s": round(theirs.per_wall_second),
    }
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
