"""Events read as columns of plain values (timeline.store.field_reads) on SQLite and
PostgreSQL: the same values as list_events' Events, in its order, batch by batch, with
the story's source count joined in."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from timeline.model import Granularity, Status
from timeline.store.convert import EVENT_COLUMNS
from timeline.store.field_reads import STORY_SOURCES


def test_field_batches_hold_list_events_values_in_its_order(repo, make_article, make_event):
    first = datetime(2023, 9, 1)
    for article_number in range(2):
        repo.add_article(make_article(), [], [
            make_event(day=first + timedelta(days=(i * 5 + article_number) % 9),
                       title=f"Event {article_number}-{i}") for i in range(9)])
    listed = repo.list_events()
    repo.reject(listed[0].id, expected_version=listed[0].version)
    listed = repo.list_events()
    names = [*EVENT_COLUMNS, STORY_SOURCES]
    batches = list(repo.event_field_batches(names, 4))
    assert [len(batch["id"]) for batch in batches] == [4, 4, 4, 4, 2]
    rows = [dict(zip(names, values, strict=True)) for batch in batches
            for values in zip(*(batch[name] for name in names), strict=True)]
    assert [row["id"] for row in rows] == [event.id for event in listed]
    for row, event in zip(rows, listed, strict=True):
        assert all(row[name] == getattr(event, name) for name in EVENT_COLUMNS), event.id
    assert rows[0]["status"] is Status.REJECTED and isinstance(rows[0]["granularity"],
                                                                 Granularity)
    assert isinstance(rows[0]["inferred"], bool) and isinstance(rows[0]["earliest"], datetime)
    sources = repo.story_sources(event.story_id for event in listed)
    assert [row[STORY_SOURCES] for row in rows] == [sources.get(e.story_id) for e in listed]


def test_field_batches_honour_the_filters_and_refuse_unknown_fields(repo, make_article,
                                                                    make_event):
    first = datetime(2023, 9, 1)
    repo.add_article(make_article(), [], [make_event(day=first + timedelta(days=i))
                                          for i in range(10)])
    window = {"start": datetime(2023, 9, 3), "end": datetime(2023, 9, 6)}
    expected = [event.id for event in repo.list_events(**window)]
    found = [event_id for batch in repo.event_field_batches(["id"], 2, **window)
             for event_id in batch["id"]]
    assert found == expected and 0 < len(found) < 10
    with pytest.raises(KeyError, match="text"):
        list(repo.event_field_batches(["id", "text"]))
