"""Stories in the store, on SQLite and PostgreSQL: grouped at ingest, kept true when a
date is corrected, and the analyst's split, merge, chosen reading and story accept,
each audited, undoable and kept through later ingests."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Article, Granularity, Status
from timeline.pipeline import ingest_article
from timeline.store import ConflictError, open_repository

DAM = [
    ("The Velmora dam collapsed on Sunday, officials said.", "2023-03-06"),
    ("The dam near Velmora burst on March 5, flooding three villages.", "2023-03-08"),
    ("Velmora's dam collapsed on Monday, a local paper wrote.", "2023-03-07"),
]


def put(repo, text: str, published: str) -> int:
    summary = ingest_article(Article(text=text, published=datetime.fromisoformat(published),
                                     title=text[:20]), repo)
    assert summary.refused == []
    return summary.article_ids[0]


@pytest.fixture
def dam(repo):
    """A story of three sources: two say Sunday 5 March, one Monday 6 March."""
    for text, published in DAM:
        put(repo, text, published)
    [story] = repo.list_stories()
    return story


def test_sources_of_one_happening_make_one_story_with_its_readings(repo, dam):
    assert dam.sources == 3 and dam.conflict
    assert [(r.earliest.day, r.sources) for r in dam.readings] == [(5, 2), (6, 1)]
    assert repo.list_stories(conflicts=True) == [dam]
    assert repo.list_stories(min_sources=4) == []
    assert repo.list_stories(start=datetime(2023, 3, 6), end=datetime(2023, 3, 7)) == []
    assert {e.story_id for e in repo.list_events()} == {dam.id}


def test_choosing_a_reading_moves_the_story_and_is_audited_and_undone(repo, dam):
    monday = (dam.readings[1].earliest, dam.readings[1].latest)
    chosen = repo.choose_reading(dam.id, monday, expected_version=dam.version, actor="ana")
    assert (chosen.earliest, chosen.readings[0].chosen) == (datetime(2023, 3, 6), True)
    assert len(chosen.event_ids) == 3  # the other reading's events stay, not chosen
    with pytest.raises(ConflictError):
        repo.choose_reading(dam.id, None, expected_version=dam.version)
    [audit] = repo.story_history(dam.id)
    assert (audit.field, audit.old_value, audit.new_value, audit.actor) == (
        "reading", None, "2023-03-06 00:00:00", "ana")
    back = repo.choose_reading(dam.id, None, expected_version=chosen.version)
    assert back.earliest == datetime(2023, 3, 5) and not back.chosen


def test_split_and_merge_move_events_and_undo_moves_them_back(repo, dam):
    monday_event = dam.readings[1].event_ids[0]
    alone = repo.split_event(monday_event, expected_version=dam.version, actor="ana")
    assert alone.event_ids == (monday_event,) and not alone.conflict
    rest = repo.get_story(dam.id)
    assert rest.sources == 2 and not rest.conflict
    assert [r.field for r in repo.story_history(alone.id)] == ["story"]
    merged = repo.merge_stories(dam.id, [alone.id], expected_versions={
        dam.id: rest.version, alone.id: alone.version})
    assert merged.sources == 3 and merged.conflict
    assert repo.get_story(alone.id).event_ids == ()
    assert alone.id not in {s.id for s in repo.list_stories()}  # an empty story is not listed
    before = repo.move_events({monday_event: alone.id}, expected_versions={
        merged.id: merged.version, alone.id: repo.get_story(alone.id).version})
    assert before == {monday_event: dam.id}
    assert repo.get_story(alone.id).event_ids == (monday_event,)


def test_a_stale_story_version_refuses_the_move_and_changes_nothing(repo, dam):
    with pytest.raises(ConflictError) as refused:
        repo.split_event(dam.event_ids[0], expected_version=dam.version + 5)
    assert refused.value.current.id == dam.id
    assert repo.get_story(dam.id).event_ids == dam.event_ids


def test_accepting_a_story_accepts_the_events_of_its_reading(repo, dam):
    changed = repo.accept_story(dam.id, expected_version=dam.version, actor="ana")
    assert sorted(after.id for _, after in changed) == sorted(dam.readings[0].event_ids)
    assert all(after.status is Status.ACCEPTED for _, after in changed)
    monday = repo.get_event(dam.readings[1].event_ids[0])
    assert monday.status is Status.UNREVIEWED
    for before, after in changed:  # undo
        repo.restore(after.id, expected_version=after.version, state=before)
    assert {e.status for e in repo.list_events()} == {Status.UNREVIEWED}


def test_a_split_survives_a_later_ingest_and_new_sources_join(repo, dam):
    monday_event = dam.readings[1].event_ids[0]
    alone = repo.split_event(monday_event, expected_version=dam.version)
    put(repo, "The dam at Velmora collapsed on Sunday, killing two.", "2023-03-09")
    assert repo.get_story(alone.id).event_ids == (monday_event,)
    assert repo.get_story(dam.id).sources == 3


def test_a_corrected_date_takes_the_event_to_the_story_of_that_day(repo, dam):
    monday = repo.get_event(dam.readings[1].event_ids[0])
    corrected = repo.correct(monday.id, expected_version=monday.version,
                             earliest=datetime(2023, 3, 5), latest=datetime(2023, 3, 6),
                             granularity=Granularity.DAY)
    assert corrected.story_id == dam.id
    story = repo.get_story(dam.id)
    assert not story.conflict and story.sources == 3
    moved = repo.correct(monday.id, expected_version=corrected.version,
                         earliest=datetime(2022, 1, 1), latest=datetime(2023, 1, 1),
                         granularity=Granularity.YEAR)
    assert moved.story_id != dam.id
    assert repo.get_story(dam.id).sources == 2


def test_events_stored_before_stories_existed_are_grouped_when_opened(db_url, backend):
    from sqlalchemy import create_engine, text

    with open_repository(db_url) as repo:
        for text_, published in DAM:
            put(repo, text_, published)
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE events SET story_id = NULL"))
    engine.dispose()
    with open_repository(db_url) as repo:
        assert all(event.story_id is not None for event in repo.list_events())
        assert [s.sources for s in repo.list_stories()] == [3]


def test_stories_come_in_chunks_by_id_as_the_whole_listing_gives_them(repo, dam):
    put(repo, "The Harlow bridge reopened on Tuesday.", "2023-05-10")
    put(repo, "The Corrin museum closed on Friday, its director said.", "2023-06-02")
    whole = sorted(repo.list_stories(), key=lambda story: story.id)
    assert len(whole) >= 3
    chunks, after = [], 0
    while chunk := repo.list_stories_after(after, limit=2):
        assert len(chunk) <= 2
        chunks.append(chunk)
        after = chunk[-1].id
    assert [story for chunk in chunks for story in chunk] == whole  # readings and all
    assert repo.list_stories_after(whole[0].id, limit=10) == whole[1:]
