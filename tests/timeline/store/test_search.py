"""The text filter through the full-text index (revision 0003), on both backends: word
prefixes as the old substring scan found them, any input safe, the index in step with
every write."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from timeline.store import migrate, open_repository
from timeline.store.search import fts5_query, search_words, tsquery

TITLES = [
    "Blast in Nairobi kills three",
    "Kenyan police seal off the Westgate mall",
    "Élysée summit opens",
    "Talks resume in the capital",
    "U.N. envoy arrives in Nairobi",
    "Ceasefire holds for a second day",
]
SENTENCES = [
    "A bomb went off near the market on Sunday.",
    "Police said the siege was over by Tuesday evening.",
    "Leaders met at the palace on 12 March.",
    "Officials said talks, number 42, would resume \"without conditions\".",
    "The envoy landed on Monday.",
    "The truce held through the night, monitors said.",
]
NASTY = ['"', "'", '"unbalanced', "a\"b", "*", "NEAR(", "x OR", "AND", "-", "^start",
         "title:blast", "(((", "50%", "_", "\\", "'; DROP TABLE events; --", ":*", "!&|",
         "\x00", "🙂", "   ", "nairobi*", "{title}: x"]


def words_of(*texts: str | None) -> list[str]:
    return re.findall(r"[^\W_]+", " ".join(t or "" for t in texts).lower())


@pytest.fixture
def collection(repo, make_article, make_event):
    events = [make_event(title=title, description=sentence, char_start=i * 100,
                         expression="on Sunday" if i % 2 else None, expr_start=i * 100 + 5)
              for i, (title, sentence) in enumerate(zip(TITLES, SENTENCES, strict=True))]
    repo.add_article(make_article(), [], events)
    return repo.list_events()


def test_typing_the_start_of_a_word_finds_it(repo, collection):
    assert [e.title for e in repo.list_events(text="Nairo")] == [
        "Blast in Nairobi kills three", "U.N. envoy arrives in Nairobi"]
    assert [e.title for e in repo.list_events(text="élys")] == ["Élysée summit opens"]
    assert [e.title for e in repo.list_events(text="ÉLYSÉE")] == ["Élysée summit opens"]
    # Every word typed must start a word somewhere in the event's text.
    assert [e.title for e in repo.list_events(text="talks cap")] == [
        "Talks resume in the capital"]
    assert repo.list_events(text="talks nairobi") == []
    # The expression is searched too.
    assert {e.title for e in repo.list_events(text="sund")} == {
        e.title for e in collection if e.expression or "Sunday" in e.description}


def test_every_word_prefix_finds_what_the_substring_scan_found(repo, collection):
    vocabulary = sorted(set(words_of(*(f"{e.title} {e.description} {e.expression or ''}"
                                       for e in collection))))
    checked = 0
    for word in vocabulary:
        for length in range(1, len(word) + 1):
            prefix = word[:length]
            found = {e.id for e in repo.list_events(text=prefix)}
            # The old LIKE scan, restricted to matches at the start of a word: here the
            # index must find exactly those.
            expected = {e.id for e in collection
                        if any(w.startswith(prefix)
                               for w in words_of(e.title, e.description, e.expression))}
            assert found == expected, prefix
            like = {e.id for e in collection if any(
                prefix in (t or "").lower() for t in (e.title, e.description, e.expression))}
            assert found <= like, prefix
            if all(not re.search(rf"\B{re.escape(prefix)}", " ".join(words_of(
                    e.title, e.description, e.expression))) for e in collection):
                assert found == like, prefix  # never inside a word: the very same rows
                checked += 1
    assert checked > 50


@pytest.mark.parametrize("typed", NASTY)
def test_quotes_and_operators_never_raise(repo, collection, typed):
    found = repo.list_events(text=typed)
    count = repo.count_events(text=typed)
    assert len(found) == count
    words = search_words(typed)
    if words:
        assert all(all(any(w.startswith(word) for w in words_of(e.title, e.description,
                                                                  e.expression))
                       for word in words) for e in found)
    elif typed.strip("\x00"):
        assert all(any(typed.lower() in (t or "").lower()
                       for t in (e.title, e.description, e.expression)) for e in found)


def test_the_query_languages_only_ever_see_quoted_words():
    words = search_words('"Nairo" OR title:x* (NEAR ) \'; -- ÉLYSÉE nairo')
    assert words == ["nairo", "or", "title", "x", "near", "élysée"]
    assert fts5_query(words[:2]) == '"nairo"* "or"*'
    assert tsquery(words[:2]) == "'nairo':* & 'or':*"


def test_a_changed_title_sentence_or_expression_is_found_by_its_new_words(db_url, repo,
                                                                        collection):
    blast = next(e for e in collection if e.title.startswith("Blast"))
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:  # any writer: the index follows every UPDATE
            connection.execute(text(
                "UPDATE events SET title = 'Explosion in Mombasa', "
                "description = 'A device exploded by the port.', expression = 'at dawn' "
                "WHERE id = :id"), {"id": blast.id})
    finally:
        engine.dispose()
    assert [e.id for e in repo.list_events(text="Mombasa")] == [blast.id]
    assert [e.id for e in repo.list_events(text="dawn port")] == [blast.id]
    assert blast.id not in {e.id for e in repo.list_events(text="blast")}
    assert [e.title for e in repo.list_events(text="nairobi")] == [
        "U.N. envoy arrives in Nairobi"]


def test_a_retagged_article_is_searched_by_its_new_titles_and_loses_its_removed_events(
        repo, make_article, make_event):
    stored = repo.add_article(make_article(), [], [
        make_event(title="Kim leaves", char_start=0, expr_start=22),
        make_event(title="Report filed", char_start=80, expr_start=90)])
    new_events = [make_event(datetime(2023, 9, 17), title="Kim departs for Vladivostok",
                             char_start=0, expr_start=22)]
    repo.apply_published_change(stored.article_id, datetime(2023, 9, 19), [], new_events)
    assert [e.title for e in repo.list_events(text="vladiv")] == [
        "Kim departs for Vladivostok"]
    assert repo.list_events(text="report") == []
    assert repo.list_events(text="leaves") == []


def migrate_to(db_url: str, target: str) -> None:
    config = migrate.alembic_config()
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            if target == "0002":
                command.downgrade(config, target)
            else:
                command.upgrade(config, target)
    finally:
        engine.dispose()


def test_the_migration_indexes_the_events_stored_before_it(db_url, repo, collection):
    migrate_to(db_url, "0002")
    migrate_to(db_url, "head")
    with open_repository(db_url) as reopened:
        assert [e.title for e in reopened.list_events(text="westg")] == [
            "Kenyan police seal off the Westgate mall"]
        day = collection[0].earliest
        assert day is not None
        assert len(reopened.list_events(start=day, end=datetime(2023, 9, 11))) == len(collection)
