"""Keeping a layout in step with one changed event without laying out everything again.

An analyst who corrects a date changes one event; only its old and new lanes need their
rows stacked again (a few thousand events at most), the other lanes just move up or down.
The same holds when rejected events are hidden and one is rejected (it leaves its lane)
or shown again (it joins one). The result is the layout ``build_layout`` would give
(property-tested), in a fraction of the time.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, insort
from collections.abc import Callable

from .data import STATUS_CODE, CanvasEvent, bounds
from .layout import CanvasLayout, Lane, Row, span_and_kind, stack_rows


def _span(event: CanvasEvent, index: int) -> tuple[float, float, int, int]:
    start, end, _kind = span_and_kind(event)
    return start, end, event.id, index


def update_in_layout(layout: CanvasLayout, old: CanvasEvent | None, event: CanvasEvent,
                     kept_index: Callable[[], int] | None = None) -> bool:
    """Put the changed ``event`` into ``layout``, which was laid out with ``old`` (None: a
    new id): in place when its stretch and lane stay, else by restacking the lanes it
    leaves and joins. ``kept_index`` tells, when asked, how many events not hidden come
    before it in the caller's order (needed to show a hidden event again). Return False,
    changing nothing, when only a full ``build_layout`` will do."""
    layout.extent = None  # made for the layout as it was: the canvas makes it again
    hiding = layout.hide_rejected
    if hiding and event.status == "rejected":
        if old is not None and old.status == "rejected":
            return True  # hidden before and after: nothing drawn changes
        return hide_event(layout, event.id)
    if hiding and old is not None and old.status == "rejected":
        return kept_index is not None and show_event(layout, event, kept_index())
    place = layout.place_of_id.get(event.id)
    stays = (
        old is not None and place is not None and bounds(old) == bounds(event)
        and (old.group, old.open_side) == (event.group, event.open_side)
    )
    if not stays or place is None:  # place is known when it stays
        return replace_event(layout, event)
    index = layout.rows[place[0]].members[place[1]]
    layout.events[index] = event
    layout.statuses[index] = STATUS_CODE.get(event.status, 0)
    layout.kinds[index] = span_and_kind(event)[2]
    return True


def hide_event(layout: CanvasLayout, event_id: int) -> bool:
    """Take the event ``event_id`` out of ``layout`` (it has just been rejected while
    rejected events are hidden), restacking only its lane from the times the layout
    holds (its lane goes when it was the last there). Return False, changing nothing,
    when the id is not laid out or it is the only event."""
    place = layout.place_of_id.get(event_id)
    if place is None:
        return False
    index = layout.rows[place[0]].members[place[1]]
    name = layout.events[index].group
    lane = next(lane for lane in layout.lanes if lane.name == name)
    if len(layout.events) == 1:
        return False  # nothing would be left: a full build of nothing is as quick
    old_start = layout.rows[place[0]].starts[place[1]]
    lane_rows = layout.rows[lane.first_row:lane.first_row + lane.row_count]
    # Every later event moves down one index, as in a build without this one.
    spans = sorted(
        (row.starts[p], row.ends[p], layout.events[member].id, member - (member > index))
        for row in lane_rows for p, member in enumerate(row.members) if member != index
    )
    del layout.events[index], layout.kinds[index], layout.statuses[index]
    del layout.place_of_id[event_id]
    for row in layout.rows:
        if row.members and max(row.members) > index:
            row.members = array("q", [member - (member > index) for member in row.members])
    rows_of = {
        lane.name: layout.rows[lane.first_row : lane.first_row + lane.row_count]
        for lane in layout.lanes
    }
    counts = {lane.name: lane.event_count for lane in layout.lanes}
    if spans:
        rows_of[name], counts[name] = stack_rows(spans), len(spans)
    else:  # its lane goes with it
        del rows_of[name], counts[name]
    _place_lanes(layout, rows_of, counts)
    starts = layout.sorted_starts
    del starts[bisect_left(starts, old_start)]
    layout.t_min = starts[0]
    layout.t_max = max(row.ends[-1] for row in layout.rows)
    return True


def show_event(layout: CanvasLayout, event: CanvasEvent, index: int) -> bool:
    """Lay out ``event``, hidden until now (it was rejected while rejected events are
    hidden), as ``layout.events[index]``, restacking only its lane (made if new). Return
    False, changing nothing, when its id is laid out already or ``index`` is out of range."""
    if event.id in layout.place_of_id or not 0 <= index <= len(layout.events):
        return False
    # Every event from ``index`` on moves up one index, as in a build with this one.
    for row in layout.rows:
        if row.members and max(row.members) >= index:
            row.members = array("q", [member + (member >= index) for member in row.members])
    new_span = _span(event, index)
    layout.events.insert(index, event)
    layout.kinds.insert(index, span_and_kind(event)[2])
    layout.statuses.insert(index, STATUS_CODE.get(event.status, 0))
    rows_of = {
        lane.name: layout.rows[lane.first_row : lane.first_row + lane.row_count]
        for lane in layout.lanes
    }
    counts = {lane.name: lane.event_count for lane in layout.lanes}
    spans = sorted(
        [
            (row.starts[p], row.ends[p], layout.events[member].id, member)
            for row in rows_of.get(event.group, [])
            for p, member in enumerate(row.members)
        ]
        + [new_span]
    )
    rows_of[event.group], counts[event.group] = stack_rows(spans), len(spans)
    _place_lanes(layout, rows_of, counts)
    insort(layout.sorted_starts, new_span[0])
    layout.t_min = layout.sorted_starts[0]
    layout.t_max = max(row.ends[-1] for row in layout.rows)
    return True


def replace_event(layout: CanvasLayout, event: CanvasEvent) -> bool:
    """Put ``event`` in place of the laid-out event with its id, restacking only the lanes
    it leaves and joins (a lane is made or goes as needed). Return False, changing
    nothing, when only a full ``build_layout`` will do: the id is not laid out, or the
    event would be hidden."""
    place = layout.place_of_id.get(event.id)
    if place is None or (layout.hide_rejected and event.status == "rejected"):
        return False
    index = layout.rows[place[0]].members[place[1]]
    old = layout.events[index]
    old_start = layout.rows[place[0]].starts[place[1]]
    layout.events[index] = event
    new_span = _span(event, index)
    layout.kinds[index] = span_and_kind(event)[2]
    layout.statuses[index] = STATUS_CODE.get(event.status, 0)
    rows_of = {
        lane.name: layout.rows[lane.first_row : lane.first_row + lane.row_count]
        for lane in layout.lanes
    }
    counts = {lane.name: lane.event_count for lane in layout.lanes}
    for name in {old.group, event.group}:
        # The others keep the times the layout holds for them.
        spans = [
            (row.starts[p], row.ends[p], layout.events[member].id, member)
            for row in rows_of.get(name, [])
            for p, member in enumerate(row.members)
            if member != index
        ]
        if name == event.group:
            spans.append(new_span)
        if spans:
            spans.sort()
            rows_of[name], counts[name] = stack_rows(spans), len(spans)
        else:  # the event was the last of its lane
            del rows_of[name], counts[name]
    _place_lanes(layout, rows_of, counts)
    starts = layout.sorted_starts
    del starts[bisect_left(starts, old_start)]
    insort(starts, new_span[0])
    layout.t_min = starts[0]
    layout.t_max = max(row.ends[-1] for row in layout.rows)
    return True


def _place_lanes(
    layout: CanvasLayout, rows_of: dict[str, list[Row]], counts: dict[str, int]
) -> None:
    """Order the lanes by their first event (then name), give rows their lines and global
    indices, and note the new place of every event whose row moved."""
    old_index = {id(row): number for number, row in enumerate(layout.rows)}
    order = sorted(rows_of, key=lambda name: (rows_of[name][0].starts[0], name))
    lanes: list[Lane] = []
    rows: list[Row] = []
    line = 0
    for name in order:
        lane_rows = rows_of[name]
        lanes.append(Lane(name, line, len(rows), len(lane_rows), counts[name]))
        for r, row in enumerate(lane_rows):
            row.line = line + 1 + r
            number = len(rows)
            if old_index.get(id(row)) != number:
                for position, member in enumerate(row.members):
                    layout.place_of_id[layout.events[member].id] = (number, position)
            rows.append(row)
        line += 1 + len(lane_rows)
    layout.lanes, layout.rows, layout.line_count = lanes, rows, line
