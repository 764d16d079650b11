"""News datelines ("SEOUL, Sept. 12 (Reuters) -"): they place and date the report, so
they make no event and have no place in an event's title."""

from __future__ import annotations

import re

from timeline.events.sentences import Sentence
from timeline.model import Mention
from timeline.sources.dates import opening_dateline

MAX_DATELINE = 120
# Only an article's first lines carry a dateline.
DATELINE_WINDOW = 400


def is_dateline(sentence: Sentence, mentions: list[Mention]) -> bool:
    """Return True for a line that only places and dates the report ("WASHINGTON,
    March 12 (Xinhua) --"): no lower-case word once its dates and brackets are gone."""
    if not sentence.headline and not sentence.text.rstrip().endswith(("--", "_", "-")):
        return False
    if len(sentence.text) > MAX_DATELINE:
        return False
    text = sentence.text
    for mention in sorted(mentions, key=lambda m: m.start, reverse=True):
        start, end = mention.start - sentence.start, mention.end - sentence.start
        text = text[:start] + " " + text[end:]
    text = re.sub(r"\([^)]*\)", " ", text)
    return not re.search(r"\b[a-z]", text)


def lede_after_dateline(text: str, sentence: Sentence) -> Sentence | None:
    """Return the part of ``sentence`` after a dateline that opens it on the same line
    ("LONDON, 12 Sept. 2023 (Reuters) - Talks ended on Friday." -> "Talks ended on
    Friday."), or None when the sentence does not open with one or is all dateline."""
    if sentence.start >= DATELINE_WINDOW or text[:sentence.start].rstrip(" \t")[-1:] not in "\n":
        return None
    length = opening_dateline(sentence.text)
    rest = sentence.text[length:]
    lede = rest.lstrip()
    if not length or not lede:
        return None
    start = sentence.start + length + (len(rest) - len(lede))
    return Sentence(start, sentence.end, lede, sentence.paragraph, sentence.headline)
