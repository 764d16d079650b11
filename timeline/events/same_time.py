"""Dates of one sentence that name one moment: "10:35 a.m. (0735 GMT) Friday", "around
midday on Thursday", "Friday at 3 p.m.". They make one event, at the time of day on that
day, not an event for the day and another for the minute; a time in another zone in
parentheses ("(1400 GMT)") is the same moment again and makes none."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from timeline.calendar import DAY_OR_FINER
from timeline.model import Granularity, Mention

# What may stand between a time of day and its day: "(0735 GMT)", "on", "at", ",".
_BETWEEN = re.compile(
    r"\s*(?:\([^()]{0,30}\)\s*)?,?\s*(?:(?:on|at|of|in\s+the)\s+)?(?:the\s+)?", re.I
)
_ZONE_AFTER = re.compile(r"\s*(?:GMT|UTC|Z)\b", re.I)
_OPEN_PARENTHESIS = re.compile(r"\(\s*$")
_TIMES_OF_DAY = frozenset(
    {Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND}
)


def one_per_moment(text: str, dating: list[Mention]) -> list[Mention]:
    """Return ``dating`` (one sentence's dating mentions, in text order) with each time
    of day and the day it is on made one mention (the time of day placed on that day,
    its text the whole phrase), and a time given again in another zone left out."""
    kept: list[Mention] = []
    for mention in dating:
        if kept and _restates(text, kept[-1], mention):
            continue
        if kept and _BETWEEN.fullmatch(text, kept[-1].end, mention.start):
            merged = _on_its_day(text, kept[-1], mention)
            if merged is not None:
                kept[-1] = merged
                continue
        kept.append(mention)
    return kept


def _restates(text: str, before: Mention, mention: Mention) -> bool:
    """Return True for "(1400 GMT)" right after a clock time: the same moment again."""
    if before.granularity not in _TIMES_OF_DAY:
        return False
    opening = _OPEN_PARENTHESIS.search(text, before.end, mention.start)
    return bool(opening and not text[before.end:opening.start()].strip()
                and _ZONE_AFTER.match(text, mention.end))


def _on_its_day(text: str, first: Mention, second: Mention) -> Mention | None:
    """Return one mention for a day and a time of day side by side (either order), or
    None when they are not that ("Monday, Aug. 3" is one day already; two days are two)."""
    pair = sorted((first, second), key=lambda mention: _rank(mention.granularity))
    time, day = pair
    if time.granularity not in _TIMES_OF_DAY or day.granularity not in DAY_OR_FINER:
        return None
    if _rank(time.granularity) >= _rank(day.granularity):
        return None
    if time.earliest is None or time.latest is None or day.earliest is None:
        return None
    if "T" not in time.value:
        return None
    day_start = datetime.combine(day.earliest.date(), datetime.min.time())
    earliest = day_start + (time.earliest - datetime.combine(time.earliest.date(),
                                                              datetime.min.time()))
    latest = earliest + (time.latest - time.earliest)
    phrase = text[first.start:second.end]
    return replace(
        time,
        text=phrase,
        start=first.start,
        end=second.end,
        value=day_start.date().isoformat() + time.value[time.value.index("T"):],
        earliest=earliest,
        latest=latest,
        explanation=(f"'{phrase}': the time of day '{time.text}' on the day '{day.text}', "
                     f"one moment. {day.explanation}; {time.explanation}"),
        confidence=min(time.confidence, day.confidence),
    )


def _rank(granularity: Granularity) -> int:
    """Return how fine ``granularity`` is: lower is finer."""
    order = [Granularity.SECOND, Granularity.MINUTE, Granularity.HOUR,
             Granularity.PART_OF_DAY, Granularity.DAY]
    return order.index(granularity) if granularity in order else len(order)
