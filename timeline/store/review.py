"""Analyst review writes: versioned updates of one event, each change audited."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, insert, select, update

from timeline.model import Event, Granularity, Mention, Review, Status, as_datetime, stored_id
from timeline.store import convert, published
from timeline.store.convert import REVIEW_COLUMNS, enum_value, review_row
from timeline.store.errors import ConflictError, StoreError
from timeline.store.queries import EVENTS, fetch_event
from timeline.store.schema import ReviewRow

REVIEWS = ReviewRow.__table__

# The fields an analyst's review (or its undo) may change.
REVIEW_FIELDS = ("status", "earliest", "latest", "granularity", "timex_value", "note")


def utc_now() -> datetime:
    """Return the current UTC time as a naive datetime (how review stamps are stored)."""
    return datetime.now(UTC).replace(tzinfo=None)


def _note(note: str | None) -> str | None:
    # One spelling of "no note": publication-date changes test for NULL.
    return note if note and note.strip() else None


def update_event(
    connection: Connection,
    event_id: int,
    *,
    expected_version: int,
    changes: dict[str, Any],
    actor: str,
    reviewed_at: datetime | None,
    at: datetime,
) -> Event:
    """Apply ``changes`` to the event if it is still at ``expected_version``; returns it fresh.

    Bumps the version, sets reviewed_at, writes one audit row per field whose value
    changed. Raises ConflictError (holding the current event) when the stored version
    differs, before writing anything; the caller's transaction then rolls back.
    """
    current = fetch_event(connection, event_id, for_update=True)
    if current.version != expected_version:
        raise ConflictError(current, expected_version)
    changed = {
        name: value
        for name, value in changes.items()
        if enum_value(getattr(current, name)) != enum_value(value)
    }
    values = {name: enum_value(value) for name, value in changed.items()}
    result = connection.execute(
        update(EVENTS)
        .where(EVENTS.c.id == event_id, EVENTS.c.version == expected_version)
        .values(version=expected_version + 1, reviewed_at=reviewed_at, **values)
    )
    if result.rowcount != 1:
        # Another writer got in between the read and the update.
        raise ConflictError(fetch_event(connection, event_id), expected_version)
    if changed:
        connection.execute(
            insert(REVIEWS),
            [
                review_row(event_id, name, getattr(current, name), value, actor, at)
                for name, value in changed.items()
            ],
        )
    return fetch_event(connection, event_id)


class ReviewOperations:
    """The review half of Repository: versioned, audited changes to stored events."""

    # Provided by Repository: a connection in a read / in a write transaction, and
    # StoryOperations.regroup_events (an event whose date changes finds its story again).
    _reading: Any
    _writing: Any
    regroup_events: Any

    def _review(
        self, event_id: int, expected_version: int, changes: dict[str, Any], actor: str | None,
        reviewed: bool = True,
    ) -> Event:
        at = utc_now()
        moves = "earliest" in changes or "latest" in changes
        with self._writing() as connection:
            # Only a change that may move the interval needs the interval it had.
            before = fetch_event(connection, event_id) if moves else None
            after = update_event(
                connection,
                event_id,
                expected_version=expected_version,
                changes=changes,
                actor=actor or getpass.getuser(),
                reviewed_at=at if reviewed else None,
                at=at,
            )
        if before is not None and (before.earliest, before.latest) != (after.earliest,
                                                                        after.latest):
            # A new date may tell a different story: the event finds its story again.
            self.regroup_events([event_id])
            with self._reading() as connection:
                return fetch_event(connection, event_id)
        return after

    def accept(self, event_id: int, *, expected_version: int, actor: str | None = None) -> Event:
        """Mark the event accepted; returns it. Raises ConflictError on a stale version."""
        return self._review(event_id, expected_version, {"status": Status.ACCEPTED}, actor)

    def reject(self, event_id: int, *, expected_version: int, actor: str | None = None) -> Event:
        """Mark the event rejected; returns it. Raises ConflictError on a stale version."""
        return self._review(event_id, expected_version, {"status": Status.REJECTED}, actor)

    def correct(
        self,
        event_id: int,
        *,
        expected_version: int,
        earliest: datetime,
        latest: datetime,
        granularity: Granularity,
        actor: str | None = None,
        timex_value: str | None = None,
    ) -> Event:
        """Give the event a corrected interval (status corrected); returns it.

        ``timex_value`` None clears the stored TIMEX3 value, which would no longer
        describe the new interval. Raises ConflictError on a stale version and
        StoreError when earliest is after latest.
        """
        if earliest > latest:
            raise StoreError(
                f"the corrected interval ends ({latest}) before it starts ({earliest})"
            )
        changes = {
            "status": Status.CORRECTED,
            "earliest": earliest,
            "latest": latest,
            "granularity": Granularity(granularity),
            "timex_value": timex_value,
        }
        return self._review(event_id, expected_version, changes, actor)

    def annotate(
        self, event_id: int, *, expected_version: int, note: str | None, actor: str | None = None
    ) -> Event:
        """Set the analyst's note on the event (status unchanged); returns it.

        A blank note (None, "", spaces) clears it, so the event counts as untouched again.
        """
        return self._review(event_id, expected_version, {"note": _note(note)}, actor)

    def restore(
        self, event_id: int, *, expected_version: int, state: Event, actor: str | None = None
    ) -> Event:
        """Put back the review fields of ``state`` (undo/redo); returns the event.

        A restore to unreviewed clears reviewed_at; the change is audited like any other.
        """
        changes = {name: getattr(state, name) for name in REVIEW_FIELDS}
        changes["note"] = _note(state.note)
        reviewed = Status(state.status) != Status.UNREVIEWED
        return self._review(event_id, expected_version, changes, actor, reviewed=reviewed)

    def history(self, event_id: int) -> list[Review]:
        """Return the event's audit rows, oldest first."""
        with self._reading() as connection:
            rows = connection.execute(
                select(*(REVIEWS.c[name] for name in REVIEW_COLUMNS))
                .where(REVIEWS.c.event_id == event_id)
                # Insertion order: clocks of two desks sharing a server may disagree.
                .order_by(REVIEWS.c.id)
            )
            return [convert.review_from_row(row) for row in rows]

    # Publication date ---------------------------------------------------------

    def apply_published_change(
        self,
        article_id: int,
        new_published: datetime,
        mentions: list[Mention],
        events: list[Event],
        *,
        actor: str | None = None,
        dry_run: bool = False,
    ) -> published.PublishedChange:
        """Give the article a new publication date with its re-tagged mentions and events.

        Untouched events are rewritten (moved), added or removed to match ``events``;
        events an analyst touched are kept as they are and listed in kept_reviewed.
        Returns the PublishedChange; with ``dry_run`` nothing is written. Raises
        ConflictError, changing nothing, when an event was reviewed meanwhile.
        """
        new_published = as_datetime(new_published)
        if dry_run:
            with self._reading() as connection:
                old_events = published.article_events(connection, article_id, for_update=False)
            return published.plan_change(old_events, events)
        at = utc_now()
        with self._writing() as connection:
            old_events = published.article_events(connection, article_id, for_update=True)
            change = published.plan_change(old_events, events)
            applied = published.apply_change(
                connection,
                article_id,
                new_published,
                mentions,
                change,
                actor=actor or getpass.getuser(),
                at=at,
            )
        moved = [after.id for _, after in applied.moved] + [event.id for event in applied.added]
        if not (moved or applied.removed):
            return applied
        # Removed events leave their stories; moved and new ones find theirs.
        self.regroup_events(moved, left={event.story_id for event in applied.removed})
        with self._reading() as connection:
            def fresh(event: Event) -> Event:
                return fetch_event(connection, stored_id(event))
            return published.PublishedChange(
                moved=[(before, fresh(after)) for before, after in applied.moved],
                added=[fresh(event) for event in applied.added],
                removed=applied.removed, kept_reviewed=applied.kept_reviewed)
