"""`timeline ingest PATH... [--date D] [--db URL]`: articles into the database.

A progress bar goes to stderr when it is a terminal; the summary (added, already
there, refused with reasons) goes to stdout. The exit code is 1 when any input was
refused, 2 for bad arguments or a database that cannot be opened, 130 when
interrupted (the articles stored so far stay, whole).
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:  # the pipeline loads the tagger: imported when the command runs
    from timeline.pipeline import IngestSummary

BAR_WIDTH = 28
ALREADY_SHOWN = 10
# Redraw at most this often: a terminal write per small file would cost more than the file.
REDRAW_SECONDS = 0.1
SKIPPED_SHOWN = 5


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``ingest`` parser to ``subparsers``; returns nothing."""
    parser = subparsers.add_parser(
        "ingest",
        help="load articles (files or folders) into the database",
        description=(
            "Load articles into the database: .txt/.md (with NAME.meta.json), .html, "
            ".json/.jsonl and TimeML .tml files; folders are read recursively. "
            "Articles already stored (same text) are skipped. A JSON export of this "
            "app (timeline export --format json) goes back in with its events as "
            "reviewed: statuses, corrected dates and notes."
        ),
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file or folder")
    parser.add_argument(
        "--date", metavar="D",
        help="publication date for every input but a JSON export (YYYY-MM-DD, ISO, or "
        "written as in the window: '5 Mar 2023')"
    )
    parser.add_argument("--db", metavar="URL", help="database URL (default: the app's own file)")
    parser.set_defaults(func=run)


class ProgressBar:
    """Draws ``[####----] done/total name`` on one terminal line, throttled."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last_draw = 0.0
        self.drawn = False

    def __call__(self, done: int, total: int, name: str) -> None:
        now = time.monotonic()
        if done < total and now - self.last_draw < REDRAW_SECONDS:
            return
        self.last_draw = now
        filled = BAR_WIDTH * done // max(total, 1)
        label = Path(name).name[:30]
        self.stream.write(
            f"\r[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {done}/{total} {label:<30}"
        )
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        """Clear the bar's line so the summary starts on a clean one."""
        if self.drawn:
            self.stream.write("\r" + " " * (BAR_WIDTH + 45) + "\r")
            self.stream.flush()


class Interrupt:
    """A first Ctrl-C asks the pipeline to stop after the article in hand."""

    def __init__(self) -> None:
        self.requested = False

    def __call__(self) -> bool:
        return self.requested

    def handle(self, signum: int, frame: FrameType | None) -> None:
        """SIGINT handler: the first asks for a stop, the second raises at once."""
        if self.requested:  # a second Ctrl-C stops at once
            raise KeyboardInterrupt
        self.requested = True


def run(args: argparse.Namespace) -> int:
    """Ingest ``args.paths``; returns the exit code (0, 1 refused, 2 usage, 130 interrupted)."""
    from timeline.pipeline import ingest_paths
    from timeline.store import StoreError, open_repository
    from timeline.temporal.user_dates import read_published_date

    published = None
    if args.date:
        try:
            published = read_published_date(args.date)  # as the window reads it
        except ValueError as error:
            print(f"timeline ingest: --date: {error}", file=sys.stderr)
            return 2
    try:
        repo = open_repository(args.db)
    except StoreError as error:
        print(f"timeline ingest: {error}", file=sys.stderr)
        return 2
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else None
    interrupt = Interrupt()
    previous = signal.signal(signal.SIGINT, interrupt.handle)
    try:
        with repo:
            summary = ingest_paths(
                args.paths, repo, published=published, progress=bar, cancel=interrupt
            )
    finally:
        signal.signal(signal.SIGINT, previous)
        if bar is not None:
            bar.finish()
    print(format_summary(summary))
    if summary.stopped:
        print(f"timeline ingest: {summary.stopped}", file=sys.stderr)
        return 1
    if summary.cancelled:
        print("timeline ingest: interrupted; run it again to add the rest", file=sys.stderr)
        return 130
    return 1 if summary.refused else 0


def format_summary(summary: IngestSummary) -> str:
    """Return the summary lines a person reads after an ingest."""
    lines = [
        f"added: {summary.added} article{'s' if summary.added != 1 else ''} "
        f"({summary.events} event{'s' if summary.events != 1 else ''})",
        f"already there: {summary.already}",
    ]
    from timeline.pipeline import already_line

    # A rerun over a stored folder finds every file there: a few lines say it.
    lines += [f"  {already_line(name, stored)}"
              for name, stored in summary.same_text[:ALREADY_SHOWN]]
    if len(summary.same_text) > ALREADY_SHOWN:
        lines.append(f"  ... and {len(summary.same_text) - ALREADY_SHOWN} more")
    lines += [
        f"refused: {len(summary.refused)}",
    ]
    lines += [f"  {name}: {reason}" for name, reason in summary.refused]
    if summary.stopped:
        lines.append(f"not read: {summary.left} (the database kept failing)")
    if summary.skipped:
        shown = ", ".join(path.name for path in summary.skipped[:SKIPPED_SHOWN])
        more = ", ..." if len(summary.skipped) > SKIPPED_SHOWN else ""
        lines.append(f"skipped (not article files): {len(summary.skipped)} ({shown}{more})")
    return "\n".join(lines)
