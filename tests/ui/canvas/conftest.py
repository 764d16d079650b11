"""The canvas widget the canvas tests draw on: shown, 900x420, exposed."""

from __future__ import annotations

import pytest

from ui.canvas.view import TimelineCanvas


@pytest.fixture
def canvas(qtbot):
    widget = TimelineCanvas()
    qtbot.addWidget(widget)
    widget.resize(900, 420)
    widget.show()
    qtbot.waitExposed(widget)
    return widget
