"""Dates that end a stretch: "up until Thursday", "until 1990", "through March", "till
Friday". What the clause tells lasted up to that date, from a time the text does not
give, so the span is open at its start and ends with the date (the date itself
included): the same open-ended shape as a reference relative to an event, which has
no start or no end. The date stays the TIMEX3 value ("Thursday" is still that day).

Not so where the date is when something happens: "did not leave until Thursday", "was
postponed until Friday", "will wait until March to decide"; nor the end of a range
("from Monday until Thursday"), which is a stretch with both ends."""

from __future__ import annotations

import re
from dataclasses import replace

from timeline.model import Mention, TimexType
from timeline.temporal.timex import VAGUE_REFS

_UNTIL = re.compile(r"\b(?:up\s+)?(?:until|till|'?til|through)\s+$", re.IGNORECASE)
# The happening is at the date: "not until", "postponed until", "wait until".
_AT_THE_DATE = re.compile(
    r"(?:\b(?:not|n't|never|only|postpon\w*|delay\w*|adjourn\w*|defer\w*|put\s+off"
    r"|push\w*\s+back|wait\w*|hold\w*\s+off|suspend\w*|extend\w*|deadline)\b[^.;:!?]{0,60}"
    # A deadline: "has until Friday to sign", "given the relatives until 9 a.m."
    r"|\b(?:has|have|had)\s+|\bgive[ns]?\b(?:\s+[^\s.;:!?]+){0,3}\s+)$",
    re.IGNORECASE,
)
# "from 1968, when ..., until 1989", "since 1990 until 2000": a range's far end.
_RANGE_OPENER = re.compile(r"\b(?:from|between|since)\s+(?:the\s+)?$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s")
# "all through 1990", "lived through that day": throughout, or survived, not up to.
_THROUGHOUT = re.compile(
    r"\b(?:all|right|straight|halfway|li?ve[sd]?|living|get|got|go|went|come|came|pass\w*"
    r"|make|made|sleep\w*|slept)\s+through\s+$",
    re.IGNORECASE,
)
# "until now" says nothing happened on a day: a vague reference (VAGUE_REFS) makes no event.
_DATING = (TimexType.DATE, TimexType.TIME)


def open_until(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return ``mentions`` with each anchored date led by "until", "up until", "till"
    or "through" made open at its start (``earliest`` None), its end kept."""
    return [_opened(text, mention, mentions[:index]) for index, mention in enumerate(mentions)]


def _opened(text: str, mention: Mention, earlier: list[Mention]) -> Mention:
    if mention.type not in _DATING or mention.event_relative or not mention.is_anchored:
        return mention
    if mention.value in VAGUE_REFS:
        return mention
    window = text[max(0, mention.start - 100) : mention.start]
    lead = _UNTIL.search(window)
    if lead is None or _THROUGHOUT.search(window):
        return mention
    before = window[: lead.start()]
    if _AT_THE_DATE.search(before) or _ends_a_range(text, mention, earlier):
        return mention
    word = " ".join(lead.group(0).split())
    return replace(
        mention,
        earliest=None,
        explanation=f"{mention.explanation}; '{word} {mention.text}' ends a stretch whose "
        "start the text does not give: open-ended, up to the end of that date",
    )


def _ends_a_range(text: str, mention: Mention, earlier: list[Mention]) -> bool:
    """Return True when a date of the same sentence opens a range that ``mention``
    closes ("from 1968, when the Soviets invaded, until 1989")."""
    for opening in reversed(earlier):
        if _SENTENCE_END.search(text, opening.end, mention.start):
            return False
        if _RANGE_OPENER.search(text, max(0, opening.start - 14), opening.start):
            return True
    return False
