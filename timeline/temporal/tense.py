"""The tense of the clause around an expression, read from the nearest verb markers.

"Kim left on Sunday" looks back from the document date, "the leaders will meet on
Thursday" looks forward; news weekdays and month names are resolved by this.
"""

from __future__ import annotations

import re

PAST, FUTURE, PRESENT = "past", "future", "present"

_FUTURE = (
    r"will|won't|wo|shall|should(?!\s+have\b)|'ll|going\s+to|plans?|planned|planning|scheduled|expected|expects?|"
    r"due|intends?\s+to|set\s+(?:to|for)|is\s+to|are\s+to|would|(?-i:might|may|can)|"
    r"next|upcoming|promised\s+to|agreed\s+to|threatened\s+to|hopes?\s+to|aims?\s+to|"
    r"as\s+(?:soon|early)\s+as|postponed\s+until|delayed\s+until"
)
_PAST = (
    r"was|were|had|did|said|told|ago|last|earlier|since|(?-i:(?!(?:need|speed|indeed|hundred|united)\b)[a-z]{2,}ed)|"
    r"began|came|went|met|left|"
    r"took|gave|made|held|won|lost|fell|rose|broke|saw|sent|spoke|struck|hit|shot|killed|"
    r"led|fled|ran|got|became|found|brought|bought|caught|fought|thought|wrote|sold|paid|put|set|"
    # More irregular pasts of news ("the firm swung to a loss in the fourth quarter").
    r"swung|grew|sank|spent|drew|threw|flew|knew|stood|shook|chose|froze|slid|swept|kept|felt|"
    r"meant|built|drove|rode|withdrew|sought|taught|overtook|forgot|stole|tore|wore|bore|dealt"
)
_PRESENT = (
    r"is|are|am|says|say|has|have|"
    # Schedules in the present: "the festival runs through Sunday", "talks start Thursday".
    r"starts?|begins?|opens?|runs|ends|closes|resumes?|returns|kicks?\s+off|takes?\s+effect|"
    r"arrives?|departs?|meets|visits|travels|hosts|faces|plays|heads|expires?|airs|goes|"
    # The same schedules with a plural subject ("polls close at 8 p.m. Friday"); "close"
    # as an adjective ("close to", "a close aide") is no verb.
    r"close(?!\s+(?:to|aides?|all(?:y|ies)|friends?|associates?|advisers?|races?|calls?)\b)|"
    r"meet|run|travel|return|"
    # More verbs of schedules ("Parliament reconvenes on Monday"); with a plural subject,
    # verbs that are also nouns count only right after a word in -s ("the candidates
    # debate again on Wednesday"; "the debate on Wednesday" is a noun).
    r"(?:re)?convenes?|adjourns|reopens|premieres|debuts|testifies|"
    r"(?<=s\s)(?:debate|vote|gather|rally|march|testify|reopen|compete|adjourn|convene|"
    r"rise|fall|climb|drop|remain|stay)|"
    # "The retailer reports results on Wednesday": announcing results is a schedule; the
    # object tells the verb from the noun ("reports on Wednesday said").
    r"(?:reports?|posts?|releases?|announces?|unveils?)(?=\s+(?:its\s+|their\s+)?"
    r"(?:results|earnings|figures|quarterly|annual|first|second|third|fourth|full|fiscal)\b)"
)
_MARKER = re.compile(
    rf"\b(?:(?P<future>{_FUTURE})|(?P<past>{_PAST})|(?P<present>{_PRESENT}))\b", re.IGNORECASE
)
# A clause ends at sentence punctuation, a semicolon or a line break.
_CLAUSE_BREAK = re.compile(r"[.!?;:\n](?=\s|$)|\n|``|''|\"")

_WINDOW = 90
_VERB_GROUP_GAP = re.compile(r"^\s+(?:[A-Za-z']+\s+){0,2}$")
_FINITE_PAST = re.compile(r"^(?:was|were|had|did|said|told)$", re.IGNORECASE)
# "a service planned for Saturday was canceled": a participle after its noun says when
# the plan was for, not the clause's tense; the finite verb after it does.
_PLAN_PARTICIPLE = re.compile(r"^(?:planned|scheduled)$", re.IGNORECASE)
_AFTER_BE = re.compile(r"\bbe\s+$", re.IGNORECASE)
# "Markets are closed on Wednesday": a participle after a present "is"/"are" that governs
# the expression itself is a passive present, no past ("he is accused of killing a man on
# Saturday" keeps its past: the participle does not reach the expression).
_AFTER_PRESENT_BE = re.compile(r"\b(?:is|are|am)\s+$", re.IGNORECASE)
_ONLY_PREPOSITION = re.compile(
    r"^\s+(?:(?:on|at|by|in|until|till|through|from)\s+)?$", re.IGNORECASE
)
_AFTER_PARTICIPLE = re.compile(r"\s+(?:for|at|on|in)\b", re.IGNORECASE)
_BEFORE_PARTICIPLE = re.compile(
    r"\b(?:is|are|am|was|were|be|been|being|has|have|had|we|they|i|he|she|it|who|that|which|not)\s+$",
    re.IGNORECASE,
)


def clause_tense(text: str, start: int, end: int) -> str | None:
    """Return "past", "future" or "present" for the clause around ``text[start:end]``.

    None when the clause has no marker.
    """
    left = text[max(0, start - _WINDOW) : start]
    breaks = list(_CLAUSE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end() :]
    right = text[end : end + _WINDOW]
    first_break = _CLAUSE_BREAK.search(right)
    if first_break:
        right = right[: first_break.start()]
    # The verb before an expression usually governs it ("arrived in Vladivostok on
    # Monday and is scheduled to ..."): the nearest marker on the left decides, the
    # first one on the right only when the left has none.
    best: str | None = None
    previous_end = -100
    plan_participle = False
    for marker in _MARKER.finditer(left):
        if (
            _PLAN_PARTICIPLE.match(marker.group())
            and _AFTER_PARTICIPLE.match(left, marker.end())
            and not _BEFORE_PARTICIPLE.search(left, 0, marker.start())
        ):
            plan_participle = True
            continue
        passive_present = _AFTER_PRESENT_BE.search(left, 0, marker.start()) and (
            _ONLY_PREPOSITION.match(left[marker.end() :])
        )
        if (
            _AFTER_BE.search(left, 0, marker.start()) or passive_present
        ) and not _FINITE_PAST.match(marker.group()):
            # "expect the fire to be contained by Friday": a participle after "be" is no
            # past; the verb before it dates the clause.
            continue
        # "will be held": a participle after a future auxiliary stays in the future.
        # So does a bare verb: "will take effect", "is set to start".
        joined = best == "future" and _VERB_GROUP_GAP.match(left[previous_end : marker.start()])
        carried = marker.lastgroup == "present" or (
            marker.lastgroup == "past" and not _FINITE_PAST.match(marker.group())
        )
        if not (joined and carried):
            best = marker.lastgroup
        previous_end = marker.end()
    if best is None:
        first_right = _MARKER.search(right)
        best = first_right.lastgroup if first_right else None
        if best is None and plan_participle:
            best = "future"  # "Talks planned for Friday": a plan with no verb to date it
    if best is None:
        return None
    return {"future": FUTURE, "past": PAST, "present": PRESENT}[best]


# "Its shares fell in August": a past verb that governs the expression directly (nothing
# but a preposition between) says the time is gone, however near the DCT it is. A verb
# further off may belong to reported speech ("subpoenaed him to testify on Feb. 10").
_GOVERNING = re.compile(
    rf"\b(?P<before>[A-Za-z']+\s+)?(?P<verb>{_PAST})\s+(?:(?:in|on|at|during)\s+)?$", re.IGNORECASE
)
_NO_GOVERNING_PAST = re.compile(
    rf"^(?:{_FUTURE}|was|were|had|did|said|told|ago|last|earlier|since|set|put)$", re.IGNORECASE
)
_NOT_A_PAST_BEFORE = re.compile(
    r"^(?:be|is|are|am|been|being|will|would|to|should|could|may|might|must|not)\s+$",
    re.IGNORECASE,
)


def governed_by_past(text: str, start: int) -> bool:
    """Return True when a past verb stands right before ``text[start:]`` ("fell in").

    A participle after "be", "will" or "to" is no past ("to be held in August")."""
    found = _GOVERNING.search(text[max(0, start - 40) : start])
    if not found or _NO_GOVERNING_PAST.match(found["verb"]):
        return False
    return not (found["before"] and _NOT_A_PAST_BEFORE.match(found["before"]))
