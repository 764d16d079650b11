"""Lanes and rows, Qt-free: which line of the canvas each event sits on, and which events
merge into a cluster at a given zoom.

Computed once per data change. Within a group, events stack into rows by sort-and-sweep
(sorted by start, each takes the lowest row free at its start: O(n log n)), so no two events
in one row overlap and, in a row, starts and ends are both sorted -- which is what lets the
painter cull a row with two bisects.

Clustering is decided per zoom without recomputing anything: for each pair of neighbours in
a row we store the pixels-per-day at which they separate (their gap reaches GAP_PX, or one
of them grows wider than BAR_PX). Sorting those thresholds once per row gives, at any zoom,
the breaks between clusters by a bisect.
"""

from __future__ import annotations

import heapq
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import MutableSequence, Sequence
from dataclasses import dataclass, field

from .data import STATUS_CODE, CanvasEvent, bounds, event_kind, kind_of
from .focus import dense_days
from .scale import to_days
from .sorting import sorted_floats

GAP_PX = 12.0  # neighbours closer than this (edge to edge) merge into a cluster
BAR_PX = 12.0  # an event wider than this stands alone as a bar
_NEVER = float("inf")


@dataclass(slots=True)
class Row:
    """One row of a lane: its events in time order, none overlapping.

    build_layout fills them with arrays (8 bytes a number, where a list holds a pointer
    and a float or int object of 24-32 bytes: about 150 bytes an event as lists); any
    sequence of numbers reads the same.
    """

    line: int  # the row's line on the canvas (group headers take a line each)
    starts: Sequence[float] = field(default_factory=list)
    ends: Sequence[float] = field(default_factory=list)
    members: Sequence[int] = field(default_factory=list)  # indices into CanvasLayout.events
    separate_at: Sequence[float] = field(default_factory=list)  # px/day where i and i+1 part
    breaks_by_zoom: Sequence[int] = field(default_factory=list)  # i, by separate_at ascending
    zoom_of_break: Sequence[float] = field(default_factory=list)  # separate_at, ascending

    def runs(self, t_start: float, t_end: float, px_per_day: float) -> list[tuple[int, int]]:
        """Return the clusters ``(first, last)`` (positions in this row, inclusive) that
        reach into [t_start, t_end] at ``px_per_day``; a singleton has first == last."""
        first = bisect_right(self.ends, t_start)
        stop = bisect_left(self.starts, t_end)
        n_breaks = bisect_right(self.zoom_of_break, px_per_day)
        if first >= stop:
            # No event in the window, but a cluster may still span it from both sides.
            if 0 < first < len(self.starts) and self.separate_at[first - 1] > px_per_day:
                return [(self._cluster_edge(first - 1, -1, px_per_day, n_breaks),
                         self._cluster_edge(first, 1, px_per_day, n_breaks))]
            return []
        separate_at = self.separate_at
        last = stop - 1
        if stop - first <= n_breaks:
            # Few events in view: walk them.
            cuts = [i for i in range(first, last) if separate_at[i] <= px_per_day]
        else:
            # Many events, few clusters: take this zoom's breaks from the sorted thresholds.
            cuts = sorted(i for i in self.breaks_by_zoom[:n_breaks] if first <= i < last)
        begin = self._cluster_edge(first, -1, px_per_day, n_breaks)
        result = []
        for cut in cuts:
            result.append((begin, cut))
            begin = cut + 1
        result.append((begin, self._cluster_edge(last, 1, px_per_day, n_breaks)))
        return result

    def _cluster_edge(self, position: int, direction: int, px_per_day: float, n_breaks: int) -> int:
        """Return the first (direction -1) or last (+1) member of the cluster at ``position``."""
        separate_at = self.separate_at
        edge = position
        for _ in range(64):  # clusters are usually short: walk first
            gap = edge - 1 if direction < 0 else edge
            if gap < 0 or gap >= len(separate_at) or separate_at[gap] <= px_per_day:
                return edge
            edge += direction
        # A long cluster: its edge is the nearest break, found among this zoom's breaks.
        if direction < 0:
            before = [i for i in self.breaks_by_zoom[:n_breaks] if i < position]
            return max(before) + 1 if before else 0
        after = [i for i in self.breaks_by_zoom[:n_breaks] if i >= position]
        return min(after) if after else len(self.starts) - 1


@dataclass(frozen=True, slots=True)
class Lane:
    """A group's lane: its header line and its rows."""

    name: str
    header_line: int
    first_row: int
    row_count: int
    event_count: int


@dataclass(slots=True)
class CanvasLayout:
    """Everything the painter needs that does not change with zoom or pan."""

    events: list[CanvasEvent]
    kinds: list[int]
    statuses: list[int]
    lanes: list[Lane]
    rows: list[Row]
    line_count: int
    place_of_id: dict[int, tuple[int, int]]  # event id -> (row index, position in row)
    t_min: float
    t_max: float
    # Every event's start, ascending (an array from build_layout; relayout edits it).
    sorted_starts: MutableSequence[float] = field(default_factory=list)
    hide_rejected: bool = False  # whether rejected events were left out
    lane_order: tuple[str, ...] = ()  # lanes drawn first, in this order (the rest by time)
    # Every event's end, ascending, and the dense stretch (days) when made beforehand on
    # a worker (with_extent): the canvas then sorts nothing on the GUI thread.
    extent: tuple[Sequence[float], tuple[float, float] | None] | None = None

    def row_at_line(self, line: int) -> int | None:
        """Return the index of the row drawn on ``line``, or None for a header or nothing."""
        lane_index = bisect_right([lane.header_line for lane in self.lanes], line) - 1
        if lane_index < 0:
            return None
        lane = self.lanes[lane_index]
        offset = line - lane.header_line - 1
        return lane.first_row + offset if 0 <= offset < lane.row_count else None

    def density(self, t_start: float, t_end: float, bins: int) -> list[int]:
        """Return how many events start in each of ``bins`` equal stretches of the span
        (those before or after it count in the first or last)."""
        width = (t_end - t_start) / bins if t_end > t_start else 1.0
        edges = [bisect_left(self.sorted_starts, t_start + width * i) for i in range(1, bins)]
        edges = [0] + edges + [len(self.sorted_starts)]
        return [edges[i + 1] - edges[i] for i in range(bins)]


def _stack(spans: list[tuple[float, float, int, int]]) -> list[int]:
    """Return a row number per span (given sorted by start): the lowest row free at its start."""
    free_rows: list[int] = []
    busy: list[tuple[float, int]] = []  # (end, row)
    row_count = 0
    rows = []
    for start, end, _event_id, _index in spans:
        while busy and busy[0][0] <= start:
            heapq.heappush(free_rows, heapq.heappop(busy)[1])
        if free_rows:
            row = heapq.heappop(free_rows)
        else:
            row, row_count = row_count, row_count + 1
        # A zero-length event still occupies its instant.
        heapq.heappush(busy, (end if end > start else start + 1e-9, row))
        rows.append(row)
    return rows


def _finish_row(row: Row) -> None:
    starts, ends = row.starts, row.ends
    widths = [end - start for start, end in zip(starts, ends, strict=True)]
    gaps = [start - end for start, end in zip(starts[1:], ends, strict=False)]
    per_gap, per_width = 1.0 / GAP_PX, 1.0 / BAR_PX
    # Neighbours part when their gap reaches GAP_PX or either grows wider than BAR_PX.
    separate_at = array("d")
    for gap, left, right in zip(gaps, widths, widths[1:], strict=False):
        key = max(gap * per_gap, left * per_width, right * per_width)
        separate_at.append(1.0 / key if key > 0 else _NEVER)
    row.separate_at = separate_at
    row.breaks_by_zoom = array("q", sorted(range(len(separate_at)),
                                           key=separate_at.__getitem__))
    row.zoom_of_break = array("d", [separate_at[i] for i in row.breaks_by_zoom])


def stack_rows(spans: list[tuple[float, float, int, int]]) -> list[Row]:
    """Return one lane's rows (their ``line`` still to be set) for its spans
    ``(start, end, id, event index)`` sorted ascending."""
    row_numbers = _stack(spans)
    count = max(row_numbers) + 1
    starts: list[array[float]] = [array("d") for _ in range(count)]
    ends: list[array[float]] = [array("d") for _ in range(count)]
    members: list[array[int]] = [array("q") for _ in range(count)]
    for (start, end, _event_id, index), r in zip(spans, row_numbers, strict=True):
        starts[r].append(start)
        ends[r].append(end)
        members[r].append(index)
    lane_rows = [Row(line=0, starts=starts[r], ends=ends[r], members=members[r])
                 for r in range(count)]
    for row in lane_rows:
        _finish_row(row)
    return lane_rows


def span_and_kind(event: CanvasEvent) -> tuple[float, float, int]:
    """Return the stretch (days) ``event`` takes in its row and how it is drawn; an end
    before the start is read as the start, an open-ended event is the instant of its bound."""
    if event.open_side:
        start = to_days(bounds(event)[0])
        return start, start, event_kind(event)
    start, end = to_days(event.start), to_days(event.end)
    if end < start:
        end = start
    return start, end, kind_of(event.granularity, end - start)


def build_layout(events: Sequence[CanvasEvent], hide_rejected: bool = False,
                 lane_order: Sequence[str] = ()) -> CanvasLayout:
    """Return the lanes (one per group: those named in ``lane_order`` first, in that
    order, the others by their first event, then name) and rows for ``events``; the
    same input always gives the same layout."""
    kept = [ev for ev in events if not (hide_rejected and ev.status == "rejected")]
    by_group: dict[str, list[tuple[float, float, int, int]]] = {}
    kinds, statuses = [], []
    for index, ev in enumerate(kept):
        start, end, kind = span_and_kind(ev)
        by_group.setdefault(ev.group, []).append((start, end, ev.id, index))
        kinds.append(kind)
        statuses.append(STATUS_CODE.get(ev.status, 0))
    for spans in by_group.values():
        spans.sort()
    rank = {name: position for position, name in enumerate(lane_order)}
    order = sorted(by_group, key=lambda name: (rank.get(name, len(rank)),
                                               by_group[name][0][0], name))
    lanes: list[Lane] = []
    rows: list[Row] = []
    place_of_id: dict[int, tuple[int, int]] = {}
    line = 0
    for name in order:
        # Taken out as it is used: the spans (a tuple and its numbers an event) are then
        # freed a lane at a time. Left to the end, freeing a million of them at once is one
        # C call that held the GIL, and so the GUI thread, for 0.9-1.5 s at 1M.
        spans = by_group.pop(name)
        lane_rows = stack_rows(spans)
        first_row = len(rows)
        for r, row in enumerate(lane_rows):
            row.line = line + 1 + r
            for position, index in enumerate(row.members):
                place_of_id[kept[index].id] = (first_row + r, position)
        lanes.append(Lane(name, line, first_row, len(lane_rows), len(spans)))
        rows.extend(lane_rows)
        line += 1 + len(lane_rows)
    sorted_starts = sorted_floats(row.starts for row in rows)
    return CanvasLayout(
        events=kept,
        kinds=kinds,
        statuses=statuses,
        lanes=lanes,
        rows=rows,
        line_count=line,
        place_of_id=place_of_id,
        t_min=sorted_starts[0] if sorted_starts else 0.0,
        # In a row ends are sorted too, so each row's last end is its latest.
        t_max=max((row.ends[-1] for row in rows), default=0.0),
        sorted_starts=sorted_starts,
        hide_rejected=hide_rejected,
        lane_order=tuple(lane_order),
    )


def with_extent(layout: CanvasLayout) -> CanvasLayout:
    """Return ``layout`` with its extent made (every end sorted, the dense stretch):
    work for a worker thread, which the canvas would otherwise do on the GUI thread at
    its first paint."""
    ends = sorted_floats(row.ends for row in layout.rows)
    layout.extent = (ends, dense_days(layout.sorted_starts,
                                      ((row.starts, row.ends) for row in layout.rows)))
    return layout
