"""Calendar arithmetic the resolver needs: shifting by units, picking an occurrence by
tense, weekdays, weeks, seasons and the dates of holidays."""

from __future__ import annotations

from datetime import date, timedelta

from timeline.calendar import SEASON_MONTHS, add_months
from timeline.temporal.tense import FUTURE, PAST, PRESENT

__all__ = ["add_months"]  # kept here for the resolver's modules that import it from here


def shift(day: date, amount: int, letter: str) -> date:
    """Return ``day`` moved by ``amount`` units (D, W, M, Y); months and years keep
    only the month/year (callers write the value at that granularity)."""
    if letter == "D":
        return day + timedelta(days=amount)
    if letter == "W":
        return day + timedelta(weeks=amount)
    if letter == "M":
        return add_months(day, amount)
    if letter == "Y":
        return date(day.year + amount, day.month, 1)
    raise ValueError(f"unknown unit {letter}")


def pick_by_tense(
    candidates: list[date],
    dct: date,
    tense: str | None,
    near_days: int = 45,
    strict_past: bool = False,
) -> date:
    """Return the occurrence a clause means: past -> the last on or before the DCT,
    future -> the first on or after it; one within ``near_days`` of the DCT, or no
    tense at all, -> the nearest. With ``strict_past`` (a past verb governs the
    expression) a past never picks one after the DCT."""
    candidates = sorted(candidates)
    nearest = min(candidates, key=lambda c: (abs((c - dct).days), c > dct))
    # A clause in the past does not reach across the new year into the days ahead ("the ban
    # started on Jan. 1" written on 30 December is the 1 January gone), nor into the days
    # ahead at all when its verb governs the expression ("its shares fell in August"
    # written in July is last August).
    crosses_year = tense == PAST and nearest > dct and (strict_past or nearest.year > dct.year)
    if (abs((nearest - dct).days) <= near_days and not crosses_year) or tense not in (
        PAST,
        FUTURE,
    ):
        return nearest
    if tense == PAST:
        before = [c for c in candidates if c <= dct]
        return before[-1] if before else nearest
    after = [c for c in candidates if c >= dct]
    return after[0] if after else nearest


def safe_date(year: int, month: int, day: int) -> date | None:
    """Return the date, or None when it does not exist (30 February, year 0)."""
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_by_tense(dct: date, weekday: int, tense: str | None, relation: str | None) -> date:
    """Return the date a weekday name means against the DCT.

    "last" -> strictly before, "next" -> strictly after; otherwise the DCT's own weekday
    is the DCT, and the clause's tense picks the last one before (past, or no tense:
    news report what happened) or the next one after (future, or the present of
    schedules: "the talks start Thursday").
    """
    back = (dct.weekday() - weekday) % 7
    ahead = (weekday - dct.weekday()) % 7
    if relation == "last":
        return dct - timedelta(days=back or 7)
    if relation == "next":
        return dct + timedelta(days=ahead or 7)
    if relation == "this":
        return dct - timedelta(days=back) if back <= ahead else dct + timedelta(days=ahead)
    if tense in (FUTURE, PRESENT):
        return dct + timedelta(days=ahead)
    return dct - timedelta(days=back)


def iso_week_value(day: date) -> str:
    """Return the TIMEX3 week value of ``day`` ("1998-W05": two digits, as ISO 8601 and
    TimeML 1.2.1 write it; TimeBank's unpadded "1998-W5" is one corpus's habit)."""
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    first = date(year, month, 1)
    offset = (weekday - first.weekday()) % 7
    if nth > 0:
        return first + timedelta(days=offset + 7 * (nth - 1))
    last = add_months(first, 1) - timedelta(days=1)
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> date:
    # Anonymous Gregorian computus.
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month = (h + el - 7 * m + 114) // 31
    day = (h + el - 7 * m + 114) % 31 + 1
    return date(year, month, day)


def holiday_date(name: str, year: int) -> date:
    """Return the date of a (US-calendar) holiday in ``year``."""
    key = " ".join(name.lower().split()).removeprefix("the ")
    if key.startswith("thanksgiving"):
        return _nth_weekday(year, 11, 3, 4)
    if key.startswith("black friday"):
        return _nth_weekday(year, 11, 3, 4) + timedelta(days=1)
    if key.startswith("cyber monday"):
        return _nth_weekday(year, 11, 3, 4) + timedelta(days=4)
    if key.startswith("good friday"):
        return _easter(year) - timedelta(days=2)
    if key.startswith("christmas eve"):
        return date(year, 12, 24)
    if key.startswith("christmas"):
        return date(year, 12, 25)
    if key.startswith("new year's eve"):
        return date(year, 12, 31)
    if key.startswith("new year's"):
        return date(year, 1, 1)
    if key.startswith("easter"):
        return _easter(year)
    if key.startswith("election day"):
        return _nth_weekday(year, 11, 0, 1) + timedelta(days=1)
    if key.startswith("valentine"):
        return date(year, 2, 14)
    if key.startswith("veterans day"):
        return date(year, 11, 11)
    if key.startswith("boxing day"):
        return date(year, 12, 26)
    if key.startswith("mother's day"):
        return _nth_weekday(year, 5, 6, 2)
    if key.startswith("father's day"):
        return _nth_weekday(year, 6, 6, 3)
    if key.startswith(("independence day", "july fourth", "fourth of july")):
        return date(year, 7, 4)
    if key.startswith("labor day"):
        return _nth_weekday(year, 9, 0, 1)
    if key.startswith("memorial day"):
        return _nth_weekday(year, 5, 0, -1)
    if key.startswith("halloween"):
        return date(year, 10, 31)
    raise ValueError(f"unknown holiday {name}")


def season_start(code: str, year: int) -> date:
    """Return the first day of season ``code`` in ``year`` (winter starts in December)."""
    return date(year, SEASON_MONTHS[code][0], 1)


def current_season(day: date) -> tuple[str, int]:
    """Return the season ``day`` falls in and the year its value carries."""
    if day.month in (1, 2):
        return "WI", day.year - 1
    for code, first in (("WI", 12), ("FA", 9), ("SU", 6), ("SP", 3)):
        if day.month >= first:
            return code, day.year
    return "WI", day.year - 1


def season_value(dct: date, code: str, relation: str) -> str:
    """Return the TIMEX3 value of season ``code`` relative to the DCT: "last" -> the
    latest one before the current season, "next" -> the first after it, "this" -> the
    current one or the nearest."""
    now_code, now_year = current_season(dct)
    starts = [season_start(code, dct.year + k) for k in (-2, -1, 0, 1)]
    current = season_start(now_code, now_year)
    if relation == "this":
        year = now_year if code == now_code else min(starts, key=lambda s: abs((s - dct).days)).year
    elif relation == "last":
        year = max(s for s in starts if s < current).year
    else:
        year = min(s for s in starts if s > current).year if code != now_code else now_year
    return f"{year:04d}-{code}"
