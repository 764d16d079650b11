"""`timeline ingest PATH... [--date D] [--db URL] [--jobs N] [--shard K/N]`: articles
into the database, tagged on every core (timeline.parallel_ingest).

Progress counts articles: a bar with the rate and the time left goes to stderr when it
is a terminal, otherwise a line every few seconds; the summary (added, already
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
    from timeline.parallel_ingest import IngestProgress
    from timeline.pipeline import IngestSummary
    from timeline.shards import Shard

BAR_WIDTH = 28
ALREADY_SHOWN = 10
# Redraw at most this often: a terminal write per small file would cost more than the file.
REDRAW_SECONDS = 0.1
# Without a terminal (a log, a CI job), a progress line this often: a long run shows
# it is alive, a short one prints nothing.
LINE_SECONDS = 5.0
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
    parser.add_argument(
        "--jobs", metavar="N",
        help="processes that read and tag the articles (default: one per core; 1 runs "
             "everything in this process); one writer stores them in input order")
    parser.add_argument(
        "--shard", metavar="K/N",
        help="take only shard K of N of the input, so N machines share one load into one "
             "database (a stable split by file path under the given folder, and by "
             "article within .json/.jsonl files)")
    parser.set_defaults(func=run)


class ProgressBar:
    """Draws ``[####----] done/total name  rate  time left`` on one terminal line, throttled."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last_draw = 0.0
        self.drawn = False

    def __call__(self, progress: IngestProgress) -> None:
        now = time.monotonic()
        if progress.done < progress.total and now - self.last_draw < REDRAW_SECONDS:
            return
        self.last_draw = now
        filled = BAR_WIDTH * min(progress.done, progress.total) // max(progress.total, 1)
        label = Path(progress.name).name[:30]
        self.stream.write(
            f"\r[{'#' * filled}{'-' * (BAR_WIDTH - filled)}] {progress.done}/{progress.total} "
            f"{label:<30} {progress.pace():<24}"
        )
        self.stream.flush()
        self.drawn = True

    def finish(self) -> None:
        """Clear the bar's line so the summary starts on a clean one."""
        if self.drawn:
            self.stream.write("\r" + " " * (BAR_WIDTH + 90) + "\r")
            self.stream.flush()


class ProgressLines:
    """Writes a progress line every LINE_SECONDS, for a stderr that is not a terminal."""

    def __init__(self, stream: TextIO, every: float = LINE_SECONDS) -> None:
        self.stream = stream
        self.every = every
        self.next_line = time.monotonic() + every

    def __call__(self, progress: IngestProgress) -> None:
        now = time.monotonic()
        if now < self.next_line:
            return
        self.next_line = now + self.every
        share = 100 * progress.done // max(progress.total, 1)
        self.stream.write(f"timeline ingest: {progress.done}/{progress.total} articles "
                          f"({share}%), {progress.pace()}\n")
        self.stream.flush()

    def finish(self) -> None:
        """Nothing to clear: each line stands."""


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
    from timeline.parallel_ingest import ingest_parallel
    from timeline.shards import parse_shard
    from timeline.store import StoreError, open_repository
    from timeline.temporal.user_dates import read_published_date

    published = None
    shard: Shard | None = None
    jobs: int | None = None
    option = ""
    try:
        if args.date:
            option = "--date"
            published = read_published_date(args.date)  # as the window reads it
        if args.shard is not None:
            option = "--shard"
            shard = parse_shard(args.shard)
        if args.jobs is not None:
            option = "--jobs"
            jobs = parse_jobs(args.jobs)
    except ValueError as error:
        print(f"timeline ingest: {option}: {error}", file=sys.stderr)
        return 2
    try:
        repo = open_repository(args.db)
    except StoreError as error:
        print(f"timeline ingest: {error}", file=sys.stderr)
        return 2
    bar = ProgressBar(sys.stderr) if sys.stderr.isatty() else ProgressLines(sys.stderr)
    interrupt = Interrupt()
    previous = signal.signal(signal.SIGINT, interrupt.handle)
    try:
        with repo:
            summary = ingest_parallel(
                args.paths, repo, jobs=jobs, published=published, shard=shard, progress=bar,
                cancel=interrupt,
            )
    finally:
        signal.signal(signal.SIGINT, previous)
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
        lines.append(f"not read: {summary.left} ({summary.stopped_by})")
    if summary.other_shards:
        lines.append(f"left to the other shards: {summary.other_shards}")
    if summary.skipped:
        shown = ", ".join(path.name for path in summary.skipped[:SKIPPED_SHOWN])
        more = ", ..." if len(summary.skipped) > SKIPPED_SHOWN else ""
        lines.append(f"skipped (not article files): {len(summary.skipped)} ({shown}{more})")
    return "\n".join(lines)



def parse_jobs(text: str) -> int:
    """Return the --jobs value as a whole number of 1 or more; raises ValueError."""
    try:
        jobs = int(text)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise ValueError(f"expected a whole number of processes, 1 or more, got {text!r}")
    return jobs
