"""The exceptions the store raises; callers catch these, never driver errors."""

from __future__ import annotations

from timeline.model import Event


class StoreError(Exception):
    """Any storage failure, with a one-line message fit to show a user."""


class NotFoundError(StoreError, LookupError):
    """An article or event id that is not in the database."""


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the app than this one."""


class ConflictError(StoreError):
    """Someone changed the event since the caller read it; ``current`` is the fresh row."""

    def __init__(self, current: Event, expected_version: int) -> None:
        super().__init__(
            f"event {current.id} was changed elsewhere (now version {current.version}, "
            f"expected {expected_version}); reload it and try again"
        )
        self.current = current
        self.expected_version = expected_version
