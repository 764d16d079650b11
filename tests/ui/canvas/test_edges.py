"""Fit all where the events are, and the edge markers saying how many lie outside."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt

from tests.ui.canvas.test_view import day_event
from ui.canvas.data import CanvasEvent
from ui.canvas.edges import EARLIER, LATER, beyond
from ui.canvas.scale import to_days

DAY = timedelta(days=1)


def _year(event_id: int, year: int) -> CanvasEvent:
    return CanvasEvent(event_id, datetime(year, 1, 1), datetime(year + 1, 1, 1), "year",
                       "unreviewed", f"Year {year}", "Article")


def _week_with_strays() -> list[CanvasEvent]:
    week = [day_event(i + 1, datetime(2023, 9, 10) + (i % 7) * DAY) for i in range(20)]
    return [_year(98, 1898), *week, _year(99, 2019), _year(100, 2031)]


def test_fit_all_shows_the_week_not_the_strays(canvas):
    canvas.set_events(_week_with_strays())
    canvas.zoom_to(datetime(1890, 1, 1), datetime(2040, 1, 1))
    canvas.fit_all()
    viewport, width = canvas.viewport(), canvas.width()
    shown_days = width / viewport.px_per_day
    assert 7 <= shown_days < 10  # a week, not 130 years
    for day in range(10, 17):
        assert 0 < viewport.x_of(to_days(datetime(2023, 9, day, 12))) < width


def test_markers_count_what_lies_outside_and_lead_to_it(canvas, qtbot):
    canvas.set_events(_week_with_strays())
    canvas.fit_all()
    counts = canvas.beyond_view()
    assert (counts.earlier, counts.later) == (2, 1)  # 1898 and 2019; 2031
    canvas.repaint()
    sides = dict(canvas._edge_rects)
    assert set(sides) == {EARLIER, LATER}
    # A click on "◀ 2 earlier" brings the nearest earlier event (2019, to its end) to the
    # middle, at the same zoom.
    scale_before = canvas.viewport().px_per_day
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=sides[EARLIER].center().toPoint())
    viewport = canvas.viewport()
    assert viewport.px_per_day == pytest.approx(scale_before)
    assert abs(viewport.x_of(to_days(datetime(2020, 1, 1))) - canvas.width() / 2) < 2
    counts = canvas.beyond_view()
    assert (counts.earlier, counts.later) == (1, 21)  # 1898; the week and 2031


def test_beyond_counts_an_overlapping_long_event_as_in_view():
    starts = sorted([to_days(datetime(1900, 1, 1)), to_days(datetime(2020, 1, 1))])
    ends = sorted([to_days(datetime(2000, 1, 1)), to_days(datetime(2020, 1, 2))])
    counts = beyond(starts, ends, to_days(datetime(1999, 6, 1)), to_days(datetime(1999, 7, 1)))
    assert (counts.earlier, counts.later) == (0, 1)
    assert counts.nearest_later == to_days(datetime(2020, 1, 1))
