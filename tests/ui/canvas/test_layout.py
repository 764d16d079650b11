"""Lanes and rows without a window: no overlap within a row, as few rows as the busiest
moment needs, the same layout whatever the input order, and clusters that match a plain
one-by-one grouping at every zoom."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ui.canvas.data import CanvasEvent
from ui.canvas.layout import BAR_PX, GAP_PX, build_layout
from ui.canvas.relayout import replace_event, update_in_layout

BASE = datetime(1960, 1, 1)


def event(event_id: int, start_hours: float, length_hours: float, group: str = "A", status: str = "unreviewed",
          granularity: str = "hour") -> CanvasEvent:
    start = BASE + timedelta(hours=start_hours)
    return CanvasEvent(event_id, start, start + timedelta(hours=length_hours), granularity, status,
                       f"event {event_id}", group)


spans = st.lists(
    st.tuples(st.integers(0, 2000), st.integers(0, 300), st.sampled_from("ABC")), min_size=1, max_size=80
)


def as_events(raw) -> list[CanvasEvent]:
    return [event(i + 1, start, length, group) for i, (start, length, group) in enumerate(raw)]


@settings(max_examples=150, deadline=None)
@given(spans)
def test_no_two_events_in_a_row_overlap(raw):
    layout = build_layout(as_events(raw))
    placed = 0
    for row in layout.rows:
        placed += len(row.members)
        for i in range(len(row.starts) - 1):
            assert row.ends[i] <= row.starts[i + 1]
            assert row.starts[i] < row.starts[i + 1] or row.ends[i] < row.ends[i + 1]
    assert placed == len(raw)


@settings(max_examples=150, deadline=None)
@given(spans)
def test_rows_are_as_few_as_the_busiest_moment_needs(raw):
    events = as_events(raw)
    layout = build_layout(events)
    for lane in layout.lanes:
        mine = [(e.start, max(e.end, e.start + timedelta(microseconds=1))) for e in events if e.group == lane.name]
        busiest = max(sum(1 for s, e in mine if s <= moment < e) for moment, _ in mine)
        assert lane.row_count == busiest


@settings(max_examples=60, deadline=None)
@given(spans, st.randoms(use_true_random=False))
def test_layout_does_not_depend_on_input_order(raw, rng):
    events = as_events(raw)
    shuffled = events[:]
    rng.shuffle(shuffled)
    first, second = build_layout(events), build_layout(shuffled)
    assert first.place_of_id == second.place_of_id
    assert [lane.name for lane in first.lanes] == [lane.name for lane in second.lanes]


def test_lanes_follow_their_first_event_with_a_header_line_each():
    events = [event(1, 50, 1, "late"), event(2, 10, 1, "early"), event(3, 10, 5, "early"), event(4, 12, 1, "early")]
    layout = build_layout(events)
    assert [(lane.name, lane.header_line, lane.row_count, lane.event_count) for lane in layout.lanes] == [
        ("early", 0, 2, 3), ("late", 3, 1, 1),
    ]
    assert layout.line_count == 5
    assert layout.row_at_line(0) is None  # a header
    assert layout.row_at_line(1) == 0 and layout.row_at_line(2) == 1
    assert layout.row_at_line(3) is None and layout.row_at_line(4) == 2
    assert layout.row_at_line(5) is None


def test_hide_rejected_leaves_them_out():
    events = [event(1, 0, 1, status="rejected"), event(2, 5, 1), event(3, 9, 1, status="accepted")]
    layout = build_layout(events, hide_rejected=True)
    assert sorted(layout.place_of_id) == [2, 3]
    assert sorted(build_layout(events).place_of_id) == [1, 2, 3]


def reference_clusters(row, px_per_day):
    """Group a row's events one by one: the next joins when both are narrow and close."""
    groups = [[0]]
    for i in range(1, len(row.starts)):
        gap = (row.starts[i] - row.ends[i - 1]) * px_per_day
        narrow = (row.ends[i - 1] - row.starts[i - 1]) * px_per_day < BAR_PX and (
            row.ends[i] - row.starts[i]) * px_per_day < BAR_PX
        if gap < GAP_PX and narrow:
            groups[-1].append(i)
        else:
            groups.append([i])
    return [(g[0], g[-1]) for g in groups]


def test_clusters_match_one_by_one_grouping_at_every_zoom_and_window():
    rng = random.Random(5)
    events = []
    hour = 0.0
    for number in range(3000):
        # Bursts of close events with quiet stretches between, some long ones.
        hour += rng.choice([0.02, 0.1, 0.5, 1, 3, 24, 200])
        length = rng.choice([0.01, 0.5, 1, 24, 400])
        events.append(event(number + 1, hour, length))
    layout = build_layout(events)
    for row in layout.rows:
        for px_per_day in (0.01, 0.3, 2, 20, 150, 2000, 50000):
            expected = reference_clusters(row, px_per_day)
            assert row.runs(row.starts[0] - 1, row.ends[-1] + 1, px_per_day) == expected
            for _ in range(5):
                t_start = rng.uniform(row.starts[0], row.ends[-1])
                t_end = t_start + rng.choice([0.1, 2, 50, 1000])
                reaching = [(a, b) for a, b in expected if row.ends[b] > t_start and row.starts[a] < t_end]
                assert row.runs(t_start, t_end, px_per_day) == reaching


def test_adjacent_days_merge_far_out_and_split_close_in():
    events = [event(i + 1, 24 * i, 24, granularity="day") for i in range(6)]
    row = build_layout(events).rows[0]
    assert row.runs(row.starts[0], row.ends[-1], 1.0) == [(0, 5)]
    assert row.runs(row.starts[0], row.ends[-1], 40.0) == [(i, i) for i in range(6)]


def layout_summary(layout):
    """Everything the painter reads, in comparable form."""
    return (
        [(lane.name, lane.header_line, lane.first_row, lane.row_count, lane.event_count) for lane in layout.lanes],
        [(row.line, row.starts, row.ends, row.members, row.separate_at) for row in layout.rows],
        layout.place_of_id, layout.line_count, layout.sorted_starts, layout.t_min, layout.t_max,
        layout.kinds, layout.statuses, [ev.id for ev in layout.events],
    )


@settings(max_examples=80, deadline=None)
@given(spans, st.lists(st.tuples(st.integers(0, 79), st.integers(0, 2000), st.integers(0, 300),
                                 st.sampled_from("ABCD"), st.sampled_from(["accepted", "rejected"])),
                       min_size=1, max_size=12),
       st.booleans())
def test_replacing_one_event_gives_the_layout_a_full_build_gives(raw, changes, hide_rejected):
    events = as_events(raw)
    layout = build_layout(events, hide_rejected)
    for position, start, length, group, status in changes:
        current = [ev for ev in events if not (hide_rejected and ev.status == "rejected")]
        target = current[position % len(current)] if current else None
        if target is None:
            break
        changed = event(target.id, start, length, group, status)
        events = [changed if ev.id == target.id else ev for ev in events]
        if not replace_event(layout, changed):
            layout = build_layout(events, hide_rejected)
        assert layout_summary(layout) == layout_summary(build_layout(events, hide_rejected))


def test_an_open_ended_event_takes_the_instant_of_its_bound_in_its_row():
    after = CanvasEvent(1, BASE, BASE, "day", "accepted", "after the forum", "A", open_side="after")
    # An open "before" event's start is not read: only its end places it.
    before = CanvasEvent(2, BASE - timedelta(days=999), BASE + timedelta(hours=30), "day", "accepted",
                         "before the vote", "A", open_side="before")
    closed = event(3, 10, 10)  # 10:00-20:00 on BASE's day
    layout = build_layout([after, before, closed])
    spans = {layout.events[m].id: (row.starts[p], row.ends[p])
             for row in layout.rows for p, m in enumerate(row.members)}
    assert spans[1][0] == spans[1][1] and spans[2][0] == spans[2][1]
    assert spans[2][0] - spans[1][0] == pytest.approx(30 / 24)
    assert layout.t_min == spans[1][0]  # the open "before" does not stretch the span back


def test_replacing_an_event_by_an_open_ended_one_and_back_matches_a_full_build():
    events = as_events([(0, 5, "A"), (3, 5, "A"), (40, 2, "B"), (41, 1, "A")])
    layout = build_layout(events)
    opened = CanvasEvent(2, BASE + timedelta(hours=60), BASE, "hour", "accepted", "event 2", "B", open_side="after")
    events = [opened if ev.id == 2 else ev for ev in events]
    assert replace_event(layout, opened)
    assert layout_summary(layout) == layout_summary(build_layout(events))
    closed = event(2, 1, 3, "A")
    events = [closed if ev.id == 2 else ev for ev in events]
    assert replace_event(layout, closed)
    assert layout_summary(layout) == layout_summary(build_layout(events))


@settings(max_examples=80, deadline=None)
@given(spans, st.lists(st.tuples(st.integers(0, 79), st.integers(0, 2000), st.integers(0, 300),
                                 st.sampled_from("ABCD"), st.sampled_from(["accepted", "rejected", "corrected"]),
                                 st.booleans()),
                       min_size=1, max_size=12))
def test_updates_keep_both_hide_settings_equal_to_full_builds(raw, changes):
    events = as_events(raw)
    layouts = {hide: build_layout(events, hide) for hide in (False, True)}
    for position, start, length, group, status, retitle_only in changes:
        old = events[position % len(events)]
        if retitle_only:  # the same stretch and lane: a status or title change
            changed = CanvasEvent(old.id, old.start, old.end, old.granularity, status, "new title", old.group)
        else:
            changed = event(old.id, start, length, group, status)
        events = [changed if ev.id == old.id else ev for ev in events]
        def kept_index(event_id=old.id):
            kept = [ev.id for ev in events if ev.status != "rejected" or ev.id == event_id]
            return kept.index(event_id)

        for hide in (False, True):
            if not update_in_layout(layouts[hide], old, changed, kept_index):
                layouts[hide] = build_layout(events, hide)
            full = build_layout(events, hide)
            assert layout_summary(layouts[hide]) == layout_summary(full)
            assert layouts[hide].events == full.events  # titles and statuses too


def test_rejecting_while_rejected_are_hidden_restacks_one_lane_to_what_a_full_build_gives():
    events = as_events([(0, 5, "A"), (2, 5, "A"), (3, 5, "A"), (40, 2, "B"), (41, 1, "A"), (50, 3, "B")])
    layout = build_layout(events, hide_rejected=True)
    untouched_lane_row = layout.rows[layout.place_of_id[4][0]]
    rejected = event(2, 2, 5, "A", "rejected")
    assert update_in_layout(layout, events[1], rejected)
    events[1] = rejected
    full = build_layout(events, hide_rejected=True)
    assert 2 not in layout.place_of_id
    assert layout_summary(layout) == layout_summary(full) and layout.events == full.events
    assert layout.rows[layout.place_of_id[4][0]] is untouched_lane_row  # lane B was not restacked


def test_un_rejecting_while_rejected_are_hidden_lays_out_one_lane_to_what_a_full_build_gives():
    events = as_events([(0, 5, "A"), (2, 5, "A"), (40, 2, "B"), (41, 1, "A")])
    events[1] = event(2, 2, 5, "A", "rejected")
    events.append(event(5, 60, 2, "C", "rejected"))  # alone in its lane
    layout = build_layout(events, hide_rejected=True)
    untouched_lane_row = layout.rows[layout.place_of_id[3][0]]
    for position, shown in ((1, event(2, 2, 5, "A", "accepted")), (4, event(5, 60, 2, "C", "corrected"))):
        old = events[position]
        events[position] = shown
        kept = [ev.id for ev in events if ev.status != "rejected"]
        assert update_in_layout(layout, old, shown, lambda: kept.index(shown.id))
        full = build_layout(events, hide_rejected=True)
        assert layout_summary(layout) == layout_summary(full) and layout.events == full.events
    assert [lane.name for lane in layout.lanes] == ["A", "B", "C"]
    assert layout.rows[layout.place_of_id[3][0]] is untouched_lane_row  # lane B was not restacked
    # And hidden again, down to no lane C.
    assert update_in_layout(layout, events[4], event(5, 60, 2, "C", "rejected"))
    events[4] = event(5, 60, 2, "C", "rejected")
    assert layout_summary(layout) == layout_summary(build_layout(events, hide_rejected=True))


def test_moving_the_last_event_of_a_lane_to_a_new_lane_restacks_without_a_full_build():
    events = as_events([(0, 5, "A"), (2, 5, "A"), (9, 1, "B")])
    layout = build_layout(events)
    moved = event(3, 9, 1, "C")
    assert replace_event(layout, moved)  # lane B goes, lane C comes
    events[2] = moved
    assert [lane.name for lane in layout.lanes] == ["A", "C"]
    assert layout_summary(layout) == layout_summary(build_layout(events))


def test_an_extent_made_beforehand_is_what_the_layout_gives():
    from ui.canvas.focus import dense_days
    from ui.canvas.layout import with_extent

    events = as_events([(0, 5, "A"), (3, 5, "A"), (40, 2, "B"), (41, 1, "A"), (900, 3, "B")])
    layout = with_extent(build_layout(events))
    assert layout.extent is not None
    ends, dense = layout.extent
    assert list(ends) == sorted(end for row in layout.rows for end in row.ends)
    assert dense == dense_days(layout.sorted_starts, ((r.starts, r.ends) for r in layout.rows))
    # Changed in place, the layout's extent is no longer what it was made for.
    changed = CanvasEvent(3, BASE + timedelta(hours=500), BASE + timedelta(hours=501), "hour",
                          "accepted", "event 3", "B")
    update_in_layout(layout, events[2], changed)
    assert layout.extent is None


def test_a_layout_holds_its_numbers_in_arrays_and_edits_keep_them_so():
    from array import array

    from ui.canvas.relayout import hide_event

    events = as_events([(0, 5, "A"), (3, 5, "A"), (40, 2, "B"), (41, 1, "A"), (900, 3, "B")])
    events[1] = CanvasEvent(2, events[1].start, events[1].end, "hour", "rejected", "event 2", "A")
    layout = build_layout(events, hide_rejected=False)
    for row in layout.rows:
        for numbers, code in ((row.starts, "d"), (row.ends, "d"), (row.members, "q"),
                              (row.separate_at, "d"), (row.breaks_by_zoom, "q"),
                              (row.zoom_of_break, "d")):
            assert isinstance(numbers, array) and numbers.typecode == code
    assert isinstance(layout.sorted_starts, array)
    # Every event placed; taking one out restacks to what a build without it gives.
    assert sorted(layout.place_of_id) == [1, 2, 3, 4, 5]
    hidden = build_layout(events, hide_rejected=True)
    assert hide_event(layout, 2)
    assert all(isinstance(row.members, array) for row in layout.rows)
    assert layout_summary(layout) == layout_summary(hidden)
