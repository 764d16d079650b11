"""The window filter through the span index (revision 0003), on both backends: the same
events as the exact bounds, and the index in step with corrections."""

from __future__ import annotations

from datetime import datetime, timedelta

from timeline.model import Granularity
from timeline.store.queries import SPAN_INDEX_WIDEST

DAY = datetime(2023, 9, 10)


def in_window(event, start: datetime, end: datetime) -> bool:
    return (event.earliest is not None and event.earliest < end
            and (event.latest is None or event.latest > start))


def test_windows_of_every_width_find_exactly_the_overlapping_events(repo, make_article,
                                                                    make_event):
    events = [
        make_event(DAY, title="a day"),
        make_event(title="an instant", earliest=DAY + timedelta(hours=5),
                   latest=DAY + timedelta(hours=5), granularity=Granularity.HOUR),
        make_event(title="a century", earliest=datetime(1950, 1, 1),
                   latest=datetime(2050, 1, 1), granularity=Granularity.CENTURY),
        make_event(title="after 1990", earliest=datetime(1990, 1, 1), latest=None,
                   granularity=Granularity.HOUR),
        make_event(title="open-ended", earliest=None, latest=None,
                   granularity=Granularity.UNKNOWN),
        make_event(title="ancient", earliest=datetime(200, 3, 1), latest=datetime(200, 3, 2)),
        make_event(title="far ahead", earliest=datetime(9000, 1, 1),
                   latest=datetime(9000, 1, 2)),
        # Ends exactly where the window starts: not in it.
        make_event(DAY - timedelta(days=1), title="the day before"),
    ]
    repo.add_article(make_article(), [], events)
    stored = repo.list_events()
    windows = [(DAY, DAY + timedelta(days=1)),
               (DAY + timedelta(hours=5), DAY + timedelta(hours=5, minutes=1)),
               (DAY + timedelta(hours=4, minutes=59), DAY + timedelta(hours=5)),
               (datetime(200, 3, 1, 12), datetime(200, 3, 1, 13)),
               (datetime(8999, 12, 31), datetime(9000, 1, 1, 0, 0, 1)),
               (DAY, DAY + SPAN_INDEX_WIDEST),
               (DAY - SPAN_INDEX_WIDEST, DAY + timedelta(days=1)),  # wider: no index
               (datetime(1, 1, 1), datetime(9999, 1, 1))]
    for start, end in windows:
        expected = [e.title for e in stored if in_window(e, start, end)]
        assert [e.title for e in repo.list_events(start=start, end=end)] == expected
        assert repo.count_events(start=start, end=end) == len(expected)
    assert "the day before" not in [e.title for e in repo.list_events(
        start=DAY, end=DAY + timedelta(days=1))]


def test_a_corrected_date_moves_the_event_between_windows(repo, make_article, make_event):
    repo.add_article(make_article(), [], [make_event(DAY, title="moved"),
                                          make_event(DAY, title="stays")])
    moved = next(e for e in repo.list_events() if e.title == "moved")
    new_day = datetime(2011, 3, 11)
    repo.correct(moved.id, expected_version=moved.version, earliest=new_day,
                 latest=new_day + timedelta(days=1), granularity=Granularity.DAY)
    assert [e.title for e in repo.list_events(start=DAY, end=DAY + timedelta(days=1))] == [
        "stays"]
    assert [e.title for e in repo.list_events(
        start=new_day + timedelta(hours=3), end=new_day + timedelta(hours=4))] == ["moved"]
