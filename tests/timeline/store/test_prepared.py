"""An article prepared for the store (in a worker process) is stored as add_article
would store it: the same events, and grouping members equal to the rows read back."""

from __future__ import annotations

import dataclasses
import pickle
from datetime import datetime

from timeline.model import Article
from timeline.pipeline import analyse
from timeline.store import Repository, stories
from timeline.store.prepared import dedupe_keys, prepare_article

TEXT = ("CAIRO (CNN) - Protesters filled Tahrir Square on Tuesday, Jan. 25, 2011. "
        "Police fired tear gas at the protesters on Wednesday. The president resigned on "
        "February 11, 2011, after 18 days of protests.")


def test_a_prepared_article_travels_pickled_and_stores_its_events_as_given(repo):
    article = Article(text=TEXT, title="Protests", published=datetime(2011, 2, 12))
    mentions, events = analyse(article)
    assert events, "the sample must give events"
    prepared = pickle.loads(pickle.dumps(prepare_article(article, mentions, events)))
    assert (prepared.digest, prepared.fingerprint) == dedupe_keys(TEXT)

    outcome = repo.add_prepared(prepared)

    assert outcome.added and outcome.events == len(events)
    stored = repo.list_events(article_ids=[outcome.article_id])
    unstored = [dataclasses.replace(event, id=None, article_id=None, story_id=None)
                for event in stored]
    assert sorted(unstored, key=repr) == sorted(events, key=repr)
    assert all(event.story_id is not None for event in stored)
    assert len(repo.article_mentions(outcome.article_id)) == len(mentions)
    assert repo.add_prepared(prepared).added is False  # the same text: not stored twice


def test_the_members_made_from_the_insert_equal_those_read_back(repo):
    article = Article(text=TEXT, title="Protests", published=datetime(2011, 2, 12, 9, 30))
    mentions, events = analyse(article)
    prepared = prepare_article(article, mentions, events)
    outcome = repo.add_prepared(prepared)
    ids = [event.id for event in sorted(repo.list_events(article_ids=[outcome.article_id]),
                                        key=lambda event: event.id or 0)]

    made = stories.new_members(outcome.article_id, ids, prepared.grouping, prepared.published)

    with repo._engine.connect() as connection:  # the store's own read of the rows
        read = [stories.member_of(row) for row in stories.rows_of_events(connection, ids)]
    assert made == read


def test_events_are_stored_with_their_stories_after_the_newest_event_was_removed(
        repo: Repository) -> None:
    # The events go in with their story ids already chosen: the stories must hold
    # exactly the events that name them, also when the ids before were taken out.
    first = Article(text=TEXT, title="Protests", published=datetime(2011, 2, 12))
    second = Article(text=TEXT.replace("Tuesday", "Monday"), title="Again",
                     published=datetime(2011, 2, 13))
    kept = repo.add_prepared(prepare_article(first, *analyse(first)))
    removed = repo.add_prepared(prepare_article(second, *analyse(second)))
    repo.remove_article(removed.article_id)

    again = repo.add_prepared(prepare_article(second, *analyse(second)))

    assert again.added and again.events == removed.events
    events = repo.list_events(article_ids=[kept.article_id, again.article_id])
    assert all(event.story_id is not None for event in events)
    by_story: dict[int, set[int]] = {}
    for event in events:
        assert event.story_id is not None and event.id is not None
        by_story.setdefault(event.story_id, set()).add(event.id)
    assert {story_id: set(repo.get_story(story_id).event_ids) for story_id in by_story} == (
        by_story)
    assert any(len(ids) == 2 for ids in by_story.values()), "the two articles share a story"
