"""The ``timeline`` command: one sub-command per module in ``timeline.commands``.

Each command module exposes ``register(subparsers)`` (adds its parser and sets
``func``) and keeps its own logic, so the dispatcher stays small.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import os
import sys

# What a write to a full or failing output says; the commands' own files report their
# errors themselves, so one of these reaching main() is about stdout.
OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EFBIG, errno.EIO, errno.EDQUOT})

# In the order they appear in --help.
COMMAND_MODULES = ("gui", "tag", "ingest", "events", "stories", "summary", "export",
                   "remove_article")


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
        code = int(args.func(args) or 0)
        sys.stdout.flush()  # here, where a full disk can still be reported
        return code
    except KeyboardInterrupt:
        print("timeline: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _drop_stdout()
        return 0
    except OSError as error:
        if error.errno not in OUTPUT_ERRNOS:
            raise
        print(f"timeline: cannot write the output: {error.strerror}", file=sys.stderr)
        _drop_stdout()
        return 1


def _drop_stdout() -> None:
    # Whatever is still buffered would fail again when Python flushes at exit and
    # print "Exception ignored": send it nowhere instead.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass
