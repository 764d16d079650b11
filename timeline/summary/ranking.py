"""How strongly a collection points at each day.

An article votes once for a day it names precisely (a day, part of a day or a time):
its strongest mention counts, weighed by the reading's confidence, more when the day is
named in the article's opening (news puts its main happening first) and more when the
article looks back at the day from later on (a day still named days after is one that
mattered). Days named only coarsely ("in June", "2009") get no vote: a month names no
day. The articles published on a day or the day after add to it, as news of a day
appears then. Stories (one happening, many sources) can add a little for each distinct
story named on the day (``Weights.stories``; off: with each event its own story that is
the mention count, which ranked worse on the Timeline17 bench).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline.model import Article, Event, Granularity, Status, article_of, stored_id
from timeline.summary.furniture import is_comment, is_stamp

# Readings precise enough to name one day.
PRECISE = frozenset({Granularity.DAY, Granularity.PART_OF_DAY, Granularity.HOUR,
                     Granularity.MINUTE, Granularity.SECOND})

StoryOf = Callable[[Event], Hashable]


@dataclass(frozen=True)
class Weights:
    """The tunable parts of the day score (measured on the Timeline17 bench)."""

    lead: float = 0.5  # extra share of a vote named in the article's opening
    lead_sentences: int = 8  # the opening: the article's first sentences
    retrospective: float = 0.5  # extra share of a vote from an article published later
    retrospective_days: int = 2  # "later": more than this many days after the day
    published: float = 1.0  # per article published on the day
    published_next: float = 1.0  # per article published the day after
    stories: float = 0.0  # per log(1 + distinct stories named on the day)
    same_day: float = 0.5  # factor for a vote for the article's own publication day


@dataclass
class DayEvidence:
    """Everything in the collection that points at one day."""

    day: date
    score: float = 0.0
    event_ids: list[int] = field(default_factory=list)
    article_ids: set[int] = field(default_factory=set)
    story_ids: list[Hashable] = field(default_factory=list)
    published_here: int = 0


def own_story(event: Event) -> Hashable:
    """Return the event's story key: the story the store put it in (the happening it
    reports, with the other articles' events of it), else its own id."""
    return event.story_id if event.story_id is not None else event.id


def precise_day(event: Event) -> date | None:
    """Return the day an event names precisely, or None (coarse, open or rejected)."""
    if event.status == Status.REJECTED or event.earliest is None:
        return None
    if event.granularity not in PRECISE or event.open_ended:
        return None
    return event.earliest.date()


def is_lead(event: Event, positions: dict[int, int], weights: Weights) -> bool:
    """Return True when the event's sentence is one of its article's first sentences."""
    return positions.get(stored_id(event), weights.lead_sentences) < weights.lead_sentences


def vote(event: Event, article: Article | None, day: date, positions: dict[int, int],
         weights: Weights) -> float:
    """Return the strength of one event's vote for ``day``."""
    lead = weights.lead if is_lead(event, positions, weights) else 0.0
    strength = max(event.confidence, 0.05) * (1.0 + lead)
    published = article.published.date() if article and article.published else None
    if published is not None and (published - day).days > weights.retrospective_days:
        strength *= 1.0 + weights.retrospective
    if published == day:
        strength *= weights.same_day
    return strength


def rank_days(
    events: Iterable[Event],
    articles: dict[int, Article],
    *,
    first: date | None = None,
    last: date | None = None,
    story_of: StoryOf = own_story,
    positions: dict[int, int] | None = None,
    weights: Weights = Weights(),
) -> list[DayEvidence]:
    """Return the evidence for every day in [first, last] that events name precisely,
    strongest first (ties: more articles, then the earlier day). ``positions`` gives
    each event's sentence index in its article (see positions.sentence_positions)."""
    positions = positions or {}
    evidence: dict[date, DayEvidence] = {}
    best_vote: dict[tuple[date, int | None], float] = {}
    for event in events:
        day = precise_day(event)
        if day is None or (first and day < first) or (last and day > last):
            continue
        if is_stamp(event) or is_comment(event):
            continue
        found = evidence.setdefault(day, DayEvidence(day))
        found.event_ids.append(stored_id(event))
        story = story_of(event)
        if story not in found.story_ids:
            found.story_ids.append(story)
        if event.article_id is not None:
            found.article_ids.add(event.article_id)
        key = (day, event.article_id)
        strength = vote(event, article_of(event, articles), day, positions, weights)
        best_vote[key] = max(best_vote.get(key, 0.0), strength)
    for (day, _article), strength in best_vote.items():
        evidence[day].score += strength
    published_on: dict[date, int] = {}
    for article in articles.values():
        if article.published is not None:
            published_on[article.published.date()] = published_on.get(
                article.published.date(), 0) + 1
    for found in evidence.values():
        found.published_here = published_on.get(found.day, 0)
        found.score += weights.published * found.published_here
        found.score += weights.published_next * published_on.get(found.day + timedelta(days=1), 0)
        found.score += weights.stories * math.log1p(len(found.story_ids))
    return sorted(evidence.values(),
                  key=lambda found: (-found.score, -len(found.article_ids), found.day))
