"""The first view's stretch: where most events are, not from the oldest stray year on."""

from __future__ import annotations

from datetime import datetime, timedelta

from ui.canvas.focus import dense_span


def test_a_week_with_two_stray_years_is_fitted_to_the_week():
    week = [(datetime(2023, 9, 10) + timedelta(hours=6 * i),
             datetime(2023, 9, 10) + timedelta(hours=6 * i + 1)) for i in range(28)]
    strays = [(datetime(1898, 1, 1), datetime(1899, 1, 1)),
              (datetime(2019, 1, 1), datetime(2020, 1, 1))]
    first, last = dense_span([strays[0], *week, strays[1]])
    assert datetime(2023, 9, 9) < first < datetime(2023, 9, 10, 1)
    assert datetime(2023, 9, 16) < last < datetime(2023, 9, 18)


def test_spread_events_keep_their_whole_span_and_one_day_is_not_a_point():
    years = [(datetime(2000 + i, 1, 1), datetime(2001 + i, 1, 1)) for i in range(10)]
    first, last = dense_span(years, share=1.0)
    assert first < years[0][0] and last > years[-1][1]
    lone = dense_span([(datetime(2023, 1, 1), datetime(2023, 1, 1))])
    assert lone[1] - lone[0] >= timedelta(days=1)
    assert dense_span([]) is None
