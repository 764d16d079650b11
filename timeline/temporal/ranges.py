"""Ranges of two weekdays run forwards: "from Monday to Wednesday".

Each weekday is first resolved on its own by the clause's tense, which can put the end
before the start (on a Tuesday, a past "Monday" is the day before and a past "Wednesday"
the week before). The pair is then read as one stretch of days: in a past clause the
start moves back to the Monday before that Wednesday, otherwise the end moves forward.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import timedelta

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
        if not (_is_day(first) and _is_day(last)) or last.earliest >= first.earliest:
            continue
        if not _JOIN.match(text[first.end : last.start]):
            continue
        if not _OPEN.search(text, max(0, first.start - 10), first.start):
            continue
        if clause_tense(text, first.start, last.end) == PAST:
            start = first.earliest
            while start > last.earliest:
                start -= _WEEK
            result[index] = _moved(first, start - first.earliest, "back")
        else:
            end = last.earliest
            while end < first.earliest:
                end += _WEEK
            result[index + 1] = _moved(last, end - last.earliest, "forward")
    return result


def _is_day(mention: Mention) -> bool:
    # Only weekday names are guessed by tense; a written date stays where the text puts it.
    return (
        mention.granularity is Granularity.DAY
        and mention.is_anchored
        and mention.text.lower() in WEEKDAYS
    )


def _moved(mention: Mention, shift: timedelta, direction: str) -> Mention:
    day = (mention.earliest + shift).date()
    value = day.isoformat()
    return replace(
        mention,
        value=value,
        earliest=mention.earliest + shift,
        latest=mention.latest + shift,
        explanation=f"{mention.explanation}; moved {direction} to {value} so that the range "
        "runs forwards",
    )
