"""The collector's pause (timeline.gc_pause) when two threads pause it at once: it comes
back on when the last pause ends, not the first."""

from __future__ import annotations

import gc
import threading

from timeline.gc_pause import gc_paused


def test_the_collector_stays_off_until_the_last_of_two_threads_pauses_ends():
    assert gc.isenabled()
    entered, first_left, second_may_leave = (threading.Event() for _ in range(3))
    seen: dict[str, bool] = {}

    def second() -> None:
        with gc_paused():
            entered.set()
            first_left.wait(10)
            seen["after the first left"] = gc.isenabled()
            second_may_leave.wait(10)

    worker = threading.Thread(target=second)
    with gc_paused():
        worker.start()
        assert entered.wait(10)
    first_left.set()
    second_may_leave.set()
    worker.join(10)
    assert seen == {"after the first left": False}
    assert gc.isenabled()


def test_a_pause_inside_a_disabled_collector_leaves_it_off():
    gc.disable()
    try:
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_freezing_pause_leaves_what_it_made_out_of_the_collectors_walks():
    frozen_before = gc.get_freeze_count()
    with gc_paused(freeze=True):
        made = [[number] for number in range(1000)]
    try:
        assert gc.get_freeze_count() >= frozen_before + len(made)
        assert gc.isenabled()
    finally:
        gc.unfreeze()
