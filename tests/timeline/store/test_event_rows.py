"""Listed events are whole Events: the bulk conversion of rows (queries.fetch_events)
gives the same values and types as the dataclass made by hand, on every backend."""

from __future__ import annotations

import dataclasses
import gc
import sqlite3
from contextlib import closing
from datetime import datetime

import pytest

from timeline.model import Event, Granularity, Status
from timeline.store import StoreError, open_repository


def test_a_listed_event_equals_the_stored_one_field_for_field_with_the_model_types(
        repo, make_article, make_event):
    stored = make_event(
        earliest=datetime(2023, 9, 10, 14, 30, 5, 123456), latest=datetime(2023, 9, 10, 14, 31),
        granularity=Granularity.MINUTE, inferred=True, open_ended=False, mod="APPROX",
        note="checked", status=Status.ACCEPTED, version=3,
        reviewed_at=datetime(2023, 9, 14, 10, 0, 0, 7))
    article_id = repo.add_article(make_article(), [], [stored]).article_id

    [listed] = repo.list_events()

    expected = dataclasses.replace(stored, id=listed.id, article_id=article_id,
                                   story_id=listed.story_id)
    assert listed == expected and hash(listed) == hash(expected)
    assert repr(listed) == repr(expected)
    assert type(listed) is Event
    assert type(listed.inferred) is bool and listed.inferred is True
    assert type(listed.open_ended) is bool and listed.open_ended is False
    assert type(listed.earliest) is datetime and listed.earliest.microsecond == 123456
    assert type(listed.reviewed_at) is datetime
    assert listed.granularity is Granularity.MINUTE and listed.status is Status.ACCEPTED
    assert type(listed.confidence) is float and type(listed.version) is int
    # Still frozen, and copies like any other Event.
    with pytest.raises(dataclasses.FrozenInstanceError):
        listed.title = "changed"  # type: ignore[misc]
    assert dataclasses.replace(listed, title="changed").title == "changed"
    assert repo.get_events([listed.id]) == [listed]


def test_many_events_in_several_fetches_keep_the_time_order_and_every_value(
        repo, make_article, make_event):
    # More than one fetch of rows (ROWS_PER_FETCH), with open-ended ones among them.
    made = []
    for number in range(2345):
        if number % 100 == 7:
            made.append(make_event(title=f"open {number}", earliest=None, latest=None,
                                   granularity=Granularity.UNKNOWN, open_ended=True))
        else:
            day = datetime(2020, 1, 1).replace(day=1 + number % 28, month=1 + number % 12)
            made.append(make_event(day, title=f"event {number}", confidence=number / 2345))
    repo.add_article(make_article(), [], made)

    listed = repo.list_events()

    assert len(listed) == len(made)
    assert sorted(event.title for event in listed) == sorted(event.title for event in made)
    dated = [event for event in listed if event.earliest is not None]
    assert [event for event in listed if event.earliest is None] == listed[len(dated):]
    assert dated == sorted(dated, key=lambda event: (event.earliest, event.latest, event.id))
    by_title = {event.title: event for event in made}
    for event in listed:
        assert dataclasses.replace(event, id=None, article_id=None, story_id=None) == by_title[event.title]


def test_listing_leaves_the_garbage_collector_as_it_found_it(repo, make_article, make_event):
    repo.add_article(make_article(), [], [make_event()])
    assert gc.isenabled()
    assert len(repo.list_events()) == 1
    assert gc.isenabled()
    gc.disable()
    try:
        assert len(repo.list_events()) == 1
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize("column, value", [("earliest", "2023-00-05 00:00:00.000000"),
                                           ("granularity", "fortnight")])
def test_an_unreadable_stored_value_is_a_store_error_and_the_collector_runs_again(
        tmp_path, make_article, make_event, column, value):
    path = tmp_path / "damaged.sqlite3"
    with open_repository(str(path)) as repository:
        repository.add_article(make_article(), [], [make_event()])
    # A value no event can be made of, as a damaged or hand-edited file might hold.
    with closing(sqlite3.connect(path)) as connection, connection:
        connection.execute(f"UPDATE events SET {column} = ?", (value,))
    with open_repository(str(path)) as repository:
        with pytest.raises(StoreError, match="database read failed: .*unreadable value"):
            repository.list_events()
    assert gc.isenabled()


def test_a_long_list_is_settled_in_the_oldest_generation_and_nothing_stays_frozen(
        repo, make_article, make_event):
    from timeline.store.queries import LONG_LIST

    repo.add_article(make_article(), [], [make_event(title=f"event {number}")
                                          for number in range(LONG_LIST)])
    listed = repo.list_events()
    assert len(listed) == LONG_LIST
    assert gc.get_freeze_count() == 0 and gc.isenabled()
    # Settled: the young generations hold none of the events any more.
    young = {id(item) for generation in (0, 1) for item in gc.get_objects(generation)}
    assert not any(id(event) in young for event in listed)
    old = {id(item) for item in gc.get_objects(2)}
    assert all(id(event) in old for event in listed)
    # Objects the program froze itself stay frozen.
    kept_frozen = [object()]
    gc.freeze()
    try:
        assert len(repo.list_events()) == LONG_LIST
        assert gc.get_freeze_count() > 0
        assert all(item is not kept_frozen for item in gc.get_objects())
    finally:
        gc.unfreeze()
