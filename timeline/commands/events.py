"""`timeline events`: the stored events in time order, as a table or as JSON."""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import datetime
from typing import Any

from timeline.commands.reading import refusal
from timeline.display import format_span
from timeline.export.order import in_time_order
from timeline.model import Article, Event, Status, article_of

# --from/--to take a year, a month, a day or a full ISO date and time.
BOUND_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
TITLE_WIDTH = 70


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `events` sub-command to ``subparsers``."""
    parser = subparsers.add_parser(
        "events",
        help="list the stored events in time order",
        description="List the stored events in time order (open-ended ones last).",
    )
    parser.add_argument("--db", metavar="URL", help="database URL (default: the app's own file)")
    parser.add_argument(
        "--from",
        dest="start",
        metavar="D",
        type=lower_bound,
        help="only events that reach past the start of D (2023, 2023-09, 2023-09-12 or ISO time)",
    )
    parser.add_argument(
        "--to",
        dest="end",
        metavar="D",
        type=upper_bound,
        help="only events that begin before the end of D (D itself included)",
    )
    parser.add_argument(
        "--status",
        action="append",
        metavar="S",
        type=statuses,
        help="only events with this review status (repeat or comma-separate: "
        + ", ".join(status.value for status in Status)
        + ")",
    )
    parser.add_argument(
        "--search",
        metavar="WORDS",
        help="only events whose title, sentence or expression has a word starting with "
        "each of WORDS, any case (\"Nairo\" finds Nairobi); read from the search index",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(func=run)


def lower_bound(text: str) -> datetime:
    """Return the first moment of the year, month, day or time ``text`` names."""
    return _parse_bound(text)[0]


def upper_bound(text: str) -> datetime:
    """Return the first moment after the year, month, day or time ``text`` names."""
    return _parse_bound(text)[1]


def _parse_bound(text: str) -> tuple[datetime, datetime]:
    match = BOUND_PATTERN.match(text.strip())
    try:
        if match is None:
            moment = datetime.fromisoformat(text.strip())
            moment = moment.replace(tzinfo=None)
            return moment, moment
        year_text, month_text, day_text = match.groups()
        year = int(year_text)
        month = int(month_text) if month_text else None
        day = int(day_text) if day_text else None
        first = datetime(year, month or 1, day or 1)
    except (ValueError, OverflowError):
        raise argparse.ArgumentTypeError(
            f"not a date: {text!r} (use 2023, 2023-09, 2023-09-12 or 2023-09-12T08:00)"
        ) from None
    try:
        if month is None:
            return first, datetime(year + 1, 1, 1)
        if day is None:
            return first, datetime(year + month // 12, month % 12 + 1, 1)
        return first, first.fromordinal(first.toordinal() + 1)
    except (ValueError, OverflowError):
        # The last day, month or year of the calendar reaches to its very end.
        return first, datetime.max


def statuses(text: str) -> list[Status]:
    """Return the statuses named in ``text`` (comma-separated)."""
    try:
        return [Status(part.strip().lower()) for part in text.split(",") if part.strip()]
    except ValueError:
        known = ", ".join(status.value for status in Status)
        raise argparse.ArgumentTypeError(f"unknown status in {text!r} (known: {known})") from None


def run(args: argparse.Namespace) -> int:
    """List the events; returns 0, or 2 when the database cannot be read."""
    # Imported here: SQLAlchemy and Alembic cost every other command's start a fifth
    # of a second (the parser registers every command).
    from timeline.store import StoreError, open_repository

    wanted = [status for group in args.status for status in group] if args.status else None
    refused = refusal("timeline events", args)
    if refused is not None:
        return refused
    try:
        with open_repository(args.db, read_only=True) as repository:
            # The order of every export (CSV, JSON, TimelineJS), from the one key they
            # share, whatever order the store's query gives.
            events = in_time_order(
                repository.list_events(start=args.start, end=args.end, statuses=wanted,
                                       text=args.search or None))
            # Only the JSON names each event's source; the table needs no article.
            articles = repository.get_articles(
                event.article_id for event in events if event.article_id is not None
            ) if args.format == "json" else {}
    except StoreError as error:
        print(f"timeline events: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump([event_json(event, article_of(event, articles)) for event in events],
                  sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        filtered = (args.start is not None or args.end is not None or wanted is not None
                    or bool(args.search))
        write_table(events, filtered=filtered)
    return 0


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def event_json(event: Event, article: Article | None) -> dict[str, Any]:
    """Return the JSON object for one event, with where it came from."""
    return {
        "id": event.id,
        "earliest": _iso(event.earliest),
        "latest": _iso(event.latest),
        "when": when(event),
        "granularity": event.granularity.value,
        "mod": event.mod,
        "timex_value": event.timex_value,
        "title": event.title,
        "description": event.description,
        "status": event.status.value,
        "note": event.note,
        "confidence": event.confidence,
        "explanation": event.explanation,
        "inferred": event.inferred,
        "open_ended": event.open_ended,
        "story_id": event.story_id,
        "source": {
            "article_id": event.article_id,
            "title": article.title if article else None,
            "url": article.url if article else None,
            "file": article.source_path if article else None,
            "published": _iso(article.published) if article else None,
            # Where that date came from: cli, sidecar, html, timeml, json, dateline,
            # filename, or analyst.
            "published_from": article.dct_source if article else None,
            "char_start": event.char_start,
            "char_end": event.char_end,
            "expression": event.expression,
            "expr_start": event.expr_start,
            "expr_end": event.expr_end,
        },
    }


def when(event: Event) -> str:
    """Return the event's interval as a person reads it."""
    return format_span(event.earliest, event.latest, event.granularity, event.mod,
                       expression=event.expression)


def table_when(event: Event) -> str:
    """Return the table's WHEN cell: the interval, marked when the date was inferred
    from the narrative rather than written in the sentence."""
    return f"{when(event)} (inferred)" if event.inferred else when(event)


def write_table(events: list[Event], *, filtered: bool = False) -> None:
    """Write one line per event: id, when, status, confidence, title."""
    if not events:
        print("no events match" if filtered else "no events stored")
        return
    rows = [(str(event.id), table_when(event), event.status.value, f"{event.confidence:.2f}",
             _shorten(event.title)) for event in events]
    header = ("ID", "WHEN", "STATUS", "CONF", "TITLE")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        cells = [row[0].rjust(widths[0]), *(row[i].ljust(widths[i]) for i in (1, 2, 3)), row[4]]
        sys.stdout.write("  ".join(cells).rstrip() + "\n")
    print(f"{len(events)} event{'s' if len(events) != 1 else ''}")


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_WIDTH else text[: TITLE_WIDTH - 1] + "…"
