"""add_article: one transaction per article, deduplicated by the hash of its text."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import datetime

import pytest
from sqlalchemy import create_engine, func, select

from timeline.model import Granularity
from timeline.store import IngestOutcome, NotFoundError, StoreError, open_repository
from timeline.store.schema import ArticleRow, EventRow, MentionRow


def row_counts(url: str) -> dict[str, int]:
    """Count rows straight from the database, past the repository."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                row.__tablename__: connection.execute(
                    select(func.count()).select_from(row.__table__)
                ).scalar_one()
                for row in (ArticleRow, MentionRow, EventRow)
            }
    finally:
        engine.dispose()


def test_an_article_goes_in_with_its_mentions_and_events(
    repo, make_article, make_event, make_mention
):
    article = make_article(url="https://example.org/kim", outlet="Example", dct_source="sidecar")
    mentions = [make_mention(), make_mention(start=40, text="Tuesday", value="2023-09-12")]
    events = [make_event(), make_event(datetime(2023, 9, 12), char_start=30, char_end=60)]

    outcome = repo.add_article(article, mentions, events)

    assert outcome == IngestOutcome(article_id=outcome.article_id, added=True, events=2)
    stored = repo.get_article(outcome.article_id)
    assert stored == replace(
        article,
        id=outcome.article_id,
        content_hash=hashlib.sha256(article.text.encode("utf-8")).hexdigest(),
    )
    assert repo.list_articles() == [stored]
    assert repo.article_mentions(outcome.article_id) == mentions
    listed = repo.list_events()
    assert [replace(event, id=None, article_id=None, story_id=None) for event in listed] == events
    assert {event.article_id for event in listed} == {outcome.article_id}


def test_the_same_text_again_is_already_there_and_writes_nothing(
    repo, db_url, make_article, make_event, make_mention
):
    article = make_article()
    first = repo.add_article(article, [make_mention()], [make_event()])
    counts = row_counts(db_url)

    # Other metadata, same text: still the same article.
    retitled = replace(article, title="Another title")
    again = repo.add_article(retitled, [make_mention()], [make_event()])

    assert again == IngestOutcome(article_id=first.article_id, added=False, events=0)
    assert row_counts(db_url) == counts == {"articles": 1, "mentions": 1, "events": 1}


def test_a_given_content_hash_is_the_dedupe_key(repo, make_article):
    first = repo.add_article(make_article(content_hash="a" * 64), [], [])
    second = repo.add_article(make_article(content_hash="a" * 64), [], [])
    assert second.added is False and second.article_id == first.article_id
    assert repo.get_article(first.article_id).content_hash == "a" * 64


def test_a_refused_event_leaves_nothing_of_its_article(
    repo, db_url, make_article, make_event, make_mention
):
    kept = repo.add_article(make_article(), [make_mention()], [make_event()])
    good_events = [make_event(char_start=offset, char_end=offset + 10) for offset in range(5)]
    # The last event ends before it starts: the database's CHECK refuses it mid-transaction.
    backwards = make_event(earliest=datetime(2023, 9, 12), latest=datetime(2023, 9, 10))
    doomed = make_article()

    with pytest.raises(StoreError, match="was not stored"):
        repo.add_article(doomed, [make_mention()] * 3, [*good_events, backwards])

    assert row_counts(db_url) == {"articles": 1, "mentions": 1, "events": 1}
    assert [article.id for article in repo.list_articles()] == [kept.article_id]
    # The same article, corrected, goes in afterwards: the failure left no hash behind.
    retry = repo.add_article(doomed, [make_mention()], good_events)
    assert retry.added is True and retry.events == 5


def test_a_confidence_out_of_range_is_refused_too(repo, db_url, make_article, make_event):
    with pytest.raises(StoreError):
        repo.add_article(make_article(), [], [make_event(), make_event(confidence=1.5)])
    assert row_counts(db_url) == {"articles": 0, "mentions": 0, "events": 0}


def test_the_same_text_from_two_connections_is_stored_once(db_url, make_article, make_event):
    article = make_article()
    with open_repository(db_url) as first, open_repository(db_url) as second:
        one = first.add_article(article, [], [make_event()])
        two = second.add_article(article, [], [make_event()])
    assert (one.added, two.added) == (True, False)
    assert two.article_id == one.article_id
    assert row_counts(db_url)["events"] == 1


def test_unknown_ids_raise_not_found(repo):
    with pytest.raises(NotFoundError):
        repo.get_article(12345)
    with pytest.raises(NotFoundError):
        repo.get_event(12345)
    assert repo.article_mentions(12345) == []


def test_get_articles_returns_those_asked_for_by_id_past_one_query_of_ids(
        repo, make_article, monkeypatch):
    from timeline.store import repository

    monkeypatch.setattr(repository, "IDS_PER_QUERY", 2)  # several IN lists for five ids
    ids = [repo.add_article(make_article(), [], []).article_id for _ in range(6)]
    asked = [ids[4], ids[0], ids[2], ids[0], ids[5], 12345]
    found = repo.get_articles(asked)
    assert sorted(found) == sorted({ids[0], ids[2], ids[4], ids[5]})
    assert all(found[article_id] == repo.get_article(article_id) for article_id in found)
    assert repo.get_articles([]) == {}


def test_mentions_keep_every_field(repo, make_article, make_mention):
    relative = make_mention(
        start=50,
        text="after the forum",
        value="XXXX-XX-XX",
        earliest=None,
        latest=None,
        granularity=Granularity.UNKNOWN,
        event_relative=True,
        mod="AFTER",
    )
    outcome = repo.add_article(make_article(), [relative, make_mention()], [])
    assert repo.article_mentions(outcome.article_id) == [make_mention(), relative]


def test_long_free_text_is_kept_whole_on_every_backend(
    repo, make_article, make_event, make_mention
):
    long_value = "2023-09-10TMO" + "X" * 500
    event = make_event(timex_value=long_value, mod="APPROX" * 20, timex_type="DATE" * 10)
    mention = make_mention(value=long_value, mod="LESS_THAN" * 10)
    article = make_article(
        outlet="Outlet " * 100, dct_source="dateline" * 10, language="en-GB" * 10
    )
    outcome = repo.add_article(article, [mention], [event])
    assert repo.get_article(outcome.article_id).outlet == "Outlet " * 100
    assert repo.article_mentions(outcome.article_id) == [mention]
    stored = repo.list_events()[0]
    assert (stored.timex_value, stored.mod, stored.timex_type) == (
        long_value, "APPROX" * 20, "DATE" * 10)
    repo.accept(stored.id, expected_version=1, actor="a" * 500)
    assert repo.history(stored.id)[0].actor == "a" * 500
