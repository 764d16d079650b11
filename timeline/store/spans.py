"""The window filter's index: events overlapping [start, end) found without reading
every event that starts before ``end`` (revision 0003).

SQLite keeps each event's span in an R*Tree, ``events_span``, as days since
2000-01-01; PostgreSQL has a GiST index over ``tsrange(earliest, latest, '[]')``. Both
find a superset (R*Tree rounds outwards, the closed range takes the touching ends), so
the exact bounds in timeline.store.queries still decide.

The R*Tree's candidates are checked on their rows of the wide events table: 3,000
random row reads for a day among 10^6 events (15-25 ms). For ids and counts SQLite has
a narrow covering index instead (revision 0006), ``ix_events_span_reach`` on (reach,
earliest, latest, status), where reach is the class of the event's length (at most 1,
2, 4 ... 65,536 days; 99 longer or open). An event of class k that overlaps the window
starts at most 2^k days before it, so each class is one short contiguous range of the
index: the exact test never leaves the index, and the cost does not depend on where
the day falls.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    BindParameter,
    Boolean,
    ColumnElement,
    DateTime,
    Integer,
    Select,
    and_,
    bindparam,
    column,
    literal_column,
    select,
    table,
    text,
)
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

# The reach classes: an event's length in days at most REACH_DAYS[k] is class k; longer
# ones and those with no latest bound are OPEN_REACH. Powers of two keep each class's
# range of the index within twice the events that overlap.
REACH_DAYS = tuple(2 ** k for k in range(17))
OPEN_REACH = 99
# The indexed expression (revision 0006); a query must repeat it exactly.
SQLITE_REACH = ("(CASE WHEN latest IS NULL THEN 99 " + " ".join(
    f"WHEN julianday(latest) - julianday(earliest) <= {days} THEN {k}"
    for k, days in enumerate(REACH_DAYS)) + " ELSE 99 END)")
REACH_INDEX = "ix_events_span_reach"
# julianday differences are floats (a few microseconds of error): each class's lower
# bound keeps a second more than its length.
_REACH_MARGIN = timedelta(seconds=1)


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


# Each reach class with the earliest start an overlapping event of that class can have
# (bound at execution: the statement stays the same and SQLAlchemy compiles it once).
_REACH_CLASSES = [*range(len(REACH_DAYS)), OPEN_REACH]
_REACH = text(" UNION ALL ".join(f"SELECT {k} AS k, :reach_lower_{k} AS lower"
                                 for k in _REACH_CLASSES)).bindparams(
    *(bindparam(f"reach_lower_{k}", type_=DateTime()) for k in _REACH_CLASSES),
).columns(column("k", Integer), column("lower", DateTime())).cte("reach")
_REACH_JOINED = _REACH.join(EVENTS, and_(literal_column(SQLITE_REACH) == _REACH.c.k,
                                         EVENTS.c.earliest >= _REACH.c.lower))


def on_window_index(dialect_name: str, query: Select[Any],
                    clauses: Sequence[ColumnElement[bool]],
                    ) -> tuple[Select[Any], dict[str, Any]]:
    """Return ``query`` (a SELECT over the events table, no WHERE yet) narrowed to the
    events matching ``clauses``, with the parameters to execute it with: on SQLite with
    a span_overlap among them, read through the narrow covering index by reach class
    (the overlap clause dropped, the exact bounds kept among the clauses), so no row of
    the events table is read unless the query selects its other columns; otherwise
    with the clauses as given and no parameters."""
    overlap = next((clause for clause in clauses if isinstance(clause, SpanOverlap)), None)
    if dialect_name != "sqlite" or overlap is None:
        return query.where(*clauses), {}
    start = overlap.start
    lowest = datetime.min + timedelta(days=REACH_DAYS[-1]) + _REACH_MARGIN
    lowers = {f"reach_lower_{k}": start - timedelta(days=days) - _REACH_MARGIN
              if start >= lowest else datetime.min for k, days in enumerate(REACH_DAYS)}
    lowers[f"reach_lower_{OPEN_REACH}"] = datetime.min
    rest = [clause for clause in clauses if clause is not overlap]
    # The planner takes the covering index for the join on its own (the reach
    # expression and earliest are its leading columns); SQLite has no hint to force it.
    return query.select_from(_REACH_JOINED).where(*rest), lowers
