"""Ranges of two weekdays run forwards: "from Monday to Wednesday".

Each weekday is first resolved on its own by the clause's tense, which can put the end
before the start (on a Tuesday, a past "Monday" is the day before and a past "Wednesday"
the week before). The pair is then read as one stretch of days: in a past clause the
start moves back to the Monday before that Wednesday, otherwise the end moves forward.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta

from timeline.model import Granularity, Mention
from timeline.temporal.lexicon import WEEKDAYS
from timeline.temporal.tense import PAST, clause_tense

_JOIN = re.compile(r"^\s*(?:to|through|until|till|and|-|–)\s*$", re.IGNORECASE)
_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_WEEK = timedelta(days=7)


def forward_ranges(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return ``mentions`` with each "from <weekday> to <weekday>" made to run forwards."""
    result = list(mentions)
    for index in range(len(result) - 1):
        first, last = result[index], result[index + 1]
        first_day, last_day = _weekday_start(first), _weekday_start(last)
        if first_day is None or last_day is None or last_day >= first_day:
            continue
        if not _JOIN.match(text[first.end : last.start]):
            continue
        if not _OPEN.search(text, max(0, first.start - 10), first.start):
            continue
        if clause_tense(text, first.start, last.end) == PAST:
            start = first_day
            while start > last_day:
                start -= _WEEK
            result[index] = _moved(first, start - first_day, "back")
        else:
            end = last_day
            while end < first_day:
                end += _WEEK
            result[index + 1] = _moved(last, end - last_day, "forward")
    return result


def _weekday_start(mention: Mention) -> datetime | None:
    """Return where a mention of a bare weekday name starts, None for any other mention."""
    # Only weekday names are guessed by tense; a written date stays where the text puts it.
    if mention.granularity is not Granularity.DAY or mention.text.lower() not in WEEKDAYS:
        return None
    if mention.latest is None:
        return None
    return mention.earliest


def _moved(mention: Mention, shift: timedelta, direction: str) -> Mention:
    # Only anchored weekdays (both ends set, see _weekday_start) are moved.
    if mention.earliest is None or mention.latest is None:
        return mention
    earliest = mention.earliest + shift
    value = earliest.date().isoformat()
    return replace(
        mention,
        value=value,
        earliest=earliest,
        latest=mention.latest + shift,
        explanation=f"{mention.explanation}; moved {direction} to {value} so that the range "
        "runs forwards",
    )
