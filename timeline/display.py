"""Dates as a person reads them: "Tue 12 Sep 2023", "Sep 2023", "Q3 2023", "1990s".

:func:`format_span` turns a half-open interval ``[earliest, latest)`` with its
granularity (and TIMEX3-style modifier) into a short label; :func:`format_event_date`
does it for an Event, minding the analyst's corrections. The desktop app, the review
table and every export use them, so a date reads the same everywhere.

Names of days and months are spelled out here rather than taken from ``strftime``:
the label must not change with the machine's locale, and it must work before 1900.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from timeline.calendar import (
    DAY_ABBREVIATIONS,
    MONTH_ABBREVIATIONS,
    SEASON_MONTHS,
    SEASON_NAMES,
    season_of,
    unit_bounds,
)
from timeline.model import Event, Granularity, Status

DAY_NAMES = DAY_ABBREVIATIONS  # the names this module has always exported
MONTH_NAMES = MONTH_ABBREVIATIONS

# Modifiers that read as a word before a coarse date ("early 2019") or after a day
# ("Tue 12 Sep 2023, early"); the TIMEX3 spellings (START, MID, END) map to the same words.
PART_MODS = {"early": "early", "start": "early", "mid": "mid", "late": "late", "end": "late"}
# Modifiers that put the date in a relation ("before 2019", "about 2019").
RELATION_MODS = {
    "before": "before {}",
    "after": "after {}",
    "on_or_before": "{} or earlier",
    "on_or_after": "{} or later",
    "approx": "about {}",
}

ONE_DAY = timedelta(days=1)
ONE_HOUR = timedelta(hours=1)
ONE_MINUTE = timedelta(minutes=1)
TINY = timedelta(microseconds=1)  # steps back from an exclusive end into the last unit


# --- units: where a unit containing a moment starts, and where the next one starts ---


# --- labels for one unit ---


ORDINAL_SUFFIXES = {1: "st", 2: "nd", 3: "rd"}


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:  # 11th, 12th, 13th
        return f"{number}th"
    return f"{number}{ORDINAL_SUFFIXES.get(number % 10, 'th')}"


def _day_label(moment: datetime, weekday: bool = True) -> str:
    text = f"{moment.day} {MONTH_NAMES[moment.month - 1]} {moment.year}"
    return f"{DAY_NAMES[moment.weekday()]} {text}" if weekday else text


def _clock(moment: datetime, seconds: bool = False) -> str:
    if seconds:
        return f"{moment.hour:02d}:{moment.minute:02d}:{moment.second:02d}"
    return f"{moment.hour:02d}:{moment.minute:02d}"


def _season_label(start: datetime) -> str:
    code = season_of(start.month)
    first, length = SEASON_MONTHS[code]
    if first + length > 13 and start.month >= first:
        # A winter that starts in December runs into the next year.
        return f"{SEASON_NAMES[code]} {start.year}-{(start.year + 1) % 100:02d}"
    return f"{SEASON_NAMES[code]} {start.year}"


def _unit_label(start: datetime, granularity: Granularity) -> str:
    if granularity is Granularity.CENTURY:
        return f"{_ordinal(start.year // 100 + 1)} century"
    if granularity is Granularity.DECADE:
        return f"{start.year // 10 * 10}s"
    if granularity is Granularity.YEAR:
        return str(start.year)
    if granularity is Granularity.HALF:
        return f"H{(start.month - 1) // 6 + 1} {start.year}"
    if granularity is Granularity.QUARTER:
        return f"Q{(start.month - 1) // 3 + 1} {start.year}"
    if granularity is Granularity.MONTH:
        return f"{MONTH_NAMES[start.month - 1]} {start.year}"
    if granularity is Granularity.WEEK:
        return f"week of {_day_label(start)}"
    if granularity is Granularity.DAY:
        return _day_label(start)
    return f"{_day_label(start)} {_clock(start, granularity is Granularity.SECOND)}"


# --- labels for a run of whole units ---


def _whole_unit(moment: datetime, granularity: Granularity) -> tuple[datetime, datetime]:
    """Return unit_bounds for a granularity the interval's ends are aligned on (so it
    has a unit there); raises ValueError when it has none."""
    bounds = unit_bounds(moment, granularity)
    if bounds is None:
        raise ValueError(f"no {granularity.value} unit holds {moment.isoformat()}")
    return bounds


def _range_label(earliest: datetime, latest: datetime, granularity: Granularity) -> str:
    """Label [earliest, latest), a run of whole units of ``granularity``."""
    if granularity in (Granularity.CENTURY, Granularity.DECADE, Granularity.YEAR,
                       Granularity.HALF, Granularity.QUARTER, Granularity.MONTH):
        last = _whole_unit(latest - TINY, granularity)[0]
        first_label = _unit_label(earliest, granularity)
        if granularity not in (Granularity.CENTURY, Granularity.DECADE, Granularity.YEAR) \
                and earliest.year == last.year:  # "Sep-Nov 2023", "Q3-Q4 2023"
            first_label = first_label.rsplit(" ", 1)[0]
        return f"{first_label}-{_unit_label(last, granularity)}"
    if granularity in (Granularity.WEEK, Granularity.DAY):
        return _day_range_label(earliest, latest - ONE_DAY)
    # Clock times: the end shown is the exclusive end, as a timetable writes "14:00-17:00".
    with_seconds = granularity is Granularity.SECOND
    if (latest - TINY).date() == earliest.date():  # same day, or up to its midnight
        return f"{_unit_label(earliest, granularity)}-{_clock(latest, with_seconds)}"
    return f"{_unit_label(earliest, granularity)} - {_unit_label(latest, granularity)}"


def _day_range_label(first_day: datetime, last_day: datetime) -> str:
    """"12-14 Sep 2023", "30 Sep-2 Oct 2023", "30 Dec 2023-2 Jan 2024" (both days included)."""
    if first_day.year != last_day.year:
        return f"{_day_label(first_day, False)}-{_day_label(last_day, False)}"
    if first_day.month != last_day.month:
        return f"{first_day.day} {MONTH_NAMES[first_day.month - 1]}-{_day_label(last_day, False)}"
    return f"{first_day.day}-{_day_label(last_day, False)}"


_NAMED_PART_OF_DAY = re.compile(r"\b(?:morning|afternoon|evening|night)\b", re.IGNORECASE)


def _part_of_day_word(earliest: datetime, latest: datetime) -> str | None:
    """Name the stretch of one day [earliest, latest) the way a report would."""
    if latest - earliest > ONE_DAY or earliest.minute or latest.minute:
        return None
    start_hour = earliest.hour
    end_hour = 24 if latest.date() > earliest.date() else latest.hour
    if (start_hour, end_hour) == (0, 12):  # "early on Tuesday": midnight to noon
        return "early"
    if (start_hour, end_hour) == (12, 24):
        return "late"
    if 4 <= start_hour < 12 and end_hour <= 13:
        return "morning"
    if 12 <= start_hour < 17 and end_hour <= 19:
        return "afternoon"
    if 17 <= start_hour < 21:
        return "evening"
    if start_hour >= 21 or start_hour < 4:
        return "night"
    return None


def _aligned(earliest: datetime, latest: datetime, granularity: Granularity) -> bool:
    """True when both ends fall on boundaries of ``granularity``'s units."""
    if latest == datetime.min:  # nothing ends at the first moment a datetime holds
        return False
    first = unit_bounds(earliest, granularity)
    last = unit_bounds(latest - TINY, granularity)
    return first is not None and last is not None and first[0] == earliest and last[1] == latest


def _finest_fit(earliest: datetime, latest: datetime) -> Granularity:
    """The coarsest granularity whose unit boundaries both ends fall on."""
    for granularity in (Granularity.YEAR, Granularity.MONTH, Granularity.DAY, Granularity.MINUTE):
        if _aligned(earliest, latest, granularity):
            return granularity
    return Granularity.SECOND


def _interval_label(earliest: datetime, latest: datetime, granularity: Granularity,
                    expression: str | None = None) -> str:
    """Label [earliest, latest) in units of ``granularity``, or of the coarsest unit both
    ends fall on when they do not fall on that one's boundaries."""
    if granularity is Granularity.PART_OF_DAY:
        word = _part_of_day_word(earliest, latest)
        if word in ("early", "late") and expression:
            # A half day is what TIMEX3 makes of "Friday morning" too: keep the article's word.
            named = _NAMED_PART_OF_DAY.search(expression)
            word = named.group().lower() if named else word
        if word:
            return f"{_day_label(earliest)}, {word}"
    if granularity is Granularity.SEASON and latest - earliest <= timedelta(days=100):
        return _season_label(earliest)
    if not _aligned(earliest, latest, granularity):
        granularity = _finest_fit(earliest, latest)
    if latest <= _whole_unit(earliest, granularity)[1]:
        return _unit_label(earliest, granularity)
    return _range_label(earliest, latest, granularity)


def _one_whole_unit_label(
    earliest: datetime, latest: datetime, granularity: Granularity
) -> str | None:
    """The label of the commonest spans (exactly one day, minute, hour, month or year),
    found with plain comparisons: exports label 10^5 events. None for anything else."""
    if earliest.second or earliest.microsecond:
        return None
    length = latest - earliest
    if granularity is Granularity.DAY:
        if length == ONE_DAY and not (earliest.hour or earliest.minute):
            return _day_label(earliest)
    elif granularity is Granularity.MINUTE:
        if length == ONE_MINUTE:
            return f"{_day_label(earliest)} {_clock(earliest)}"
    elif granularity is Granularity.HOUR:
        if length == ONE_HOUR and not earliest.minute:
            return f"{_day_label(earliest)} {_clock(earliest)}"
    elif earliest.day != 1 or earliest.hour or earliest.minute or latest.day != 1 or (
            latest.hour or latest.minute or latest.second or latest.microsecond):
        return None
    elif granularity is Granularity.YEAR:
        if earliest.month == 1 and latest.month == 1 and latest.year == earliest.year + 1:
            return str(earliest.year)
    elif granularity is Granularity.MONTH:
        next_month = (earliest.year + earliest.month // 12, earliest.month % 12 + 1)
        if (latest.year, latest.month) == next_month:
            return f"{MONTH_NAMES[earliest.month - 1]} {earliest.year}"
    return None


def _apply_mod(label: str, mod: str | None, day_or_finer: bool) -> str:
    key = _mod_key(mod)
    if key in PART_MODS:
        word = PART_MODS[key]
        if day_or_finer:
            return label if label.endswith(f", {word}") else f"{label}, {word}"
        return f"{word} {label}"
    if key in RELATION_MODS:
        return RELATION_MODS[key].format(label)
    return label


def format_span(
    earliest: datetime | None,
    latest: datetime | None,
    granularity: Granularity | str,
    mod: str | None = None,
    *,
    expression: str | None = None,
) -> str:
    """Return the interval [earliest, latest) as a person reads it.

    "Tue 12 Sep 2023", "Tue 12 Sep 2023, early", "Sep 2023", "2019", "Q3 2023",
    "1990s", "12-14 Sep 2023" (a run of days, both ends included), "Tue 12 Sep 2023 14:30";
    an interval with a missing end reads "open-ended (after Tue 12 Sep 2023)", one with
    no start "open-ended (until Tue 12 Sep 2023)" (that day included), and one
    with no end at all "open-ended" or, given the text, "open-ended (after the forum)".
    ``mod`` is an ARCHITECTURE/TIMEX3 modifier (early/START, mid, late/END, approx,
    before, after, on_or_before, on_or_after); others are ignored.
    """
    if not isinstance(granularity, Granularity):
        try:
            granularity = Granularity(granularity)
        except ValueError:
            granularity = Granularity.UNKNOWN
    if earliest is None or latest is None:
        return _open_ended_label(earliest, latest, granularity, expression)
    if latest <= earliest:  # a point in time, or a span given backwards: show its start
        if earliest > datetime.max - ONE_MINUTE:  # the calendar's last minute
            return _unit_label(earliest, Granularity.SECOND)
        latest = earliest + ONE_MINUTE
        granularity = Granularity.MINUTE if earliest.second == 0 else Granularity.SECOND
    if granularity in (Granularity.DURATION, Granularity.SET, Granularity.UNKNOWN):
        granularity = _finest_fit(earliest, latest)
    # Exactly one whole unit (the commonest span) is never a part of one: its label comes
    # first, so most events skip the unit bounds the part's test works out.
    label = _one_whole_unit_label(earliest, latest, granularity)
    if label is None:
        if mod and _mod_key(mod) in PART_MODS:
            part = _part_of_unit_label(earliest, latest, granularity, mod)
            if part is not None:
                return part
        label = _interval_label(earliest, latest, granularity, expression)
    if not mod:
        return label
    day_or_finer = latest - earliest <= ONE_DAY and granularity not in (
        Granularity.WEEK, Granularity.MONTH, Granularity.YEAR)
    return _apply_mod(label, mod, day_or_finer)


_MOD_KEYS: dict[str, str] = {}


def _mod_key(mod: str | None) -> str:
    """Return the modifier as PART_MODS and RELATION_MODS spell it ("on-or-before",
    " START" -> "on_or_before", "start"), each spelling worked out once."""
    if not mod:
        return ""
    key = _MOD_KEYS.get(mod)
    if key is None:
        key = mod.strip().lower().replace("-", "_")
        if len(_MOD_KEYS) < 1000:  # a handful of spellings; odd input does not grow it
            _MOD_KEYS[mod] = key
    return key


def _part_of_unit_label(
    earliest: datetime, latest: datetime, granularity: Granularity, mod: str | None
) -> str | None:
    """Return "late 1980s", "early 2019", "late Nov 2023", "Tue 12 Sep 2023, early" for the
    early, mid or late part of one unit (the part's own bounds, "late 1987-1989", name
    no unit a reader knows); None for anything else."""
    if _mod_key(mod) not in PART_MODS:
        return None
    whole = unit_bounds(earliest, granularity)
    if whole is None or latest > whole[1] or (earliest, latest) == whole:
        return None
    day_or_finer = granularity in (Granularity.DAY, Granularity.HOUR, Granularity.MINUTE,
                                   Granularity.SECOND)
    return _apply_mod(_unit_label(whole[0], granularity), mod, day_or_finer)


def _open_ended_label(
    earliest: datetime | None,
    latest: datetime | None,
    granularity: Granularity,
    expression: str | None,
) -> str:
    def known_end(moment: datetime) -> str:
        on_boundary = _aligned(moment, moment, granularity)
        return _unit_label(moment, granularity if on_boundary else _finest_fit(moment, moment))

    if earliest is not None:
        return f"open-ended (after {known_end(earliest)})"
    if latest is not None:
        # "up until Thursday" ends with Thursday: name the last whole unit it takes in.
        if latest > datetime.min:
            unit = granularity if _aligned(latest, latest, granularity) else _finest_fit(
                latest, latest)
            last = unit_bounds(latest - TINY, unit)
            # (a clock time reads better as the moment it ends before)
            if last is not None and last[1] == latest and unit not in (
                    Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND):
                return f"open-ended (until {_unit_label(last[0], unit)})"
        return f"open-ended (before {known_end(latest)})"
    if expression:
        return f"open-ended ({expression.strip()})"
    return "open-ended"


def format_event_date(event: Event) -> str:
    """Return the event's date as a person reads it, the same in the app and the exports.

    A corrected event reads as the analyst set it: the tagger's modifier ("early",
    "about") described the tagger's reading, not the corrected interval. An event with
    no interval names its expression ("open-ended (after the forum)").
    """
    mod = None if event.status is Status.CORRECTED else event.mod
    return format_span(event.earliest, event.latest, event.granularity, mod,
                       expression=event.expression)


__all__ = ["format_event_date", "format_span"]
