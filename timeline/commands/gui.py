"""`timeline gui`: the desktop window is not built yet, so for now this tags the
bundled seed article and prints what the resolver read, saying so."""

from __future__ import annotations

import sys
from pathlib import Path

SEED = Path(__file__).resolve().parents[2] / "seeds" / "kim-jong-un-arrives-in-russia.txt"


def register(subparsers) -> None:
    parser = subparsers.add_parser("gui", help="open the desktop app")
    parser.add_argument("--db", help="SQLAlchemy database URL")
    parser.set_defaults(func=run)


def run(args) -> int:
    print(
        "timeline: the desktop window is not built yet; "
        f"running `timeline tag --format text` on the seed {SEED.name} instead.",
        file=sys.stderr,
    )
    from timeline.cli import main

    return main(["tag", "--format", "text", str(SEED)])
