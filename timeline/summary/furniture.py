"""Page furniture that crawled news pages carry into their first sentence: the time
stamp of the page ("Page last updated at 07:48 GMT, Tuesday, 8 November 2011",
"24 June 2010 Last updated at 14:59 GMT Help", "Thursday 13 January 2005 03.10 GMT"),
a photograph's credit. A stamp dates the page, not a happening, so it gives no vote to
its day and is left out of the sentence a summary shows. A reader's comment under the
article is no report at all: it neither votes nor speaks for a day."""

from __future__ import annotations

import re

from timeline.model import Event

_CLOCK = r"\d{1,2}[:.]\d{2}(?:\s*(?:GMT|BST|UTC|UK|ET|EST|EDT|CET))?"
_DAY = r"(?:[A-Z][a-z]+day,?\s+)?\d{1,2}\s+[A-Z][a-z]+,?\s+\d{4}"
_ZONED_CLOCK = r"\d{1,2}[:.]\d{2}\s*(?:GMT|BST|UTC|ET|EST|EDT|CET)\b"
_WIRE_STAMP = (r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}"
               r",?\s+\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?")
# A reader's comment is stamped too: "Posted by AJ, London on April 5, 2005 10:54 PM.",
# "At 21:58 29th Apr 2009, Y wrote:".
_POSTED = (r"Posted by [^.]{1,60}? on [A-Z][a-z]+\.? \d{1,2},? \d{4},? "
           r"\d{1,2}:\d{2} ?[AaPp]\.?[Mm]\.?|"
           r"At \d{1,2}:\d{2} \d{1,2}(?:st|nd|rd|th)? [A-Z][a-z]{2,8} \d{4}, [^:]{1,40}? wrote:")
COMMENT = re.compile(_POSTED)
STAMP = re.compile(
    rf"{_WIRE_STAMP}|"
    # A full date straight followed by a zoned clock time stamps the page as well.
    rf"{_DAY}\s+{_ZONED_CLOCK}|"
    rf"(?:{_DAY}\s+)?(?:(?:Page\s+)?last\s+updated(?:\s+at|\s+on|:)?|updated:)\s*"
    rf"(?:{_CLOCK}|{_DAY})(?:,?\s*(?:{_CLOCK}|{_DAY}))*(?:\s+Help\b)?",
    re.IGNORECASE,
)


# A wire dateline and whatever the page put before it: "MEXICO CITY | ... MEXICO CITY
# (Reuters) - ", "(CNN) -- ". Only near the start of a sentence.
DATELINE = re.compile(
    r"^.{0,200}?\((?:Reuters|AP|AFP|CNN|UPI|Xinhua|dpa|Bloomberg)\)\s*[-\u2013\u2014]+\s*"
)


# A photograph's credit line: "Photograph: Vahid Salemi/AP".
CREDIT = re.compile(r"\bPhotograph: (?:[A-Z][\w.'-]*\s){0,3}?[\w.'-]*/[\w.'-]+(?:\s(?=[A-Z]))?")
# Page furniture sits at the top of the page.
TOP_CHARS = 1500
# Every stamp has a clock time or the word "updated": sentences without either (most)
# skip the slow pattern.
_MAYBE = re.compile(r"\d[:.]\d\d|updated", re.IGNORECASE)


def stamp_spans(sentence: str) -> list[tuple[int, int]]:
    """Return the [start, end) spans of page time stamps in ``sentence``."""
    if not _MAYBE.search(sentence):
        return []
    return [match.span() for match in STAMP.finditer(sentence)]


def is_stamp(event: Event) -> bool:
    """Return True when the event's date expression is a page's time stamp."""
    if event.expr_start is None or event.expr_end is None or event.char_start > TOP_CHARS:
        return False
    start, end = event.expr_start - event.char_start, event.expr_end - event.char_start
    return any(first <= start and end <= last for first, last in stamp_spans(event.description))


def is_comment(event: Event) -> bool:
    """Return True when the event's sentence is a reader's comment (its stamp in it)."""
    text = event.description
    return ("Posted by" in text or "wrote:" in text) and COMMENT.search(text) is not None


def without_stamps(sentence: str) -> str:
    """Return ``sentence`` with its page time stamps and wire dateline cut out,
    spaces collapsed."""
    if _MAYBE.search(sentence):
        sentence = STAMP.sub(" ", sentence)
    if "Photograph:" in sentence:
        sentence = CREDIT.sub(" ", sentence)
    return " ".join(DATELINE.sub("", sentence).split())
