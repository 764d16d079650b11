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
        # The version each event has in the store after this window's last save of it.
        # Undo and redo restore with it, not with the version their own command left:
        # a later command on the same event has moved the version on since.
        self._saved_versions: dict[int, int] = {}

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
    def _saved(self, event: Event) -> None:
        self._saved_versions[event.id] = event.version
        self.eventChanged.emit(event)

    def _saved_version(self, event: Event) -> int:
        return self._saved_versions.get(event.id, event.version)

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

    def redo(self) -> None:
        """Apply the change (first time) or restore its result; refused on a conflict."""
        if self._after is None:
            self._save(self._first_run)
        else:
            self._save(lambda: self._restore(self._after))

    def undo(self) -> None:
        """Restore the event as it was before; refused on a conflict."""
        self._save(lambda: self._restore(self._before))

    def _first_run(self) -> Event:
        self._after = self._operation(self._before)
        return self._after

    def _restore(self, state: Event) -> Event:
        # A refusal records nothing, so a change made elsewhere keeps being refused.
        return self._session.repo.restore(
            self._before.id, expected_version=self._session._saved_version(self._before),
            state=state, actor=self._session.actor)

    def _save(self, change: Callable[[], Event]) -> None:
        # Redo and undo alike: a refused change makes the command obsolete, so the
        # stack drops it instead of offering it again.
        try:
            saved = change()
        except (ConflictError, StoreError) as error:
            self.setObsolete(True)
            self._session._refuse(error)
            return
        self._session._saved(saved)


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"

