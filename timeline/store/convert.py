"""Rows to dataclasses and back, at the store's boundary (ORM rows never leave it)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import datetime
from enum import Enum
from itertools import repeat
from typing import Any, TypeAlias

from sqlalchemy import Row

from timeline.gc_pause import gc_paused
from timeline.model import Article, Event, Granularity, Mention, Review, Status, TimexType
from timeline.store.schema import EventRow, MentionRow

# Enum lookups by value, done with a dict because list_events converts 10^5 rows.
_GRANULARITY = {member.value: member for member in Granularity}
_STATUS = {member.value: member for member in Status}
_TIMEX_TYPE = {member.value: member for member in TimexType}

EVENT_COLUMNS = tuple(field.name for field in fields(Event))
ARTICLE_COLUMNS = tuple(field.name for field in fields(Article))
MENTION_COLUMNS = tuple(field.name for field in fields(Mention))
REVIEW_COLUMNS = tuple(field.name for field in fields(Review))

# A Core row of any width (the columns of one of the tuples above).
AnyRow: TypeAlias = "Row[*tuple[Any, ...]]"


def content_hash(text: str) -> str:
    """Return the sha256 hex digest of ``text`` (UTF-8), the article's dedupe key."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def enum_value(value: Any) -> Any:
    """Return an enum's string value, anything else unchanged."""
    return value.value if isinstance(value, Enum) else value


_GRANULARITY_AT = EVENT_COLUMNS.index("granularity")
_STATUS_AT = EVENT_COLUMNS.index("status")


def event_from_row(row: AnyRow | tuple[Any, ...]) -> Event:
    """Return the Event for a Core row selected with EVENT_COLUMNS, in that order."""
    # Positions, not names. A single event and an article's events come this way;
    # lists of many come through events_from_rows.
    values = list(row)
    values[_GRANULARITY_AT] = _GRANULARITY[values[_GRANULARITY_AT]]
    values[_STATUS_AT] = _STATUS[values[_STATUS_AT]]
    return Event(*values)


# A bulk conversion fills a bare instance's __dict__ with the row's values: that is
# what the frozen dataclass's __init__ does, through one object.__setattr__ call per
# field (24 an event), which makes it a third of the cost of a full list. It is only
# the same while Event runs no code of its own when made and keeps its fields in a
# __dict__; otherwise events_from_rows falls back to calling Event.
_EVENT_BY_DICT = not hasattr(Event, "__post_init__") and "__slots__" not in vars(Event)


def events_from_rows(
    rows: Sequence[Sequence[Any]], processors: Mapping[int, Callable[[Any], Any]]
) -> list[Event]:
    """Return an Event for each DBAPI row selected with EVENT_COLUMNS, in that order.

    ``processors`` maps a column's position to the function that turns the driver's
    value into Python's (the column type's result processor: SQLite hands back
    datetimes as text and booleans as 0/1); columns without one are taken as they come.
    """
    if not rows:
        return []
    # Column by column: each conversion is one C-level map over the batch instead of a
    # Python call per value, and zip hands the rows back without a list each.
    columns: list[Iterable[Any]] = list(zip(*rows, strict=True))
    for index, process in processors.items():
        columns[index] = map(process, columns[index])
    columns[_GRANULARITY_AT] = map(_GRANULARITY.__getitem__, columns[_GRANULARITY_AT])
    columns[_STATUS_AT] = map(_STATUS.__getitem__, columns[_STATUS_AT])
    with gc_paused():
        if not _EVENT_BY_DICT:
            return [Event(*values) for values in zip(*columns, strict=True)]
        names = EVENT_COLUMNS
        # The bare instances first, side by side in memory, which the writers that read
        # them field by field afterwards find quicker than instances spread among rows.
        events = list(map(object.__new__, repeat(Event, len(rows))))
        # Lengths match by construction; the per-event zip is not checked (hot path).
        for event, values in zip(events, zip(*columns, strict=True), strict=True):
            event.__dict__.update(zip(names, values, strict=False))
        return events


def article_from_row(row: AnyRow) -> Article:
    """Return the Article for a Core row selected with ARTICLE_COLUMNS."""
    return Article(**row._asdict())


def mention_from_row(row: AnyRow) -> Mention:
    """Return the Mention for a Core row selected with MENTION_COLUMNS."""
    values = row._asdict()
    values["granularity"] = _GRANULARITY[values["granularity"]]
    values["type"] = _TIMEX_TYPE[values["type"]]
    return Mention(**values)


def review_from_row(row: AnyRow) -> Review:
    """Return the Review for a Core row selected with REVIEW_COLUMNS."""
    return Review(**row._asdict())


def mention_values(mention: Mention) -> dict[str, Any]:
    """Return the column values of ``mention`` (without its article id)."""
    return {name: enum_value(getattr(mention, name)) for name in MENTION_COLUMNS}


def mention_row(mention: Mention, article_id: int | None = None) -> MentionRow:
    """Return a new ORM row for ``mention``."""
    return MentionRow(article_id=article_id, **mention_values(mention))


# An event's columns but its id, article id and story id: what the event itself gives
# (the store gives a stored event the rest).
EVENT_VALUE_COLUMNS = tuple(name for name in EVENT_COLUMNS
                            if name not in ("id", "article_id", "story_id"))


def event_values(event: Event) -> dict[str, Any]:
    """Return the column values of ``event`` without its id, article id and story id
    (EVENT_VALUE_COLUMNS)."""
    return {name: enum_value(getattr(event, name)) for name in EVENT_VALUE_COLUMNS}


def event_row(event: Event, article_id: int | None = None) -> EventRow:
    """Return a new ORM row for ``event`` (status, note and version as given)."""
    return EventRow(article_id=article_id, **event_values(event))


def audit_text(value: Any) -> str | None:
    """Return ``value`` as the text kept in an audit row (ISO for datetimes)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(sep=" ")
    return str(enum_value(value))


def review_row(
    event_id: int, field: str, old: Any, new: Any, actor: str, at: datetime
) -> dict[str, Any]:
    """Return the values of one audit row."""
    return {
        "event_id": event_id,
        "field": field,
        "old_value": audit_text(old),
        "new_value": audit_text(new),
        "actor": actor,
        "at": at,
    }
