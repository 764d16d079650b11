"""The window's listing reads: only what lanes, marks and the review walk need.

A full Event carries its sentence, the resolution's explanation and a dozen offsets; a
million of them cost gigabytes and most of a listing's time. The canvas needs an id,
an interval, a title and a status; the source text is read when an event is selected.
These reads take the listing in id-ordered chunks (keyset, no OFFSET walk), so the
window can show the first while the rest comes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, func, select

from timeline.gc_pause import gc_paused
from timeline.model import Article, Granularity, Status
from timeline.store.queries import EVENTS, events_in_time_order
from timeline.store.schema import ArticleRow
from timeline.store.spans import on_window_index

ARTICLES = ArticleRow.__table__
_GRANULARITY = {member.value: member for member in Granularity}
_STATUS = {member.value: member for member in Status}
HEAD_COLUMNS = ("id", "article_id", "title", "expression", "earliest", "latest",
                "granularity", "status", "confidence", "mod")
# An article's fields but its text, which can be megabytes for a whole collection.
ARTICLE_HEAD_COLUMNS = ("id", "title", "url", "outlet", "language", "published",
                        "dct_source", "source_path")


@dataclass(frozen=True, slots=True)
class EventHead:
    """An event as a listing holds it: no sentence, no explanation, no offsets."""

    id: int
    article_id: int
    title: str
    expression: str | None
    earliest: datetime | None
    latest: datetime | None
    granularity: Granularity
    status: Status
    confidence: float
    mod: str | None


def fetch_event_heads(connection: Connection, clauses: Sequence[ColumnElement[bool]], *,
                      after_id: int | None = None, limit: int | None = None,
                      ) -> list[EventHead]:
    """Return the EventHeads matching ``clauses`` by id, those after ``after_id`` only,
    at most ``limit`` of them."""
    query = select(*(EVENTS.c[name] for name in HEAD_COLUMNS)).where(*clauses)
    if after_id is not None:
        query = query.where(EVENTS.c.id > after_id)
    query = query.order_by(EVENTS.c.id)
    if limit is not None:
        query = query.limit(limit)
    # The driver's rows as they are, and each stored moment parsed once (a day window's
    # events share their days): a Row per event and a parse per value cost as much as
    # the query (a day's 3,000 heads among 10^6 events).
    result = connection.execute(query)
    dialect = connection.dialect
    if dialect.name != "sqlite":  # other drivers hand back typed values; Rows kept
        rows: Sequence[Sequence[Any]] = result.all()
        at: Callable[[Any], Any] = _as_is
    else:
        try:
            rows = result.cursor.fetchall()
            moment = EVENTS.c.earliest.type.dialect_impl(dialect).result_processor(
                dialect, result.cursor.description[4][1])
        finally:
            result.close()
        moments: dict[Any, Any] = {None: None}
        if moment is not None:
            for row in rows:
                for value in (row[4], row[5]):
                    if value not in moments:
                        moments[value] = moment(value)
        at = moments.__getitem__
    granularity, status = _GRANULARITY.__getitem__, _STATUS.__getitem__
    with gc_paused():  # 10^5 small objects: no collector walks while they are made
        return [EventHead(event_id, article_id, title, expression, at(earliest), at(latest),
                          granularity(granularity_value), status(status_value), confidence,
                          mod)
                for (event_id, article_id, title, expression, earliest, latest,
                     granularity_value, status_value, confidence, mod) in rows]


def _as_is(value: Any) -> Any:
    return value


def fetch_event_ids(connection: Connection, clauses: Sequence[ColumnElement[bool]]) -> list[int]:
    """Return the ids of the events matching ``clauses``, in the listing's time order."""
    query, parameters = on_window_index(
        connection.dialect.name, events_in_time_order([]).with_only_columns(EVENTS.c.id),
        clauses)
    return list(connection.execute(query, parameters).scalars().all())


def earliest_at_ranks(connection: Connection, clauses: Sequence[ColumnElement[bool]],
                      ranks: Iterable[int]) -> list[datetime | None]:
    """Return the earliest bound of the event at each rank (0 first) in time order
    among those matching ``clauses`` and having one; None past the last."""
    found: list[datetime | None] = []
    for rank in ranks:
        query = (select(EVENTS.c.earliest).where(*clauses, EVENTS.c.earliest.is_not(None))
                 .order_by(EVENTS.c.earliest).limit(1).offset(max(rank, 0)))
        found.append(connection.execute(query).scalar_one_or_none())
    return found


def count_dated(connection: Connection, clauses: Sequence[ColumnElement[bool]]) -> int:
    """Return how many events matching ``clauses`` have an earliest bound."""
    query = select(func.count()).select_from(EVENTS).where(*clauses,
                                                           EVENTS.c.earliest.is_not(None))
    return int(connection.execute(query).scalar_one())


def fetch_article_heads(connection: Connection) -> list[Article]:
    """Return every article without its text (``text`` is ""), in the order stored."""
    rows = connection.execute(
        select(*(ARTICLES.c[name] for name in ARTICLE_HEAD_COLUMNS)).order_by(ARTICLES.c.id))
    return [Article(text="", **row._asdict()) for row in rows]
