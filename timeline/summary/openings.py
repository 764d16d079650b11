"""The undated opening sentences of a day's articles.

A report's first sentences say what happened, often without naming the day: "Egyptian
police fired tear gas at protesters in central Cairo." An article published on a day or
the day after speaks of that day, so such a sentence may speak for it when a summary
picks lines (with the day after: mean AR1 0.156 -> 0.162 on the Timeline17 bench). It is
no event (nothing in it is dated), so it never votes for a day; it only competes, at a
discount, with the day's dated sentences for a line.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.events.sentences import split_sentences
from timeline.model import Article, Event, Granularity
from timeline.summary.furniture import COMMENT, without_stamps

# Only the first few sentences of a report are about its main happening.
OPENING_SENTENCES = 4
# Past this many characters a sentence is no opening.
OPENING_CHARS = 1500
# News of a day is published on it and the day after.
DAYS_AFTER = 1


@dataclass(frozen=True)
class Opening:
    """An undated sentence from the opening of an article published on ``day``."""

    day: date
    article_id: int
    start: int
    text: str


def undated_openings(articles: dict[int, Article], events: Iterable[Event],
                     days: set[date]) -> dict[date, list[Opening]]:
    """Return, for each day of ``days``, the opening sentences that hold no event of the
    articles published on that day or up to ``DAYS_AFTER`` days after."""
    dated: dict[int, list[int]] = defaultdict(list)
    for event in events:
        if event.article_id is not None:
            dated[event.article_id].append(event.char_start)
    found: dict[date, list[Opening]] = defaultdict(list)
    for article_id, article in articles.items():
        if article.published is None:
            continue
        published = article.published.date()
        spoken_of = [published - timedelta(days=back) for back in range(DAYS_AFTER + 1)
                     if published - timedelta(days=back) in days]
        if not spoken_of:
            continue
        starts = sorted(dated.get(article_id, []))
        taken = 0
        for sentence in split_sentences(article.text[:OPENING_CHARS]):
            if taken >= OPENING_SENTENCES:
                break
            if sentence.headline:
                continue
            taken += 1
            if _holds_event(starts, sentence.start, sentence.end):
                continue
            text = _cleaned(sentence.text)
            for day in spoken_of if text else ():
                found[day].append(Opening(day, article_id, sentence.start, text))
    return found


def _holds_event(starts: list[int], start: int, end: int) -> bool:
    index = bisect_left(starts, start)
    return index < len(starts) and starts[index] < end


def _cleaned(text: str) -> str:
    return "" if COMMENT.search(text) else without_stamps(text)


def as_event(opening: Opening, confidence: float) -> Event:
    """Return ``opening`` as an unstored, undated event of its article (no id, no story),
    so it can stand beside the day's events as a candidate line."""
    return Event(title=opening.text, description=opening.text, char_start=opening.start,
                 char_end=opening.start + len(opening.text), expression=None, expr_start=None,
                 expr_end=None, timex_type=None, timex_value=None, mod=None, earliest=None,
                 latest=None, granularity=Granularity.UNKNOWN, confidence=confidence,
                 explanation="an undated opening sentence of an article of the day",
                 article_id=opening.article_id)
