"""The tense of the clause around an expression, read from the nearest verb markers.

"Kim left on Sunday" looks back from the document date, "the leaders will meet on
Thursday" looks forward; news weekdays and month names are resolved by this.
"""

from __future__ import annotations

import re

PAST, FUTURE, PRESENT = "past", "future", "present"

_FUTURE = (
    r"will|won't|wo|shall|'ll|going\s+to|plans?|planned|planning|scheduled|expected|expects?|"
    r"due|intends?\s+to|set\s+(?:to|for)|is\s+to|are\s+to|would|(?-i:could|might|may|can)|"
    r"next|upcoming|promised\s+to|agreed\s+to|threatened\s+to|hopes?\s+to|aims?\s+to|"
    r"as\s+(?:soon|early)\s+as|postponed\s+until|delayed\s+until"
)
_PAST = (
    r"was|were|had|did|said|told|ago|last|earlier|since|(?-i:(?!(?:need|speed|indeed|hundred|united)\b)[a-z]{2,}ed)|"
    r"began|came|went|met|left|"
    r"took|gave|made|held|won|lost|fell|rose|broke|saw|sent|spoke|struck|hit|shot|killed|"
    r"led|fled|ran|got|became|began|found|began|brought|bought|caught|fought|thought|wrote|"
    r"told|sold|paid|put|set|said"
)
_PRESENT = r"is|are|am|says|say|has|have"
_MARKER = re.compile(
    rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST})|(?P<present>{_PRESENT}))\b", re.IGNORECASE
)
# A clause ends at sentence punctuation, a semicolon or a line break.
_CLAUSE_BREAK = re.compile(r"[.!?;:\n](?=\s|$)|\n|``|''|\"")

_WINDOW = 90


def clause_tense(text: str, start: int, end: int) -> str | None:
    """Return "past", "future" or "present" for the clause around ``text[start:end]``.

    The nearest marker on either side decides (left wins a tie); None when the clause
    has no marker.
    """
    left = text[max(0, start - _WINDOW):start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    right = text[end:end + _WINDOW]
    first_break = _CLAUSE_BREAK.search(right)
    if first_break:
        right = right[:first_break.start()]
    best: tuple[int, str] | None = None
    for marker in _MARKER.finditer(left):
        distance = len(left) - marker.end()
        if best is None or distance <= best[0]:
            best = (distance, marker.lastgroup)
    for marker in _MARKER.finditer(right):
        distance = marker.start() + 1  # left wins a tie
        if best is None or distance < best[0]:
            best = (distance, marker.lastgroup)
        break
    if best is None:
        return None
    return {"future": FUTURE, "past": PAST, "present": PRESENT}[best[1]]
