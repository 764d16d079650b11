"""The JSON export: one object per event (the CSV's fields, as JSON types, plus the
rest of the event's record) and the full source record of every article they come from.

Each article's record (its whole text, metadata and content hash) is written once under
``articles`` and named by ``article_id`` from its events, so an export of 100,000 events
from 2,000 articles does not carry each text fifty times. Nothing is formula-guarded:
JSON is read by programs, which must get the text as it is.

Layout::

    {"format": "timeline-export", "version": 1,
     "columns": [the 20 CSV column names],
     "events": [{"event_id": 7, "start": "2023-09-10T00:00:00", ..., "char_end": 240,
                 "article_id": 1, "expr_start": ..., "mod": ..., "version": 3, ...}],
     "articles": [{"id": 1, "text": "...", "published": "2023-09-12T00:00:00", ...}]}
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any, TextIO

from timeline.export.columns import CSV, CSV_COLUMNS, RECORD, RowLookups
from timeline.export.order import in_time_order
from timeline.export.rows import column_rows
from timeline.model import Article, Event

EXPORT_FORMAT = "timeline-export"
EXPORT_VERSION = 1


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


# The event's fields, in order: the CSV's columns, then the rest of its record.
EVENT_FIELDS = CSV + RECORD
_FIELD_NAMES = tuple(column.name for column in EVENT_FIELDS)


def event_objects(ordered: Sequence[Event], articles: Mapping[int, Article],
                  story_sources: Mapping[int, int] | None = None) -> list[dict[str, Any]]:
    """Return each event (kept in the order given) as a JSON-ready dict: the CSV's
    fields, then the event's other fields (what a re-import needs to put it back)."""
    names = _FIELD_NAMES
    lookups = RowLookups(articles=articles, story_sources=story_sources or {})
    return [dict(zip(names, values, strict=True)) for values in column_rows(
        EVENT_FIELDS, ordered, lookups, flavour="json")]


def article_object(article_id: int, article: Article) -> dict[str, Any]:
    """Return the article's full source record as a JSON-ready dict."""
    return {
        "id": article.id if article.id is not None else article_id,
        "title": article.title,
        "published": _iso(article.published),
        "url": article.url,
        "outlet": article.outlet,
        "language": article.language,
        "source_path": article.source_path,
        "dct_source": article.dct_source,
        "content_hash": article.content_hash,
        "text": article.text,
    }


def export_document(events: Sequence[Event], articles: Mapping[int, Article],
                    story_sources: Mapping[int, int] | None = None) -> dict[str, Any]:
    """Return the whole JSON export as a dict (events in time order, then the articles
    they come from, by id)."""
    ordered = in_time_order(events)
    used_ids = sorted({event.article_id for event in ordered
                       if event.article_id is not None and event.article_id in articles})
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "columns": list(CSV_COLUMNS),
        "events": event_objects(ordered, articles, story_sources),
        "articles": [article_object(article_id, articles[article_id]) for article_id in used_ids],
    }


def write_document(document: dict[str, Any], out: TextIO) -> None:
    """Write ``document`` as JSON with each item of its lists on a line of its own.

    Readable and diffable, and each line goes through the C encoder (json.dump with
    ``indent`` falls back to the pure-Python one, several times slower on 10^5 events).
    """
    encode = json.JSONEncoder(ensure_ascii=False).encode
    out.write("{")
    for number, (key, value) in enumerate(document.items()):
        out.write(f'{"," if number else ""}\n {encode(key)}: ')
        if isinstance(value, list) and value:
            out.write("[\n  ")
            out.write(",\n  ".join(map(encode, value)))
            out.write("\n ]")
        else:
            out.write(encode(value))
    out.write("\n}\n")


def write_json(events: Sequence[Event], articles: Mapping[int, Article], out: TextIO,
               story_sources: Mapping[int, int] | None = None) -> int:
    """Write the JSON export to ``out``; return the number of events written."""
    write_document(export_document(events, articles, story_sources), out)
    return len(events)
