"""Short event titles made from a sentence: the clause that holds the date, without
the date phrase, reporting clauses ("..., Kyodo reported") and side remarks, cut to
about 80 characters at a phrase boundary."""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.events.narrative import IRREGULAR_PAST

MAX_TITLE = 80

# Clause boundaries strong enough that a second date usually belongs to another
# event: "Kim left on Sunday, and Putin arrived on Monday".
_CLAUSE_BREAK = re.compile(
    r";\s+|,\s+(?=(?:and|but|while|whereas|after|before|when)\s+\S+\s+\S+\s+\S+)"
)
# Words after which a noun phrase starts: prepositions and "that".
_PHRASE_HEADS = frozenset(
    "on in at of for to by from with into onto over under about against after before "
    "during since until near behind beyond that than".split()
)
_LINK_WORDS = frozenset(
    "which who whose where when while as but and though although because whereas".split()
)
_LEADING_LINK = re.compile(r"^(?:and|but|while|whereas|after|before|when|as)\s+", re.I)
_PREPOSITION_BEFORE = re.compile(
    r"(?:,\s*)?\b(?:on|in|at|during|since|by|from|until|as of|as early as|earlier|later)"
    r"(?:\s+(?:the|a|an))?\s*$",
    re.I,
)
_QUOTES = "\"'`\u201c\u201d\u2018\u2019"
_REPORTING = (
    r"(?:said|says|reported|reports|told\s+[\w\s]{1,30}?|added|announced|wrote"
    r"|according\s+to\s+[^,]{1,60}|citing\s+[^,]{1,60}|reportedly)"
)
# ", officials said," / ", Kyodo reported Tuesday,": a few words, the verb, at most two more.
_REPORTING_ASIDE = re.compile(
    r",\s*(?:[^\s,]+\s+){0,5}?" + _REPORTING + r"\b(?:\s+[^\s,]+){0,2}\s*,", re.I
)
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
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|could|can|may|might|should|must"
    r"|shall|do|does|did|said|says|\w{3,}ed)\b",
    re.I,
)
# Where a long title may end: a comma, a preposition starting a side phrase, or a
# second verb phrase ("... and is scheduled to ..."); a plain "and" usually joins
# nouns ("the Kenyan and Tanzanian capitals"), so it is not one.
_SOFT_BREAK = re.compile(
    r",\s+|\s+(?:to|as|after|for|with|amid|while)\s+"
    r"|\s+and\s+(?=(?:is|was|are|were|will|has|have|had|would|could)\b)"
)
_MIN_TITLE = 45
# A phrase left hanging where a date was cut out: "indicted in the", "demonstrations of".
_DANGLING_END = re.compile(
    r"(?:\s+(?:in|on|at|of|for|to|by|from|since|until|during|the|a|an|and))+$", re.I
)
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
    spans to cut out of it. The clause ends at a phrase break between ``date`` and a
    later date, and starts at one after an earlier date, when the part kept still has
    a verb; an earlier date inside a relative aside (", who ... 1960s,") is cut out
    with its aside; otherwise ("from 1991 to 1997") the other date alone is cut out."""
    start, end = span
    cuts: list[tuple[int, int]] = []
    for other_start, other_end in others:
        if other_start >= date[1] and other_end <= end:
            kept = [found.start() for found in _PHRASE_BREAK.finditer(sentence, date[1], other_start)
                    if has_verb(sentence[start:found.start()])]
            if kept:
                end = kept[0]
            else:
                cuts.append((other_start, other_end))
        elif other_end <= date[0] and other_start >= start:
            opening = _RELATIVE_OPEN.search(sentence, start, other_start)
            closing = sentence.find(",", other_end, date[0])
            kept = [found.end() for found in _PHRASE_BREAK.finditer(sentence, other_end, date[0])
                    if has_verb(sentence[found.end():end])]
            if opening and closing >= 0:
                cuts.append((opening.start(), closing + 1))
            elif kept:
                start = kept[0]
            else:
                cuts.append((other_start, other_end))
    return start, end, cuts


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
    The title comes from the clause holding the date, or from the whole sentence
    when that clause has no verb ("In contrast to Thursday, when ...").
    """
    if date_start is None or date_end is None:
        return _tidy(sentence, sentence)
    date = (date_start, date_end)
    clause = clause_around(sentence, date_start)
    final = _final_segment(sentence, clause, date)
    if final is not None:
        clause = final
    title = _tidy(_without_date(sentence, clause, date, other_dates), sentence)
    if has_verb(title):
        return title
    # "In contrast to Thursday, when two leaders were arrested": the clause after the
    # date tells what happened then.
    following = _CLAUSE_BREAK.search(sentence, date_end)
    if following is not None:
        next_start, next_end = following.end(), clause_around(sentence, following.end())[1]
        for other_start, _ in other_dates:  # stop before the phrase of a later date
            if next_start <= other_start < next_end:
                comma = sentence.rfind(", ", next_start, other_start)
                next_end = comma if comma >= 0 else other_start
        candidate = _tidy(sentence[next_start:next_end], sentence)
        if has_verb(candidate):
            return candidate
    whole = _tidy(_without_date(sentence, (0, len(sentence)), date, other_dates), sentence)
    return whole if has_verb(whole) else title


def _final_segment(
    sentence: str, clause: tuple[int, int], date: tuple[int, int]
) -> tuple[int, int] | None:
    """Return the clause's last comma-separated segment when it holds the date and
    reads as its own statement ("..., protesters in Miami were much calmer Friday"),
    else None. A reporting segment (", officials said Friday") is never one."""
    if sentence.find(",", date[1], clause[1]) >= 0:
        return None
    comma = sentence.rfind(", ", clause[0], date[0])
    if comma < 0:
        return None
    segment = sentence[comma + 2:date[0]] + sentence[date[1]:clause[1]]
    words = segment.split()
    # It needs a subject of its own: ", followed in 1979" continues the clause before.
    if not words or has_verb(words[0]) or not has_verb(segment):
        return None
    if words[0].lower() in _LINK_WORDS:  # ", which began in 1950": not a statement
        return None
    if re.search(r"\b" + _REPORTING + r"\b", segment, re.I):
        return None
    return comma + 2, clause[1]


def has_verb(text: str) -> bool:
    """Return True when ``text`` holds a word read as a verb (auxiliary, -ed, past)."""
    if _VERB.search(text):
        return True
    return any(word.lower() in IRREGULAR_PAST for word in re.findall(r"[A-Za-z]+", text))


def main_has_verb(text: str) -> bool:
    """Return True when ``text`` keeps a verb outside its relative clauses."""
    return has_verb(_RELATIVE_TAIL.sub("", _RELATIVE_ASIDE.sub(" ", text)))


def _without_date(
    sentence: str, clause: tuple[int, int], date: tuple[int, int],
    other_dates: Sequence[tuple[int, int]],
) -> str:
    """Return the clause's text with the date phrases (and their prepositions) left out."""
    start, end, cuts = apart_from(sentence, clause, date, other_dates)
    relative = _RELATIVE_OPEN.search(sentence, start, date[0])
    if relative:  # "X, who was imprisoned in the 1960s, ...": that clause is the event
        # Its subject is the noun phrase before the comma ("the FBI's most wanted list").
        start = start + len(sentence[start:relative.start()]) - len(
            _antecedent(sentence[start:relative.start()]))
        cuts.append((relative.start(), relative.end()))
        closing = sentence.find(",", date[1], end)
        end = closing if closing >= 0 else end
    pieces: list[str] = []
    position = start
    after_comma = False
    for cut_start, cut_end in sorted(cuts + [date]) + [(end, end)]:
        if cut_start < position or cut_start > end:
            continue
        piece = sentence[position:cut_start]
        if position > start:  # right after a cut: "Sunday's service" keeps "service"
            piece = re.sub(r"^['\u2019]s\b", "", piece)
        if after_comma or not "".join(pieces).strip():
            piece = re.sub(r"^\s*,", "", piece)
        if cut_start == end:
            pieces.append(piece)
            break
        leading_into_date = _PREPOSITION_BEFORE.search(piece)
        after_comma = bool(leading_into_date and leading_into_date.group(0).startswith(","))
        pieces.append(piece[: leading_into_date.start()] if leading_into_date else piece)
        pieces.append(" ")
        position = cut_end
    return "".join(pieces)


def _antecedent(text: str) -> str:
    """Return the noun phrase that ends ``text`` when ``text`` is a whole clause
    ("He was placed on the FBI's most wanted list" -> "the FBI's most wanted list"),
    else ``text`` itself (a bare subject such as "Her brother Delfin")."""
    if not has_verb(text):
        return text
    words = text.split()
    for index in range(len(words) - 1, -1, -1):
        word = words[index].lower().strip(",")
        # "-ed" words are left out: inside a noun phrase they are adjectives ("most wanted").
        if word in _PHRASE_HEADS or (has_verb(word) and not word.endswith("ed")):
            return " ".join(words[index + 1:]) or text
    return text


def _tidy(text: str, sentence: str) -> str:
    """Return ``text`` without links, intros, reporting and relative clauses (each cut
    only when a verb survives it), trimmed, shortened and capitalised."""
    text = _LEADING_LINK.sub("", text.strip())
    text = _ACCORDING_HEAD.sub("", text)
    without_intro = _INTRO.sub("", text)
    if len(without_intro) >= 25:
        text = without_intro
    text = _REPORTING_HEAD.sub("", text)
    for pattern in (_REPORTING_ASIDE, _REPORTING_TAIL, _RELATIVE_ASIDE, _RELATIVE_TAIL):
        shorter = pattern.sub(" " if pattern.pattern.endswith(",") else "", text)
        if len(shorter.strip()) >= 12 and (main_has_verb(shorter) or not main_has_verb(text)):
            text = shorter
    text = re.sub(r"\s+", " ", text).strip(" ,;:-\u2013\u2014" + _QUOTES)
    text = re.sub(r"\s+([,.;:])", r"\1", text).rstrip(".")
    text = _DANGLING_END.sub("", text)
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
