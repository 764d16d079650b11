"""`timeline export`: not built yet; says so instead of pretending."""

from __future__ import annotations

import sys


def register(subparsers) -> None:
    parser = subparsers.add_parser("export", help="(not built yet)")
    parser.set_defaults(func=run)


def run(args) -> int:
    print("timeline export: not built yet", file=sys.stderr)
    return 2
