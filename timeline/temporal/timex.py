"""TIMEX3 values (TimeML 1.2) <-> half-open intervals on the calendar.

A value such as ``2023-09-12TMO`` or ``1998-W32`` names a stretch of time; this module
turns it into a ``TimeSpan`` [earliest, latest) with its granularity, and back, so a
corrected interval in the store or the UI can be written as a value again.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from timeline.calendar import SEASON_MONTHS, month_start
from timeline.model import Granularity, TimeSpan

# Parts of the day as TIMEX3 writes them; "MO" starts at midnight so "early on Tuesday"
# (before dawn included) stays inside it.
PART_OF_DAY_HOURS: dict[str, tuple[int, int]] = {
    "MO": (0, 12),
    "AF": (12, 18),
    "EV": (17, 22),
    "NI": (20, 30),
    "DT": (8, 18),
}
VAGUE_REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")

_DATE = re.compile(
    r"^(?P<year>\d{4})(?:-(?:(?P<month>0[1-9]|1[0-2])(?:-(?P<day>0[1-9]|[12]\d|3[01])"
    r"(?:T(?:(?P<hour>[01]\d|2[0-3]|24(?=:00$))(?::(?P<minute>[0-5]\d)(?::(?P<second>[0-5]\d))?)?|(?P<pod>MO|AF|EV|NI|DT)))?)?"
    r"|W(?P<week>\d{1,2})(?P<weekend>-WE)?|Q(?P<quarter>[1-4])|H(?P<half>[12])"
    r"|(?P<season>SP|SU|FA|WI)))?$"
)
_DECADE = re.compile(r"^(?P<decade>\d{3})X?$")
_CENTURY = re.compile(r"^(?P<century>\d{2})(?:XX)?$")
_DURATION = re.compile(
    r"^P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE))*(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?$"
)
_SET_OR_UNDERSPECIFIED = re.compile(
    r"^(?:XXXX|\d{4})(?:-(?:XX|0[1-9]|1[0-2])(?:-(?:XX|0[1-9]|[12]\d|3[01]))?|-WXX-[1-7]|-W\d{1,2}-[1-7])?"
    r"(?:T(?:MO|AF|EV|NI|[01]\d|2[0-4])(?::[0-5]\d)?)?$"
)


def is_valid_value(value: str) -> bool:
    """Return True when ``value`` is a well-formed TIMEX3 value."""
    if not value:
        return False
    if value in VAGUE_REFS:
        return True
    if value.startswith("P"):
        return value != "P" and value != "PT" and bool(_DURATION.match(value))
    if value.startswith("BC"):
        # A year before Christ ("BC0241"): a value, but no interval a datetime can hold.
        value = value[2:]
    return bool(
        _DATE.match(value)
        or _DECADE.match(value)
        or _CENTURY.match(value)
        or _SET_OR_UNDERSPECIFIED.match(value)
    )


def span_from_value(value: str, mod: str | None = None) -> TimeSpan | None:
    """Return the interval a calendar TIMEX3 value names, or None when it names none.

    Durations, sets, vague references (PRESENT_REF ...) and values with X digits give
    None. ``mod`` START/MID/END narrows the interval to its first/middle/last third.
    """
    try:
        span = _span(value)
    except (ValueError, OverflowError):
        return None
    if span is None:
        return None
    return _apply_mod(span, mod)


def _span(value: str) -> TimeSpan | None:
    match = _DATE.match(value)
    if match:
        return _date_span(match)
    match = _DECADE.match(value)
    if match:
        start = int(match["decade"]) * 10
        return TimeSpan(
            datetime(max(start, 1), 1, 1), datetime(start + 10, 1, 1), Granularity.DECADE
        )
    match = _CENTURY.match(value)
    if match:
        start = int(match["century"]) * 100
        return TimeSpan(
            datetime(max(start, 1), 1, 1), datetime(start + 100, 1, 1), Granularity.CENTURY
        )
    return None


def _date_span(match: re.Match[str]) -> TimeSpan:
    year = int(match["year"])
    if match["week"]:
        monday = datetime.combine(
            date.fromisocalendar(year, int(match["week"]), 1), datetime.min.time()
        )
        if match["weekend"]:
            return TimeSpan(
                monday + timedelta(days=5), monday + timedelta(days=7), Granularity.WEEK
            )
        return TimeSpan(monday, monday + timedelta(days=7), Granularity.WEEK)
    if match["quarter"]:
        first = (int(match["quarter"]) - 1) * 3 + 1
        return TimeSpan(datetime(year, first, 1), month_start(year, first, 3), Granularity.QUARTER)
    if match["half"]:
        first = 1 if match["half"] == "1" else 7
        return TimeSpan(datetime(year, first, 1), month_start(year, first, 6), Granularity.HALF)
    if match["season"]:
        first, length = SEASON_MONTHS[match["season"]]
        return TimeSpan(
            datetime(year, first, 1), month_start(year, first, length), Granularity.SEASON
        )
    if not match["month"]:
        return TimeSpan(datetime(year, 1, 1), datetime(year + 1, 1, 1), Granularity.YEAR)
    month = int(match["month"])
    if not match["day"]:
        return TimeSpan(datetime(year, month, 1), month_start(year, month, 1), Granularity.MONTH)
    day = datetime(year, month, int(match["day"]))
    if match["pod"]:
        first, last = PART_OF_DAY_HOURS[match["pod"]]
        return TimeSpan(
            day + timedelta(hours=first), day + timedelta(hours=last), Granularity.PART_OF_DAY
        )
    if match["hour"] is None:
        return TimeSpan(day, day + timedelta(days=1), Granularity.DAY)
    start = day + timedelta(hours=int(match["hour"]))
    if match["minute"] is None:
        return TimeSpan(start, start + timedelta(hours=1), Granularity.HOUR)
    start += timedelta(minutes=int(match["minute"]))
    if match["second"] is None:
        return TimeSpan(start, start + timedelta(minutes=1), Granularity.MINUTE)
    start += timedelta(seconds=int(match["second"]))
    return TimeSpan(start, start + timedelta(seconds=1), Granularity.SECOND)


def _apply_mod(span: TimeSpan, mod: str | None) -> TimeSpan:
    start, end = span.earliest, span.latest
    # An open end (never made by _span) has no part to narrow to.
    if mod not in ("START", "MID", "END") or start is None or end is None:
        return TimeSpan(start, end, span.granularity, mod)
    part = {"START": 0, "MID": 1, "END": 2}[mod]
    if span.granularity is Granularity.DAY:
        # "early Tuesday" is Tuesday morning: halves of a day read better than thirds.
        half = (end - start) / 2
        begin = start + half * (part / 2)
        return TimeSpan(begin, begin + half, span.granularity, mod)
    if span.granularity is Granularity.YEAR:
        # Early/mid/late year: January-April, May-August, September-December.
        first = month_start(start.year, 1, 4 * part)
        return TimeSpan(first, month_start(start.year, 1, 4 * part + 4), span.granularity, mod)
    if span.granularity in (Granularity.DECADE, Granularity.CENTURY):
        years = end.year - start.year
        cuts = [
            start.year,
            start.year + round(years * 0.3),
            start.year + round(years * 0.7),
            end.year,
        ]
        return TimeSpan(
            datetime(max(cuts[part], 1), 1, 1),
            datetime(cuts[part + 1], 1, 1),
            span.granularity,
            mod,
        )
    length = end - start
    if length >= timedelta(days=3):
        # Whole days: "late November" is 21-30 November, not from 08:00 on the 20th.
        days = length.days
        cuts = [0, round(days / 3), round(2 * days / 3), days]
        return TimeSpan(
            start + timedelta(days=cuts[part]),
            start + timedelta(days=cuts[part + 1]),
            span.granularity,
            mod,
        )
    third = length / 3
    return TimeSpan(start + third * part, start + third * (part + 1), span.granularity, mod)


def value_from_span(span: TimeSpan) -> str:
    """Return the TIMEX3 value that names ``span`` at its granularity.

    Raises ValueError for a span without both ends.
    """
    if span.earliest is None or span.latest is None:
        raise ValueError("an open-ended interval has no single TIMEX3 value")
    start = span.earliest
    g = span.granularity
    if g is Granularity.CENTURY:
        return f"{start.year // 100:02d}"
    if g is Granularity.DECADE:
        return f"{start.year // 10:03d}"
    if g is Granularity.YEAR:
        return f"{start.year:04d}"
    if g is Granularity.HALF:
        return f"{start.year:04d}-H{1 if start.month <= 6 else 2}"
    if g is Granularity.QUARTER:
        return f"{start.year:04d}-Q{(start.month - 1) // 3 + 1}"
    if g is Granularity.SEASON:
        season = {3: "SP", 4: "SP", 5: "SP", 6: "SU", 7: "SU", 8: "SU", 9: "FA", 10: "FA", 11: "FA"}
        return f"{start.year:04d}-{season.get(start.month, 'WI')}"
    if g is Granularity.MONTH:
        return f"{start.year:04d}-{start.month:02d}"
    if g is Granularity.WEEK:
        year, week, weekday = start.isocalendar()
        weekend = weekday == 6 and span.latest - start == timedelta(days=2)
        return f"{year:04d}-W{week:02d}" + ("-WE" if weekend else "")
    day = f"{start.year:04d}-{start.month:02d}-{start.day:02d}"
    if g is Granularity.PART_OF_DAY:
        for code, (first, last) in PART_OF_DAY_HOURS.items():
            if start.hour == first and (span.latest - start) == timedelta(hours=last - first):
                return f"{day}T{code}"
        return f"{day}T{start.hour:02d}:{start.minute:02d}"
    if g is Granularity.HOUR:
        return f"{day}T{start.hour:02d}"
    if g is Granularity.MINUTE:
        return f"{day}T{start.hour:02d}:{start.minute:02d}"
    if g is Granularity.SECOND:
        return f"{day}T{start.hour:02d}:{start.minute:02d}:{start.second:02d}"
    return day


def duration_value(amount: float | None, letter: str, clock: bool) -> str:
    """Return a TIMEX3 duration value such as ``P3D``, ``PT2H``, ``PT5H30M`` or ``PXY``."""
    prefix = "PT" if clock else "P"
    if amount is None:
        return f"{prefix}X{letter}"
    if amount == int(amount):
        return f"{prefix}{int(amount)}{letter}"
    # Fractions go down one unit: 5 1/2 hours is PT5H30M, half a year is P6M.
    whole = int(amount)
    smaller = {
        ("H", True): ("M", 60, True),
        ("M", True): ("S", 60, True),
        ("Y", False): ("M", 12, False),
        ("M", False): ("D", 30, False),
        ("W", False): ("D", 7, False),
        ("D", False): ("H", 24, True),
    }
    lower_letter, factor, lower_clock = smaller.get((letter, clock), (letter, 1, clock))
    rest = round((amount - whole) * factor)
    head = f"{whole}{letter}" if whole else ""
    if lower_clock and not clock:
        return f"P{head}T{rest}{lower_letter}"
    return f"{prefix}{head}{rest}{lower_letter}"
