"""The key dates of a collection: rank the days, keep the strongest, say each in a few
sentences. Plain function over events and articles; the store is read by the caller."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from datetime import date

from timeline.model import Article, Event, Granularity, stored_id
from timeline.summary.count import supported_count
from timeline.summary.lines import KeyDate, Summary, SummaryLine
from timeline.summary.openings import Opening, undated_openings
from timeline.summary.positions import sentence_positions
from timeline.summary.ranking import (
    DayEvidence,
    StoryOf,
    Weights,
    own_story,
    precise_day,
    rank_days,
)
from timeline.summary.selection import (
    Candidate,
    Choice,
    choose_lines,
    day_candidates,
    line_story,
    opening_candidates,
)
from timeline.summary.vectors import (
    Vector,
    centroid,
    content_words,
    document_frequencies,
    inverse_frequencies,
    tfidf,
)

DEFAULT_PER_DATE = 2


# Frozen, so one instance serves every call as the default.
_DEFAULT_WEIGHTS = Weights()
_DEFAULT_CHOICE = Choice()


def summarize(
    events: Iterable[Event],
    articles: dict[int, Article],
    *,
    dates: int | None = None,
    per_date: int = DEFAULT_PER_DATE,
    first: date | None = None,
    last: date | None = None,
    story_of: StoryOf | None = None,
    weights: Weights = _DEFAULT_WEIGHTS,
    choice: Choice = _DEFAULT_CHOICE,
) -> Summary:
    """Return the ``dates`` key days in [first, last] (as many as the collection
    supports when None), in date order, each with up to ``per_date`` sentences.

    ``articles`` holds every article of the collection by id (their publication days
    count). ``story_of`` maps an event to its story key; by default each event is a
    story of its own.
    """
    story_of = story_of or own_story
    events = [event for event in events if event.id is not None]
    positions = sentence_positions(
        [event for event in _in_span(events, first, last) if precise_day(event) is not None
         or event.granularity == Granularity.UNKNOWN], articles)
    ranked = rank_days(events, articles, first=first, last=last, story_of=story_of,
                       positions=positions, weights=weights)
    if dates is None:
        wanted, reason = supported_count(ranked, len(articles))
    else:
        wanted = max(dates, 0)
        reason = f"{wanted} date{'s' if wanted != 1 else ''} asked for"
    # Only what can vote or speak for a day needs words: coarse readings do neither.
    openings = (undated_openings(articles, events, {found.day for found in ranked})
                if choice.undated > 0 else {})
    vectors, opening_vectors = _sentence_vectors(
        [event for event in events if precise_day(event) is not None
         or event.granularity == Granularity.UNKNOWN],
        [opening for day_openings in openings.values() for opening in day_openings])
    topic = centroid(vectors[stored_id(event)] for event in events
                     if precise_day(event) is not None)
    precise_by_day: dict[date, list[Event]] = defaultdict(list)
    vague_by_day: dict[date, list[Event]] = defaultdict(list)
    for event in events:
        day = precise_day(event)
        if day is not None:
            precise_by_day[day].append(event)
        elif event.granularity == Granularity.UNKNOWN and event.earliest is not None:
            vague_by_day[event.earliest.date()].append(event)
    chosen: list[KeyDate] = []
    # A sentence naming two days ("yesterday ... tomorrow") is shown once, on the
    # stronger day.
    taken: set[tuple[int | None, int]] = set()
    for found in ranked:
        if len(chosen) >= wanted:
            break
        candidates = day_candidates(found.day, precise_by_day[found.day],
                                    vague_by_day[found.day], articles, vectors, positions,
                                    weights, choice)
        candidates += opening_candidates(openings.get(found.day, []), opening_vectors, choice)
        picked = choose_lines(candidates, per_date, story_of=story_of, topic=topic, taken=taken,
                              choice=choice)
        if picked or per_date == 0:
            chosen.append(_key_date(found, picked, precise_by_day[found.day], story_of))
    if dates is not None and len(chosen) < wanted:
        reason += f"; the collection supports only {len(chosen)} in the span"
    return Summary(dates=tuple(sorted(chosen, key=lambda key_date: key_date.day)),
                   reason=reason, candidates=len(ranked), articles=len(articles))


def _in_span(events: list[Event], first: date | None, last: date | None) -> list[Event]:
    # Only the articles with an event in the span need splitting into sentences.
    return [event for event in events if event.earliest is not None
            and (first is None or event.earliest.date() >= first)
            and (last is None or event.earliest.date() <= last)]


def _sentence_vectors(events: list[Event], openings: list[Opening]
                      ) -> tuple[dict[int, Vector], dict[tuple[int, int], Vector]]:
    # Every sentence of the collection once, so a word common to the whole story
    # ("flu", "Jackson") weighs little against one that tells a day apart. Returns the
    # vectors by event id and the undated openings' by (article id, offset).
    words_by_sentence: dict[tuple[int | None, int], list[str]] = {}
    sentence_of: dict[int, tuple[int | None, int]] = {}
    for event in events:
        key = (event.article_id, event.char_start)
        sentence_of[stored_id(event)] = key
        if key not in words_by_sentence:
            words_by_sentence[key] = content_words(event.description)
    for opening in openings:
        words_by_sentence.setdefault((opening.article_id, opening.start),
                                     content_words(opening.text))
    idf = inverse_frequencies(*document_frequencies(words_by_sentence.values()))
    vectors = {key: tfidf(words, idf) for key, words in words_by_sentence.items()}
    return ({event_id: vectors[key] for event_id, key in sentence_of.items()},
            {(opening.article_id, opening.start): vectors[(opening.article_id, opening.start)]
             for opening in openings})


def _key_date(found: DayEvidence, picked: list[Candidate], day_events: list[Event],
              story_of: StoryOf) -> KeyDate:
    sources_by_story: dict[Hashable, set[int]] = defaultdict(set)
    for event in day_events:
        if event.article_id is not None:
            sources_by_story[story_of(event)].add(event.article_id)
    lines = []
    for candidate in picked:
        story = line_story(candidate.event, story_of)
        sources = set(sources_by_story.get(story, set()))
        if candidate.event.article_id is not None:
            sources.add(candidate.event.article_id)
        # An undated opening is in no story.
        lines.append(SummaryLine(candidate.sentence, candidate.event.id,
                                 story if candidate.event.id is not None else None,
                                 candidate.event.article_id, tuple(sorted(sources))))
    return KeyDate(found.day, found.score, tuple(lines), tuple(found.event_ids),
                   tuple(found.story_ids), tuple(sorted(found.article_ids)))
