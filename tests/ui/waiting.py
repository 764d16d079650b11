"""Waiting for the store worker in window tests: review steps and table pages arrive
from it, so a test waits for them before it reads the store or a row."""

from __future__ import annotations

from timeline.model import Event


def settle(qtbot, window, timeout: int = 30_000) -> None:
    """Wait until every queued review step has landed and the worker is idle."""
    qtbot.waitUntil(lambda: window.session.is_settled() and not window.tasks.is_busy(),
                    timeout=timeout)


def event_at(qtbot, window, row: int, timeout: int = 10_000) -> Event:
    """Return the event of table row ``row``, waiting for its page to land."""
    qtbot.waitUntil(lambda: window.model.event_at(row) is not None, timeout=timeout)
    return window.model.event_at(row)


def current_event(qtbot, window, timeout: int = 10_000) -> Event:
    """Return the window's current event, waiting for it to arrive from the worker."""
    qtbot.waitUntil(lambda: window.current_event() is not None, timeout=timeout)
    return window.current_event()
