"""The ``timeline`` command: one sub-command per module in ``timeline.commands``.

Each command module exposes ``register(subparsers)`` (adds its parser and sets
``func``) and keeps its own logic, so the dispatcher stays small.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# In the order they appear in --help.
COMMAND_MODULES = ("gui", "tag", "ingest", "events", "export", "summary")


def build_parser() -> argparse.ArgumentParser:
    """Return the top-level parser with every sub-command registered."""
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Reconstruct timelines of dated events from news articles.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"timeline.commands.{name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the process exit code."""
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser()
    if not argv:
        argv = ["gui"]  # a bare `timeline` opens the desktop app
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        print("timeline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
