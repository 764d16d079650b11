"""The exceptions the store raises; callers catch these, never driver errors."""

from __future__ import annotations

from timeline.model import Event, Story


class StoreError(Exception):
    """Any storage failure, with a one-line message fit to show a user."""


class DatabaseUnavailableError(StoreError):
    """The database itself failed (server gone, disk full, file locked), not the data
    given to it: whatever comes next will most likely fail the same way."""


class ReadOnlyDatabaseError(DatabaseUnavailableError):
    """A database that can be read but not written here (a read-only mount or file)."""


class NotFoundError(StoreError, LookupError):
    """An article or event id that is not in the database."""


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the app than this one."""


class ConflictError(StoreError):
    """Someone changed the event (or the story) since the caller read it; ``current``
    is the fresh one."""

    def __init__(self, current: Event | Story, expected_version: int) -> None:
        kind = "story" if isinstance(current, Story) else "event"
        super().__init__(
            f"{kind} {current.id} was changed elsewhere (now version {current.version}, "
            f"expected {expected_version}); reload it and try again"
        )
        self.current = current
        self.expected_version = expected_version
