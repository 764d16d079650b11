"""`timeline events`: not built yet; says so instead of pretending."""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("events", help="(not built yet)")
    parser.set_defaults(func=run)


def run(args) -> int:
    print("timeline events: not built yet", file=sys.stderr)
    return 2
