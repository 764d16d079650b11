"""A name for an article that gives none: its file's name, else its first words.

An untitled article used to be listed as "article 22", which tells an analyst nothing
when 90 articles are loaded; the file name ("kenya-embassy-blast.txt") or the opening
words of the text say which one it is.
"""

from __future__ import annotations

import re
from pathlib import Path

from timeline.sources.dates import opening_dateline

# Files that hold one article each: their name names it. A JSON feed's entries share
# one file, so they are named by their words.
ONE_ARTICLE_SUFFIXES = (".txt", ".md", ".tml", ".html", ".htm")
FIRST_WORDS = 10
_SEPARATORS = re.compile(r"[\s_.\-]+")
# A full stop after a word of three small letters ends a sentence; "U.S." does not.
_SENTENCE_END = re.compile(r"(?<=[a-z]{3}[.!?])\s+")
# A date in a file name ("2023-09-12-b.txt") names the day, not the article.
_NAME_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}[-_.]?\d{2}[-_.]?\d{2}(?!\d)")
# At least one real word in what is left of the name.
_WORD = re.compile(r"[^\W\d_]{3,}")


def fallback_title(text: str, source_path: str | None) -> str | None:
    """Return the title an untitled article is shown under: its file's name in words
    ("kenya-embassy_blast.txt" -> "kenya embassy blast"), else the first words of
    its first sentence after any dateline ("Two bombs exploded outside the US
    embassies…"); None when neither holds a letter."""
    if source_path:
        path = Path(source_path)
        if path.suffix.lower() in ONE_ARTICLE_SUFFIXES:
            name = _SEPARATORS.sub(" ", _NAME_DATE.sub(" ", path.stem)).strip()
            if _WORD.search(name):
                return name
    return first_words(text)


def first_words(text: str, count: int = FIRST_WORDS) -> str | None:
    """Return up to ``count`` words of the first sentence of ``text`` (after an opening
    dateline), with "…" when cut short; None when the text has no letter."""
    opening = text.lstrip()
    first_line = opening.split("\n", 1)[0]
    opening = opening[opening_dateline(first_line):]
    sentence = _SENTENCE_END.split(" ".join(opening.split()), maxsplit=1)[0]
    words = sentence.split()
    if not re.search(r"[^\W\d_]", sentence):
        return None
    if len(words) <= count:
        return sentence
    return " ".join(words[:count]).rstrip(",;:") + "…"
