"""Where in its article each event's sentence stands: the opening sentences carry what
the article is about; comments and background come later."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable

from timeline.events.sentences import split_sentences
from timeline.model import Article, Event, stored_id

# Only an article's opening is told apart: splitting whole articles would cost seconds on
# a large collection, and a sentence past this many characters is no opening sentence.
OPENING_CHARS = 3000


def sentence_positions(events: Iterable[Event], articles: dict[int, Article]) -> dict[int, int]:
    """Return, by event id, the index (from 0) of the event's sentence in its article
    (for a sentence past the opening, the number of opening sentences or more); events
    without a stored article are left out."""
    by_article: dict[int, list[Event]] = defaultdict(list)
    for event in events:
        article_id = event.article_id
        if article_id is not None and article_id in articles and event.id is not None:
            by_article[article_id].append(event)
    positions: dict[int, int] = {}
    for article_id, article_events in by_article.items():
        starts = [sentence.start for sentence in split_sentences(
            articles[article_id].text[:OPENING_CHARS])]
        for event in article_events:
            positions[stored_id(event)] = max(bisect_right(starts, event.char_start) - 1, 0)
    return positions
