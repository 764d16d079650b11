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

_UNTIL = re.compile(r"\b(?:up\s+)?(?:until|till|'?til|through)\s+$", re.IGNORECASE)
# The happening is at the date: "not until", "postponed until", "wait until".
_AT_THE_DATE = re.compile(
    r"\b(?:not|n't|never|only|postpon\w*|delay\w*|adjourn\w*|defer\w*|put\s+off|push\w*\s+back"
    r"|wait\w*|hold\w*\s+off|suspend\w*)\b[^.;:!?]{0,60}$",
    re.IGNORECASE,
)
# "from Monday until Thursday", "between March and through May": a range's far end.
_RANGE_START = re.compile(r"\b(?:from|between)\b[^.;:!?]{0,40}$", re.IGNORECASE)
# "all through 1990", "right through the night": throughout, not up to.
_THROUGHOUT = re.compile(r"\b(?:all|right|straight|halfway)\s+through\s+$", re.IGNORECASE)
_DATING = (TimexType.DATE, TimexType.TIME)


def open_until(text: str, mentions: list[Mention]) -> list[Mention]:
    """Return ``mentions`` with each anchored date led by "until", "up until", "till"
    or "through" made open at its start (``earliest`` None), its end kept."""
    return [_opened(text, mention) for mention in mentions]


def _opened(text: str, mention: Mention) -> Mention:
    if mention.type not in _DATING or mention.event_relative or not mention.is_anchored:
        return mention
    window = text[max(0, mention.start - 100) : mention.start]
    lead = _UNTIL.search(window)
    if lead is None or _THROUGHOUT.search(window):
        return mention
    before = window[: lead.start()]
    if _AT_THE_DATE.search(before) or _RANGE_START.search(before):
        return mention
    word = " ".join(lead.group(0).split())
    return replace(
        mention,
        earliest=None,
        explanation=f"{mention.explanation}; '{word} {mention.text}' ends a stretch whose "
        "start the text does not give: open-ended, up to the end of that date",
    )
