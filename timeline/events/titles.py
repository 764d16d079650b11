"""Short event titles made from a sentence: the clause that holds the date, without
the date phrase, reporting clauses ("..., Kyodo reported") and side remarks, cut to
about 80 characters at a phrase boundary."""

from __future__ import annotations

import re
from collections.abc import Sequence

MAX_TITLE = 80

# Clause boundaries strong enough that a second date usually belongs to another
# event: "Kim left on Sunday, and Putin arrived on Monday".
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?=(?:and|but|while|whereas|after|before|when)\s+\S+\s+\S+\s+\S+)"
)
_LEADING_LINK = re.compile(r"^(?:and|but|while|whereas|after|before|when|as)\s+", re.I)
_PREPOSITION_BEFORE = re.compile(
    r"(?:,\s*)?\b(?:on|in|at|during|since|by|from|until|as of|as early as)"
    r"(?:\s+(?:the|a|an))?\s*$",
    re.I,
)
_QUOTES = "\"'`\u201c\u201d\u2018\u2019"
_REPORTING = (
    r"(?:said|says|reported|reports|told\s+[\w\s]{1,30}?|added|announced|wrote"
    r"|according\s+to\s+[^,]{1,60}|citing\s+[^,]{1,60}|reportedly)"
)
_REPORTING_ASIDE = re.compile(r",\s*[^,]{0,60}?\b" + _REPORTING + r"\b[^,]{0,60}?\s*,", re.I)
# ", witnesses said." or ",'' said Florida International's Fernandez, who ...":
# a reporting verb within a few words after a comma ends the statement proper.
_REPORTING_TAIL = re.compile(
    r",\s*[" + "\"'`\u201d\u2019" + r"]*\s*(?:[^\s,]+\s+){0,6}?" + _REPORTING + r"\b.*$", re.I
)
_REPORTING_HEAD = re.compile(
    r"^[^,]{0,100}?\b(?:said|says|reported|announced|believes?|confirmed|told\s+\S+)\s+"
    r"(?:on\s+\S+\s+)?(?:it\s+is\s+believed\s+|it\s+was\s+believed\s+)?that\s+",
    re.I,
)
_ACCORDING_HEAD = re.compile(r"^according\s+to\s+[^,]{1,80},\s*", re.I)
_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whose|where)\b[^,]*,", re.I)
_RELATIVE_TAIL = re.compile(r",\s*(?:which|who|whose|where)\b[^,]*$", re.I)
# An opening adverbial ("In an apparent bid to ..., ", "However, ") is context, not
# the event; it is dropped when a main clause follows.
_INTRO = re.compile(
    r"^(?:in|at|on|after|before|during|however|meanwhile|earlier|later|since|with|despite"
    r"|amid|under|as|while|when|following)\b[^,]{0,120},\s+(?=\S)",
    re.I,
)
# A title is cut only after its first verb, so it keeps subject and verb together.
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|could|can|may|said|says|\w{3,}ed)\b", re.I
)
# Where a long title may end: a comma, a preposition starting a side phrase, or a
# second verb phrase ("... and is scheduled to ..."); a plain "and" usually joins
# nouns ("the Kenyan and Tanzanian capitals"), so it is not one.
_SOFT_BREAK = re.compile(
    r",\s+|\s+(?:to|as|after|for|with|amid|while)\s+"
    r"|\s+and\s+(?=(?:is|was|are|were|will|has|have|had|would|could)\b)"
)
_MIN_TITLE = 45
# The date inside "X, who was imprisoned in the 1960s, ...": the relative clause is the event.
_RELATIVE_OPEN = re.compile(r",\s*(?:who|which)\s+(?=[^,]*$)", re.I)
# What separates the phrases of two dates in one clause ("in 1983, followed by ... in 1984").
_PHRASE_BREAK = re.compile(r",\s+|\s+and\s+")


def clause_around(sentence: str, position: int) -> tuple[int, int]:
    """Return the [start, end) of the clause of ``sentence`` holding ``position``."""
    start, end = 0, len(sentence)
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            end = match.start()
            break
    return start, end


def apart_from(
    sentence: str, span: tuple[int, int], date: tuple[int, int], others: Sequence[tuple[int, int]]
) -> tuple[int, int, list[tuple[int, int]]]:
    """Return ``span`` (a clause) narrowed so it holds no date of ``others``, and the
    asides to cut out of it: the clause ends at the first phrase break after ``date``
    before a later date; an earlier date inside a relative aside (", who ... 1960s,")
    is cut out with its aside, otherwise the clause starts after it."""
    start, end = span
    asides: list[tuple[int, int]] = []
    for other_start, other_end in others:
        if other_start >= date[1] and other_end <= end:
            found = _PHRASE_BREAK.search(sentence, date[1], other_start)
            end = found.start() if found else other_start
        elif other_end <= date[0] and other_start >= start:
            opening = _RELATIVE_OPEN.search(sentence, start, other_start)
            closing = sentence.find(",", other_end, date[0])
            if opening and closing >= 0:
                asides.append((opening.start(), closing + 1))
                continue
            found = _PHRASE_BREAK.search(sentence, other_end, date[0])
            start = found.end() if found else other_end
    return start, end, asides


def make_title(
    sentence: str,
    date_start: int | None = None,
    date_end: int | None = None,
    other_dates: Sequence[tuple[int, int]] = (),
) -> str:
    """Return a short title for the event a sentence reports.

    ``date_start``/``date_end`` are offsets of the date phrase inside ``sentence``
    (None for an undated sentence); that phrase is left out of the title, and so is
    the phrase of any of ``other_dates`` (the spans of the sentence's other dates).
    """
    if date_start is not None and date_end is not None:
        clause = clause_around(sentence, date_start)
        clause_start, clause_end, asides = apart_from(
            sentence, clause, (date_start, date_end), other_dates)
        before = sentence[clause_start:date_start]
        for aside_start, aside_end in sorted(asides, reverse=True):
            before = (before[: aside_start - clause_start] + " "
                      + before[aside_end - clause_start:])
        after = sentence[date_end:clause_end]
        relative = _RELATIVE_OPEN.search(before)
        if relative:
            before = before[: relative.start()] + " " + before[relative.end():]
            after = after.split(",", 1)[0]
        before = _PREPOSITION_BEFORE.sub("", before)
        if before.rstrip().endswith(",") or not before.strip():
            after = re.sub(r"^\s*,\s*", " ", after)
        text = before + after
    else:
        text = sentence
    text = _LEADING_LINK.sub("", text.strip())
    text = _ACCORDING_HEAD.sub("", text)
    without_intro = _INTRO.sub("", text)
    if len(without_intro) >= 25:
        text = without_intro
    text = _REPORTING_HEAD.sub("", text)
    for pattern in (_REPORTING_ASIDE, _REPORTING_TAIL, _RELATIVE_ASIDE, _RELATIVE_TAIL):
        shorter = pattern.sub(" " if pattern.pattern.endswith(",") else "", text)
        if len(shorter.strip()) >= 12:
            text = shorter
    text = re.sub(r"\s+", " ", text).strip(" ,;:-\u2013\u2014" + _QUOTES)
    text = re.sub(r"\s+([,.;:])", r"\1", text).rstrip(".")
    text = _shorten(text)
    return text[:1].upper() + text[1:] if text else sentence.strip()[:MAX_TITLE]


def _shorten(text: str) -> str:
    """Cut a long title after its first verb: at its last comma that keeps enough
    words, else at its first side phrase, else at a word with an ellipsis."""
    if len(text) <= MAX_TITLE:
        return text
    verb = _VERB.search(text)
    earliest_cut = max(_MIN_TITLE, verb.end() if verb else MAX_TITLE)
    breaks = [m for m in _SOFT_BREAK.finditer(text, earliest_cut) if m.start() <= MAX_TITLE]
    commas = [m for m in breaks if m.group(0).startswith(",")]
    if commas:
        return text[: commas[-1].start()].rstrip(" ,")
    if breaks:
        return text[: breaks[0].start()].rstrip(" ,")
    cut = text.rfind(" ", 0, MAX_TITLE - 1)
    return text[: cut if cut > 20 else MAX_TITLE - 1].rstrip(" ,") + "\u2026"
