"""J / K walk: next unreviewed in time order or lowest confidence first, previous."""

from ui.state.navigation import CONFIDENCE_ORDER, TIME_ORDER, next_unreviewed, previous, review_order

IDS = [10, 11, 12, 13]
CONFIDENCE = {10: 0.9, 11: 0.3, 12: 0.6, 13: 0.3}


def test_time_order_keeps_the_listing():
    assert review_order(IDS, CONFIDENCE, TIME_ORDER) == IDS


def test_confidence_order_is_lowest_first_ties_in_time_order():
    assert review_order(IDS, CONFIDENCE, CONFIDENCE_ORDER) == [11, 13, 12, 10]


def test_next_unreviewed_skips_reviewed_and_wraps():
    unreviewed = {10, 12}
    assert next_unreviewed(IDS, unreviewed, None) == 10
    assert next_unreviewed(IDS, unreviewed, 10) == 12
    assert next_unreviewed(IDS, unreviewed, 12) == 10
    assert next_unreviewed(IDS, set(), 12) is None


def test_previous_stops_at_the_start():
    assert previous(IDS, 12) == 11
    assert previous(IDS, 10) is None
    assert previous(IDS, None) == 13
