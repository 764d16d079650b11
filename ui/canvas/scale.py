"""The time axis, Qt-free: time <-> pixels, the tick level for a zoom, and the tick labels.

Time on the canvas is a float count of days since 0001-01-01 (``datetime.toordinal``), so
years before 1970 and centuries work like any other date, and a minute is still far above
a double's precision (1e-10 days at year 2000).

The tick level is a pure function of pixels per day and the measured width of each level's
widest label (``choose_level``): the finest level whose narrowest step is wider than its
widest label, so labels never overlap.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import floor

from timeline.calendar import DAY_ABBREVIATIONS, MONTH_ABBREVIATIONS, MONTH_NAMES

MIN_DAYS = float(datetime(1, 1, 1).toordinal())
MAX_DAYS = float(datetime(9999, 12, 31).toordinal())
MONTHS = MONTH_ABBREVIATIONS
MONTHS_LONG = MONTH_NAMES
WEEKDAYS = DAY_ABBREVIATIONS


_ORIGIN = datetime(1, 1, 1)
_ONE_DAY = timedelta(days=1)


def to_days(moment: datetime) -> float:
    """Return ``moment`` as float days since 0001-01-01 (the canvas's time coordinate);
    an aware datetime counts by its wall-clock time."""
    try:
        return (moment - _ORIGIN) / _ONE_DAY + 1.0  # the ordinal of 0001-01-01 is 1
    except TypeError:
        return (moment.replace(tzinfo=None) - _ORIGIN) / _ONE_DAY + 1.0


def from_days(days: float) -> datetime:
    """Return the datetime at ``days`` (clamped to years 1..9999), to the millisecond:
    a double holds days since year 1 to about 10 microseconds, so finer digits are noise
    (and would turn 00:01 into 00:00:59.999996)."""
    days = min(max(days, MIN_DAYS), MAX_DAYS)
    whole = floor(days)
    millis = round((days - whole) * 86400e3)
    return datetime.fromordinal(int(whole)) + timedelta(milliseconds=millis)


@dataclass(frozen=True, slots=True)
class Level:
    """One tick level: ``step`` units of ``unit`` per tick, and the level above it."""

    name: str
    unit: str  # year | month | week | day | hour | minute
    step: int
    min_days: float  # the shortest one step can be, in days
    major: str | None  # name of the upper-tier level


LEVELS: tuple[Level, ...] = (
    Level("minute", "minute", 1, 1 / 1440, "hour"),
    Level("5 minutes", "minute", 5, 5 / 1440, "hour"),
    Level("15 minutes", "minute", 15, 15 / 1440, "day"),
    Level("30 minutes", "minute", 30, 30 / 1440, "day"),
    Level("hour", "hour", 1, 1 / 24, "day"),
    Level("3 hours", "hour", 3, 3 / 24, "day"),
    Level("6 hours", "hour", 6, 6 / 24, "day"),
    Level("12 hours", "hour", 12, 12 / 24, "day"),
    Level("day", "day", 1, 1.0, "month"),
    Level("week", "week", 1, 7.0, "month"),
    Level("month", "month", 1, 28.0, "year"),
    Level("quarter", "month", 3, 89.0, "year"),
    Level("year", "year", 1, 365.0, "decade"),
    Level("2 years", "year", 2, 730.0, "decade"),
    Level("5 years", "year", 5, 1826.0, "decade"),
    Level("decade", "year", 10, 3652.0, "century"),
    Level("20 years", "year", 20, 7304.0, "century"),  # 1900-1919 has four leap years
    Level("50 years", "year", 50, 18262.0, "century"),
    Level("century", "year", 100, 36524.0, "millennium"),
)
LEVEL_BY_NAME = {level.name: level for level in LEVELS}
# Upper-tier levels: they are never chosen as the lower tier, only drawn above it.
MAJOR_LEVELS = {
    "hour": Level("hour", "hour", 1, 1 / 24, None),
    "day": Level("day", "day", 1, 1.0, None),
    "month": Level("month", "month", 1, 28.0, None),
    "year": Level("year", "year", 1, 365.0, None),
    "decade": Level("decade", "year", 10, 3652.0, None),
    "century": Level("century", "year", 100, 36524.0, None),
    "millennium": Level("millennium", "year", 1000, 365242.0, None),
}


def sample_labels(level: Level) -> list[str]:
    """Return the labels a level may print that are widest, for the caller to measure."""
    if level.unit == "year":
        return ["2000", "1888"]
    if level.unit == "month":
        return ["Q4"] if level.step == 3 else list(MONTHS)
    if level.unit == "week":
        return [f"{month} 28" for month in MONTHS]
    if level.unit == "day":
        return ["28", "30"]
    return ["23:00", "00:00"] if level.unit == "hour" else ["23:45", "00:00"]


def choose_level(px_per_day: float, label_widths: dict[str, float], gap: float = 10.0) -> Level:
    """Return the finest level whose shortest step is wider than its widest label plus ``gap``.

    ``label_widths`` maps a level name to the measured width (px) of its widest sample label;
    a level missing from it is skipped. The coarsest level is the fallback.
    """
    for level in LEVELS:
        width = label_widths.get(level.name)
        if width is not None and level.min_days * px_per_day >= width + gap:
            return level
    return LEVELS[-1]


def _floor(moment: datetime, level: Level) -> datetime:
    step = level.step
    if level.unit == "year":
        return datetime(max(1, moment.year - moment.year % step), 1, 1)
    if level.unit == "month":
        return datetime(moment.year, (moment.month - 1) // step * step + 1, 1)
    if level.unit == "week":
        monday = moment - timedelta(days=moment.weekday())
        return datetime(monday.year, monday.month, monday.day)
    if level.unit == "day":
        return datetime(moment.year, moment.month, moment.day)
    if level.unit == "hour":
        return datetime(moment.year, moment.month, moment.day, moment.hour - moment.hour % step)
    return moment.replace(minute=moment.minute - moment.minute % step, second=0, microsecond=0)


def _advance(moment: datetime, level: Level) -> datetime | None:
    step = level.step
    try:
        if level.unit == "year":
            return moment.replace(year=moment.year - moment.year % step + step)
        if level.unit == "month":
            months = moment.year * 12 + moment.month - 1 + step
            return datetime(months // 12, months % 12 + 1, 1)
        if level.unit in ("week", "day"):
            return moment + timedelta(days=7 if level.unit == "week" else step)
        if level.unit == "hour":
            return moment + timedelta(hours=step)
        return moment + timedelta(minutes=step)
    except (ValueError, OverflowError):
        return None  # past year 9999


def minor_label(moment: datetime, level: Level) -> str:
    """Return the lower-tier label of the tick at ``moment``."""
    if level.unit == "year":
        return str(moment.year)
    if level.unit == "month":
        return f"Q{(moment.month - 1) // 3 + 1}" if level.step == 3 else MONTHS[moment.month - 1]
    if level.unit == "week":
        return f"{MONTHS[moment.month - 1]} {moment.day}"
    if level.unit == "day":
        return str(moment.day)
    return f"{moment.hour:02d}:{moment.minute:02d}"


def major_label(moment: datetime, major: Level) -> str:
    """Return the upper-tier label (the full context) of the stretch starting at ``moment``."""
    return major_labels(moment, major)[0]


def major_labels(moment: datetime, major: Level) -> list[str]:
    """Return the upper-tier label of the stretch at ``moment``, longest first, then
    shorter forms for when the stretch is too narrow for it."""
    if major.name == "millennium":
        # Spelled as its years: "1000s" would read as the decade 1000-1009.
        first = moment.year - moment.year % 1000
        return [f"{max(first, 1)}–{first + 999}", f"{max(first, 1)}–"]
    if major.name == "century":
        return [f"{moment.year - moment.year % 100}s"]
    if major.name == "decade":
        return [f"{moment.year - moment.year % 10}s"]
    if major.name == "year":
        return [str(moment.year)]
    month = MONTHS[moment.month - 1]
    if major.name == "month":
        return [f"{MONTHS_LONG[moment.month - 1]} {moment.year}", f"{month} {moment.year}", month]
    day = f"{WEEKDAYS[moment.weekday()]} {moment.day} {month} {moment.year}"
    if major.name == "day":
        return [day, f"{moment.day} {month} {moment.year}", f"{moment.day} {month}"]
    hour = f"{moment.hour:02d}:00"
    return [
        f"{day}, {hour}",
        f"{moment.day} {month} {moment.year} {hour}",
        f"{moment.day} {month} {hour}",
        hour,
    ]


def _stepping(
    level: Level, t_start: float, t_end: float, limit: int
) -> Iterator[tuple[float, datetime]]:
    moment: datetime | None = _floor(from_days(t_start), level)
    for _ in range(limit):
        if moment is None:
            return
        days = to_days(moment)
        if days > t_end:
            return
        yield days, moment
        moment = _advance(moment, level)


def ticks(level: Level, t_start: float, t_end: float, limit: int = 2000) -> list[tuple[float, str]]:
    """Return the lower-tier ticks ``(days, label)`` from the last tick at or before
    ``t_start`` through ``t_end``."""
    return [
        (days, minor_label(moment, level))
        for days, moment in _stepping(level, t_start, t_end, limit)
    ]


def major_ticks(
    level: Level, t_start: float, t_end: float, limit: int = 2000
) -> list[tuple[float, str]]:
    """Return the upper-tier ticks ``(days, label)`` for the lower-tier ``level`` (none above
    the coarsest level)."""
    if level.major is None:
        return []
    major = MAJOR_LEVELS[level.major]
    return [
        (days, major_label(moment, major))
        for days, moment in _stepping(major, t_start, t_end, limit)
    ]


def major_tick_labels(
    level: Level, t_start: float, t_end: float, limit: int = 2000
) -> list[tuple[float, list[str]]]:
    """Return the upper-tier ticks with every form of their label, longest first."""
    if level.major is None:
        return []
    major = MAJOR_LEVELS[level.major]
    return [
        (days, major_labels(moment, major))
        for days, moment in _stepping(major, t_start, t_end, limit)
    ]


@dataclass(slots=True)
class Viewport:
    """Which stretch of time the canvas shows: ``t0`` days at x = 0, ``px_per_day`` wide."""

    t0: float
    px_per_day: float

    def x_of(self, days: float) -> float:
        """Return the x (px) of the time ``days``."""
        return (days - self.t0) * self.px_per_day

    def t_of(self, x: float) -> float:
        """Return the time (days) under the x position ``x``."""
        return self.t0 + x / self.px_per_day

    def zoom_at(self, x: float, factor: float) -> None:
        """Zoom by ``factor`` (>1 in) keeping the time under ``x`` where it is."""
        anchor = self.t_of(x)
        self.px_per_day *= factor
        self.t0 = anchor - x / self.px_per_day

    def show(self, t_start: float, t_end: float, width: float) -> None:
        """Fit the span [t_start, t_end) into ``width`` pixels."""
        span = max(t_end - t_start, 1.0 / 86400)
        self.px_per_day = width / span
        self.t0 = t_start
