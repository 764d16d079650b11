"""list_events, count_events and review_progress agree with a plain-Python reference
over many random filter combinations (both backends)."""

from __future__ import annotations

import random
import re
from datetime import datetime, timedelta

from timeline.model import Event, Granularity, Status

WORDS = ("summit", "train", "Khasan", "forum", "Vladivostok", "border", "50%", "a_b",
         "Khasan-Vladivostok")
DAY0 = datetime(2023, 9, 1)


def random_event(rng: random.Random, make_event) -> Event:
    kind = rng.random()
    earliest = DAY0 + timedelta(hours=rng.randrange(0, 24 * 30))
    if kind < 0.1:  # open-ended: no bounds at all
        earliest_value, latest_value = None, None
    elif kind < 0.2:  # "after X": a start, no end
        earliest_value, latest_value = earliest, None
    else:
        earliest_value = earliest
        latest_value = earliest + timedelta(hours=rng.choice((0, 1, 12, 24, 24 * 7, 24 * 40)))
    title = " ".join(rng.sample(WORDS, 2))
    return make_event(
        title=title.upper() if rng.random() < 0.3 else title,
        description=f"sentence about {rng.choice(WORDS)}",
        expression=rng.choice((None, "on Sunday", "after the forum")),
        earliest=earliest_value,
        latest=latest_value,
        granularity=Granularity.HOUR,
        confidence=round(rng.random(), 2),
        timex_value=None,
    )


def matches(event: Event, query: dict) -> bool:
    """The reference: what list_events' contract says, in plain Python."""
    start, end = query.get("start"), query.get("end")
    if start is not None or end is not None:
        if event.earliest is None:
            return False
        if end is not None and not event.earliest < end:
            return False
        if start is not None and event.latest is not None and not event.latest > start:
            return False
    if query.get("statuses") is not None and event.status not in query["statuses"]:
        return False
    if query.get("article_ids") is not None and event.article_id not in query["article_ids"]:
        return False
    if query.get("text"):
        haystacks = (event.title, event.description, event.expression or "")
        typed = re.findall(r"[^\W_]+", query["text"].lower())
        if typed:  # every word typed starts a word of the event's text
            words = re.findall(r"[^\W_]+", " ".join(haystacks).lower())
            if not all(any(word.startswith(wanted) for word in words) for wanted in typed):
                return False
        elif not any(query["text"].lower() in haystack.lower() for haystack in haystacks):
            return False  # no word at all (punctuation only): a substring, as typed
    if query.get("min_confidence") is not None and event.confidence < query["min_confidence"]:
        return False
    return True


def time_order(event: Event) -> tuple:
    far = datetime.max
    return (event.earliest is None, event.earliest or far, event.latest is None,
            event.latest or far, event.id)


def random_query(rng: random.Random, article_ids: list[int]) -> dict:
    query: dict = {}
    if rng.random() < 0.6:
        start = DAY0 + timedelta(hours=rng.randrange(-48, 24 * 32))
        if rng.random() < 0.8:
            query["start"] = start
        if rng.random() < 0.8:
            query["end"] = start + timedelta(hours=rng.choice((1, 24, 24 * 7)))
    if rng.random() < 0.3:
        query["statuses"] = rng.sample(list(Status), rng.randrange(0, 3))
    if rng.random() < 0.3:
        query["article_ids"] = rng.sample(article_ids, rng.randrange(0, len(article_ids) + 1))
    if rng.random() < 0.3:
        query["text"] = rng.choice(WORDS + ("KHASAN", "sunday", "nothing", "Khas", "vla",
                                            "sum forum", "%", "\"", "forum\" OR x*"))
    if rng.random() < 0.3:
        query["min_confidence"] = round(rng.random(), 2)
    return query


def test_random_queries_agree_with_the_reference(repo, make_article, make_event):
    rng = random.Random(912)
    for _ in range(4):
        events = [random_event(rng, make_event) for _ in range(60)]
        repo.add_article(make_article(), [], events)
    stored = repo.list_events()
    for event in rng.sample(stored, 60):  # some review history, to filter on status
        action = rng.choice(("accept", "reject", "annotate"))
        if action == "annotate":
            repo.annotate(event.id, expected_version=event.version, note="seen")
        else:
            getattr(repo, action)(event.id, expected_version=event.version)
    stored = repo.list_events()
    article_ids = sorted({event.article_id for event in stored})
    assert len(stored) == 240

    for _ in range(150):
        query = random_query(rng, article_ids)
        expected = sorted((e for e in stored if matches(e, query)), key=time_order)
        assert [e.id for e in repo.list_events(**query)] == [e.id for e in expected], query
        assert repo.count_events(**query) == len(expected), query
        reviewed = sum(1 for e in expected if e.status is not Status.UNREVIEWED)
        assert repo.review_progress(**query) == (reviewed, len(expected)), query
