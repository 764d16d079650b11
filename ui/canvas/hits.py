"""What lies under a point of the canvas: an event's glyph or bar, a cluster, or nothing;
and what the tooltip says about it. Uses the same geometry as the painter."""

from __future__ import annotations

import html
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from math import floor

from .data import human_date
from .layout import BAR_PX, CanvasLayout
from .scale import MONTHS, Viewport, from_days
from .style import AXIS_H, GLYPH, LINE_H

_SLOP = 3.0  # px of forgiveness around a glyph
_CLUSTER_TITLES = 5  # titles a cluster's tooltip lists


@dataclass(frozen=True, slots=True)
class Hit:
    """An event (``first == last``) or a cluster: positions in ``layout.rows[row]``."""

    row: int
    first: int
    last: int

    @property
    def is_cluster(self) -> bool:
        """True when the hit is a cluster of several events."""
        return self.first != self.last


def hit_at(layout: CanvasLayout, viewport: Viewport, scroll_y: float, x: float, y: float,
           cluster_width: Callable[[int], float] | None = None) -> Hit | None:
    """Return what is drawn at (x, y) in the lanes, or None. ``cluster_width`` gives the
    least width (px) the painter gives a cluster of so many events (its count must fit)."""
    if y < AXIS_H:
        return None
    pinned = sticky_header(layout, scroll_y)
    if pinned is not None and y < pinned[1] + LINE_H:
        return None  # the pinned header covers what is beneath it
    row_index = layout.row_at_line(floor((y - AXIS_H + scroll_y) / LINE_H))
    if row_index is None:
        return None
    row = layout.rows[row_index]
    ppd = viewport.px_per_day
    reach = (GLYPH + 2 * _SLOP) / ppd
    best: tuple[float, Hit] | None = None
    for first, last in row.runs(viewport.t_of(x) - reach, viewport.t_of(x) + reach, ppd):
        x0, x1 = viewport.x_of(row.starts[first]), viewport.x_of(row.ends[last])
        if first == last and x1 - x0 >= BAR_PX:
            distance = 0.0 if x0 <= x <= x1 else min(abs(x - x0), abs(x - x1))
        elif first != last:
            least = cluster_width(last - first + 1) if cluster_width else GLYPH + 3
            half = max((x1 - x0) / 2, least / 2)
            distance = max(0.0, abs(x - (x0 + x1) / 2) - half)
        else:
            half = max((x1 - x0) / 2, GLYPH / 2)
            distance = max(0.0, abs(x - (x0 + x1) / 2) - half)
        if distance <= _SLOP and (best is None or distance < best[0]):
            best = (distance, Hit(row_index, first, last))
    return best[1] if best else None


def hit_event_ids(layout: CanvasLayout, hit: Hit) -> list[int]:
    """Return the ids of the events a hit covers (one for an event, all for a cluster)."""
    row = layout.rows[hit.row]
    return [layout.events[row.members[p]].id for p in range(hit.first, hit.last + 1)]


def _day(moment: datetime) -> str:
    # Not strftime: Qt sets the C locale from the desktop, and the table's dates are English.
    return f"{moment.day} {MONTHS[moment.month - 1]} {moment.year}"


def tooltip_html(layout: CanvasLayout, hit: Hit) -> str:
    """Return the tooltip for a hit: title, date as read by a person, expression, source;
    for a cluster, how many events and over what stretch."""
    row = layout.rows[hit.row]
    if hit.is_cluster:
        start, end = from_days(row.starts[hit.first]), from_days(row.ends[hit.last])
        count = hit.last - hit.first + 1
        titles = [html.escape(layout.events[row.members[p]].title)
                  for p in range(hit.first, min(hit.last, hit.first + _CLUSTER_TITLES - 1) + 1)]
        more = f"<br>… and {count - len(titles)} more" if count > len(titles) else ""
        return (f"<b>{count} events</b>, {_day(start)} – {_day(end)}<br>• " + "<br>• ".join(titles)
                + more + "<br><i>click or zoom in to separate them</i>")
    event = layout.events[row.members[hit.first]]
    parts = [f"<b>{html.escape(event.title)}</b>", html.escape(human_date(event))]
    if event.expression:
        parts.append(f"“{html.escape(event.expression)}”")
    if event.source:
        parts.append(f"<i>{html.escape(event.source)}</i>")
    parts.append(f"<small>{html.escape(event.status)} · {html.escape(event.granularity)}</small>")
    return "<br>".join(parts)


def ids_in_view(layout: CanvasLayout, viewport: Viewport, scroll_y: float, width: float,
                lanes_height: float) -> Iterator[int]:
    """Yield the ids of the events whose stretch reaches into the view (with a glyph's
    margin), row by visible row."""
    t_left, t_right = viewport.t_of(-GLYPH), viewport.t_of(width + GLYPH)
    first_line = int(scroll_y // LINE_H)
    last_line = min(int((scroll_y + lanes_height) // LINE_H) + 1, layout.line_count)
    for line in range(first_line, last_line):
        row_index = layout.row_at_line(line)
        if row_index is None:
            continue
        row = layout.rows[row_index]
        for position in range(bisect_right(row.ends, t_left), bisect_left(row.starts, t_right)):
            yield layout.events[row.members[position]].id


def sticky_header(layout: CanvasLayout, scroll_y: float) -> tuple[int, float] | None:
    """Return the lane whose header is pinned at the top of the lanes (its own header has
    scrolled away while its rows are in view) and the y to draw it at -- pushed up by the
    next lane's header as that arrives -- or None."""
    if not layout.lanes:
        return None
    top_line = scroll_y / LINE_H
    lane_index = bisect_right([lane.header_line for lane in layout.lanes], top_line) - 1
    if lane_index < 0:
        return None
    lane = layout.lanes[lane_index]
    if lane.header_line >= top_line or top_line >= lane.header_line + 1 + lane.row_count:
        return None
    next_header_y = AXIS_H + (lane.header_line + 1 + lane.row_count) * LINE_H - scroll_y
    return lane_index, min(float(AXIS_H), next_header_y - LINE_H)
