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

# A reading's (earliest, latest) bounds; an open-ended reading lacks one.
Bounds = tuple[datetime | None, datetime | None]

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


class _StoryCommand(QUndoCommand):
    """The record of a story decision (split, merge, chosen reading): the work that
    undoes it and the work that does it again, each run on the store worker and each
    returning nothing or raising ConflictError/StoreError."""

    def __init__(self, text: str, undo_work: Callable[[Any], None],
                 redo_work: Callable[[Any], None]) -> None:
        super().__init__(text)
        self.undo_work = undo_work
        self.redo_work = redo_work

    def redo(self) -> None:
        """Nothing: the session saved the decision before the stack moved."""

    def undo(self) -> None:
        """Nothing: the session undid the decision before the stack moved."""


class _Moves:
    """The events a split or merge moved, with the stories' versions after each move,
    so that undo and redo are refused when someone else changed those stories since."""

    def __init__(self, moved: dict[int, int], before: dict[int, int]) -> None:
        self.there = moved  # event id -> story it was moved to
        self.back = before  # event id -> story it came from
        self.versions: dict[int, int] = {}

    def run(self, repo: Any, targets: dict[int, int], actor: str | None) -> None:
        repo.move_events(targets, expected_versions=dict(self.versions), actor=actor)
        self.remember(repo)

    def remember(self, repo: Any) -> None:
        for story_id in {*self.there.values(), *self.back.values()}:
            self.versions[story_id] = repo.get_story(story_id).version


class ReviewSession(QObject):
    """Queues review changes, undos and redos through one store gateway; tells the
    window what changed."""

    eventChanged = Signal(object)  # Event: saved, or the fresh one after a conflict
    refused = Signal(str, object)  # message, fresh Event or None
    settled = Signal()  # every queued change, undo and redo has landed
    storiesChanged = Signal()  # a story decision, its undo or redo has landed
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

    # --- story decisions ------------------------------------------------------------------

    def accept_story(self, story_id: int, version: int, title: str) -> None:
        """Accept the events of the story's own reading as one undoable step."""
        actor = self.actor

        def work(repo: Any, _context: Any) -> Any:
            try:
                return repo.accept_story(story_id, expected_version=version, actor=actor)
            except (ConflictError, StoreError) as error:
                return error

        def landed(result: Any) -> None:
            if not isinstance(result, list):
                self._refuse_story(result)
                return
            leaves = []
            for before, after in result:
                self._saved(after, before.version)
                leaves.append(_Leaf(before, after, after.version))
            if leaves:
                self.undo_stack.push(_ReviewCommand(f"Accept story “{_short(title)}”", leaves))
            self.storiesChanged.emit()

        self._enqueue(lambda: self._submit(work, landed))

    def choose_reading(self, story_id: int, version: int, reading: Bounds | None,
                       title: str) -> None:
        """Make ``reading`` (earliest, latest) the story's date; None: the reading most
        sources give. Undoable."""
        actor = self.actor
        state: dict[str, Any] = {}

        def choose(repo: Any, wanted: Bounds | None) -> None:
            story = repo.choose_reading(story_id, wanted, expected_version=state["version"],
                                        actor=actor)
            state["version"] = story.version

        def work(repo: Any, _context: Any) -> Any:
            try:
                story = repo.get_story(story_id)
                if story.version != version:
                    return _stale_story(repo, story_id, version)
                state["old"] = next(((r.earliest, r.latest) for r in story.readings
                                     if r.chosen), None)
                state["version"] = version
                choose(repo, reading)
            except (ConflictError, StoreError) as error:
                return error
            return None

        def landed(error: Any) -> None:
            if error is not None:
                self._refuse_story(error)
                return
            self.undo_stack.push(_StoryCommand(
                f"Choose the date of “{_short(title)}”",
                undo_work=lambda repo: choose(repo, state["old"]),
                redo_work=lambda repo: choose(repo, reading)))
            self.storiesChanged.emit()

        self._enqueue(lambda: self._submit(work, landed))

    def split_event(self, event_id: int, story_id: int, version: int, title: str) -> None:
        """Take the event out of its story into one of its own. Undoable."""
        self._story_move(f"Split “{_short(title)}” out of its story",
                         lambda repo: {event_id: repo.split_event(
                             event_id, expected_version=version, actor=self.actor).id},
                         {event_id: story_id})

    def merge_stories(self, target_id: int, target_version: int, other_id: int,
                      other_version: int, title: str) -> None:
        """Move every event of the story ``other_id`` into ``target_id``. Undoable."""
        def merge(repo: Any) -> dict[int, int]:
            moved = repo.get_story(other_id).event_ids
            repo.merge_stories(target_id, [other_id], expected_versions={
                target_id: target_version, other_id: other_version}, actor=self.actor)
            return dict.fromkeys(moved, target_id)

        self._story_move(f"Merge into “{_short(title)}”", merge, other_id)

    def _story_move(self, text: str, first: Callable[[Any], dict[int, int]],
                    back: dict[int, int] | int) -> None:
        """Run ``first`` (returns {event id: story it moved to}) as an undoable move;
        ``back`` is each event's story before it, or the one story all came from."""
        actor = self.actor

        def work(repo: Any, _context: Any) -> Any:
            try:
                there = first(repo)
            except (ConflictError, StoreError) as error:
                return error
            moves = _Moves(there, back if isinstance(back, dict) else dict.fromkeys(there, back))
            moves.remember(repo)
            return moves

        def landed(result: Any) -> None:
            if not isinstance(result, _Moves):
                self._refuse_story(result)
                return
            self.undo_stack.push(_StoryCommand(
                text, undo_work=lambda repo: result.run(repo, result.back, actor),
                redo_work=lambda repo: result.run(repo, result.there, actor)))
            self.storiesChanged.emit()

        self._enqueue(lambda: self._submit(work, landed))

    def _refuse_story(self, error: Any) -> None:
        if isinstance(error, ConflictError):
            message = ("This story was changed elsewhere meanwhile; nothing was "
                       "overwritten. The stories are listed again.")
        else:
            message = f"Could not save the change: {error}"
        self.refused.emit(message, None)
        self.storiesChanged.emit()

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
        if isinstance(command, _StoryCommand):
            self._move_story(command, undo=undo)
            return
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

    def _move_story(self, command: _StoryCommand, *, undo: bool) -> None:
        stack = self.undo_stack
        step = command.undo_work if undo else command.redo_work

        def work(repo: Any, _context: Any) -> Any:
            try:
                step(repo)
            except (ConflictError, StoreError) as error:
                return error
            return None

        def landed(error: Any) -> None:
            if error is not None:
                command.setObsolete(True)
                self._refuse_story(error)
            if stack.command(stack.index() - 1 if undo else stack.index()) is command:
                stack.undo() if undo else stack.redo()
            if error is None:
                self.storiesChanged.emit()

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


def _stale_story(repo: Any, story_id: int, version: int) -> ConflictError:
    return ConflictError(repo.get_story(story_id), version)


def _short(title: str, limit: int = 40) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"
