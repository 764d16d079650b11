"""The shared calendar facts: month arithmetic across years, the order of the
granularities, "day or finer", and names that do not follow the C locale."""

from __future__ import annotations

from datetime import date, datetime

from timeline.calendar import (
    DAY_ABBREVIATIONS, DAY_OR_FINER, GRANULARITY_ORDER, MONTH_ABBREVIATIONS, add_months,
    is_day_or_finer, month_start, precision_rank, shift_months,
)
from timeline.model import Granularity


def test_month_arithmetic_crosses_years_both_ways():
    assert add_months(date(2023, 11, 17), 3) == date(2024, 2, 1)
    assert add_months(date(2023, 1, 31), -1) == date(2022, 12, 1)
    assert month_start(2019, 10, 4) == datetime(2020, 2, 1)
    assert month_start(2020, 3) == datetime(2020, 3, 1)
    assert shift_months(datetime(2023, 12, 1, 6, 30), 1) == datetime(2024, 1, 1, 6, 30)


def test_granularities_run_coarse_to_fine_and_day_or_finer_is_their_tail():
    assert precision_rank(Granularity.CENTURY) < precision_rank("year") < precision_rank("day")
    assert precision_rank(Granularity.DURATION) == 0  # names no stretch: coarsest
    assert DAY_OR_FINER == set(GRANULARITY_ORDER[GRANULARITY_ORDER.index(Granularity.DAY):])
    assert is_day_or_finer("part_of_day") and is_day_or_finer(Granularity.SECOND)
    assert not is_day_or_finer("week") and not is_day_or_finer("no such granularity")


def test_names_are_english_whatever_the_locale():
    assert DAY_ABBREVIATIONS[date(2023, 9, 12).weekday()] == "Tue"
    assert MONTH_ABBREVIATIONS[8] == "Sep"
