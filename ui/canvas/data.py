"""The canvas's own Qt-free view of an event, fed by the store (or by tests and benches).

Nothing here imports Qt, so the data, the scale and the layout are unit-tested without a
window.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from timeline.calendar import DAY_ABBREVIATIONS, DAY_OR_FINER, MONTH_ABBREVIATIONS

# Granularities whose single unit is a point on the canvas (a glyph), not a stretch.
FINE_GRANULARITIES = frozenset(granularity.value for granularity in DAY_OR_FINER)

# The nominal length of one unit of each granularity, in days; an event much longer than
# one unit of its granularity is a real interval, not an uncertain point.
UNIT_DAYS = {
    "century": 36524.0,
    "decade": 3652.0,
    "year": 365.0,
    "half": 181.0,
    "quarter": 90.0,
    "season": 90.0,
    "month": 28.0,
    "week": 7.0,
    "day": 1.0,
    "part_of_day": 0.5,  # "early on Tuesday" is 00:00-12:00
    "hour": 1.0 / 24,
    "minute": 1.0 / 1440,
    "second": 1.0 / 86400,
}

STATUSES = ("unreviewed", "accepted", "corrected", "rejected")
STATUS_CODE = {name: code for code, name in enumerate(STATUSES)}

# How an event is drawn when it is wide enough to be a bar.
KIND_UNCERTAIN = 0  # one unit of a coarse granularity ("2019"): faded, soft edges
KIND_INTERVAL = 1  # a stretch longer than its unit ("from March to May"): solid bar
KIND_FINE = 2  # day or finer: a point glyph; a soft bar only when zoomed far in
KIND_OPEN_AFTER = 3  # open-ended: at or after its start, no end ("after the forum")
KIND_OPEN_BEFORE = 4  # open-ended: at or before its end, no start ("before the vote")

# CanvasEvent.open_side: which bound is missing ("" for an event with both).
OPEN_AFTER, OPEN_BEFORE = "after", "before"


@dataclass(frozen=True, slots=True)
class CanvasEvent:
    """One event as the canvas draws it; ``end`` is exclusive.

    An open-ended event has one bound only: ``open_side`` "after" (it happens at or after
    ``start``; ``end`` is not read) or "before" (at or before ``end``; ``start`` is not
    read). It is drawn at its bound with a tail fading towards the open side, never as
    a made-up interval.
    """

    id: int
    start: datetime
    end: datetime
    granularity: str
    status: str
    title: str
    group: str
    expression: str = ""
    source: str = ""
    date_display: str = ""
    open_side: str = ""


def event_kind(event: CanvasEvent) -> int:
    """Return KIND_INTERVAL, KIND_FINE, KIND_UNCERTAIN or an open kind for how ``event``
    is drawn."""
    if event.open_side:
        return KIND_OPEN_BEFORE if event.open_side == OPEN_BEFORE else KIND_OPEN_AFTER
    return kind_of(event.granularity, (event.end - event.start).total_seconds() / 86400.0)


def bounds(event: CanvasEvent) -> tuple[datetime, datetime]:
    """Return the stretch ``event`` is laid out on: its start and end, or, when it is
    open-ended, the instant of its one known bound."""
    if event.open_side == OPEN_BEFORE:
        return event.end, event.end
    if event.open_side:
        return event.start, event.start
    return event.start, event.end


def kind_of(granularity: str, length_days: float) -> int:
    """Return how an event of ``granularity`` lasting ``length_days`` is drawn."""
    unit = UNIT_DAYS.get(granularity)
    if unit is not None and length_days > unit * 1.5:
        return KIND_INTERVAL
    if granularity in FINE_GRANULARITIES:
        return KIND_FINE
    return KIND_UNCERTAIN


def human_date(event: CanvasEvent) -> str:
    """Return the event's time as a person reads it, at its granularity.

    ``date_display`` wins when the caller gave one.
    """
    if event.date_display:
        return event.date_display
    if event.open_side == OPEN_BEFORE:
        return f"open-ended: before {_format_at(event.end, event.granularity)}"
    if event.open_side:
        return f"open-ended: after {_format_at(event.start, event.granularity)}"
    start, end = event.start, event.end
    last = end - timedelta(microseconds=1) if end > start else start
    granularity = event.granularity
    if event_kind(event) == KIND_INTERVAL:
        return f"{_format_at(start, granularity)} – {_format_at(last, granularity)}"
    if granularity == "century":
        return f"{start.year // 100 * 100}s"
    if granularity == "decade":
        return f"{start.year // 10 * 10}s"
    if granularity == "year":
        return str(start.year)
    if granularity in ("quarter", "season", "half"):
        return (f"{MONTH_ABBREVIATIONS[start.month - 1]}–"
                f"{MONTH_ABBREVIATIONS[last.month - 1]} {last.year}")
    if granularity == "week":
        return f"week of {_day(start)}"
    if granularity == "part_of_day":
        return f"{_day(start)}, {start:%H:%M}–{end:%H:%M}"
    return _format_at(start, granularity)


def _day(moment: datetime) -> str:
    # Built from the calendar's names, not strftime: %a and %b follow the C locale, which
    # Qt sets from the desktop ("Di" for "Tue"), and %Y pads nothing before 1000.
    return (f"{DAY_ABBREVIATIONS[moment.weekday()]} {moment.day} "
            f"{MONTH_ABBREVIATIONS[moment.month - 1]} {moment.year}")


def _format_at(moment: datetime, granularity: str) -> str:
    if granularity in ("century", "decade", "year"):
        return str(moment.year)
    if granularity in ("half", "quarter", "season", "month"):
        return f"{MONTH_ABBREVIATIONS[moment.month - 1]} {moment.year}"
    if granularity in ("hour", "minute", "second"):
        return f"{_day(moment)} {moment:%H:%M}"
    return _day(moment)
