"""Events read as columns of plain values, for the exports: no Event made per row.

An export of 10^6 events needs each event's fields once, column by column; making an
Event of every row (24 fields set one by one) cost as much as writing the CSV. These
reads hand the writer a batch as one sequence of values per field, in the listing's
time order, with the story's source count joined in (``story_sources``), so neither a
query per batch nor an object per row is needed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import ColumnElement, Connection, Dialect

from timeline.model import Granularity, Status
from timeline.store.convert import EVENT_COLUMNS
from timeline.store.queries import (
    EVENTS,
    _driver_failure,
    _value_failure,
    events_in_time_order,
)
from timeline.store.stories import STORIES

# The story's count of distinct reporting articles, under this name beside the fields.
STORY_SOURCES = "story_sources"
_ENUMS: dict[str, Mapping[Any, Any]] = {
    "granularity": {member.value: member for member in Granularity},
    "status": {member.value: member for member in Status},
}


# One batch: each field's values, in the events' order (every sequence the same length).
FieldBatch = dict[str, Sequence[Any]]


def field_batches(
    connection: Connection, clauses: list[ColumnElement[bool]], names: Sequence[str],
    rows_per_batch: int,
) -> Iterator[FieldBatch]:
    """Yield, for the events matching ``clauses`` in list_events' order, batches of at
    most ``rows_per_batch`` events as {field: values}: the Event fields ``names`` (as an
    Event holds them: datetimes, Granularity and Status members) and, when named,
    STORY_SOURCES (None for an event in no story). Read from the cursor as the batches
    are asked for; raises StoreError when the database fails or a value is unreadable.
    """
    unknown = [name for name in names if name not in EVENT_COLUMNS and name != STORY_SOURCES]
    if unknown:
        raise KeyError(f"not an event field: {', '.join(unknown)}")
    selected = [STORIES.c.sources if name == STORY_SOURCES else EVENTS.c[name]
                for name in names]
    query = events_in_time_order(clauses).with_only_columns(*selected)
    if STORY_SOURCES in names:
        query = query.select_from(EVENTS.outerjoin(STORIES, STORIES.c.id == EVENTS.c.story_id))
    dialect = connection.dialect
    if dialect.name == "sqlite":
        result = connection.execute(query)  # SQLite's cursor steps as rows are fetched
        fetch = result.cursor.fetchmany
        converters = _converters(dialect, selected, names, result.cursor.description)
    else:
        # A server-side cursor; SQLAlchemy's rows come processed, only enums are left.
        result = connection.execution_options(stream_results=True).execute(query)
        fetch = result.fetchmany
        converters = {name: _enum_converter(_ENUMS[name]) for name in names if name in _ENUMS}
    try:
        while True:
            try:
                rows = fetch(rows_per_batch)
                if not rows:
                    return
                batch: FieldBatch = dict(zip(names, zip(*rows, strict=True), strict=True))
                for name, convert in converters.items():
                    batch[name] = convert(batch[name])
            except dialect.loaded_dbapi.Error as error:
                raise _driver_failure(error) from None
            except (ValueError, KeyError) as error:  # a damaged or hand-edited value
                raise _value_failure(error) from None
            yield batch
    finally:
        result.close()


Converter = Callable[[Sequence[Any]], list[Any]]


def _converters(dialect: Dialect, selected: Sequence[Any], names: Sequence[str],
                description: Sequence[tuple[Any, ...]]) -> dict[str, Converter]:
    """Return, by field name, what turns a batch of the driver's values into Python's:
    the column type's result processor (each distinct value once: events in time order
    share their days) and the enum lookups."""
    converters: dict[str, Converter] = {}
    for name, column, described in zip(names, selected, description, strict=True):
        if name in _ENUMS:
            converters[name] = _enum_converter(_ENUMS[name])
            continue
        process = column.type.dialect_impl(dialect).result_processor(dialect, described[1])
        if process is not None:
            converters[name] = _memo_converter(process)
    return converters


def _enum_converter(members: Mapping[Any, Any]) -> Converter:
    return lambda values: list(map(members.__getitem__, values))


def _memo_converter(process: Callable[[Any], Any]) -> Converter:
    def convert(values: Sequence[Any]) -> list[Any]:
        known: dict[Any, Any] = {}
        return [known[value] if value in known else known.setdefault(value, process(value))
                for value in values]
    return convert
