"""Core SELECTs over events: the filters shared by list, count and progress."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from typing import Any, TypeAlias, TypedDict

from sqlalchemy import ColumnElement, Connection, Dialect, Select, or_, select

from timeline.calendar import at_least_as_precise
from timeline.gc_pause import gc_paused, settle_as_long_lived
from timeline.model import Event, Granularity, Status
from timeline.store.convert import (
    EVENT_COLUMNS,
    enum_value,
    event_from_row,
    events_from_rows,
)
from timeline.store.errors import NotFoundError, StoreError
from timeline.store.schema import EventRow
from timeline.store.search import text_filter
from timeline.store.spans import span_overlap

EVENTS = EventRow.__table__
EVENT_SELECT_COLUMNS = [EVENTS.c[name] for name in EVENT_COLUMNS]
ROWS_PER_FETCH = 1000
# From this many events on, a list is settled in the collector's oldest generation at
# once (gc_pause.settle_as_long_lived): 10^5 events cost a tenth of a second of walks.
LONG_LIST = 10_000
# Windows up to this wide read the span index (timeline.store.spans): its rows come in
# no order and are sorted, which beats the time-ordered index only while they are few.
SPAN_INDEX_WIDEST = timedelta(days=3 * 366)

# A SELECT of EVENT_SELECT_COLUMNS (or of any columns).
AnySelect: TypeAlias = "Select[*tuple[Any, ...]]"


# What an integer column holds on every backend (SQLite and PostgreSQL BIGINT); an id
# outside it names no row, and the drivers raise OverflowError on sight of one.
STORABLE_INTEGERS = range(-(2**63), 2**63)


def storable_ids(ids: Iterable[int]) -> list[int]:
    """Return the ids a column can hold, the others (which no row has) left out."""
    return [value for value in ids if value in STORABLE_INTEGERS]


class EventFilters(TypedDict, total=False):
    """The keyword arguments of event_filters, as count and progress pass them on."""

    start: datetime | None
    end: datetime | None
    statuses: Iterable[Status] | None
    article_ids: Iterable[int] | None
    text: str | None
    min_confidence: float | None
    min_precision: Granularity | None


def event_filters(
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    statuses: Iterable[Status] | None = None,
    article_ids: Iterable[int] | None = None,
    text: str | None = None,
    min_confidence: float | None = None,
    min_precision: Granularity | None = None,
) -> list[ColumnElement[bool]]:
    """Return WHERE clauses for the list_events filters (an empty list keeps all).

    ``min_precision`` keeps events dated at that granularity or finer (DAY: days,
    parts of days, hours...; "the 20th century" and durations are left out).

    A window keeps events overlapping [start, end); an event with no latest bound
    reaches on for ever, and one with no earliest bound is open-ended and kept only
    when no window is given. ``text`` keeps events where each word typed starts a
    word of the title, sentence or expression (timeline.store.search).
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
        clauses.append(EVENTS.c.article_id.in_(storable_ids(article_ids)))
    if start is not None and end is not None and end - start <= SPAN_INDEX_WIDEST:
        # The span index narrows the rows first; the bounds above stay the exact test.
        clauses.append(span_overlap(start, end))
    if text:
        clauses.append(text_filter(text))
    if min_confidence is not None:
        clauses.append(EVENTS.c.confidence >= min_confidence)
    if min_precision is not None:
        clauses.append(EVENTS.c.granularity.in_(
            sorted(g.value for g in at_least_as_precise(min_precision))))
    return clauses


def events_in_time_order(clauses: list[ColumnElement[bool]]) -> AnySelect:
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
    if event_id not in STORABLE_INTEGERS:
        raise NotFoundError(f"no event with id {event_id}")
    query = select(*EVENT_SELECT_COLUMNS).where(EVENTS.c.id == event_id)
    if for_update:
        # A row lock on PostgreSQL; SQLite already holds the write lock (BEGIN IMMEDIATE).
        query = query.with_for_update()
    row = connection.execute(query).first()
    if row is None:
        raise NotFoundError(f"no event with id {event_id}")
    return event_from_row(row)


def fetch_events(connection: Connection, query: AnySelect) -> list[Event]:
    """Return the Events a SELECT of EVENT_SELECT_COLUMNS finds, in the order it gives.

    Raises StoreError when the database fails while the rows are read.
    """
    # The driver's rows are taken from the cursor as they are and converted column by
    # column (convert.events_from_rows): for a list of 10^5 events, making a Row of
    # each and then an Event of the Row cost twice what the SELECT does. A batch at a
    # time, so the rows are still in the processor's cache when they are converted.
    result = connection.execute(query)
    dialect = connection.dialect
    try:
        with gc_paused():
            cursor = result.cursor
            processors = _result_processors(dialect, cursor.description)
            events: list[Event] = []
            while rows := cursor.fetchmany(ROWS_PER_FETCH):
                events += events_from_rows(rows, processors)
            if len(events) >= LONG_LIST:
                settle_as_long_lived()
            return events
    except dialect.loaded_dbapi.Error as error:
        # What Connection.execute would have raised as a SQLAlchemy error.
        raise _driver_failure(error) from None
    except (ValueError, KeyError) as error:  # a damaged or hand-edited value
        raise _value_failure(error) from None
    finally:
        result.close()


def _driver_failure(error: Exception) -> StoreError:
    """Return the StoreError for the driver's ``error`` while rows were read: its first
    line."""
    lines = str(error).strip().splitlines()
    return StoreError(f"database read failed: {lines[0] if lines else type(error).__name__}")


def _value_failure(error: Exception) -> StoreError:
    """Return the StoreError for a stored value no event can hold (damaged or edited by
    hand)."""
    return StoreError(f"database read failed: an event holds an unreadable value "
                      f"({type(error).__name__}: {error})")


def _result_processors(
    dialect: Dialect, description: Iterable[tuple[Any, ...]]
) -> dict[int, Callable[[Any], Any]]:
    """Return, by column position, the functions that turn the driver's values into the
    Python values the column types promise (the same ones a Row would apply)."""
    processors: dict[int, Callable[[Any], Any]] = {}
    described_columns = zip(EVENT_SELECT_COLUMNS, description, strict=True)
    for index, (column, described) in enumerate(described_columns):
        process = column.type.dialect_impl(dialect).result_processor(dialect, described[1])
        if process is not None:
            processors[index] = process
    return processors
