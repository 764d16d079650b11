"""`timeline summary`: the key dates of the stored collection, a few sentences each,
every line tied to its event, story and sources.

Without --dates the command chooses how many dates the collection supports and says
why on stderr (and in the JSON's "reason").
"""

from __future__ import annotations

import argparse
import sys

from timeline.commands.events import lower_bound, upper_bound
from timeline.commands.reading import IMPORT_HINT, refusal

PROG = "timeline summary"
# The same as timeline.summary.formats.FORMATS (a test holds them equal).
FORMATS = ("text", "json", "csv", "markdown", "timelinejs")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``summary`` parser to ``subparsers``; returns nothing."""
    parser = subparsers.add_parser(
        "summary",
        help="the key dates of the collection, a few sentences each",
        description="Rank the days the stored articles point at, keep the strongest and "
        "say what happened on each in a few sentences taken from the articles, each with "
        "its sources. Without --dates the collection decides how many dates (stderr says why).",
    )
    parser.add_argument("--db", metavar="URL", help="database URL (default: the app's own file)")
    parser.add_argument("--dates", metavar="N", type=count_argument,
                        help="how many dates (default: as many as the collection supports)")
    parser.add_argument("--per-date", metavar="L", type=count_argument, default=None,
                        help="sentences per date (default: 2)")
    parser.add_argument("--from", dest="start", metavar="D", type=lower_bound,
                        help="only dates from D on (2023, 2023-09 or 2023-09-12)")
    parser.add_argument("--to", dest="end", metavar="D", type=upper_bound,
                        help="only dates up to D, D included")
    parser.add_argument("--format", choices=FORMATS, default="text")
    parser.set_defaults(func=run)


def count_argument(text: str) -> int:
    """Return ``text`` as a count (0 or more)."""
    try:
        value = int(text)
    except ValueError:
        value = -1
    if value < 0:
        raise argparse.ArgumentTypeError(f"not a count: {text!r} (use 0, 1, 2, ...)")
    return value


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def run(args: argparse.Namespace) -> int:
    """Write the summary; returns 0, 1 when the database cannot be read, 2 for bad
    arguments."""
    # Imported here: the store's libraries are not loaded for the other commands.
    from datetime import timedelta

    from timeline.store import StoreError, open_repository
    from timeline.summary import DEFAULT_PER_DATE, summarize
    from timeline.summary.formats import WRITERS

    refused = refusal(PROG, args, missing_code=1, hint=IMPORT_HINT)
    if refused is not None:
        return refused
    try:
        with open_repository(args.db, read_only=True) as repository:
            events = repository.list_events(start=args.start, end=args.end)
            articles = {article.id: article for article in repository.list_articles()
                        if article.id is not None}  # stored articles all have one
    except StoreError as error:
        _say(str(error))
        return 1
    first = args.start.date() if args.start else None
    # --to is the first moment after D: its day before is the last one in the span.
    last = (args.end - timedelta(microseconds=1)).date() if args.end else None
    per_date = DEFAULT_PER_DATE if args.per_date is None else args.per_date
    summary = summarize(events, articles, dates=args.dates, per_date=per_date,
                        first=first, last=last)
    if args.dates is None or len(summary.dates) < args.dates:
        _say(summary.reason)
    if not summary.dates:
        _say("no key dates: no day in the span is named precisely by the stored articles")
    WRITERS[args.format](summary, articles, sys.stdout)
    return 0
