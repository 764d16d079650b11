"""Accuracy of the temporal tagger on the 73 TempEval-3 AQUAINT articles.

    .venv/bin/python bench/tagger_accuracy.py [--data DIR] [--tools DIR] [--errors FILE]

Strips the gold files with the shared te3input tool, tags them with
``timeline tag --format timeml --out-dir``, scores the output with the shared
TempEval-3 scorer, and prints the table next to HeidelTime 2.2.1 (news mode, same files).
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

from timeline.cli import main as timeline_main  # noqa: E402

SHARED = ROOT.parent / "shared"
HEIDELTIME = {"strict_F1": 81.34, "relaxed_F1": 92.52, "value_F1": 73.09, "type_F1": None}


def tag_directory(input_dir: Path, output_dir: Path) -> None:
    """Tag every .tml file of ``input_dir`` with ``timeline tag --format timeml --out-dir``."""
    files = [str(path) for path in sorted(input_dir.glob("*.tml"))]
    code = timeline_main(["tag", "--format", "timeml", "--out-dir", str(output_dir), *files])
    if code != 0:
        raise SystemExit(f"timeline tag failed with exit code {code}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "aquaint")
    parser.add_argument("--tools", type=Path, default=SHARED / "tools")
    parser.add_argument("--errors", type=Path, help="write the scorer's FN/FP/VALUE rows here (TSV)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        stripped, tagged = Path(work) / "input", Path(work) / "system"
        tagged.mkdir()
        subprocess.run([sys.executable, str(args.tools / "te3input.py"), str(args.data), str(stripped)], check=True)
        tag_directory(stripped, tagged)
        metrics_path = Path(work) / "metrics.json"
        command = [sys.executable, str(args.tools / "score_timeml.py"), str(args.data), str(tagged),
                   "--json", str(metrics_path), "--quiet"]
        if args.errors:
            command += ["--errors", str(args.errors)]
        subprocess.run(command, check=True)
        metrics = json.loads(metrics_path.read_text())
    print(f"{'TempEval-3 AQUAINT (73 files)':32} {'this tagger':>12} {'HeidelTime':>11}")
    for key, label in (("strict_F1", "strict F1"), ("relaxed_F1", "relaxed F1"),
                       ("value_F1", "value F1"), ("type_F1", "type F1")):
        ours = 100 * metrics[key]
        theirs = HEIDELTIME[key]
        print(f"{label:32} {ours:12.2f} {theirs if theirs is not None else '-':>11}")
    print(f"gold {metrics['n_gold']}, system {metrics['n_system']}, relaxed matches "
          f"{metrics['n_relaxed_match']}, value matches {metrics['n_value_match']}")
    summary = {key: round(100 * metrics[key], 2) for key in
               ("strict_F1", "strict_P", "strict_R", "relaxed_F1", "relaxed_P", "relaxed_R", "value_F1", "type_F1")}
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
