"""Short event titles made from a sentence: the clause that holds the date, without
the date phrase, reporting clauses ("..., Kyodo reported") and side remarks, cut to
about 80 characters at a phrase boundary."""

from __future__ import annotations

import re
from collections.abc import Sequence

from timeline.events.date_cuts import date_cut, is_particle, leaves_hanging
from timeline.events.narrative import IRREGULAR_PAST
from timeline.events.phrases import (
    ACCORDING_HEAD,
    CLAUSE_BREAK,
    DANGLING_END,
    INTRO,
    LEADING_LINK,
    LINK_WORDS,
    MAX_TITLE,
    MIN_TITLE,
    PHRASE_BREAK,
    PHRASE_HEADS,
    QUOTES,
    RELATIVE_ASIDE,
    RELATIVE_OPEN,
    RELATIVE_TAIL,
    REPORTING,
    REPORTING_ASIDE,
    REPORTING_HEAD,
    REPORTING_TAIL,
    SOFT_BREAK,
    VERB,
)


def clause_around(sentence: str, position: int) -> tuple[int, int]:
    """Return the [start, end) of the clause of ``sentence`` holding ``position``."""
    start, end = 0, len(sentence)
    for match in CLAUSE_BREAK.finditer(sentence):
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
        if RANGE_JOIN.fullmatch(sentence, min(date[1], other_end), max(date[0], other_start)):
            continue  # "between 1982 and 1992": one phrase, kept or cut as one
        if other_start >= date[1] and other_end <= end:
            kept = [found.start() for found in PHRASE_BREAK.finditer(sentence, date[1], other_start)
                    if has_verb(sentence[start:found.start()])]
            if kept:
                end = kept[0]
            else:
                cuts.append((other_start, other_end))
        elif other_end <= date[0] and other_start >= start:
            opening = RELATIVE_OPEN.search(sentence, start, other_start)
            closing = sentence.find(",", other_end, date[0])
            kept = [found.end() for found in PHRASE_BREAK.finditer(sentence, other_end, date[0])
                    if has_verb(sentence[found.end():end])]
            if opening and closing >= 0:
                cuts.append((opening.start(), closing + 1))
            elif kept:
                start = kept[0]
            else:
                cuts.append((other_start, other_end))
    return start, end, cuts


# A title that only says who reported: "A newspaper reported", "Officials said".
ONLY_REPORTING = re.compile(r"^(?:[\w.'-]+\s+){0,6}?(?:said|says|reported|reports|announced"
                            r"|told\s+[\w\s]{1,30})$", re.I)
# A name and an aside on it before the verb: "Babylon, a city renowned for its beauty, was".
APPOSITIVE = re.compile(
    r"^([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}), (?:a|an|the) [^,]{3,60}, (?=[a-z])"
)
# What joins the two ends of a range in words: "1982 and 1992", "1985 to 1988".
RANGE_JOIN = re.compile(r"\s*(?:and|to|until|till|through|-|\u2013)\s*", re.I)
# Characters on each side of a date that its title may be drawn from.
TITLE_WINDOW = 300
# A shared subject is a short noun phrase ("The council", "Russian President Putin").
SUBJECT_WORDS = 5


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
    when that clause has no verb ("In contrast to Thursday, when ..."); a clause
    that shares the sentence's subject ("Kim arrived on Monday and left on
    Wednesday") is given it ("Kim left").
    """
    if date_start is None or date_end is None:
        return _tidy(sentence[: 2 * TITLE_WINDOW], sentence)
    title = _clause_title(sentence, date_start, date_end, other_dates)
    return _with_shared_subject(title, sentence[: date_start])


def _clause_title(
    sentence: str, date_start: int, date_end: int, other_dates: Sequence[tuple[int, int]]
) -> str:
    if len(sentence) > 2 * TITLE_WINDOW:
        # A title is read from near its date: a huge run-on "sentence" (a table of
        # dates) must not make every title cost the whole sentence.
        low, high = max(0, date_start - TITLE_WINDOW), min(len(sentence), date_end + TITLE_WINDOW)
        sentence, date_start, date_end = sentence[low:high], date_start - low, date_end - low
        other_dates = [(start - low, end - low) for start, end in other_dates
                       if start >= low and end <= high]
    date = (date_start, date_end)
    clause = clause_around(sentence, date_start)
    final = _final_segment(sentence, clause, date)
    if final is not None:
        clause = final
    title = _tidy(_without_date(sentence, clause, date, other_dates), sentence)
    if ONLY_REPORTING.match(title):
        # "..., a newspaper reported Friday": the report's date, and what it reported is
        # the rest of the sentence.
        # the rest of the sentence, titled as the event of its own date when it has one.
        earlier = [other for other in other_dates if other[1] <= date_start]
        if earlier:
            rest = [other for other in other_dates if other != earlier[-1]] + [date]
            reported = _clause_title(sentence, *earlier[-1], rest)
        else:
            reported = _tidy(_without_date(sentence, (0, len(sentence)), date, other_dates),
                             sentence)
        return reported if has_verb(reported) and not ONLY_REPORTING.match(reported) else title
    if has_verb(title):
        return title
    # "In contrast to Thursday, when two leaders were arrested": the clause after the
    # date tells what happened then.
    following = CLAUSE_BREAK.search(sentence, date_end)
    if following is not None and re.match(r"(?:and|or)\b", sentence[following.end():]):
        # "The attacks Aug. 7 at the embassies in Nairobi, and Dar es Salaam, killed
        # ...": the "and" joined nouns; the clause goes on after it.
        joined = (clause[0], clause_around(sentence, following.end())[1])
        text = _without_date(sentence, joined, date, other_dates)
        if has_verb(text):
            return _tidy(text, sentence)
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


def _with_shared_subject(title: str, before_date: str) -> str:
    """Return ``title`` with the subject it shares with the clause before it when it
    starts with that clause's second verb ("... began on Tuesday and ended" ->
    "The strike ended"); otherwise ``title`` as it is. Only a clause of one verb
    lends its subject: in "He said officials met and agreed" the subject is unclear."""
    words = title.split()
    if not words or not has_verb(words[0]):
        return title
    link = re.search(r"^(.*?)\s+(?:and|but|then)\s+(?:\w+ly\s+)?" + re.escape(words[0].lower())
                     + r"\b", before_date)
    if link is None:
        return title
    clause_words = link.group(1).split()
    verbs = [index for index, word in enumerate(clause_words) if has_verb(word)]
    if len(verbs) != 1 or not 1 <= verbs[0] <= SUBJECT_WORDS:
        return title
    subject = [word for word in clause_words[: verbs[0]] if not word.lower().endswith("ly")]
    if not subject or not subject[0][:1].isupper() or any(w.endswith(",") for w in subject):
        return title
    return _shorten(f"{' '.join(subject)} {title[:1].lower()}{title[1:]}")


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
    if words[0].lower() in LINK_WORDS:  # ", which began in 1950": not a statement
        return None
    if re.search(r"\b" + REPORTING + r"\b", segment, re.I):
        return None
    return comma + 2, clause[1]


def has_verb(text: str) -> bool:
    """Return True when ``text`` holds a word read as a verb (auxiliary, -ed, past)."""
    if VERB.search(text):
        return True
    return any(word.lower() in IRREGULAR_PAST for word in re.findall(r"[A-Za-z]+", text))


def main_has_verb(text: str) -> bool:
    """Return True when ``text`` keeps a verb outside its relative clauses."""
    return has_verb(RELATIVE_TAIL.sub("", RELATIVE_ASIDE.sub(" ", text)))


def _without_date(
    sentence: str, clause: tuple[int, int], date: tuple[int, int],
    other_dates: Sequence[tuple[int, int]],
) -> str:
    """Return the clause's text with the date phrases (and their prepositions) left out."""
    start, end, cuts = apart_from(sentence, clause, date, other_dates)
    relative = RELATIVE_OPEN.search(sentence, start, date[0])
    if relative:  # "X, who was imprisoned in the 1960s, ...": that clause is the event
        # Its subject is the noun phrase before the comma ("the FBI's most wanted list").
        start = start + len(sentence[start:relative.start()]) - len(
            _antecedent(sentence[start:relative.start()]))
        cuts.append((relative.start(), relative.end()))
        closing = sentence.find(",", date[1], end)
        end = closing if closing >= 0 else end
    date_spans = {date, *other_dates}
    # "from 1991 to 1997", "between 1982 and 1992": the range leaves as one phrase.
    partners = [other for other in other_dates
                if RANGE_JOIN.fullmatch(sentence, min(date[1], other[1]), max(date[0], other[0]))]
    whole = (min([date[0], *(p[0] for p in partners)]), max([date[1], *(p[1] for p in partners)]))
    date_cuts = [how for cut_start, cut_end, joined in
                 [(*whole, bool(partners)),
                  *((*cut, False) for cut in cuts if cut in date_spans and cut not in partners)]
                 if (how := date_cut(sentence, cut_start, cut_end, start, joined)) is not None]
    plan = sorted([(cut_start, cut_end, " ") for cut_start, cut_end in cuts
                   if (cut_start, cut_end) not in date_spans] + date_cuts)
    pieces: list[str] = []
    position = start
    for cut_start, cut_end, replacement in plan:
        if cut_end <= position or cut_start >= end:
            continue
        cut_start = max(cut_start, position)
        kept = "".join(pieces) + sentence[position:cut_start]
        if replacement != " " and leaves_hanging(kept, sentence[cut_end:end]):
            continue  # the clause needs this date: "declined between 1982 and 1992"
        piece = sentence[position:cut_start]
        if not kept.strip() or (sentence[cut_start:cut_end].lstrip().startswith(",")):
            # Nothing before, or the cut took the comma before it: "The bombings, on Aug.
            # 7, killed" -> "The bombings killed".
            piece_after = re.match(r"\s*,", sentence[cut_end:end])
            if piece_after:
                cut_end += piece_after.end()
        pieces.append(piece)
        pieces.append(replacement or " ")
        position = cut_end
    pieces.append(sentence[position:end])
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
        if word in PHRASE_HEADS or (has_verb(word) and not word.endswith("ed")):
            return " ".join(words[index + 1:]) or text
    return text


# Punctuation trimmed off a title's ends; a minus before a digit is a sign, kept
# ("-2+3 was scrawled").
_TRIMMED = "[ ,;:\u2013\u2014" + re.escape(QUOTES) + "]"
TITLE_ENDS = re.compile(f"^(?:{_TRIMMED}|-(?!\\d))+|(?:{_TRIMMED}|-)+$")


def _tidy(text: str, sentence: str) -> str:
    """Return ``text`` without links, intros, reporting and relative clauses (each cut
    only when a verb survives it), trimmed, shortened and capitalised."""
    text = LEADING_LINK.sub("", text.strip())
    text = ACCORDING_HEAD.sub("", text)
    without_intro = INTRO.sub("", text)
    if len(without_intro) >= 25:
        text = without_intro
    text = REPORTING_HEAD.sub("", text)
    for pattern in (REPORTING_ASIDE, REPORTING_TAIL, RELATIVE_ASIDE, RELATIVE_TAIL):
        shorter = pattern.sub(" " if pattern.pattern.endswith(",") else "", text)
        # What is reported is the event even when its verb is not one read as a verb
        # ("The incidents underscore that ...,'' said the ambassador").
        reported = pattern in (REPORTING_ASIDE, REPORTING_TAIL) and len(shorter.split()) >= 3
        if len(shorter.strip()) >= 12 and (reported or main_has_verb(shorter)
                                           or not main_has_verb(text)):
            text = shorter
    text = TITLE_ENDS.sub("", re.sub(r"\s+", " ", text))
    text = re.sub(r"\s+([,.;:])", r"\1", text).rstrip(".")
    words = text.split()
    # (a verb's particle stays: "Fighting went on")
    if len(words) < 2 or not is_particle(words[-2], words[-1]):
        text = DANGLING_END.sub("", text)
    text = _shorten(text)
    return text[:1].upper() + text[1:] if text else sentence.strip()[:MAX_TITLE]


def _shorten(text: str) -> str:
    """Cut a long title after its first verb: at its last comma that keeps enough
    words, else at its first side phrase, else at a word with an ellipsis."""
    if len(text) <= MAX_TITLE:
        return text
    # "Babylon, a city renowned for its beauty, was chosen ...": the aside goes first.
    without_aside = APPOSITIVE.sub(r"\1 ", text, count=1)
    if without_aside != text:
        return _shorten(without_aside)
    verb = VERB.search(text)
    earliest_cut = max(MIN_TITLE, verb.end() if verb else MAX_TITLE)
    breaks = [m for m in SOFT_BREAK.finditer(text, earliest_cut) if m.start() <= MAX_TITLE]
    commas = [m for m in breaks if m.group(0).startswith(",")]
    if commas:
        return text[: commas[-1].start()].rstrip(" ,-\u2013\u2014")
    if breaks:
        return text[: breaks[0].start()].rstrip(" ,-\u2013\u2014")
    cut = text.rfind(" ", 0, MAX_TITLE - 1)
    # "... was involved in the" + ellipsis reads as a cut date: end on a full word.
    head = DANGLING_END.sub("", text[: cut if cut > 20 else MAX_TITLE - 1].rstrip(" ,"))
    return head.rstrip(" ,-\u2013\u2014") + "\u2026"
