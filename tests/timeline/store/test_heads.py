"""The window's listing reads (timeline.store.heads) on SQLite and PostgreSQL: heads in
id-ordered chunks without texts, a filter's ids in the listing's order, the earliest
bound at given ranks, and articles without their text."""

from __future__ import annotations

from datetime import datetime, timedelta

from timeline.model import Status


def _store(repo, make_article, make_event, days: int = 12) -> list[int]:
    first = datetime(2023, 9, 1)
    # Stored out of time order, so id order and time order differ.
    events = [make_event(day=first + timedelta(days=(i * 5) % days), title=f"Event {i}")
              for i in range(days)]
    repo.add_article(make_article(), [], events)
    return [event.id for event in repo.list_events()]


def test_heads_come_in_id_chunks_and_carry_no_text(repo, make_article, make_event):
    in_time_order = _store(repo, make_article, make_event)
    first = repo.list_event_heads(limit=5)
    rest = repo.list_event_heads(after_id=first[-1].id)
    ids = [head.id for head in first + rest]
    assert len(first) == 5 and ids == sorted(ids) and sorted(ids) == sorted(in_time_order)
    head = first[0]
    assert not hasattr(head, "description") and not hasattr(head, "explanation")
    event = repo.get_event(head.id)
    assert (head.title, head.earliest, head.latest, head.status, head.granularity) == (
        event.title, event.earliest, event.latest, event.status, event.granularity)


def test_heads_and_ids_honour_the_filters(repo, make_article, make_event):
    in_time_order = _store(repo, make_article, make_event)
    window = dict(start=datetime(2023, 9, 3), end=datetime(2023, 9, 6))
    expected = [event.id for event in repo.list_events(**window)]
    assert 0 < len(expected) < len(in_time_order)
    assert repo.list_event_ids(**window) == expected
    assert sorted(head.id for head in repo.list_event_heads(**window)) == sorted(expected)
    assert repo.list_event_ids() == in_time_order
    repo.reject(in_time_order[0], expected_version=1)
    assert repo.list_event_ids(statuses=[Status.REJECTED]) == [in_time_order[0]]


def test_earliest_at_ranks_counts_first(repo, make_article, make_event):
    _store(repo, make_article, make_event)
    earliest = sorted(event.earliest for event in repo.list_events())
    seen = []

    def ranks(count: int) -> list[int]:
        seen.append(count)
        return [0, count // 2, count + 3]

    assert repo.earliest_at_ranks(ranks) == [earliest[0], earliest[len(earliest) // 2], None]
    assert seen == [len(earliest)]


def test_article_heads_leave_the_text_out(repo, make_article):
    stored = repo.add_article(make_article(title="A title", outlet="Wire"), [], []).article_id
    (head,) = repo.list_article_heads()
    assert (head.id, head.title, head.outlet, head.text) == (stored, "A title", "Wire", "")
    assert repo.get_article(stored).text  # the text is still there, read on demand
