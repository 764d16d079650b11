"""On a slow store (200 ms on every SQL statement, as a remote PostgreSQL may be) the
window never waits: the analyst accepts, rejects, undoes, redoes, selects and scrolls
while a QTimer keeps firing, every statement runs on the store worker, and each move of
the undo stack happens only once the store holds what the stack says."""

from __future__ import annotations

import sqlite3
import threading
import time

import pytest
from PySide6.QtCore import QTimer, Qt
from sqlalchemy import event
from sqlalchemy.engine import Engine

from ui.main_window import MainWindow
from ui.models.event_table import STATUS

from tests.ui.waiting import settle

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

import os
DELAY_S = float(os.environ.get("SLOW_DELAY", "0.2"))
EVENTS = 700  # several table pages (200 rows each)


class SlowStore:
    """Makes every statement of every SQLAlchemy engine wait DELAY_S once turned on, and
    records the thread each statement ran on."""

    def __init__(self) -> None:
        self.threads: list[threading.Thread] = []
        self.on = False

    def _slow(self, *_args) -> None:
        self.threads.append(threading.current_thread())
        time.sleep(DELAY_S)

    def turn_on(self) -> None:
        event.listen(Engine, "before_cursor_execute", self._slow)
        self.on = True

    def turn_off(self) -> None:
        if self.on:
            event.remove(Engine, "before_cursor_execute", self._slow)
            self.on = False


@pytest.fixture
def slow_store():
    """A SlowStore, turned off again after the test."""
    store = SlowStore()
    yield store
    store.turn_off()


def _statuses(path, ids):
    # Read with the sqlite3 module, not SQLAlchemy: the check must not touch the slow
    # engine, nor run a statement on the main thread that the test counts.
    with sqlite3.connect(path) as connection:
        rows = connection.execute(
            f"SELECT id, status FROM events WHERE id IN ({','.join('?' * len(ids))})", ids)
        return dict(rows.fetchall())


def test_keys_and_scrolling_on_a_slow_store_never_block_and_the_stack_stays_exact(
        qtbot, repo, settings, add_article, tmp_path, slow_store):
    add_article(EVENTS)
    window = MainWindow(repo, settings=settings, actor="analyst")
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    with qtbot.waitSignal(window.loaded, timeout=120_000):
        window.reload()
    settle(qtbot, window, timeout=120_000)
    ids = window.model.ids()
    first, second, last = ids[0], ids[1], ids[-1]
    path = str(tmp_path / "timeline.sqlite3")

    # Each move of the stack is checked against the store at that moment.
    stack = window.session.undo_stack
    moves = []
    stack.indexChanged.connect(
        lambda index: moves.append((index, _statuses(path, [first, second, last]))))
    ticks = {"while_busy": 0}
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.__setitem__(
        "while_busy", ticks["while_busy"] + (0 if window.session.is_settled() else 1)))
    timer.start()
    slow_store.turn_on()

    window.activateWindow()  # the undo shortcuts act in the active window
    window.table.setFocus()
    window.table.selectRow(0)
    qtbot.keyClick(window.table, Qt.Key.Key_A)  # accept the first
    qtbot.keyClick(window.table, Qt.Key.Key_J)  # on to the second (the walk is local)
    assert window.current_id == second
    qtbot.keyClick(window.table, Qt.Key.Key_R)  # reject it
    assert stack.count() < 2  # neither save can have landed in the time of a key press
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window.table, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window.table.scrollToBottom()  # pages not fetched yet: asked of the worker
    window.select_event(last)  # select the last: its history comes later
    assert window.current_id == last
    qtbot.keyClick(window.table, Qt.Key.Key_A)  # accept it, by id if its row is not in
    settle(qtbot, window, timeout=120_000)
    timer.stop()
    slow_store.turn_off()

    assert slow_store.threads, "the slow store saw no statement"
    assert threading.main_thread() not in slow_store.threads  # every statement ran on the worker
    assert ticks["while_busy"] >= 10  # the event loop ran while the saves were on their way
    unreviewed, accepted, rejected = "unreviewed", "accepted", "rejected"
    assert moves == [
        (1, {first: accepted, second: unreviewed, last: unreviewed}),  # accept landed
        (2, {first: accepted, second: rejected, last: unreviewed}),  # reject landed
        (1, {first: accepted, second: unreviewed, last: unreviewed}),  # undo reject
        (0, {first: unreviewed, second: unreviewed, last: unreviewed}),  # undo accept
        (1, {first: accepted, second: unreviewed, last: unreviewed}),  # redo accept
        (2, {first: accepted, second: unreviewed, last: accepted}),  # accept the last
    ]
    assert stack.count() == 2 and stack.index() == 2  # the undone reject left the stack
    assert [stack.text(i).split(" ")[0] for i in range(2)] == ["Accept", "Accept"]
    # The rows scrolled to were filled in, and the inspector shows the last's history.
    row = window.model.row_of(last)
    assert window.model.event_at(row) is not None
    assert window.model.data(window.model.index(row, STATUS)) == "accepted"
    history = window.inspector.history
    assert history.topLevelItemCount() == 1 and history.topLevelItem(0).text(1) == "analyst"
    window.close()
