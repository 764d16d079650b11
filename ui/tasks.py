"""One background worker for store work, with results delivered on the main thread.

Every slow call (listing events, importing a folder, re-tagging an article) runs on a
single-thread executor, so the database sees one writer from the app at a time and the
window never blocks. The worker never touches a widget: it hands its result to a
Qt signal connected with a queued connection, and the callbacks run on the main thread.
A new task under the same key cancels the previous one (a fresh filter makes the
previous listing pointless); a cancelled task's result is dropped.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import count
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

if TYPE_CHECKING:
    from ui.gateway import StoreGateway


class TaskCancelled(Exception):
    """Raised inside a task body by ``TaskContext.check()`` once the task is cancelled."""


@dataclass
class TaskContext:
    """What a task body sees: a cancellation flag and a progress reporter."""

    task_id: int
    _cancel: threading.Event
    _report: Callable[[int, int, int, str], None]
    _hand_over: Callable[[int, object], None] = lambda _task_id, _part: None

    def cancelled(self) -> bool:
        """Return True once the task has been cancelled."""
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise TaskCancelled when the task has been cancelled."""
        if self._cancel.is_set():
            raise TaskCancelled()

    def progress(self, done: int, total: int, label: str = "") -> None:
        """Report progress; delivered to the task's on_progress on the main thread."""
        self._report(self.task_id, done, total, label)

    def deliver(self, part: object) -> None:
        """Hand a part of the result over before the task ends: the task's
        ``on_partial(part)`` gets it on the main thread (dropped once cancelled)."""
        self._hand_over(self.task_id, part)


@dataclass
class TaskHandle:
    """A submitted task: cancel() asks its body to stop and drops its result."""

    task_id: int
    key: str | None
    _cancel: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        """Ask the task to stop; its result, if it still comes, is dropped."""
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        """True once cancel() was called."""
        return self._cancel.is_set()


@dataclass
class _Callbacks:
    handle: TaskHandle
    on_done: Callable[[Any], None] | None
    on_error: Callable[[BaseException], None] | None
    on_progress: Callable[[int, int, str], None] | None
    on_cancelled: Callable[[], None] | None
    on_partial: Callable[[Any], None] | None = None


class TaskManager(QObject):
    """Runs task bodies one at a time off the main thread; see the module docstring."""

    _finished = Signal(int, object, object)  # task id, result, error
    _progressed = Signal(int, int, int, str)  # task id, done, total, label
    _handed_over = Signal(int, object)  # task id, a part of the result
    busyChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="timeline-store")
        # Qt-free computing with no store in it (lane layouts of a held listing): its own
        # thread, so the store stays free and the GUI thread never lays out.
        self._computer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="timeline-compute")
        self._ids = count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._latest_by_key: dict[str, TaskHandle] = {}
        self.gateway: StoreGateway | None = None  # set by the StoreGateway it owns
        # Queued: the signals are emitted on the worker thread, the slots run here.
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._progressed.connect(self._deliver_progress, Qt.ConnectionType.QueuedConnection)
        self._handed_over.connect(self._deliver_part, Qt.ConnectionType.QueuedConnection)

    def submit(
        self,
        body: Callable[[TaskContext], Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancelled: Callable[[], None] | None = None,
        on_partial: Callable[[Any], None] | None = None,
        key: str | None = None,
        compute: bool = False,
    ) -> TaskHandle:
        """Queue ``body(context)`` on the worker (with ``compute``, on the computing
        thread: for Qt-free work that reads no store); returns a handle that can
        cancel it. ``on_partial`` gets what the body hands over with context.deliver."""
        handle = TaskHandle(next(self._ids), key)
        if key is not None:
            previous = self._latest_by_key.get(key)
            if previous is not None:
                previous.cancel()
            self._latest_by_key[key] = handle
        was_idle = not self._pending
        self._pending[handle.task_id] = _Callbacks(
            handle, on_done, on_error, on_progress, on_cancelled, on_partial
        )
        context = TaskContext(handle.task_id, handle._cancel, self._progressed.emit,
                              self._handed_over.emit)
        (self._computer if compute else self._executor).submit(self._run, body, context)
        if was_idle:
            self.busyChanged.emit(True)
        return handle

    def is_busy(self) -> bool:
        """Return True while any submitted task has not been delivered yet."""
        return bool(self._pending)

    def shutdown(self) -> None:
        """Cancel everything and wait for the running task to end (at window close)."""
        for callbacks in self._pending.values():
            callbacks.handle.cancel()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._computer.shutdown(wait=True, cancel_futures=True)
        self._pending.clear()

    def _run(self, body: Callable[[TaskContext], Any], context: TaskContext) -> None:
        # Runs on the worker thread: only plain data leaves it, through the signal.
        if context.cancelled():
            self._finished.emit(context.task_id, None, TaskCancelled())
            return
        try:
            result = body(context)
        except BaseException as error:  # delivered to on_error on the main thread
            self._finished.emit(context.task_id, None, error)
            return
        self._finished.emit(context.task_id, result, None)

    @Slot(int, object, object)
    def _deliver(self, task_id: int, result: Any, error: Any) -> None:
        callbacks = self._pending.pop(task_id, None)
        if callbacks is None:
            return
        handle = callbacks.handle
        if handle.key is not None and self._latest_by_key.get(handle.key) is handle:
            del self._latest_by_key[handle.key]
        try:
            if handle.cancelled or isinstance(error, TaskCancelled):
                if callbacks.on_cancelled is not None:
                    callbacks.on_cancelled()
            elif error is not None:
                if callbacks.on_error is not None:
                    callbacks.on_error(error)
            elif callbacks.on_done is not None:
                callbacks.on_done(result)
        finally:
            if not self._pending:
                self.busyChanged.emit(False)

    @Slot(int, int, int, str)
    def _deliver_progress(self, task_id: int, done: int, total: int, label: str) -> None:
        callbacks = self._pending.get(task_id)
        if callbacks is None or callbacks.handle.cancelled or callbacks.on_progress is None:
            return
        callbacks.on_progress(done, total, label)

    @Slot(int, object)
    def _deliver_part(self, task_id: int, part: Any) -> None:
        callbacks = self._pending.get(task_id)
        if callbacks is None or callbacks.handle.cancelled or callbacks.on_partial is None:
            return
        callbacks.on_partial(part)
