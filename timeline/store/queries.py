"""Core SELECTs over events: the filters shared by list, count and progress."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import ColumnElement, Connection, Select, or_, select

from timeline.model import Event, Status
from timeline.store.convert import EVENT_COLUMNS, enum_value, event_from_row
from timeline.store.errors import NotFoundError
from timeline.store.schema import EventRow

EVENTS = EventRow.__table__
EVENT_SELECT_COLUMNS = [EVENTS.c[name] for name in EVENT_COLUMNS]


def event_filters(
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    statuses: Iterable[Status] | None = None,
    article_ids: Iterable[int] | None = None,
    text: str | None = None,
    min_confidence: float | None = None,
) -> list[ColumnElement[bool]]:
    """Return WHERE clauses for the list_events filters (an empty list keeps all).

    A window keeps events overlapping [start, end); an event with no latest bound
    reaches on for ever, and one with no earliest bound is open-ended and kept only
    when no window is given.
    """
    clauses: list[ColumnElement[bool]] = []
    if start is not None or end is not None:
        clauses.append(EVENTS.c.earliest.is_not(None))
    if end is not None:
        clauses.append(EVENTS.c.earliest < end)
    if start is not None:
        clauses.append(or_(EVENTS.c.latest > start, EVENTS.c.latest.is_(None)))
    if statuses is not None:
        clauses.append(EVENTS.c.status.in_([enum_value(Status(s)) for s in statuses]))
    if article_ids is not None:
        clauses.append(EVENTS.c.article_id.in_(list(article_ids)))
    if text:
        clauses.append(
            or_(
                EVENTS.c.title.icontains(text, autoescape=True),
                EVENTS.c.description.icontains(text, autoescape=True),
                EVENTS.c.expression.icontains(text, autoescape=True),
            )
        )
    if min_confidence is not None:
        clauses.append(EVENTS.c.confidence >= min_confidence)
    return clauses


def events_in_time_order(clauses: list[ColumnElement[bool]]) -> Select:
    """Return the SELECT of events matching ``clauses`` by (earliest, latest, id).

    Missing bounds sort last (open-ended events at the end), on every backend:
    SQLite would put NULLs first, PostgreSQL last.
    """
    return (
        select(*EVENT_SELECT_COLUMNS)
        .where(*clauses)
        .order_by(
            EVENTS.c.earliest.asc().nulls_last(),
            EVENTS.c.latest.asc().nulls_last(),
            EVENTS.c.id,
        )
    )


def fetch_event(connection: Connection, event_id: int, *, for_update: bool = False) -> Event:
    """Return the stored event ``event_id``; raises NotFoundError when there is none."""
    query = select(*EVENT_SELECT_COLUMNS).where(EVENTS.c.id == event_id)
    if for_update:
        # A row lock on PostgreSQL; SQLite already holds the write lock (BEGIN IMMEDIATE).
        query = query.with_for_update()
    row = connection.execute(query).first()
    if row is None:
        raise NotFoundError(f"no event with id {event_id}")
    return event_from_row(row)
