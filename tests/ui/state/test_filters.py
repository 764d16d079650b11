"""Filters become store query arguments and survive a round trip through settings."""

from datetime import datetime

from timeline.model import Granularity, Status
from ui.state.filters import EventFilter


def test_empty_filter_asks_for_everything():
    assert EventFilter().query_kwargs() == {
        "statuses": None, "article_ids": None, "text": None,
        "start": None, "end": None, "min_confidence": None, "min_precision": None,
    }


def test_round_trip_through_settings():
    event_filter = EventFilter(statuses=frozenset({Status.UNREVIEWED, Status.CORRECTED}),
                               article_ids=frozenset({3, 1}), text="Kim",
                               start=datetime(2023, 9, 1), end=datetime(2023, 10, 1),
                               min_confidence=0.4, min_precision=Granularity.DAY)
    assert EventFilter.from_settings(event_filter.to_settings()) == event_filter


def test_unreadable_saved_values_fall_back_to_all():
    saved = {"statuses": "bogus", "article_ids": "x,2", "start": "not a date",
             "min_confidence": "high", "min_precision": "fortnight"}
    assert EventFilter.from_settings(saved) == EventFilter(article_ids=frozenset({2}))
