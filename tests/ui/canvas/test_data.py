"""The canvas's own event data without a window: how an event is drawn (its kind) and
its date as a person reads it, open-ended events included."""

from __future__ import annotations

from datetime import datetime

import pytest

from ui.canvas.data import (
    KIND_FINE, KIND_INTERVAL, KIND_OPEN_AFTER, KIND_OPEN_BEFORE, KIND_UNCERTAIN, CanvasEvent, bounds, event_kind,
    human_date,
)


def event(start: datetime, end: datetime, granularity: str, **extra) -> CanvasEvent:
    return CanvasEvent(1, start, end, granularity, "accepted", "Summit", "Article", **extra)


@pytest.mark.parametrize("start, end, granularity, kind, shown", [
    (datetime(2019, 1, 1), datetime(2020, 1, 1), "year", KIND_UNCERTAIN, "2019"),
    (datetime(2023, 9, 12), datetime(2023, 9, 13), "day", KIND_FINE, "Tue 12 Sep 2023"),
    (datetime(2023, 9, 12), datetime(2023, 9, 12, 12), "part_of_day", KIND_FINE, "Tue 12 Sep 2023, 00:00–12:00"),
    (datetime(2023, 7, 1), datetime(2023, 10, 1), "quarter", KIND_UNCERTAIN, "Jul–Sep 2023"),
    (datetime(2023, 9, 11), datetime(2023, 9, 18), "week", KIND_UNCERTAIN, "week of Mon 11 Sep 2023"),
    (datetime(2023, 9, 12, 9), datetime(2023, 9, 12, 10), "hour", KIND_FINE, "Tue 12 Sep 2023 09:00"),
    (datetime(2023, 3, 1), datetime(2023, 6, 1), "month", KIND_INTERVAL, "Mar 2023 – May 2023"),
    (datetime(1900, 1, 1), datetime(2000, 1, 1), "century", KIND_UNCERTAIN, "1900s"),
    (datetime(856, 3, 1), datetime(856, 3, 2), "day", KIND_FINE, "Wed 1 Mar 856"),
])
def test_kind_and_date_as_a_person_reads_it(start, end, granularity, kind, shown):
    ev = event(start, end, granularity)
    assert event_kind(ev) == kind
    assert human_date(ev) == shown


def test_an_open_ended_event_is_its_one_bound_and_says_it_is_open():
    after = event(datetime(2023, 9, 13), datetime(2023, 9, 13), "day", open_side="after")
    before = event(datetime(1970, 1, 1), datetime(2023, 9, 10), "day", open_side="before")
    assert event_kind(after) == KIND_OPEN_AFTER and event_kind(before) == KIND_OPEN_BEFORE
    assert bounds(after) == (datetime(2023, 9, 13), datetime(2023, 9, 13))
    assert bounds(before) == (datetime(2023, 9, 10), datetime(2023, 9, 10))  # its start is not read
    assert human_date(after) == "open-ended: after Wed 13 Sep 2023"
    assert human_date(before) == "open-ended: before Sun 10 Sep 2023"


def test_the_callers_wording_of_the_date_wins():
    ev = event(datetime(2023, 9, 13), datetime(2023, 9, 13), "day", open_side="after",
               date_display="open-ended (after Tue 12 Sep 2023)")
    assert human_date(ev) == "open-ended (after Tue 12 Sep 2023)"
