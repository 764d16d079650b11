"""The calendar facts the whole program shares: month arithmetic, the order of the
granularities from coarse to fine, which of them are "day or finer", the bounds of the
unit (day, month, decade...) holding a moment, and the English
month, day and season names every date shown to a person is written with (never the C
locale's, which Qt sets from the desktop), and the months each season holds."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from timeline.model import Granularity

MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
                       "Nov", "Dec")
MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
DAY_ABBREVIATIONS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
# TimeML's season codes: (first month, months long) and the name shown; winter starts in
# December of its value's year.
SEASON_MONTHS: dict[str, tuple[int, int]] = {"SP": (3, 3), "SU": (6, 3), "FA": (9, 3),
                                             "WI": (12, 3)}
SEASON_NAMES = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}

# Coarse to fine: the granularities that name a stretch of the calendar.
GRANULARITY_ORDER = (
    Granularity.CENTURY, Granularity.DECADE, Granularity.YEAR, Granularity.HALF,
    Granularity.QUARTER, Granularity.SEASON, Granularity.MONTH, Granularity.WEEK,
    Granularity.DAY, Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE,
    Granularity.SECOND,
)
DAY_OR_FINER = frozenset(GRANULARITY_ORDER[GRANULARITY_ORDER.index(Granularity.DAY):])


def season_of(month: int) -> str:
    """Return the season code (SEASON_MONTHS) whose months hold ``month`` (1-12)."""
    for code, (first, length) in SEASON_MONTHS.items():
        if (month - first) % 12 < length:
            return code
    raise ValueError(f"not a month: {month}")


def precision_rank(granularity: Granularity | str) -> int:
    """Return the place of ``granularity`` from coarse (0) to fine; a granularity that
    names no stretch (duration, set, unknown) counts as the coarsest."""
    try:
        return GRANULARITY_ORDER.index(Granularity(granularity))
    except ValueError:
        return 0


def is_day_or_finer(granularity: Granularity | str) -> bool:
    """Return True when ``granularity`` (enum or its value) is a day or finer."""
    try:
        return Granularity(granularity) in DAY_OR_FINER
    except ValueError:
        return False


def month_index_shift(year: int, month: int, months: int) -> tuple[int, int]:
    """Return the (year, month) ``months`` months after ``year``-``month``."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def add_months(day: date, months: int) -> date:
    """Return the first day of the month ``months`` after ``day``'s month."""
    return date(*month_index_shift(day.year, day.month, months), 1)


def month_start(year: int, month: int, months: int = 0) -> datetime:
    """Return midnight on the first of the month ``months`` after ``year``-``month``."""
    return datetime(*month_index_shift(year, month, months), 1)


def shift_months(moment: datetime, months: int) -> datetime:
    """Return ``moment`` with its month moved by ``months`` (day and time kept: callers
    pass the first of a month)."""
    year, month = month_index_shift(moment.year, moment.month, months)
    return moment.replace(year=year, month=month)


# The precision filter's choices, loosest first: a name and the coarsest granularity it
# lets through (None: any, durations and sets too). "20th century" is not a day.
PRECISION_CHOICES: tuple[tuple[str, Granularity | None], ...] = (
    ("any precision", None),
    ("month or finer", Granularity.MONTH),
    ("day or finer", Granularity.DAY),
)


def at_least_as_precise(coarsest: Granularity | str) -> frozenset[Granularity]:
    """Return the granularities as precise as ``coarsest`` or finer (a "month or finer"
    filter lets weeks and days through, not years or durations)."""
    start = GRANULARITY_ORDER.index(Granularity(coarsest))
    return frozenset(GRANULARITY_ORDER[start:])


def _month_start(moment: datetime, months_per_unit: int) -> datetime:
    month_index = (moment.month - 1) // months_per_unit * months_per_unit
    return moment.replace(month=month_index + 1, day=1, hour=0, minute=0, second=0, microsecond=0)


def _year_start(moment: datetime, years_per_unit: int) -> datetime:
    year = moment.year // years_per_unit * years_per_unit
    return moment.replace(year=max(year, 1), month=1, day=1,
                          hour=0, minute=0, second=0, microsecond=0)


def unit_bounds(moment: datetime,
                granularity: Granularity | None) -> tuple[datetime, datetime] | None:
    """Return the [start, end) of the calendar unit of ``granularity`` holding ``moment``.

    None when the granularity has no fixed unit (season, part of day, None for a free
    interval) or the unit would leave the range ``datetime`` can hold (year 9999 and so on).
    """
    try:
        if granularity is Granularity.CENTURY:
            start = _year_start(moment, 100)
            return start, start.replace(year=start.year // 100 * 100 + 100)
        if granularity is Granularity.DECADE:
            start = _year_start(moment, 10)
            return start, start.replace(year=start.year // 10 * 10 + 10)
        if granularity is Granularity.YEAR:
            start = _year_start(moment, 1)
            return start, start.replace(year=start.year + 1)
        months_per_unit = {Granularity.HALF: 6, Granularity.QUARTER: 3, Granularity.MONTH: 1}
        if granularity in months_per_unit:
            start = _month_start(moment, months_per_unit[granularity])
            return start, shift_months(start, months_per_unit[granularity])
        day = moment.replace(hour=0, minute=0, second=0, microsecond=0)
        if granularity is Granularity.WEEK:
            start = day - timedelta(days=day.weekday())
            return start, start + timedelta(days=7)
        if granularity is Granularity.DAY:
            return day, day + timedelta(days=1)
        if granularity is Granularity.HOUR:
            start = moment.replace(minute=0, second=0, microsecond=0)
            return start, start + timedelta(hours=1)
        if granularity is Granularity.MINUTE:
            start = moment.replace(second=0, microsecond=0)
            return start, start + timedelta(minutes=1)
        if granularity is Granularity.SECOND:
            start = moment.replace(microsecond=0)
            return start, start + timedelta(seconds=1)
    except (ValueError, OverflowError):
        return None
    return None
