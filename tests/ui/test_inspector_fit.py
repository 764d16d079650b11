"""At 1400x900 with the docks as they first open, the inspector shows the selected
event's status and note without scrolling (the first day with 90 articles found them
below the fold)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QScrollArea

from tests.ui.waiting import current_event, event_at

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_status_and_note_show_without_scrolling(qtbot, window, repo):
    window.resize(1400, 900)
    qtbot.wait(50)  # the first layout pass gives the docks their sizes
    window.default_layout()
    event = event_at(qtbot, window, 0)
    repo.annotate(event.id, note="Check against the wire copy: the dateline gives Friday.",
                  expected_version=event.version, actor="analyst")
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()
    window.table.selectRow(0)
    current_event(qtbot, window)
    qtbot.waitUntil(lambda: window.inspector.shown("note").startswith("Check"), timeout=10_000)
    scroll = window.inspector_dock.widget()
    assert isinstance(scroll, QScrollArea)
    viewport = scroll.viewport()
    assert viewport.height() < 400  # the dock is the short one under the source text
    assert scroll.verticalScrollBar().value() == 0
    for name in ("date", "status", "note"):
        label = window.inspector.values[name]
        bottom = label.mapTo(viewport, QPoint(0, label.height())).y()
        assert 0 < bottom <= viewport.height(), (name, bottom, viewport.height())
