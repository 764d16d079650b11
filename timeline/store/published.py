"""Changing an article's publication date: swap its unreviewed events for re-resolved ones.

The caller re-tags the article against the new date; this module matches the old
events to the new ones by where they sit in the text (sentence start + expression
start), rewrites the untouched ones, keeps every event an analyst has touched, and
records what happened.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, delete, insert, select, update

from timeline.model import Event, Mention, Status, as_datetime, stored_id
from timeline.store import convert
from timeline.store.convert import review_row
from timeline.store.errors import ConflictError, NotFoundError
from timeline.store.queries import EVENT_SELECT_COLUMNS, EVENTS, fetch_event
from timeline.store.schema import ArticleRow, MentionRow, ReviewRow

ARTICLES = ArticleRow.__table__
MENTIONS = MentionRow.__table__
REVIEWS = ReviewRow.__table__

# Columns that belong to the analyst, not to the tagger: never taken from a re-tag.
ANALYST_FIELDS = ("status", "note", "version", "reviewed_at")


@dataclass(frozen=True)
class PublishedChange:
    """What a publication-date change does to an article's events.

    ``moved`` pairs (before, after) for untouched events whose resolution changed;
    ``added``/``removed`` are events that appear or vanish with the new date;
    ``kept_reviewed`` are the analyst-touched events left as they were (possibly
    affected: the analyst may want to look at them again).
    """

    moved: list[tuple[Event, Event]]
    added: list[Event]
    removed: list[Event]
    kept_reviewed: list[Event]


def is_touched(event: Event) -> bool:
    """Return True when an analyst has reviewed or annotated the event."""
    return Status(event.status) != Status.UNREVIEWED or event.note is not None


def _position(event: Event) -> tuple[int, int | None]:
    return (event.char_start, event.expr_start)


def _tagger_values(event: Event) -> dict[str, Any]:
    values = convert.event_values(event)
    for name in ANALYST_FIELDS:
        values.pop(name)
    return values


def plan_change(old_events: list[Event], new_events: list[Event]) -> PublishedChange:
    """Return the change that replacing ``old_events`` by ``new_events`` makes, unsaved.

    In ``moved`` the after-event carries the old event's id, article and version; in
    ``added`` events have no id yet. New events at a touched event's position are
    dropped: the analyst's version stands.
    """
    kept = [event for event in old_events if is_touched(event)]
    kept_positions = {_position(event) for event in kept}
    untouched: dict[tuple[int, int | None], list[Event]] = {}
    for event in old_events:
        if not is_touched(event):
            untouched.setdefault(_position(event), []).append(event)
    moved: list[tuple[Event, Event]] = []
    added: list[Event] = []
    for new in new_events:
        position = _position(new)
        if position in kept_positions:
            continue
        candidates = untouched.get(position)
        if candidates:
            old = candidates.pop(0)
            if _tagger_values(old) != _tagger_values(new):
                after = dataclasses.replace(
                    new,
                    id=old.id,
                    article_id=old.article_id,
                    version=old.version,
                    status=Status.UNREVIEWED,
                    note=None,
                    reviewed_at=None,
                )
                moved.append((old, after))
        else:
            added.append(
                dataclasses.replace(
                    new, id=None, status=Status.UNREVIEWED, note=None, version=1, reviewed_at=None
                )
            )
    removed = [event for events in untouched.values() for event in events]
    removed.sort(key=lambda event: event.id or 0)
    return PublishedChange(moved=moved, added=added, removed=removed, kept_reviewed=kept)


def article_events(connection: Connection, article_id: int, *, for_update: bool) -> list[Event]:
    """Return the article's stored events by id; raises NotFoundError for an unknown article."""
    exists = connection.execute(
        select(ARTICLES.c.id).where(ARTICLES.c.id == article_id)
    ).scalar_one_or_none()
    if exists is None:
        raise NotFoundError(f"no article with id {article_id}")
    query = select(*EVENT_SELECT_COLUMNS).where(EVENTS.c.article_id == article_id)
    if for_update:
        query = query.with_for_update()
    rows = connection.execute(query.order_by(EVENTS.c.id))
    return [convert.event_from_row(row) for row in rows]


def _still_untouched(old: Event) -> ColumnElement[bool]:
    # The WHERE that makes a rewrite lose to a concurrent review instead of erasing it.
    return (
        (EVENTS.c.id == old.id)
        & (EVENTS.c.version == old.version)
        & (EVENTS.c.status == Status.UNREVIEWED.value)
        & EVENTS.c.note.is_(None)
    )


def apply_change(
    connection: Connection,
    article_id: int,
    new_published: datetime,
    mentions: list[Mention],
    change: PublishedChange,
    *,
    actor: str,
    at: datetime,
) -> PublishedChange:
    """Write ``change`` and the new date in the caller's transaction; returns it with fresh rows.

    Raises ConflictError when an event it rewrites or removes was reviewed meanwhile.
    """
    old_published = connection.execute(
        select(ARTICLES.c.published).where(ARTICLES.c.id == article_id)
    ).scalar_one()
    audit: list[dict[str, Any]] = []
    moved: list[tuple[Event, Event]] = []
    for old, after in change.moved:
        values = _tagger_values(after)
        result = connection.execute(
            update(EVENTS).where(_still_untouched(old)).values(version=old.version + 1, **values)
        )
        if result.rowcount != 1:
            raise ConflictError(fetch_event(connection, stored_id(old)), old.version)
        old_values = _tagger_values(old)
        audit.extend(
            review_row(stored_id(old), name, old_values[name], value, actor, at)
            for name, value in values.items()
            if old_values[name] != value
        )
        moved.append((old, fetch_event(connection, stored_id(old))))
    for old in change.removed:
        result = connection.execute(delete(EVENTS).where(_still_untouched(old)))
        if result.rowcount != 1:
            raise ConflictError(fetch_event(connection, stored_id(old)), old.version)
    added: list[Event] = []
    for new in change.added:
        new_id = connection.execute(
            insert(EVENTS)
            .values(article_id=article_id, **convert.event_values(new))
            .returning(EVENTS.c.id)
        ).scalar_one()
        added.append(fetch_event(connection, new_id))
    # Reviewed events stay, but their history says the anchor moved under them.
    audit.extend(
        review_row(stored_id(event), "article.published", old_published, new_published, actor, at)
        for event in change.kept_reviewed
    )
    if audit:
        connection.execute(insert(REVIEWS), audit)
    connection.execute(delete(MENTIONS).where(MENTIONS.c.article_id == article_id))
    if mentions:
        connection.execute(
            insert(MENTIONS),
            [
                {"article_id": article_id, **convert.mention_values(mention)}
                for mention in mentions
            ],
        )
    connection.execute(
        update(ARTICLES)
        .where(ARTICLES.c.id == article_id)
        .values(published=as_datetime(new_published), dct_source="analyst")
    )
    return PublishedChange(
        moved=moved, added=added, removed=change.removed, kept_reviewed=change.kept_reviewed
    )
