"""Splitting news text into sentences with character offsets.

A small rule splitter, not a model: a sentence ends at . ! ? (and closing quotes or
brackets after them) when the next word starts a sentence, unless the word before
the full stop is a news abbreviation ("Sept.", "Mr.", "Gen.") or an initial. A line
break ends a sentence too (headlines and datelines carry no full stop), except when
the next line starts in lower case (a wrapped line).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

# Words that end with a full stop without ending a sentence.
ABBREVIATIONS = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs
    fri sat sun mr mrs ms dr prof gen lt col maj capt cmdr adm sgt cpl pvt rev sen rep
    gov pres supt insp det st mt ft ave blvd rd no nos vol vs v etc inc corp co ltd jr sr
    dept univ est approx fig ala ariz ark calif colo conn fla ill ind kan ky md mass mich
    minn mo mont neb nev okla ore pa tenn tex vt wash wis wyo""".split()
)
# Dotted acronyms ("U.S.", "a.m.") may end a sentence; they do when a typical
# sentence opener follows.
_DOTTED = re.compile(r"(?:[A-Za-z]\.){2,}$")
_OPENERS = frozenset(
    """the a an he she it they we i you his her its their this that these those there
    but and or so yet in on at after before when while as if meanwhile however also
    officials police""".split()
)
_END = re.compile(r"[.!?]+[\"'\u201d\u2019)\]]*(?=\s)")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_NEXT_WORD = re.compile(r"\s+([\"'`\u201c\u2018(\[]*)(\S+)")


@dataclass(frozen=True)
class Sentence:
    """A sentence's text and its [start, end) offsets in the article; ``paragraph``
    numbers the logical lines (news paragraphs) from 0."""

    start: int
    end: int
    text: str
    paragraph: int
    headline: bool  # no closing punctuation: a headline, dateline or caption line


def split_sentences(text: str) -> list[Sentence]:
    """Return the sentences of ``text`` in order, stripped of surrounding spaces."""
    sentences: list[Sentence] = []
    for paragraph, (line_start, line_end) in enumerate(_lines(text)):
        for start, end in _split_line(text, line_start, line_end):
            body = text[start:end]
            headline = body.rstrip("\"'\u201d\u2019)]")[-1:] not in ".!?:"
            sentences.append(Sentence(start, end, body, paragraph, headline))
    return sentences


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each logical line (news paragraphs are lines); a line
    that starts in lower case continues the one before it (wrapped text)."""
    pending: tuple[int, int] | None = None
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0)
        content = line.strip()
        if not content:
            continue
        line_start = match.start() + (len(line) - len(line.lstrip()))
        line_end = match.start() + len(line.rstrip())
        if pending and content[0].islower():
            pending = (pending[0], line_end)
            continue
        if pending:
            yield pending
        pending = (line_start, line_end)
    if pending:
        yield pending


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    segment_start = start
    for match in _END.finditer(text, start, end):
        cut = match.end()
        if not _ends_sentence(text, match.start(), cut, end):
            continue
        spans.append((segment_start, cut))
        segment_start = cut
    spans.append((segment_start, end))
    result = []
    for span_start, span_end in spans:
        chunk = text[span_start:span_end]
        stripped_start = span_start + (len(chunk) - len(chunk.lstrip()))
        stripped_end = span_start + len(chunk.rstrip())
        if stripped_end > stripped_start:
            result.append((stripped_start, stripped_end))
    return result


def _ends_sentence(text: str, stop: int, cut: int, line_end: int) -> bool:
    following = _NEXT_WORD.match(text, cut, line_end)
    if following is None:
        return True
    next_word = following.group(2)
    if not (next_word[0].isupper() or next_word[0].isdigit() or following.group(1)):
        return False
    if text[stop] != ".":
        return True
    # Only the last few characters can hold the word: searching from 0 is quadratic.
    before = _WORD_BEFORE.search(text, max(0, stop - 40), stop + 1)
    word = before.group(1) if before else ""
    bare = word.rstrip(".").lower()
    if _DOTTED.search(word):
        return next_word.strip("\"'\u201c\u2018").lower() in _OPENERS
    if bare in ABBREVIATIONS:
        return False
    if len(bare) == 1 and word[:1].isupper():  # an initial: "John F. Kennedy"
        return False
    return True
