"""Clicks on the canvas as an analyst makes them: on an event's title, and Shift+drag
that starts on an event (it draws a zoom box, it does not pan)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPointF, Qt

from tests.ui.canvas.test_view import day_event, mouse
from ui.canvas.scale import to_days

DAY = timedelta(days=1)


def _title_box(canvas, event_id):
    canvas.repaint()  # the titles' places are those of the picture drawn
    return canvas.title_boxes().get(event_id)


def test_a_click_on_an_events_title_selects_it(canvas, qtbot):
    events = [day_event(1, datetime(2020, 3, 1)), day_event(2, datetime(2020, 3, 20))]
    canvas.set_events(events)
    canvas.zoom_to(datetime(2020, 2, 25), datetime(2020, 4, 1))
    box = _title_box(canvas, 1)
    assert box is not None and box.width() > 30
    on_title = QPointF(box.left() + box.width() * 0.7, box.center().y())
    assert abs(on_title.x() - canvas.glyph_centre(1).x()) > 20  # well away from the dot
    with qtbot.waitSignal(canvas.selectionChanged) as changed:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=on_title.toPoint())
    assert changed.args == [[1]]
    assert canvas.hit_ids_at(on_title.x(), on_title.y()) == [1]


def test_shift_drag_from_an_event_zooms_to_the_box(canvas):
    events = [day_event(i + 1, datetime(2020, 3, 1) + 3 * i * DAY) for i in range(10)]
    canvas.set_events(events)
    canvas.zoom_to(datetime(2020, 2, 25), datetime(2020, 4, 5))
    start = canvas.glyph_centre(3)
    t0_before = canvas.viewport().t0
    end = QPointF(start.x() + 150, start.y() + 10)
    shift = Qt.KeyboardModifier.ShiftModifier
    mouse(canvas, QEvent.Type.MouseButtonPress, start.x(), start.y(), modifiers=shift)
    mouse(canvas, QEvent.Type.MouseMove, end.x(), end.y(), modifiers=shift)
    mouse(canvas, QEvent.Type.MouseButtonRelease, end.x(), end.y(), buttons=Qt.MouseButton.NoButton,
          modifiers=shift)
    viewport = canvas.viewport()
    # Zoomed to the box's 150 px of the 40 days shown, not panned: the event it started
    # on is now at the left edge.
    assert viewport.t0 != t0_before
    assert canvas.width() / viewport.px_per_day == pytest.approx(150 / 900 * 40, rel=0.05)
    assert abs(viewport.x_of(to_days(datetime(2020, 3, 7, 12)))) < 5


def test_shift_click_on_an_event_still_adds_it_to_the_selection(canvas, qtbot):
    events = [day_event(1, datetime(2020, 3, 1)), day_event(2, datetime(2020, 3, 20))]
    canvas.set_events(events)
    canvas.select([2])
    spot = canvas.glyph_centre(1)
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                     spot.toPoint())
    assert canvas.selected_ids() == [1, 2]
