"""The time axis without a window: time <-> days, the tick level for a zoom, tick labels
across month and year ends, leap years and years before 1970."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ui.canvas import scale
from ui.canvas.scale import LEVELS, Viewport, choose_level, from_days, major_ticks, ticks, to_days

CHAR_PX = 7.0  # a stand-in font: every character 7 px wide


def widths() -> dict[str, float]:
    return {level.name: max(len(t) for t in scale.sample_labels(level)) * CHAR_PX for level in LEVELS}


def level_for(span: timedelta, width_px: float = 1600) -> str:
    return choose_level(width_px / (span.total_seconds() / 86400), widths()).name


@pytest.mark.parametrize(
    "moment",
    [datetime(2023, 9, 12, 14, 35), datetime(1850, 1, 1), datetime(1066, 10, 14, 9, 0),
     datetime(2024, 2, 29, 23, 59), datetime(1, 1, 1), datetime(1969, 12, 31, 23, 59)],
)
def test_days_round_trip_to_the_minute(moment):
    assert abs(from_days(to_days(moment)) - moment) < timedelta(milliseconds=1)


def test_days_are_ordered_and_a_day_apart_across_1970():
    assert to_days(datetime(1970, 1, 1)) - to_days(datetime(1969, 12, 31)) == 1.0
    assert to_days(datetime(1969, 12, 31, 12)) == to_days(datetime(1969, 12, 31)) + 0.5


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (timedelta(days=3000 * 365.25), "century"),
        (timedelta(days=30 * 365.25), "year"),
        (timedelta(days=365), "month"),
        (timedelta(days=7), "6 hours"),
        (timedelta(days=1), "hour"),
        (timedelta(hours=1), "5 minutes"),
        (timedelta(minutes=10), "minute"),
    ],
)
def test_level_at_each_zoom(span, expected):
    assert level_for(span) == expected


def test_level_gets_finer_as_zoom_grows_and_labels_never_overlap():
    previous_index = len(LEVELS)
    px_per_day = 0.0012
    t_start = to_days(datetime(1961, 3, 17, 5, 0))
    label_widths = widths()
    while px_per_day < 1440 * 100:
        level = choose_level(px_per_day, label_widths)
        index = LEVELS.index(level)
        assert index <= previous_index
        previous_index = index
        width_px = 1600
        tick_list = ticks(level, t_start, t_start + width_px / px_per_day)
        for (days, label), (next_days, _next) in zip(tick_list, tick_list[1:]):
            # Each label is centred in its stretch: the stretch must hold it.
            assert (next_days - days) * px_per_day >= len(label) * CHAR_PX, (level.name, label)
        px_per_day *= 1.3


def test_month_ticks_across_a_year_end():
    start, end = to_days(datetime(2023, 11, 15)), to_days(datetime(2024, 3, 10))
    month = scale.LEVEL_BY_NAME["month"]
    assert ticks(month, start, end) == [
        (to_days(datetime(2023, 11, 1)), "Nov"),
        (to_days(datetime(2023, 12, 1)), "Dec"),
        (to_days(datetime(2024, 1, 1)), "Jan"),
        (to_days(datetime(2024, 2, 1)), "Feb"),
        (to_days(datetime(2024, 3, 1)), "Mar"),
    ]
    assert major_ticks(month, start, end) == [
        (to_days(datetime(2023, 1, 1)), "2023"),
        (to_days(datetime(2024, 1, 1)), "2024"),
    ]


def test_quarters_start_in_jan_apr_jul_oct():
    quarter = scale.LEVEL_BY_NAME["quarter"]
    labels = ticks(quarter, to_days(datetime(2019, 2, 1)), to_days(datetime(2020, 1, 2)))
    assert [(from_days(d).month, label) for d, label in labels] == [
        (1, "Q1"), (4, "Q2"), (7, "Q3"), (10, "Q4"), (1, "Q1"),
    ]


@pytest.mark.parametrize(("year", "last_day"), [(2024, 29), (2023, 28), (1900, 28), (2000, 29), (1964, 29)])
def test_day_ticks_through_february(year, last_day):
    day = scale.LEVEL_BY_NAME["day"]
    labels = [label for _d, label in ticks(day, to_days(datetime(year, 2, 26)), to_days(datetime(year, 3, 2)))]
    expected = [str(d) for d in range(26, last_day + 1)] + ["1", "2"]
    assert labels == expected


def test_day_ticks_major_tier_names_the_month():
    day = scale.LEVEL_BY_NAME["day"]
    majors = major_ticks(day, to_days(datetime(1899, 12, 30)), to_days(datetime(1900, 1, 2)))
    assert [label for _d, label in majors] == ["December 1899", "January 1900"]


def test_years_before_1970_and_centuries():
    year = scale.LEVEL_BY_NAME["year"]
    tick_list = ticks(year, to_days(datetime(1955, 6, 1)), to_days(datetime(1962, 1, 1)))
    assert [label for _d, label in tick_list] == [str(y) for y in range(1955, 1963)]
    assert [label for _d, label in major_ticks(year, tick_list[0][0], tick_list[-1][0])] == ["1950s", "1960s"]
    century = scale.LEVEL_BY_NAME["century"]
    labels = [label for _d, label in ticks(century, to_days(datetime(1650, 1, 1)), to_days(datetime(1950, 1, 1)))]
    assert labels == ["1600", "1700", "1800", "1900"]
    decade = scale.LEVEL_BY_NAME["decade"]
    assert [label for _d, label in major_ticks(decade, to_days(datetime(1890, 1, 1)), to_days(datetime(1910, 1, 1)))] == [
        "1800s", "1900s"
    ]


def test_the_coarsest_level_has_an_upper_tier_too():
    century = scale.LEVEL_BY_NAME["century"]
    majors = major_ticks(century, to_days(datetime(1, 1, 1)), to_days(datetime(2500, 1, 1)))
    assert [label for _d, label in majors] == ["1–999", "1000–1999", "2000–2999"]
    assert [from_days(days).year for days, _label in majors] == [1, 1000, 2000]


def test_week_ticks_fall_on_mondays():
    week = scale.LEVEL_BY_NAME["week"]
    tick_list = ticks(week, to_days(datetime(2023, 12, 20)), to_days(datetime(2024, 1, 20)))
    assert all(from_days(d).weekday() == 0 for d, _label in tick_list)
    assert [label for _d, label in tick_list] == ["Dec 18", "Dec 25", "Jan 1", "Jan 8", "Jan 15"]


def test_hour_ticks_across_midnight_and_the_day_above_them():
    hour = scale.LEVEL_BY_NAME["hour"]
    start, end = to_days(datetime(2023, 9, 11, 22, 30)), to_days(datetime(2023, 9, 12, 1, 0))
    assert [label for _d, label in ticks(hour, start, end)] == ["22:00", "23:00", "00:00", "01:00"]
    assert [label for _d, label in major_ticks(hour, start, end)] == ["Mon 11 Sep 2023", "Tue 12 Sep 2023"]


def test_minute_ticks_and_the_hour_above_them():
    five = scale.LEVEL_BY_NAME["5 minutes"]
    start, end = to_days(datetime(2023, 9, 12, 13, 52)), to_days(datetime(2023, 9, 12, 14, 6))
    assert [label for _d, label in ticks(five, start, end)] == ["13:50", "13:55", "14:00", "14:05"]
    assert [label for _d, label in major_ticks(five, start, end)] == [
        "Tue 12 Sep 2023, 13:00", "Tue 12 Sep 2023, 14:00"
    ]


def test_viewport_zoom_keeps_the_time_under_the_anchor():
    viewport = Viewport(to_days(datetime(2000, 1, 1)), 0.5)
    before = viewport.t_of(437.0)
    for factor in (1.25, 3.0, 0.2, 17.0, 1000.0):
        viewport.zoom_at(437.0, factor)
        assert abs(viewport.x_of(before) - 437.0) < 1e-6


def test_viewport_show_fits_the_span():
    viewport = Viewport(0.0, 1.0)
    start, end = to_days(datetime(2019, 1, 1)), to_days(datetime(2020, 1, 1))
    viewport.show(start, end, 1000)
    assert viewport.x_of(start) == 0.0
    assert abs(viewport.x_of(end) - 1000) < 1e-6


@settings(max_examples=300, deadline=None)
@given(
    st.datetimes(min_value=datetime(1100, 1, 1), max_value=datetime(2900, 1, 1)),
    st.sampled_from(LEVELS),
    st.integers(1, 40),
)
def test_ticks_are_aligned_ordered_and_never_closer_than_the_level_allows(moment, level, count):
    t_start = to_days(moment)
    tick_list = ticks(level, t_start, t_start + level.min_days * count)
    days = [d for d, _label in tick_list]
    assert days[0] <= t_start < days[1] if len(days) > 1 else days[0] <= t_start
    for earlier, later in zip(days, days[1:]):
        assert later - earlier >= level.min_days - 1e-6, (level.name, from_days(earlier))
    for d, label in tick_list:
        tick = from_days(d)
        assert scale.minor_label(tick, level) == label
        if level.unit == "year":
            assert (tick.month, tick.day, tick.year % level.step) == (1, 1, 0)
        elif level.unit == "month":
            assert tick.day == 1 and (tick.month - 1) % level.step == 0
        elif level.unit == "week":
            assert tick.weekday() == 0
        elif level.unit == "hour":
            assert tick.hour % level.step == 0 and tick.minute == 0
        elif level.unit == "minute":
            assert tick.minute % level.step == 0 and tick.second == 0
