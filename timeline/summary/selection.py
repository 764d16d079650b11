"""Which sentences say what happened on a day, without saying it twice.

The candidates are the sentences whose event names the day precisely, kept to their
articles' opening sentences when the day has any there; when a day has none that reads
as a sentence, the sentences of articles published that day that speak of "now" or
"today" vaguely stand in. The undated opening sentences of the articles published on
the day or the day after compete too, at a discount (``Choice.undated``): a report's
first sentence says what happened, often without naming the day. Each candidate is
scored by how close it is to the centre of everything said about the day and to the
centre of the whole collection (TF-IDF centroids: a sentence on the collection's subject
beats a side story of the day), by its reading's confidence, its length and by being
published on the day or just after (a report, not a look back). The best goes first;
the next must share few words with those already chosen and, while others remain, come
from another story.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import date

from timeline.model import Article, Event, Granularity, Status, article_of, stored_id
from timeline.summary.furniture import TOP_CHARS, is_comment, without_stamps
from timeline.summary.openings import Opening, as_event
from timeline.summary.ranking import StoryOf, Weights, is_lead
from timeline.summary.vectors import Vector, centroid, cosine

# A "sentence" that is a fragment says little.
MIN_WORDS = 6


@dataclass(frozen=True)
class Choice:
    """Tunable parts of the sentence choice."""

    redundancy: float = 0.5  # cosine at or above which a sentence repeats a chosen one
    opening: float = 0.5  # extra for a sentence in its article's opening
    lead_only: bool = True  # keep to opening sentences when a day has any
    fresh_days: int = 2  # a report published this many days after the day is fresh
    stale: float = 0.5  # factor for a look back from later on
    vague: float = 0.5  # factor for a stand-in ("now" in an article of the day)
    max_words: int = 45  # longer: a run-on of page text, or more than one happening
    topic: float = 0.7  # share of closeness to the whole collection against to the day
    undated: float = 0.5  # factor for an undated opening sentence of an article of the day


@dataclass(frozen=True)
class Candidate:
    """A sentence that may speak for a day, with its prior weight."""

    event: Event
    sentence: str
    vector: Vector
    prior: float


def clean_sentence(text: str) -> str:
    """Return the sentence on one line, spaces collapsed, page time stamps cut out."""
    return without_stamps(text)


def word_count_factor(sentence: str, max_words: int) -> float:
    """Return 1 for a sentence of reasonable length, less for a fragment or a run-on."""
    words = len(sentence.split())
    if words < MIN_WORDS:
        return 0.3
    if words > max_words:
        return 0.5
    return 1.0


def stands_in(event: Event, article: Article | None, day: date) -> bool:
    """Return True for a vague "now" sentence of an article published on ``day``."""
    return (event.granularity == Granularity.UNKNOWN and event.status != Status.REJECTED
            and event.earliest is not None and event.earliest.date() == day
            and article is not None and article.published is not None
            and article.published.date() == day)


def candidate_prior(event: Event, article: Article | None, day: date, sentence: str,
                    lead: bool, choice: Choice) -> float:
    """Return the weight a candidate sentence starts with, before its content counts."""
    prior = max(event.confidence, 0.05) * word_count_factor(sentence, choice.max_words)
    if lead:
        prior *= 1.0 + choice.opening
    if article is not None and article.published is not None:
        after = (article.published.date() - day).days
        if not 0 <= after <= choice.fresh_days:
            prior *= choice.stale
    return prior


def choose_lines(
    candidates: Sequence[Candidate],
    per_date: int,
    *,
    story_of: StoryOf,
    topic: Vector | None = None,
    taken: set[tuple[int | None, int]] | None = None,
    choice: Choice = Choice(),
) -> list[Candidate]:
    """Return up to ``per_date`` candidates, best first, no two saying the same thing.
    ``topic`` is the centre of the whole collection: a sentence near it is on the
    collection's subject, not on a side story of the day. ``taken`` holds the sentences
    (article id, offset) other days already show; the ones chosen here are added."""
    taken = set() if taken is None else taken
    if not candidates:
        return []
    middle = centroid(candidate.vector for candidate in candidates)
    topic = topic or {}

    def strength(candidate: Candidate) -> float:
        closeness = ((1.0 - choice.topic) * cosine(candidate.vector, middle)
                     + choice.topic * cosine(candidate.vector, topic))
        return closeness * candidate.prior

    ranked = sorted(candidates, key=lambda candidate: (-strength(candidate),
                                                       candidate.event.id or 0))
    chosen: list[Candidate] = []
    stories_used: set[Hashable] = set()
    texts_used: set[str] = set()
    # First pass keeps to one sentence a story; the second fills up from any story.
    for one_per_story in (True, False):
        for candidate in ranked:
            if len(chosen) >= per_date:
                return chosen
            story = line_story(candidate.event, story_of)
            key = candidate.sentence.lower()
            place = (candidate.event.article_id, candidate.event.char_start)
            if key in texts_used or place in taken or (one_per_story and story in stories_used):
                continue
            if any(cosine(candidate.vector, other.vector) >= choice.redundancy
                   for other in chosen):
                continue
            chosen.append(candidate)
            taken.add(place)
            stories_used.add(story)
            texts_used.add(key)
    return chosen


def line_story(event: Event, story_of: StoryOf) -> Hashable:
    """Return the story key of a line's event; an unstored sentence (an undated opening)
    is a story of its own."""
    if event.id is None:
        return ("sentence", event.article_id, event.char_start)
    return story_of(event)


def opening_candidates(openings: Sequence[Opening], vectors: dict[tuple[int, int], Vector],
                       choice: Choice) -> list[Candidate]:
    """Return the undated opening sentences of a day's articles as candidates, their
    weight discounted by ``choice.undated`` (none when it is 0)."""
    if choice.undated <= 0:
        return []
    found = []
    for opening in openings:
        prior = (choice.undated * (1.0 + choice.opening)
                 * word_count_factor(opening.text, choice.max_words))
        found.append(Candidate(as_event(opening, 1.0), opening.text,
                               vectors.get((opening.article_id, opening.start), {}), prior))
    return found


def day_candidates(day: date, precise: Sequence[Event], vague: Sequence[Event],
                   articles: dict[int, Article], vectors: dict[int, Vector],
                   positions: dict[int, int], weights: Weights,
                   choice: Choice) -> list[Candidate]:
    """Return the candidate sentences for ``day``: its precise events (those in their
    article's opening when there are any), or, when none reads as a sentence, the vague
    "now" sentences of its own articles."""
    found = _candidates(day, precise, articles, vectors, positions, weights, choice, 1.0)
    if not found:
        stand_ins = [event for event in vague
                     if stands_in(event, article_of(event, articles), day)]
        found = _candidates(day, stand_ins, articles, vectors, positions, weights, choice,
                            choice.vague)
    return found


def _candidates(day: date, pool: Sequence[Event], articles: dict[int, Article],
                vectors: dict[int, Vector], positions: dict[int, int], weights: Weights,
                choice: Choice, factor: float) -> list[Candidate]:
    if choice.lead_only:
        pool = [event for event in pool if is_lead(event, positions, weights)] or pool
    found = []
    for event in pool:
        sentence = clean_sentence(event.description) if event.char_start <= TOP_CHARS \
            else " ".join(event.description.split())
        if not sentence or is_comment(event):
            continue
        article = article_of(event, articles)
        lead = is_lead(event, positions, weights)
        prior = factor * candidate_prior(event, article, day, sentence, lead, choice)
        found.append(Candidate(event, sentence, vectors.get(stored_id(event), {}), prior))
    return found
