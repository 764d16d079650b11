"""The window filter through the span index (revision 0003), on both backends: the same
events as the exact bounds, and the index in step with corrections."""

from __future__ import annotations

from datetime import datetime, timedelta

from timeline.model import Granularity, Status
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


def _reach_events(make_event) -> list:
    # Lengths on each side of every reach class's edge (2^k days), an instant, a span
    # longer than the widest class and one with no end: the index sorts them by class.
    events = [make_event(title="instant", earliest=DAY, latest=DAY,
                         granularity=Granularity.MINUTE),
              make_event(title="no end", earliest=datetime(1990, 1, 1), latest=None,
                         granularity=Granularity.HOUR),
              make_event(title="ages", earliest=datetime(1700, 1, 1),
                         latest=datetime(2100, 1, 1), granularity=Granularity.CENTURY)]
    for k in range(0, 17, 3):
        for extra in (timedelta(0), timedelta(seconds=1)):
            length = timedelta(days=2 ** k) + extra
            # Ends just after DAY starts (in a window from DAY) and just before it.
            for end in (DAY + timedelta(seconds=1), DAY):
                events.append(make_event(title=f"{k}{'+' if extra else ''} to {end}",
                                         earliest=end - length, latest=end,
                                         granularity=Granularity.DAY))
    return events


def test_ids_and_counts_by_reach_class_are_exactly_the_overlapping_events(
        repo, make_article, make_event):
    repo.add_article(make_article(), [], _reach_events(make_event))
    stored = repo.list_events()
    accepted = stored[::2]
    for event in accepted:
        repo.accept(event.id, expected_version=event.version)
    accepted_ids = {event.id for event in accepted}
    windows = [(DAY, DAY + timedelta(days=1)), (DAY - timedelta(days=3), DAY),
               (DAY + timedelta(seconds=1), DAY + timedelta(seconds=2)),
               (datetime(1899, 6, 1), datetime(1899, 6, 2)),
               (DAY - timedelta(days=40_000), DAY - timedelta(days=39_999)),
               (DAY, DAY + SPAN_INDEX_WIDEST)]
    for start, end in windows:
        expected = [e for e in stored if in_window(e, start, end)]
        assert repo.list_event_ids(start=start, end=end) == [e.id for e in expected]
        assert repo.count_events(start=start, end=end) == len(expected)
        assert repo.list_event_ids(start=start, end=end, statuses=[Status.ACCEPTED]) == [
            e.id for e in expected if e.id in accepted_ids]
        assert repo.count_events(start=start, end=end, statuses=[Status.UNREVIEWED]) == len(
            [e for e in expected if e.id not in accepted_ids])
    assert repo.count_events(start=DAY, end=DAY + timedelta(days=1)) > 10
