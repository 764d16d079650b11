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
    "StoreGateway", "default_database_url", "open_store",
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
        repo = self._repo
        return self.tasks.submit(lambda context: work(repo, context), on_done=on_done,
                                 on_error=on_error, on_progress=on_progress,
                                 on_cancelled=on_cancelled, on_partial=on_partial,
                                 key=key)

    def close(self) -> None:
        """Close the database (after the task manager has shut down)."""
        self._repo.close()
