"""Removing an article, on SQLite and PostgreSQL: its events, mentions, reviews and story
places go in one transaction, stories it empties stop being listed, and an audit
record says what went."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import create_engine, func, select

from timeline.model import Article
from timeline.pipeline import ingest_article
from timeline.store import NotFoundError, open_repository
from timeline.store.schema import MentionRow, ReviewRow

DAM = [
    ("The Velmora dam collapsed on Sunday, officials said.", "2023-03-06", "Wire"),
    ("The dam near Velmora burst on March 5, flooding three villages.", "2023-03-08", "Daily"),
]
ALONE = ("The Ostrava bridge reopened on Tuesday after repairs.", "2023-04-12", "Local")


def put(repo, text: str, published: str, outlet: str) -> int:
    summary = ingest_article(Article(text=text, published=datetime.fromisoformat(published),
                                     title=text[:24], outlet=outlet,
                                     source_path=f"/data/{outlet}.txt"), repo)
    assert summary.refused == []
    return summary.article_ids[0]


def count_rows(url: str, table, article_events: list[int]) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            column = table.c.article_id if "article_id" in table.c else table.c.event_id
            wanted = article_events if column.name == "event_id" else article_events[:1]
            return connection.execute(
                select(func.count()).select_from(table).where(column.in_(wanted))).scalar_one()
    finally:
        engine.dispose()


def test_removing_an_article_takes_its_rows_and_keeps_an_audit_record(repo, db_url):
    wire = put(repo, *DAM[0])
    put(repo, *DAM[1])
    lone = put(repo, *ALONE)
    [event] = [e for e in repo.list_events() if e.article_id == wire]
    repo.accept(event.id, expected_version=event.version, actor="ana")
    [lone_event] = [e for e in repo.list_events() if e.article_id == lone]
    repo.annotate(lone_event.id, note="check the date", expected_version=lone_event.version,
                  actor="ana")
    assert len(repo.list_stories()) == 2

    preview = repo.article_removal(lone)
    assert (preview.events, preview.reviewed_events, preview.reviews) == (1, 1, 1)
    assert preview.at is None and repo.list_article_removals() == []

    record = repo.remove_article(lone, actor="ana")
    assert (record.title, record.outlet, record.events, record.reviews) == (
        ALONE[0][:24], "Local", 1, 1)
    assert record.published == datetime(2023, 4, 12)
    assert record.source_path == "/data/Local.txt" and len(record.content_hash) == 64
    assert record.actor == "ana" and record.at is not None
    assert repo.list_article_removals() == [record]
    assert lone not in {a.id for a in repo.list_articles()}
    assert all(e.article_id != lone for e in repo.list_events())
    assert count_rows(db_url, MentionRow.__table__, [lone]) == 0
    assert count_rows(db_url, ReviewRow.__table__, [lone_event.id]) == 0
    # The bridge's story is left empty: no longer listed. The dam's story stays whole.
    [dam] = repo.list_stories()
    assert dam.sources == 2
    with pytest.raises(NotFoundError):
        repo.get_event(lone_event.id)


def test_a_story_keeps_its_other_sources_when_one_article_goes(repo):
    wire = put(repo, *DAM[0])
    daily = put(repo, *DAM[1])
    repo.remove_article(wire, actor="ana")
    [dam] = repo.list_stories()
    assert dam.sources == 1 and not dam.conflict
    assert {e.article_id for e in repo.list_events()} == {daily}


def test_the_same_text_can_be_imported_again_after_removal(repo):
    lone = put(repo, *ALONE)
    repo.remove_article(lone)
    put(repo, *ALONE)  # not "already there": the text is gone
    assert len(repo.list_events()) == 1
    assert len(repo.list_stories()) == 1


def test_an_unknown_article_is_refused_and_nothing_is_recorded(repo):
    put(repo, *ALONE)
    with pytest.raises(NotFoundError, match="no article with id 999"):
        repo.remove_article(999)
    with pytest.raises(NotFoundError):
        repo.article_removal(2**70)
    assert repo.list_article_removals() == [] and len(repo.list_events()) == 1


def test_a_read_only_database_refuses_removal(db_url, backend):
    if backend != "sqlite":
        pytest.skip("read-only opening is a SQLite file's matter here")
    with open_repository(db_url) as writer:
        lone = put(writer, *ALONE)
    from timeline.store import ReadOnlyDatabaseError
    with open_repository(db_url, read_only=True) as reader, pytest.raises(
            ReadOnlyDatabaseError):
        reader.remove_article(lone)
