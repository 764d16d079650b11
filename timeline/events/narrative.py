"""Which undated sentences continue the narrative, and so take the reference time.

A sentence qualifies when it reports a completed action in the simple past ("A train
... arrived at Khasan station"), is not a question, a quotation, a headline or a
forecast, and carries no temporal expression of its own (a duration or a habit,
"in his 12 years in power", marks background, not the story's moment).
"""

from __future__ import annotations

import re

from timeline.events.sentences import Sentence

# A dated sentence lends its time to the next few sentences only.
REACH = 3
MIN_WORDS = 5

IRREGULAR_PAST = frozenset(
    """arose ate became began bit blew broke brought built burned burnt bought caught
    chose came cut dealt did drew drove dug fell fed felt fought found fled flew forbade
    forgot froze gave got went grew hung heard hid held hurt kept knew laid led left lent
    lay lit lost made meant met paid quit rode rang rose ran sank sat saw sought sold
    sent shook shot showed shut slid spoke spent split spread sprang stood stole struck
    stuck swore swept swam took taught tore threw told understood woke wore won withdrew
    wrote""".split()
)
# Reporting verbs: "X said" alone is the report, not a new event in the story.
_REPORTING = frozenset("said told reported added noted stated explained wrote quoted".split())
_NOT_PAST = frozenset(
    """need indeed hundred red bed speed seed proceed exceed succeed feed breed shed
    based alleged armed related detailed limited advanced united concerned interested
    supposed used so-called aged skilled wicked naked sacred""".split()
)
_PERFECT = frozenset("has have had having".split())
_DETERMINERS = frozenset("the a an this that these those its his her their our".split())
_FORECAST = re.compile(
    r"\b(?:will|would|could|may|might|should|shall|must|going to|plans? to|expected to"
    r"|scheduled to|likely to)\b",
    re.I,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019-]*")
_OPENING_QUOTES = "\"'\u201c\u2018`"


def past_action_verbs(text: str) -> list[str]:
    """Return the words of ``text`` read as simple-past (or past passive) verbs."""
    words = _WORD.findall(text)
    verbs = []
    for index, word in enumerate(words):
        lower = word.lower()
        previous = words[index - 1].lower() if index else ""
        if word[0].isupper() and index:  # names: "United", "Ahmed"
            continue
        # "has offered", "has ever offered", "has been refused": perfect, not narrative.
        if _PERFECT & {w.lower() for w in words[max(0, index - 2):index]}:
            continue
        if previous in _DETERMINERS:
            continue
        if lower in IRREGULAR_PAST or (
            lower.endswith("ed") and len(lower) > 4 and lower not in _NOT_PAST
        ):
            verbs.append(lower)
    return verbs


def continues_narrative(sentence: Sentence, has_own_mentions: bool) -> bool:
    """Return True when an undated sentence reads as the next step of the story."""
    text = sentence.text
    if has_own_mentions or sentence.headline or text.rstrip().endswith("?"):
        return False
    if text.lstrip()[:1] in _OPENING_QUOTES or len(text.split()) < MIN_WORDS:
        return False
    if _FORECAST.search(text):
        return False
    return any(verb not in _REPORTING for verb in past_action_verbs(text))
