"""The analyst's review operations as undoable commands, saved through the store gateway.

Every change (accept, reject, correct, annotate; several events at once as one step)
runs on the store worker. The command is pushed on the undo stack only once its save
has landed, and undo and redo move the stack only once their restore has landed: the
stack always says what the store holds. Changes, undos and redos are queued and run
one after the other, each from the state the previous one left, so a burst of keys on
a slow (remote) store gives the same result as the same keys pressed slowly.

Every save passes the version the window last saw, so a change made meanwhile elsewhere
(another window, another analyst on the shared database) raises ConflictError: the
change is refused, the command drops out of the stack (or is never pushed), and the
fresh event is shown with a message. Only ``undo()`` and ``redo()`` here move the
stack: its commands hold the record, not the work (the undo view is read-only).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from timeline.model import Event, Granularity, Status
from ui.gateway import ConflictError, StoreError, StoreGateway

# A review operation on the store: (repository, event as last seen) -> the saved event.
Operation = Callable[[Any, Event], Event]
EventRef = Event | int  # an event as the window has it, or only its id (not fetched yet)


@dataclass
class _Leaf:
    """One event's change within a command: the state before, and after our save."""

    before: Event
    after: Event
    version: int  # the version the store held after our last save of this change


class _ReviewCommand(QUndoCommand):
    """The record of one undo step (one or several events); see the module docstring."""

    def __init__(self, text: str, leaves: list[_Leaf]) -> None:
        super().__init__(text)
        self.leaves = leaves

    def redo(self) -> None:
        """Nothing: the session saved the change before the stack moved."""

    def undo(self) -> None:
        """Nothing: the session restored the events before the stack moved."""


class ReviewSession(QObject):
    """Queues review changes, undos and redos through one store gateway; tells the
    window what changed."""

    eventChanged = Signal(object)  # Event: saved, or the fresh one after a conflict
    refused = Signal(str, object)  # message, fresh Event or None
    settled = Signal()  # every queued change, undo and redo has landed
    pendingChanged = Signal(bool)  # True once a step is queued, False once all landed

    def __init__(self, gateway: StoreGateway, parent: QObject | None = None, *,
                 actor: str | None = None) -> None:
        super().__init__(parent)
        self.gateway = gateway
        self.actor = actor
        self.undo_stack = QUndoStack(self)
        self._queue: deque[Callable[[], None]] = deque()
        self._running = False
        # The newest state of each event this session saved: a change queued before an
        # earlier one landed starts from it, not from the copy it was queued with.
        self._known: dict[int, Event] = {}
        # Per event: the version after this window's last save of it, and the version its
        # present run of saves started from (a save from any other version, i.e. after a
        # change made elsewhere, starts a new run). Undo and redo of a command of the
        # present run expect the last saved version: a later command of this window may
        # have moved it on. An older command expects its own result, which the store has
        # left behind, so it is refused rather than undo a change made elsewhere.
        self._last_saved: dict[int, int] = {}
        self._run_start: dict[int, int] = {}

    # --- changes ------------------------------------------------------------------------

    def accept(self, event: EventRef) -> None:
        """Mark the event accepted (saved in the worker, undoable)."""
        self.accept_all([event])

    def reject(self, event: EventRef) -> None:
        """Mark the event rejected (saved in the worker, undoable)."""
        self.reject_all([event])

    def accept_all(self, events: list[EventRef]) -> None:
        """Accept several events as one undoable step."""
        actor = self.actor
        self._change(events, "Accept", lambda repo, e: repo.accept(
            e.id, expected_version=e.version, actor=actor))

    def reject_all(self, events: list[EventRef]) -> None:
        """Reject several events as one undoable step."""
        actor = self.actor
        self._change(events, "Reject", lambda repo, e: repo.reject(
            e.id, expected_version=e.version, actor=actor))

    def correct(
        self,
        event: EventRef,
        earliest: datetime | None,
        latest: datetime | None,
        granularity: Granularity,
        timex_value: str | None = None,
    ) -> None:
        """Give the event a corrected interval (status becomes corrected; undoable)."""
        actor = self.actor
        self._change([event], "Correct", lambda repo, e: repo.correct(
            e.id, expected_version=e.version, earliest=earliest, latest=latest,
            granularity=granularity, actor=actor, timex_value=timex_value))

    def annotate(self, event: EventRef, note: str) -> None:
        """Attach a note to the event (undoable)."""
        actor = self.actor
        self._change([event], "Note on", lambda repo, e: repo.annotate(
            e.id, expected_version=e.version, note=note, actor=actor))

    def undo(self) -> None:
        """Undo the last step once the changes queued before it have landed."""
        self._enqueue(lambda: self._move(undo=True))

    def redo(self) -> None:
        """Redo the next step once the changes queued before it have landed."""
        self._enqueue(lambda: self._move(undo=False))

    def is_settled(self) -> bool:
        """Return True when nothing is queued or on its way to the store."""
        return not self._running and not self._queue

    # --- the queue ----------------------------------------------------------------------

    def _enqueue(self, step: Callable[[], None]) -> None:
        self._queue.append(step)
        if not self._running:
            self.pendingChanged.emit(True)
            self._next()

    def _next(self) -> None:
        if not self._queue:
            self._running = False
            self.pendingChanged.emit(False)
            self.settled.emit()
            return
        self._running = True
        self._queue.popleft()()

    def _submit(self, work: Callable[[Any, Any], Any],
                landed: Callable[[Any], None]) -> None:
        def done(result: Any) -> None:
            try:
                landed(result)
            finally:
                self._next()

        def failed(error: BaseException) -> None:
            try:
                self.refused.emit(f"Could not save the change: {error}", None)
            finally:
                self._next()

        self.gateway.submit(work, on_done=done, on_error=failed,
                            on_cancelled=lambda: self._next())

    def _change(self, refs: list[EventRef], verb: str, operation: Operation) -> None:
        if refs:
            self._enqueue(lambda: self._run_change(list(refs), verb, operation))

    def _run_change(self, refs: list[EventRef], verb: str, operation: Operation) -> None:
        # Started on the main thread once the previous step has landed.
        starts = [self._freshest(ref) for ref in refs]

        def work(repo: Any, _context: Any) -> list[tuple[Event | None, Any]]:
            outcomes: list[tuple[Event | None, Any]] = []
            for start in starts:
                try:
                    before = repo.get_event(start) if isinstance(start, int) else start
                    outcomes.append((before, operation(repo, before)))
                except (ConflictError, StoreError) as error:
                    outcomes.append((None, error))
            return outcomes

        def landed(outcomes: list[tuple[Event | None, Any]]) -> None:
            leaves = []
            for before, result in outcomes:
                if before is None:
                    self._refuse(result)
                    continue
                self._saved(result, before.version)
                leaves.append(_Leaf(before, result, result.version))
            if leaves:
                text = (f"{verb} “{_short(leaves[0].before.title)}”" if len(refs) == 1
                        else f"{verb} {len(refs)} events")
                self.undo_stack.push(_ReviewCommand(text, leaves))

        self._submit(work, landed)

    def _move(self, *, undo: bool) -> None:
        stack = self.undo_stack
        if not (stack.canUndo() if undo else stack.canRedo()):
            self._next()
            return
        command = stack.command(stack.index() - 1 if undo else stack.index())
        assert isinstance(command, _ReviewCommand)
        leaves = list(reversed(command.leaves)) if undo else list(command.leaves)
        plans = [(leaf, leaf.before if undo else leaf.after,
                  self._expected_version(leaf.before, leaf.version)) for leaf in leaves]
        actor = self.actor

        def work(repo: Any, _context: Any) -> list[Any]:
            results: list[Any] = []
            for leaf, state, expected in plans:
                try:
                    results.append(repo.restore(leaf.before.id, expected_version=expected,
                                                state=state, actor=actor))
                except (ConflictError, StoreError) as error:
                    results.append(error)
            return results

        def landed(results: list[Any]) -> None:
            refused = 0
            for (leaf, _state, expected), result in zip(plans, results, strict=True):
                if isinstance(result, Event):
                    leaf.version = result.version
                    self._saved(result, expected)
                else:
                    refused += 1
                    self._refuse(result)
            # A refused step is obsolete: the stack drops it instead of offering it again
            # (a step of several events only when none of them could be restored).
            if refused == len(plans):
                command.setObsolete(True)
            if stack.command(stack.index() - 1 if undo else stack.index()) is command:
                stack.undo() if undo else stack.redo()

        self._submit(work, landed)

    # --- bookkeeping ----------------------------------------------------------------------

    def _freshest(self, ref: EventRef) -> Event | int:
        if isinstance(ref, int):
            known = self._known.get(ref)
            return known if known is not None else ref
        known = self._known.get(_id(ref))
        return known if known is not None and known.version > ref.version else ref

    def _saved(self, event: Event, expected_version: int) -> None:
        event_id = _id(event)
        if self._last_saved.get(event_id) != expected_version:
            self._run_start[event_id] = expected_version
        self._last_saved[event_id] = event.version
        self._known[event_id] = event
        self.eventChanged.emit(event)

    def _expected_version(self, before: Event, own_version: int) -> int:
        """Return the version an undo or redo of a command that started from ``before``
        (and last left the event at ``own_version``) expects the store to hold."""
        run_start = self._run_start.get(_id(before))
        if run_start is not None and before.version >= run_start:
            return self._last_saved[_id(before)]
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
            self._known.pop(current.id, None)  # the store moved on without us
            self.eventChanged.emit(current)
        self.refused.emit(message, current)


def _id(event: Event) -> int:
    """Return a stored event's id (every event the store gives back has one)."""
    if event.id is None:
        raise ValueError("an event that was never stored cannot be reviewed")
    return event.id


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"
