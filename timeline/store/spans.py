"""The window filter's index: events overlapping [start, end) found without reading
every event that starts before ``end`` (revision 0003).

SQLite keeps each event's span in an R*Tree, ``events_span``, as days since
2000-01-01; PostgreSQL has a GiST index over ``tsrange(earliest, latest, '[]')``. Both
find a superset (R*Tree rounds outwards, the closed range takes the touching ends), so
the exact bounds in timeline.store.queries still decide.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import BindParameter, Boolean, ColumnElement, bindparam, column, select, table, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler

from timeline.store.schema import EventRow

EVENTS = EventRow.__table__

DAY_ZERO = datetime(2000, 1, 1)
# A stored time as days since DAY_ZERO (julianday of 2000-01-01 00:00 is 2451544.5).
SQLITE_DAY = "(julianday({column}) - 2451544.5)"
# The indexed expression; a query must repeat it exactly for PostgreSQL to use the index.
PG_SPAN = "tsrange(earliest, latest, '[]')"
_PG_SPAN_QUALIFIED = "tsrange(events.earliest, events.latest, '[]')"

_SPANS = table("events_span", column("id"), column("first_day"), column("last_day"))


def day_number(moment: datetime) -> float:
    """Return ``moment`` as days since 2000-01-01, as events_span holds it."""
    return (moment - DAY_ZERO).total_seconds() / 86_400


class SpanOverlap(ColumnElement[bool]):
    """Events whose span may overlap [start, end], through the backend's span index
    (always true where there is none: the exact bounds are checked beside it)."""

    inherit_cache = False
    type = Boolean()
    # A condition as it stands (no "= 1" added on backends without a boolean type).
    _is_implicitly_boolean = True

    def __init__(self, start: datetime, end: datetime) -> None:
        self.start = start
        self.end = end


def span_overlap(start: datetime, end: datetime) -> ColumnElement[bool]:
    """Return the index clause for a window from ``start`` to ``end``."""
    return SpanOverlap(start, end)


@compiles(SpanOverlap, "sqlite")
def _sqlite_overlap(element: SpanOverlap, compiler: SQLCompiler, **kw: Any) -> str:
    first: BindParameter[float] = bindparam(None, day_number(element.end), unique=True)
    last: BindParameter[float] = bindparam(None, day_number(element.start), unique=True)
    overlapping = select(_SPANS.c.id).where(_SPANS.c.first_day <= first,
                                            _SPANS.c.last_day >= last)
    return compiler.process(EVENTS.c.id.in_(overlapping), **kw)


@compiles(SpanOverlap, "postgresql")
def _postgresql_overlap(element: SpanOverlap, compiler: SQLCompiler, **kw: Any) -> str:
    query = text(f"{_PG_SPAN_QUALIFIED} && tsrange(:span_start, :span_end, '[]')")
    clause = query.bindparams(bindparam("span_start", element.start, unique=True),
                              bindparam("span_end", element.end, unique=True))
    return compiler.process(clause, **kw)


@compiles(SpanOverlap)
def _other_overlap(element: SpanOverlap, compiler: SQLCompiler, **kw: Any) -> str:
    return "1 = 1"
