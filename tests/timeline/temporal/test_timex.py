"""TIMEX3 values <-> intervals."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Granularity, TimeSpan
from timeline.temporal.timex import duration_value, is_valid_value, span_from_value, value_from_span


@pytest.mark.parametrize(
    ("value", "earliest", "latest", "granularity"),
    [
        ("2019", datetime(2019, 1, 1), datetime(2020, 1, 1), Granularity.YEAR),
        ("2020-03", datetime(2020, 3, 1), datetime(2020, 4, 1), Granularity.MONTH),
        ("2023-12", datetime(2023, 12, 1), datetime(2024, 1, 1), Granularity.MONTH),
        ("2023-09-12", datetime(2023, 9, 12), datetime(2023, 9, 13), Granularity.DAY),
        (
            "2023-09-12TMO",
            datetime(2023, 9, 12),
            datetime(2023, 9, 12, 12),
            Granularity.PART_OF_DAY,
        ),
        (
            "2023-09-11TNI",
            datetime(2023, 9, 11, 20),
            datetime(2023, 9, 12, 6),
            Granularity.PART_OF_DAY,
        ),
        (
            "2023-09-12T14:30",
            datetime(2023, 9, 12, 14, 30),
            datetime(2023, 9, 12, 14, 31),
            Granularity.MINUTE,
        ),
        ("1998-W32", datetime(1998, 8, 3), datetime(1998, 8, 10), Granularity.WEEK),
        ("1998-W32-WE", datetime(1998, 8, 8), datetime(1998, 8, 10), Granularity.WEEK),
        ("1998-Q3", datetime(1998, 7, 1), datetime(1998, 10, 1), Granularity.QUARTER),
        ("1998-H2", datetime(1998, 7, 1), datetime(1999, 1, 1), Granularity.HALF),
        ("1998-SU", datetime(1998, 6, 1), datetime(1998, 9, 1), Granularity.SEASON),
        ("1998-WI", datetime(1998, 12, 1), datetime(1999, 3, 1), Granularity.SEASON),
        ("199X", datetime(1990, 1, 1), datetime(2000, 1, 1), Granularity.DECADE),
        ("199", datetime(1990, 1, 1), datetime(2000, 1, 1), Granularity.DECADE),
        ("19", datetime(1900, 1, 1), datetime(2000, 1, 1), Granularity.CENTURY),
    ],
)
def test_span_from_value(value, earliest, latest, granularity):
    span = span_from_value(value)
    assert (span.earliest, span.latest, span.granularity) == (earliest, latest, granularity)


@pytest.mark.parametrize(
    "value",
    ["P3D", "PT2H", "PXY", "PRESENT_REF", "FUTURE_REF", "XXXX-WXX-1", "", "garbage", "2023-02-30"],
)
def test_values_without_a_calendar_interval(value):
    assert span_from_value(value) is None


def test_mods_narrow_the_interval():
    late_november = span_from_value("1999-11", "END")
    assert late_november.earliest == datetime(1999, 11, 21)
    assert late_november.latest == datetime(1999, 12, 1)
    early_tuesday = span_from_value("2023-09-12", "START")
    assert (early_tuesday.earliest, early_tuesday.latest) == (
        datetime(2023, 9, 12),
        datetime(2023, 9, 12, 12),
    )


@pytest.mark.parametrize(
    "value",
    [
        "2019",
        "2020-03",
        "2023-09-12",
        "2023-09-12TMO",
        "2023-09-12TNI",
        "2023-09-12T14:30",
        "1998-W32",
        "2023-W36-WE",
        "2023-09-12TEV",
        "2023-09-12T14",
        "1998-Q3",
        "1998-H1",
        "1998-FA",
        "199",
        "19",
    ],
)
def test_value_round_trip(value):
    assert value_from_span(span_from_value(value)) == value


def test_corrected_interval_becomes_a_value():
    corrected = TimeSpan(datetime(2023, 9, 10), datetime(2023, 9, 11), Granularity.DAY)
    assert value_from_span(corrected) == "2023-09-10"
    with pytest.raises(ValueError):
        value_from_span(TimeSpan(None, datetime(2023, 9, 11), Granularity.DAY))


@pytest.mark.parametrize(
    ("amount", "letter", "clock", "value"),
    [
        (3, "D", False, "P3D"),
        (2, "H", True, "PT2H"),
        (5.5, "H", True, "PT5H30M"),
        (None, "Y", False, "PXY"),
        (0.5, "Y", False, "P6M"),
        (1.5, "D", False, "P1DT12H"),
    ],
)
def test_duration_values(amount, letter, clock, value):
    assert duration_value(amount, letter, clock) == value
    assert is_valid_value(value)


@pytest.mark.parametrize(
    "value", ["", "P", "PT", "2023-13", "1998-W", "TMO", "2023-09-12TXX", "P3Q"]
)
def test_malformed_values(value):
    assert not is_valid_value(value)


@pytest.mark.parametrize(
    ("value", "mod", "earliest", "latest"),
    [
        ("2023", "END", datetime(2023, 9, 1), datetime(2024, 1, 1)),
        ("2023", "START", datetime(2023, 1, 1), datetime(2023, 5, 1)),
        ("1999-12", "START", datetime(1999, 12, 1), datetime(1999, 12, 11)),
        ("199X", "START", datetime(1990, 1, 1), datetime(1993, 1, 1)),
        ("199X", "END", datetime(1997, 1, 1), datetime(2000, 1, 1)),
    ],
)
def test_early_mid_late_follow_calendar_lines(value, mod, earliest, latest):
    span = span_from_value(value, mod)
    assert (span.earliest, span.latest, span.mod) == (earliest, latest, mod)
