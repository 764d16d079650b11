"""The background worker: bodies run off the main thread, results arrive on it, a new
task under the same key cancels the previous one, errors are delivered, not raised."""

from __future__ import annotations

import threading

import pytest

from ui.tasks import TaskManager


@pytest.fixture
def tasks(qtbot):
    manager = TaskManager()
    yield manager
    manager.shutdown()


def test_body_runs_off_main_thread_and_result_arrives_on_it(qtbot, tasks):
    seen = {}

    def body(context):
        seen["body_thread"] = threading.current_thread()
        return 42

    def done(result):
        seen["result"] = result
        seen["done_thread"] = threading.current_thread()

    tasks.submit(body, on_done=done)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == 42
    assert seen["body_thread"] is not threading.main_thread()
    assert seen["done_thread"] is threading.main_thread()


def test_new_task_with_same_key_cancels_the_previous(qtbot, tasks):
    release = threading.Event()
    delivered, cancelled = [], []

    def slow(context):
        release.wait(5)
        return "first"

    tasks.submit(slow, key="load", on_done=delivered.append,
                 on_cancelled=lambda: cancelled.append(1))
    tasks.submit(lambda c: "second", key="load", on_done=delivered.append)
    release.set()
    qtbot.waitUntil(lambda: delivered == ["second"], timeout=5000)
    assert cancelled == [1]


def test_errors_reach_on_error_and_progress_reaches_main_thread(qtbot, tasks):
    progress, errors = [], []

    def body(context):
        context.progress(1, 2, "a.txt")
        raise ValueError("bad file")

    def report(done, total, label):
        progress.append((done, total, label, threading.current_thread()))

    tasks.submit(body, on_error=errors.append, on_progress=report)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "bad file"
    assert progress[0][:3] == (1, 2, "a.txt")
    assert progress[0][3] is threading.main_thread()


def test_busy_while_a_task_is_pending(qtbot, tasks):
    release = threading.Event()
    tasks.submit(lambda c: release.wait(5))
    assert tasks.is_busy()
    with qtbot.waitSignal(tasks.busyChanged, timeout=5000) as busy:
        release.set()
    assert busy.args == [False]
    assert not tasks.is_busy()
