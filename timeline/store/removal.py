"""Taking an article out of the database (and so undoing its import), audited.

The article goes with everything hung on it: its mentions, its events, the events'
review history and their places in stories. Stories left without events stop being
listed (timeline.store.stories.story_filters); the others are recomputed from the
events they keep. One row of ``article_removals`` records what was removed, by whom
and when: the article's own rows are gone, so the record keeps what identified it.
"""

from __future__ import annotations

import getpass
from dataclasses import dataclass
from datetime import datetime
from threading import Lock
from typing import Any

from sqlalchemy import Connection, case, delete, func, insert, or_, select

from timeline.model import Status
from timeline.store.errors import NotFoundError
from timeline.store.queries import EVENTS, STORABLE_INTEGERS
from timeline.store.review import REVIEWS, utc_now
from timeline.store.schema import ArticleRemovalRow, ArticleRow, MentionRow
from timeline.store.stories import refresh_stories
from timeline.stories.grouping import StoryIndex

ARTICLES = ArticleRow.__table__
MENTIONS = MentionRow.__table__
REMOVALS = ArticleRemovalRow.__table__

_RECORD_FIELDS = ("article_id", "title", "outlet", "url", "published", "source_path",
                  "content_hash", "events", "reviewed_events", "reviews", "actor", "at")


@dataclass(frozen=True)
class ArticleRemoval:
    """What removing an article takes with it (``at`` and ``actor`` are None in a
    preview): its events, how many of them an analyst had touched, and how many audit
    rows (analyst reviews) of those events are lost."""

    article_id: int
    title: str | None
    outlet: str | None
    url: str | None
    published: datetime | None
    source_path: str | None
    content_hash: str
    events: int
    reviewed_events: int
    reviews: int
    actor: str | None = None
    at: datetime | None = None


def plan_removal(connection: Connection, article_id: int, *,
                 for_update: bool = False) -> ArticleRemoval:
    """Return what removing ``article_id`` would take, unsaved; raises NotFoundError
    for an article that is not stored."""
    if article_id not in STORABLE_INTEGERS:
        raise NotFoundError(f"no article with id {article_id}")
    query = select(ARTICLES.c.id, ARTICLES.c.title, ARTICLES.c.outlet, ARTICLES.c.url,
                   ARTICLES.c.published, ARTICLES.c.source_path,
                   ARTICLES.c.content_hash).where(ARTICLES.c.id == article_id)
    if for_update:
        query = query.with_for_update()  # a second remover waits, then finds nothing
    row = connection.execute(query).first()
    if row is None:
        raise NotFoundError(f"no article with id {article_id}")
    touched = or_(EVENTS.c.status != Status.UNREVIEWED.value, EVENTS.c.note.is_not(None))
    events, reviewed = connection.execute(
        select(func.count(), func.coalesce(func.sum(case((touched, 1), else_=0)), 0))
        .select_from(EVENTS).where(EVENTS.c.article_id == article_id)
    ).one()
    reviews = connection.execute(
        select(func.count()).select_from(REVIEWS).where(
            REVIEWS.c.event_id.in_(_event_ids(article_id)))
    ).scalar_one()
    return ArticleRemoval(
        article_id=row.id, title=row.title, outlet=row.outlet, url=row.url,
        published=row.published, source_path=row.source_path,
        content_hash=row.content_hash, events=int(events), reviewed_events=int(reviewed),
        reviews=int(reviews))


def _event_ids(article_id: int) -> Any:
    # A subquery, not an IN list: an article may have thousands of events.
    return select(EVENTS.c.id).where(EVENTS.c.article_id == article_id).scalar_subquery()


def remove(connection: Connection, article_id: int, *, actor: str,
           at: datetime) -> ArticleRemoval:
    """Delete the article and all hung on it in the caller's transaction, refresh the
    stories its events leave and write the audit record; returns that record."""
    plan = plan_removal(connection, article_id, for_update=True)
    story_ids = set(connection.execute(
        select(EVENTS.c.story_id).where(EVENTS.c.article_id == article_id,
                                        EVENTS.c.story_id.is_not(None)).distinct()
    ).scalars())
    # In order, not by the foreign keys' cascades: a SQLite file opened elsewhere
    # without PRAGMA foreign_keys would keep orphans.
    connection.execute(delete(REVIEWS).where(REVIEWS.c.event_id.in_(_event_ids(article_id))))
    connection.execute(delete(EVENTS).where(EVENTS.c.article_id == article_id))
    connection.execute(delete(MENTIONS).where(MENTIONS.c.article_id == article_id))
    connection.execute(delete(ARTICLES).where(ARTICLES.c.id == article_id))
    refresh_stories(connection, story_ids)
    record = ArticleRemoval(**{**plan.__dict__, "actor": actor, "at": at})
    connection.execute(insert(REMOVALS).values(
        **{name: getattr(record, name) for name in _RECORD_FIELDS}))
    return record


class RemovalOperations:
    """The article-removal half of Repository."""

    _reading: Any
    _writing: Any
    _story_index: StoryIndex
    _story_lock: Lock

    def article_removal(self, article_id: int) -> ArticleRemoval:
        """Return what removing the article would take (nothing is written); raises
        NotFoundError for an unknown article."""
        with self._reading() as connection:
            return plan_removal(connection, article_id)

    def remove_article(self, article_id: int, *, actor: str | None = None) -> ArticleRemoval:
        """Remove the article with its mentions, events, their reviews and story
        memberships in one transaction, audited; returns the audit record. Raises
        NotFoundError (nothing changed) for an unknown article."""
        with self._story_lock, self._writing() as connection:
            record = remove(connection, article_id, actor=actor or getpass.getuser(),
                            at=utc_now())
        # The index knew the removed events as members of their stories.
        self._story_index.forget()
        return record

    def list_article_removals(self) -> list[ArticleRemoval]:
        """Return the audit records of removed articles, oldest first."""
        with self._reading() as connection:
            rows = connection.execute(
                select(*(REMOVALS.c[name] for name in _RECORD_FIELDS)).order_by(REMOVALS.c.id))
            return [ArticleRemoval(**row._mapping) for row in rows]
