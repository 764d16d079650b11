"""The analyst's review operations as undoable commands that save at once.

Each command calls the repository straight away (accept, reject, correct, annotate);
undo puts the event back with ``repo.restore`` to the state it had before, redo
restores the state the command produced. Every call passes the version the window
last saw, so a change made meanwhile elsewhere (another window, another analyst on
the shared database) raises ConflictError: the command then changes nothing, drops
out of the undo stack, and the fresh event is shown with a message.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from timeline.model import Event, Granularity, Status
from timeline.store import ConflictError, StoreError


class ReviewSession(QObject):
    """Pushes review commands for one repository; tells the window what changed."""

    eventChanged = Signal(object)  # Event: saved, or the fresh one after a conflict
    refused = Signal(str, object)  # message, fresh Event or None

    def __init__(self, repo, parent: QObject | None = None, *, actor: str | None = None) -> None:
        super().__init__(parent)
        self.repo = repo
        self.actor = actor
        self.undo_stack = QUndoStack(self)
        # Per event: the version after this window's last save of it, and the version its
        # present run of saves started from (a save from any other version, i.e. after a
        # change made elsewhere, starts a new run). Undo and redo of a command of the
        # present run expect the last saved version: a later command of this window may
        # have moved it on. An older command expects its own result, which the store has
        # left behind, so it is refused rather than undo a change made elsewhere.
        self._last_saved: dict[int, int] = {}
        self._run_start: dict[int, int] = {}

    def accept(self, event: Event) -> None:
        """Mark the event accepted (saved now, undoable)."""
        self._push(event, f"Accept “{_short(event.title)}”",
                   lambda e: self.repo.accept(e.id, expected_version=e.version, actor=self.actor))

    def reject(self, event: Event) -> None:
        """Mark the event rejected (saved now, undoable)."""
        self._push(event, f"Reject “{_short(event.title)}”",
                   lambda e: self.repo.reject(e.id, expected_version=e.version, actor=self.actor))

    def correct(
        self,
        event: Event,
        earliest: datetime | None,
        latest: datetime | None,
        granularity: Granularity,
        timex_value: str | None = None,
    ) -> None:
        """Give the event a corrected interval (status becomes corrected; undoable)."""
        self._push(event, f"Correct “{_short(event.title)}”",
                   lambda e: self.repo.correct(
                       e.id, expected_version=e.version, earliest=earliest, latest=latest,
                       granularity=granularity, actor=self.actor, timex_value=timex_value))

    def annotate(self, event: Event, note: str) -> None:
        """Attach a note to the event (undoable)."""
        self._push(event, f"Note on “{_short(event.title)}”",
                   lambda e: self.repo.annotate(
                       e.id, expected_version=e.version, note=note, actor=self.actor))

    def accept_all(self, events: list[Event]) -> None:
        """Accept several events as one undoable step (each saved at once)."""
        self._batch(events, f"Accept {len(events)} events", self.accept)

    def reject_all(self, events: list[Event]) -> None:
        """Reject several events as one undoable step (each saved at once)."""
        self._batch(events, f"Reject {len(events)} events", self.reject)

    def _batch(self, events: list[Event], text: str, one: Callable[[Event], None]) -> None:
        if len(events) == 1:
            one(events[0])
            return
        self.undo_stack.beginMacro(text)
        try:
            for event in events:
                one(event)
        finally:
            self.undo_stack.endMacro()

    def _push(self, event: Event, text: str, operation: Callable[[Event], Event]) -> None:
        self.undo_stack.push(_ReviewCommand(self, event, text, operation))

    # Called by the commands.
    def _saved(self, event: Event, expected_version: int) -> None:
        if self._last_saved.get(event.id) != expected_version:
            self._run_start[event.id] = expected_version
        self._last_saved[event.id] = event.version
        self.eventChanged.emit(event)

    def _expected_version(self, before: Event, own_version: int) -> int:
        """Return the version an undo or redo of a command that started from ``before``
        (and last left the event at ``own_version``) expects the store to hold."""
        run_start = self._run_start.get(before.id)
        if run_start is not None and before.version >= run_start:
            return self._last_saved[before.id]
        return own_version

    def _refuse(self, error: Exception) -> None:
        current = getattr(error, "current", None)
        if isinstance(error, ConflictError):
            now = f" (it is now {Status(current.status).value})" if current is not None else ""
            message = (f"This event was changed elsewhere meanwhile{now}; nothing was "
                       "overwritten. The current value is shown now.")
        else:
            message = f"Could not save the change: {error}"
        if current is not None:
            self.eventChanged.emit(current)
        self.refused.emit(message, current)


class _ReviewCommand(QUndoCommand):
    """One review change: first redo runs the operation, later ones restore its result."""

    def __init__(self, session: ReviewSession, before: Event, text: str,
                 operation: Callable[[Event], Event]) -> None:
        super().__init__(text)
        self._session = session
        self._before = before
        self._operation = operation
        self._after: Event | None = None
        self._version = before.version  # the version the store held after our last call

    def redo(self) -> None:
        """Apply the change (first time) or restore its result; refused on a conflict."""
        if self._after is None:
            self._save(self._before.version, self._first_run)
        else:
            self._restore(self._after)

    def undo(self) -> None:
        """Restore the event as it was before; refused on a conflict."""
        self._restore(self._before)

    def _first_run(self, _expected: int) -> Event:
        self._after = self._operation(self._before)
        return self._after

    def _restore(self, state: Event) -> None:
        expected = self._session._expected_version(self._before, self._version)
        self._save(expected, lambda version: self._session.repo.restore(
            self._before.id, expected_version=version, state=state, actor=self._session.actor))

    def _save(self, expected: int, change: Callable[[int], Event]) -> None:
        # Redo and undo alike: a refused change makes the command obsolete, so the
        # stack drops it instead of offering it again.
        try:
            saved = change(expected)
        except (ConflictError, StoreError) as error:
            self.setObsolete(True)
            self._session._refuse(error)
            return
        self._version = saved.version
        self._session._saved(saved, expected)


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"

