"""`timeline stories`: the stories (one happening, its sources) in time order."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime
from typing import Any

from timeline.commands.events import lower_bound, upper_bound
from timeline.commands.reading import refusal
from timeline.display import format_span
from timeline.model import Reading, Story

TITLE_WIDTH = 64


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `stories` sub-command to ``subparsers``."""
    parser = subparsers.add_parser(
        "stories",
        help="list the stories: one happening with every source that reports it",
        description="List the stories in time order: each is one happening with the events "
        "of every article that reports it; a conflict is a story whose sources give "
        "incompatible dates, listed with each reading.",
    )
    parser.add_argument("--db", metavar="URL", help="database URL (default: the app's own file)")
    parser.add_argument("--from", dest="start", metavar="D", type=lower_bound,
                        help="only stories dated past the start of D (2023, 2023-09, 2023-09-12)")
    parser.add_argument("--to", dest="end", metavar="D", type=upper_bound,
                        help="only stories dated before the end of D (D itself included)")
    parser.add_argument("--conflicts", action="store_true",
                        help="only stories whose sources disagree on the date")
    parser.add_argument("--min-sources", type=_positive, metavar="N",
                        help="only stories reported by at least N articles")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.set_defaults(func=run)


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {text!r}")
    return value


def run(args: argparse.Namespace) -> int:
    """List the stories; returns 0, or 2 when the database cannot be read."""
    from timeline.store import StoreError, open_repository

    refused = refusal("timeline stories", args)
    if refused is not None:
        return refused
    try:
        with open_repository(args.db, read_only=True) as repository:
            stories = repository.list_stories(start=args.start, end=args.end,
                                              conflicts=args.conflicts,
                                              min_sources=args.min_sources)
    except StoreError as error:
        print(f"timeline stories: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        json.dump({"stories": [story_json(story) for story in stories]}, sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        write_table(stories)
    return 0


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment else None


def _display(reading: Story | Reading) -> str:
    return format_span(reading.earliest, reading.latest, reading.granularity, None)


def story_json(story: Story) -> dict[str, Any]:
    """Return the JSON object of one story, its readings first the story's own date."""
    return {
        "id": story.id,
        "title": story.title,
        "start": _iso(story.earliest),
        "end": _iso(story.latest),
        "date_display": _display(story),
        "event_ids": list(story.event_ids),
        "article_ids": list(story.article_ids),
        "sources": story.sources,
        "conflict": story.conflict,
        "readings": [
            {"start": _iso(reading.earliest), "end": _iso(reading.latest),
             "date_display": _display(reading), "event_ids": list(reading.event_ids)}
            for reading in story.readings
        ],
    }


def write_table(stories: list[Story]) -> None:
    """Write one line per story (id, date, sources, title) and one per disputed reading."""
    if not stories:
        print("no stories match")
        return
    rows = []
    for story in stories:
        mark = "CONFLICT" if story.conflict else ""
        rows.append((str(story.id), _display(story), str(story.sources), mark,
                     _shorten(story.title)))
        if story.conflict:
            for reading in story.readings:
                rows.append(("", f"  {_display(reading)}", str(reading.sources), "reading",
                             f"events {', '.join(map(str, reading.event_ids))}"))
    header = ("ID", "WHEN", "SOURCES", "", "TITLE")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, *rows]:
        cells = [row[0].rjust(widths[0]), row[1].ljust(widths[1]), row[2].rjust(widths[2]),
                 row[3].ljust(widths[3]), row[4]]
        sys.stdout.write("  ".join(cells).rstrip() + "\n")
    conflicts = sum(story.conflict for story in stories)
    print(f"{len(stories)} stor{'ies' if len(stories) != 1 else 'y'}, "
          f"{conflicts} in conflict")


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TITLE_WIDTH else text[: TITLE_WIDTH - 1] + "…"
