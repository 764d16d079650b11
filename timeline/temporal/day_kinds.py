"""Resolvers for expressions that name a day or a time of day: weekdays, today and
yesterday, parts of days, clock times, "the 3rd", weekends.

Each ``resolve_<kind>(resolver, detection)`` returns a ``Resolution`` or None.
"""

from __future__ import annotations

import re
from datetime import timedelta
from typing import TYPE_CHECKING

from timeline.model import TimexType
from timeline.temporal.calendar_kinds import day_value, day_without_year, year_phrase
from timeline.temporal.lexicon import (
    DAY_NUMBER,
    MONTH,
    PARTS_OF_DAY,
    WEEKDAYS,
    YEAR,
    month_number,
)
from timeline.temporal.resolution import Resolution
from timeline.temporal.shifts import add_months, iso_week_value, safe_date, weekday_by_tense
from timeline.temporal.tense import FUTURE, PAST, PRESENT

if TYPE_CHECKING:
    from timeline.temporal.detect import Detection
    from timeline.temporal.resolve import Resolver

_DATE_AFTER_CLOCK = re.compile(
    rf"[ \t]*(?:,[ \t]*)?(?:on[ \t]+)?(?P<date>(?P<month>{MONTH})\s+(?P<day>{DAY_NUMBER})\b"
    rf"(?:,?\s+(?P<year>{YEAR})\b)?)"
)


def _pod_code(word: str | None) -> str | None:
    return PARTS_OF_DAY.get(word.lower()) if word else None


def resolve_weekday(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return the day a weekday name means (tense or last/next/this), with a part of day."""
    groups = detection.groups
    weekday = WEEKDAYS[detection.group("weekday").lower()]
    relation = " ".join((groups.get("rel") or "").lower().split()) or None
    if relation in ("the following", "the previous"):
        return _weekday_from_reference(resolver, detection, weekday, relation)
    # "Wednesday's ruling" names something that has happened.
    tense = PAST if groups.get("tail") else resolver.tense(detection)
    day = weekday_by_tense(
        resolver.dct_day, weekday, tense, relation if relation in ("last", "next", "this") else None
    )
    if groups.get("beyond"):
        # "the day before last Tuesday": one day off the weekday named.
        day += timedelta(days=1 if detection.group("beyond").lower() == "after" else -1)
    value = day_value(day)
    if day == resolver.dct_day and relation not in ("last", "next") and not groups.get("beyond"):
        how = f"names the DCT's own weekday -> the DCT {resolver.describe_dct()} = {value}"
        confidence = 0.9
    else:
        rule = {"last": "'last'", "next": "'next'", "this": "'this'"}.get(
            relation or "", year_phrase(tense)
        )
        side = "after" if day > resolver.dct_day else "before"
        name = detection.group("weekday").capitalize()
        how = f"+ {rule} -> the {name} {side} the DCT {resolver.describe_dct()} = {value}"
        confidence = 0.85 if tense or relation else 0.7
    pod = _pod_code(groups.get("pod"))
    # "the early hours of Saturday" is context (TimeML tags "Saturday") but still morning.
    early_hours = "hours" in (groups.get("lead") or "")
    if relation == "early" or early_hours:
        pod = pod or "MO"
    elif relation == "late":
        pod = pod or "EV"
    if pod:
        return Resolution(f"{value}T{pod}", TimexType.TIME, f"{how}, part of day {pod}", confidence)
    return Resolution(value, TimexType.DATE, how, confidence)


def _weekday_from_reference(
    resolver: Resolver, detection: Detection, weekday: int, relation: str
) -> Resolution:
    base, _label = resolver.references["day"]
    if relation == "the following":
        day = base + timedelta(days=(weekday - base.weekday()) % 7 or 7)
    else:
        day = base - timedelta(days=(base.weekday() - weekday) % 7 or 7)
    value = day_value(day)
    how = f"'{relation}' counts from the reference time {base.isoformat()} -> {value}"
    return Resolution(value, TimexType.DATE, how, 0.75, None, "day")


# Which months "the 3rd" may be in, counted from the DCT's, by the clause's tense.
_MONTH_STEPS: dict[str | None, tuple[int, ...]] = {PAST: (-1, 0), FUTURE: (0, 1)}


def resolve_day_of_month(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return "the 3rd" as a day of the DCT's month (the month before when the tense is
    past and the day is still to come, the next when future and already gone)."""
    day_number = int(detection.group("day"))
    dct = resolver.dct_day
    tense = resolver.tense(detection)
    months = _MONTH_STEPS.get(tense, (-1, 0, 1))
    candidates = [
        day
        for day in (
            safe_date(first.year, first.month, day_number)
            for first in (add_months(dct, step) for step in months)
        )
        if day is not None
    ]
    if not candidates:
        return None
    if tense == PAST:
        day = max((c for c in candidates if c <= dct), default=min(candidates))
    elif tense == FUTURE:
        day = min((c for c in candidates if c >= dct), default=max(candidates))
    else:
        day = min(candidates, key=lambda c: abs((c - dct).days))
    value = day_value(day)
    how = f"is a day of the month; {year_phrase(tense)} against the DCT {resolver.describe_dct()}"
    return Resolution(value, TimexType.DATE, f"{how} -> {value}", 0.7)


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def resolve_today(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return today/tonight/yesterday/tomorrow or this morning/last night against the DCT."""
    groups = detection.groups
    word = (groups.get("word") or "").lower()
    relation = (groups.get("rel") or "").lower()
    pod = _pod_code(groups.get("pod"))
    if word == "overnight":
        # The night just gone in the past (or with no tense: news report what happened),
        # the coming night otherwise.
        offset = 0 if resolver.tense(detection) in (FUTURE, PRESENT) else -1
        pod = "NI"
    elif word:
        offset = _DAY_WORDS[word]
        if groups.get("beyond"):
            offset += 1 if detection.group("beyond").lower() == "after" else -1
        pod = pod or ("NI" if word == "tonight" else None)
        # "late yesterday" is its evening, "early today" its morning (as for weekdays).
        edge = (groups.get("edge") or "").lower()
        pod = pod or {"early": "MO", "late": "EV"}.get(edge)
    else:
        offset = -1 if relation == "last" and pod == "NI" else 0
    day = resolver.dct_day + timedelta(days=offset)
    value = day_value(day)
    how = f"counts {offset:+d} day(s) from the DCT {resolver.describe_dct()} -> {value}"
    if pod:
        return Resolution(f"{value}T{pod}", TimexType.TIME, f"{how}, part of day {pod}", 0.9)
    return Resolution(value, TimexType.DATE, how, 0.95)


def resolve_clock(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a clock time on its weekday, on today/yesterday, or on the day last mentioned."""
    groups = detection.groups
    word = (groups.get("word") or "").lower()
    if word:
        hour, minute = (0, 0) if word == "midnight" else (12, 0)
        if word == "midnight" and resolver.tense(detection) != PAST:
            # TimeML writes midnight as T24:00, the end of its day ("the deadline passes
            # at midnight"); in the past ("since midnight") it is the start of the day.
            hour = 24
    else:
        hour, minute = int(detection.group("hour")), int(groups.get("minute") or 0)
        ampm = (groups.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        pod = (groups.get("pod") or "").lower()
        if (ampm == "pm" or pod in ("afternoon", "evening")) and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    on_reference = None
    if groups.get("weekday"):
        weekday = WEEKDAYS[detection.group("weekday").lower()]
        day = weekday_by_tense(resolver.dct_day, weekday, resolver.tense(detection), None)
        where = f"on {detection.group('weekday').capitalize()}"
    elif groups.get("dayword"):
        day = resolver.dct_day + timedelta(days=_DAY_WORDS[detection.group("dayword").lower()])
        where = f"{detection.group('dayword').lower()} from the DCT"
    elif written := _DATE_AFTER_CLOCK.match(resolver.text, detection.end):
        # "10 a.m. on Sept. 20": the date that follows, which is tagged on its own.
        month, day_number = month_number(written["month"]), int(written["day"])
        if written["year"]:
            written_day = safe_date(int(written["year"]), month, day_number)
        else:
            tense = resolver.tense(detection)
            written_day = day_without_year(resolver.dct_day, month, day_number, tense)
        if written_day is None:
            return None
        day = written_day
        where = f"on the date that follows ('{written['date'].strip()}')"
    else:
        # A bare clock time belongs to the day last mentioned.
        day, on_reference = resolver.reference("day"), "day"
        where = "on the day last mentioned"
    value = f"{day_value(day)}T{hour:02d}:{minute:02d}"
    how = f"is a clock time {where} -> {value}"
    utc = _UTC_AFTER.match(resolver.text, detection.end)
    if utc:
        # The value stays the local time the text gives; its offset from the GMT time
        # that follows is recorded here ("10:35 a.m. (0735 GMT)" is UTC+03:00).
        minutes = (hour * 60 + minute - int(utc["hour"]) * 60 - int(utc["minute"])) % 1440
        minutes = minutes - 1440 if minutes > 840 else minutes
        sign = "+" if minutes >= 0 else "-"
        how += (
            f", local time at UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
            f" (from the {utc['utc']} time that follows)"
        )
    return Resolution(value, TimexType.TIME, how, 0.8, None, on_reference)


_UTC_AFTER = re.compile(
    r"\s*\((?P<hour>[01]\d|2[0-3]):?(?P<minute>[0-5]\d)\s*(?-i:(?P<utc>GMT|UTC))\)"
)


def resolve_weekend(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return the weekend of the DCT's week, the one before or the one after."""
    relation = (detection.groups.get("rel") or "the").lower()
    dct = resolver.dct_day
    saturday_this_week = dct + timedelta(days=5 - dct.weekday())
    if relation == "last":
        saturday = saturday_this_week - timedelta(days=7)
    elif relation == "next":
        saturday = saturday_this_week + timedelta(days=7)
    elif dct.weekday() >= 5:
        saturday = saturday_this_week
    elif relation == "this":
        # "reopened this weekend" on a Tuesday is the weekend just gone.
        past = resolver.tense(detection) == PAST
        saturday = saturday_this_week - timedelta(days=7 if past else 0)
    elif resolver.tense(detection) in (FUTURE, PRESENT):
        saturday = saturday_this_week
    else:
        saturday = saturday_this_week - timedelta(days=7)
    value = f"{iso_week_value(saturday)}-WE"
    return Resolution(
        value,
        TimexType.DATE,
        f"is a weekend near the DCT {resolver.describe_dct()} -> {value}",
        0.75,
    )


DAY_KINDS = {
    "weekday": resolve_weekday,
    "day_of_month": resolve_day_of_month,
    "today": resolve_today,
    "clock": resolve_clock,
    "weekend": resolve_weekend,
}
