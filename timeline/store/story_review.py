"""The analyst's decisions on stories: split an event out, merge stories, choose the
reading of a conflict, accept a story. Each is versioned and audited like an event's
review, and undone through ``move_events`` / ``choose_reading`` / ``restore``.

Stories are never deleted: one left without events stops being listed, and an undo
can move events back into it.
"""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Mapping
from datetime import datetime
from threading import Lock
from typing import Any

from sqlalchemy import Connection, insert, select, update

from timeline.model import Event, Granularity, Review, Status, Story
from timeline.store import convert
from timeline.store.convert import REVIEW_COLUMNS, audit_text
from timeline.store.errors import ConflictError, NotFoundError, StoreError
from timeline.store.queries import EVENTS, fetch_event
from timeline.store.review import REVIEWS, update_event, utc_now
from timeline.store.stories import (
    STORIES,
    fetch_stories,
    fetch_stories_by_id,
    group_events,
    refresh_stories,
    story_filters,
)
from timeline.stories.grouping import StoryIndex


def fetch_story(connection: Connection, story_id: int) -> Story:
    """Return the story ``story_id`` (listed or emptied); raises NotFoundError."""
    found = fetch_stories(connection, [STORIES.c.id == story_id])
    if not found:
        raise NotFoundError(f"no story with id {story_id}")
    return found[0]


def _check(connection: Connection, expected: Mapping[int, int]) -> None:
    for story_id, version in expected.items():
        current = connection.execute(
            select(STORIES.c.version).where(STORIES.c.id == story_id)
        ).scalar_one_or_none()
        if current is None:
            raise NotFoundError(f"no story with id {story_id}")
        if current != version:
            raise ConflictError(fetch_story(connection, story_id), version)


def _audit(connection: Connection, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(insert(REVIEWS), rows)


def _story_audit(story_id: int, field: str, old: Any, new: Any, actor: str,
                 at: datetime, event_id: int | None = None) -> dict[str, Any]:
    return {"event_id": event_id, "story_id": story_id, "field": field,
            "old_value": audit_text(old), "new_value": audit_text(new),
            "actor": actor, "at": at}


class StoryOperations:
    """The story half of Repository: listing stories and the analyst's story reviews."""

    _reading: Any
    _writing: Any
    _story_index: StoryIndex
    _story_lock: Lock

    def list_stories(
        self, *, start: datetime | None = None, end: datetime | None = None,
        conflicts: bool = False, min_sources: int | None = None,
    ) -> list[Story]:
        """Return the stories with events overlapping [start, end), in time order;
        ``conflicts`` keeps those whose sources disagree, ``min_sources`` those
        reported by at least that many articles."""
        clauses = story_filters(start=start, end=end, conflicts=conflicts,
                                min_sources=min_sources)
        with self._reading() as connection:
            return fetch_stories(connection, clauses)

    def list_stories_after(self, after_id: int = 0, *, limit: int = 100_000) -> list[Story]:
        """Return at most ``limit`` stories with an id above ``after_id``, by id: the
        whole store in chunks, for a listing that shows its first part early."""
        with self._reading() as connection:
            return fetch_stories_by_id(connection, after_id=after_id, limit=limit)

    def get_story(self, story_id: int) -> Story:
        """Return the story ``story_id``; raises NotFoundError when there is none."""
        with self._reading() as connection:
            return fetch_story(connection, story_id)

    def story_sources(self, story_ids: Iterable[int | None]) -> dict[int, int]:
        """Return story id -> how many distinct articles report it, for ``story_ids``."""
        wanted = sorted({story_id for story_id in story_ids if story_id is not None})
        found: dict[int, int] = {}
        with self._reading() as connection:
            for offset in range(0, len(wanted), 500):
                rows = connection.execute(
                    select(STORIES.c.id, STORIES.c.sources)
                    .where(STORIES.c.id.in_(wanted[offset:offset + 500])))
                found.update((story_id, sources) for story_id, sources in rows)
        return found

    def story_history(self, story_id: int) -> list[Review]:
        """Return the audit rows of the story's own decisions and moves, oldest first."""
        with self._reading() as connection:
            rows = connection.execute(
                select(*(REVIEWS.c[name] for name in REVIEW_COLUMNS))
                .where(REVIEWS.c.story_id == story_id).order_by(REVIEWS.c.id)
            )
            return [convert.review_from_row(row) for row in rows]

    def move_events(
        self, moves: Mapping[int, int | None], *, expected_versions: Mapping[int, int],
        actor: str | None = None,
    ) -> dict[int, int]:
        """Move each event of ``moves`` to its story (None: a new story of its own).

        ``expected_versions`` holds the version the caller saw of every story involved
        (those the events leave and those they join); a stale one raises ConflictError
        and nothing changes. Returns event id -> the story it was in before, for undo.
        """
        actor = actor or getpass.getuser()
        at = utc_now()
        with self._story_lock, self._writing() as connection:
            _check(connection, expected_versions)
            before: dict[int, int] = {}
            audit: list[dict[str, Any]] = []
            for event_id, target in moves.items():
                old = connection.execute(
                    select(EVENTS.c.story_id).where(EVENTS.c.id == event_id)
                ).scalar_one_or_none()
                if old is None:
                    raise NotFoundError(f"no event with id {event_id} in a story")
                if target is None:
                    target = connection.execute(
                        insert(STORIES).values(title="", granularity=Granularity.UNKNOWN.value,
                                               conflict=False, sources=0, events=0, version=1)
                        .returning(STORIES.c.id)).scalar_one()
                before[event_id] = old
                connection.execute(
                    update(EVENTS).where(EVENTS.c.id == event_id).values(story_id=target))
                audit.append(_story_audit(target, "story", old, target, actor, at, event_id))
            refresh_stories(connection, set(before.values()) | set(
                connection.execute(select(EVENTS.c.story_id).where(
                    EVENTS.c.id.in_(list(moves)))).scalars()))
            _audit(connection, audit)
        self._story_index.forget()
        return before

    def split_event(
        self, event_id: int, *, expected_version: int, actor: str | None = None
    ) -> Story:
        """Take the event out of its story into a story of its own; returns the new
        story. ``expected_version`` is the version of the story it leaves."""
        with self._reading() as connection:
            story_id = connection.execute(
                select(EVENTS.c.story_id).where(EVENTS.c.id == event_id)).scalar_one_or_none()
        if story_id is None:
            raise NotFoundError(f"no event with id {event_id} in a story")
        self.move_events({event_id: None}, expected_versions={story_id: expected_version},
                         actor=actor)
        with self._reading() as connection:
            new_id = connection.execute(
                select(EVENTS.c.story_id).where(EVENTS.c.id == event_id)).scalar_one()
            return fetch_story(connection, new_id)

    def merge_stories(
        self, story_id: int, others: Iterable[int], *, expected_versions: Mapping[int, int],
        actor: str | None = None,
    ) -> Story:
        """Move every event of the ``others`` stories into ``story_id``; returns it."""
        others = [other for other in others if other != story_id]
        with self._reading() as connection:
            event_ids = list(connection.execute(
                select(EVENTS.c.id).where(EVENTS.c.story_id.in_(others))).scalars())
        self.move_events(dict.fromkeys(event_ids, story_id),
                         expected_versions=expected_versions, actor=actor)
        return self.get_story(story_id)

    def choose_reading(
        self, story_id: int, reading: tuple[datetime, datetime] | None, *,
        expected_version: int, actor: str | None = None,
    ) -> Story:
        """Make ``reading`` (earliest, latest) the story's date; None goes back to the
        reading most sources give. The events of the other readings stay, marked as
        not chosen by the story's readings. Returns the story."""
        actor = actor or getpass.getuser()
        with self._story_lock, self._writing() as connection:
            _check(connection, {story_id: expected_version})
            story = fetch_story(connection, story_id)
            if reading is not None and not any(
                (r.earliest, r.latest) == tuple(reading) for r in story.readings
            ):
                raise StoreError(f"story {story_id} has no reading {reading[0]}..{reading[1]}")
            old = next(((r.earliest, r.latest) for r in story.readings if r.chosen), None)
            lo, hi = reading if reading is not None else (None, None)
            connection.execute(update(STORIES).where(STORIES.c.id == story_id)
                               .values(chosen_earliest=lo, chosen_latest=hi))
            refresh_stories(connection, [story_id])
            _audit(connection, [_story_audit(
                story_id, "reading", old and old[0], lo, actor, utc_now())])
            fresh = fetch_story(connection, story_id)
        self._story_index.forget()
        return fresh

    def accept_story(
        self, story_id: int, *, expected_version: int, actor: str | None = None
    ) -> list[tuple[Event, Event]]:
        """Accept the unreviewed events of the story's own reading, in one transaction;
        returns (before, after) of each event changed, for undo with ``restore``."""
        actor = actor or getpass.getuser()
        at = utc_now()
        changed: list[tuple[Event, Event]] = []
        with self._writing() as connection:
            _check(connection, {story_id: expected_version})
            story = fetch_story(connection, story_id)
            wanted = story.readings[0].event_ids if story.readings else ()
            for event_id in wanted:
                before = fetch_event(connection, event_id)
                if before.status != Status.UNREVIEWED:
                    continue
                after = update_event(
                    connection, event_id, expected_version=before.version,
                    changes={"status": Status.ACCEPTED}, actor=actor, reviewed_at=at, at=at)
                changed.append((before, after))
        return changed

    def regroup_events(
        self, event_ids: list[int], left: Iterable[int | None] | None = None
    ) -> None:
        """Place ``event_ids`` again (their dates changed): each leaves its story and
        joins the one its new date and words fit, or a new one. The stories in
        ``left`` lost events some other way and are brought up to date too."""
        from timeline.store.stories import rows_of_events

        with self._story_lock, self._writing() as connection:
            found = set(connection.execute(select(EVENTS.c.story_id).where(
                EVENTS.c.id.in_(event_ids))).scalars()) | set(left or ())
            old = {story_id for story_id in found if story_id is not None}
            connection.execute(update(EVENTS).where(EVENTS.c.id.in_(event_ids))
                               .values(story_id=None))
            refresh_stories(connection, old)
            self._story_index.forget()
            group_events(connection, self._story_index, rows_of_events(connection, event_ids))
        self._story_index.forget()


__all__ = ["StoryOperations", "fetch_story"]
