"""The window's listing reads: only what lanes, marks and the review walk need.

A full Event carries its sentence, the resolution's explanation and a dozen offsets; a
million of them cost gigabytes and most of a listing's time. The canvas needs an id,
an interval, a title and a status; the source text is read when an event is selected.
These reads take the listing in id-ordered chunks (keyset, no OFFSET walk), so the
window can show the first while the rest comes.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, Connection, func, select

from timeline.gc_pause import gc_paused
from timeline.model import Article, Granularity, Status
from timeline.store.queries import EVENTS, events_in_time_order
from timeline.store.schema import ArticleRow

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
    rows = connection.execute(query).all()
    with gc_paused():  # 10^5 small objects: no collector walks while they are made
        return [EventHead(row[0], row[1], row[2], row[3], row[4], row[5],
                          _GRANULARITY[row[6]], _STATUS[row[7]], row[8], row[9])
                for row in rows]


def fetch_event_ids(connection: Connection, clauses: Sequence[ColumnElement[bool]]) -> list[int]:
    """Return the ids of the events matching ``clauses``, in the listing's time order."""
    query = events_in_time_order(list(clauses)).with_only_columns(EVENTS.c.id)
    return list(connection.execute(query).scalars())


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
