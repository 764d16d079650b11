"""The window's one way to the store: every call runs on the task manager's worker.

Widgets never hold the repository. They hand the gateway a function of the repository
(and the task's context); it runs on the single store worker of ``ui.tasks``, so the
database sees one writer from the app and the GUI thread never waits on a round trip
(a remote PostgreSQL costs one per statement). Results come back on the main thread.
This module and ``ui.tasks`` are the only ones under ``ui/`` that import
``timeline.store`` (tests/ui/test_gateway.py checks it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from timeline.store import (
    ConflictError,
    NewerSchemaError,
    NotFoundError,
    Repository,
    StoreError,
    default_database_url,
    open_repository,
    shown_url,
)
from ui.tasks import TaskContext, TaskHandle, TaskManager

__all__ = [
    "ConflictError", "NewerSchemaError", "NotFoundError", "Repository", "StoreError",
    "StoreGateway", "default_database_url", "open_store", "shown_url",
]

T = TypeVar("T")
StoreWork = Callable[[Repository, TaskContext], T]


def open_store(url: str) -> Repository:
    """Open (and upgrade) the database at ``url``; returns its repository, to be handed
    to a StoreGateway: read-only when the database cannot be written (the window then
    says so). Raises StoreError or NewerSchemaError with a one-line message."""
    return open_repository(url, read_only=None)


class StoreGateway:
    """The repository, reachable only through ``submit`` (see the module docstring)."""

    def __init__(self, repo: Repository, tasks: TaskManager) -> None:
        self._repo = repo
        self.tasks = tasks
        tasks.gateway = self  # owned by the task manager: one worker, one store
        self.url = repo.url
        self.shown_url = shown_url(repo.url)
        self.read_only = repo.read_only  # every write would be refused

    def submit(
        self,
        work: StoreWork[Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_partial: Callable[[Any], None] | None = None,
        key: str | None = None,
    ) -> TaskHandle:
        """Run ``work(repo, context)`` on the store worker; returns the task's handle
        (``on_done`` gets the result on the main thread, as in TaskManager.submit)."""
        # The repository is read when the task runs, on the worker: after a reopen()
        # every later task sees the new database, every earlier one the old.
        return self.tasks.submit(lambda context: work(self._repo, context), on_done=on_done,
                                 on_error=on_error, on_progress=on_progress,
                                 on_cancelled=on_cancelled, on_partial=on_partial,
                                 key=key)

    def reopen(self, url: str, *, on_done: Callable[[str], None],
               on_error: Callable[[BaseException], None]) -> TaskHandle:
        """Open the database at ``url`` on the worker and make it the store every later
        task works on (the old one is closed there); ``on_done(url)`` then runs on the
        main thread with the repository's URL. A database that cannot be opened leaves
        the old one in place and comes to ``on_error`` (StoreError, NewerSchemaError)."""
        def swap(_old: Repository, _context: TaskContext) -> tuple[str, str, bool]:
            fresh = open_store(url)
            old, self._repo = self._repo, fresh
            old.close()
            return fresh.url, shown_url(fresh.url), fresh.read_only

        def swapped(opened: tuple[str, str, bool]) -> None:
            self.url, self.shown_url, self.read_only = opened
            on_done(self.url)

        return self.submit(swap, on_done=swapped, on_error=on_error)

    def close(self) -> None:
        """Close the database (after the task manager has shut down)."""
        self._repo.close()
