"""The first view's stretch: where most events are, not from the oldest stray year on."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.ui.canvas.test_view import day_event
from ui.canvas.focus import dense_days, dense_span, filtered_span
from ui.canvas.layout import build_layout
from ui.canvas.scale import to_days


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


def test_a_date_filter_is_shown_whole_not_the_centuries_that_overlap_it():
    dense = (datetime(1897, 1, 1), datetime(2001, 1, 1))
    first, last = filtered_span(dense, datetime(1999, 5, 1), datetime(1999, 5, 11))
    assert datetime(1999, 4, 30) < first <= datetime(1999, 5, 1)
    assert datetime(1999, 5, 11) <= last < datetime(1999, 5, 12)
    # One bound: from it to where the events end; no filter: the dense stretch.
    assert filtered_span(dense, datetime(1990, 1, 1), None)[1] > datetime(2000, 12, 1)
    assert filtered_span(dense, None, None) == dense


def test_dense_days_matches_dense_span_on_a_layout():
    week = [day_event(i + 1, datetime(2023, 9, 10) + timedelta(hours=6 * i)) for i in range(28)]
    strays = [day_event(98, datetime(1898, 1, 1)), day_event(99, datetime(2019, 1, 1))]
    layout = build_layout([strays[0], *week, strays[1]])
    first, last = dense_days(layout.sorted_starts, ((r.starts, r.ends) for r in layout.rows))
    assert to_days(datetime(2023, 9, 9)) < first < to_days(datetime(2023, 9, 10))
    assert to_days(datetime(2023, 9, 17, 18)) < last < to_days(datetime(2023, 9, 18, 12))
