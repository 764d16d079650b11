"""The timeline canvas widget: one paint routine over a cached layout, with zoom, pan,
selection, tooltips, an overview strip, a scroll bar for the lanes and PNG/SVG export.

The widget's contract lives here; painting is in ``rendering`` and mouse, wheel and keys
in ``interaction`` (both mixins of TimelineCanvas).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import partial
from itertools import chain
from math import ceil

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QContextMenuEvent,
    QFontMetricsF,
    QHelpEvent,
    QImage,
    QNativeGestureEvent,
    QResizeEvent,
)
from PySide6.QtWidgets import QScrollBar, QToolTip, QWidget

from . import scale
from .axis import measure_label_widths
from .data import CanvasEvent
from .edges import EARLIER, Beyond, beyond
from .export import write_png, write_svg
from .focus import dense_days
from .hits import hit_event_ids, tooltip_html
from .interaction import CanvasInteraction
from .layout import CanvasLayout, build_layout
from .overview import Overview
from .painter import LanePainter
from .relayout import update_in_layout
from .rendering import CanvasRendering
from .style import AXIS_H, GLYPH, LINE_H, OVERVIEW_H, font_fitting


@dataclass(frozen=True, slots=True)
class _Extent:
    """What a layout's extent needs sorted: its ends, and its dense stretch (days)."""

    version: int
    sorted_ends: Sequence[float]
    dense: tuple[float, float] | None


class TimelineCanvas(CanvasInteraction, CanvasRendering, QWidget):
    """Zoomable timeline of events in lanes; see ``ui/canvas`` for the contract."""

    selectionChanged = Signal(list)
    eventActivated = Signal(int)
    # A right click on one event: its id and where (global) to show a menu; the window
    # builds the menu (ui.context_menus), the canvas only says what is under the cursor.
    contextMenuRequested = Signal(int, QPoint)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(240, AXIS_H + OVERVIEW_H + 3 * LINE_H)
        self._events: dict[int, CanvasEvent] = {}
        self._hide_rejected = False
        self._layout: CanvasLayout = build_layout([])
        self._other_layout: CanvasLayout | None = None  # for the other hide-rejected setting
        self._layout_version = 0
        self._viewport = scale.Viewport(scale.to_days(datetime(2000, 1, 1)), 1.0)
        self._scroll_y = 0.0
        self._selected: set[int] = set()
        self._lanes = LanePainter(self.font())
        self._overview = Overview()
        self._axis_font = font_fitting(self.font(), AXIS_H / 2 - 2)
        self._label_widths = measure_label_widths(QFontMetricsF(self._axis_font))
        self._cache: QImage | None = None
        self._cache_key: tuple[object, ...] | None = None
        self._bands: QImage | None = None
        self._bands_key: tuple[object, ...] | None = None
        self._fitted = False
        self._key_spans: list[tuple[float, float]] = []  # key dates' days, in days
        self._extent_cache = _Extent(-1, [], None)
        self._edge_rects: list[tuple[str, QRectF]] = []  # the edge markers drawn last
        # Where the view is among the lanes, and a handle to move there; shown when the
        # lanes are taller than the view.
        self._lane_scrollbar = QScrollBar(Qt.Orientation.Vertical, self)
        self._lane_scrollbar.setSingleStep(LINE_H)
        self._lane_scrollbar.setCursor(Qt.CursorShape.ArrowCursor)
        self._lane_scrollbar.valueChanged.connect(self._scrollbar_moved)
        self._lane_scrollbar.hide()
        self._init_interaction()

    # ----- the contract -----
    def set_events(self, events: Sequence[CanvasEvent], layout: CanvasLayout | None = None,
                   by_id: dict[int, CanvasEvent] | None = None) -> None:
        """Show ``events`` (replacing any before); the first data fits the whole span.

        ``layout``, optional, is ``build_layout(events, hide_rejected)`` made beforehand
        (it is Qt-free: a worker thread can build it); it is used when it was made with
        this canvas's hide-rejected setting, else the layout is built here. ``by_id``,
        optional, is ``events`` by id made beforehand (kept, not copied).
        """
        first_data = not self._events
        self._events = by_id if by_id is not None else {ev.id: ev for ev in events}
        self._selected &= self._events.keys()
        self._other_layout = None
        usable = layout is not None and layout.hide_rejected == self._hide_rejected
        self._relayout(layout if usable else None)
        if first_data:
            self.fit_all()

    def update_event(self, event: CanvasEvent) -> None:
        """Redraw one changed event (status, title, or time)."""
        old = self._events.get(event.id)
        self._events[event.id] = event
        kept_index = partial(self._index_when_hidden, event.id)  # asked for only when needed
        if self._other_layout is not None and not update_in_layout(
            self._other_layout, old, event, kept_index
        ):
            self._other_layout = None
        if update_in_layout(
            self._layout, old, event, kept_index
        ):  # in place, or its lanes restacked
            self._layout_changed()
        else:
            self._relayout()

    def _index_when_hidden(self, event_id: int) -> int:
        """Return how many events before ``event_id`` stay laid out when rejected ones are
        hidden (where a build would put it)."""
        count = 0
        for ev in self._events.values():
            if ev.id == event_id:
                break
            count += ev.status != "rejected"
        return count

    def select(self, ids: Iterable[int]) -> None:
        """Select exactly ``ids`` (unknown ids are ignored); emits nothing."""
        self._selected = {i for i in ids if i in self._events}
        self.update()

    def selected_ids(self) -> list[int]:
        """Return the selected event ids, ascending."""
        return sorted(self._selected)

    def center_on(self, event_id: int) -> None:
        """Bring the event to the middle of the view (zooming out if it is wider than it)."""
        place = self._layout.place_of_id.get(event_id)
        if place is None:
            return
        row = self._layout.rows[place[0]]
        start, end = row.starts[place[1]], row.ends[place[1]]
        width = self.time_width()
        if (end - start) * self._viewport.px_per_day > width * 0.8:
            self._viewport.show(start - (end - start) * 0.2, end + (end - start) * 0.2, width)
        else:
            middle = (start + end) / 2
            self._viewport.t0 = middle - width / 2 / self._viewport.px_per_day
        self._set_scroll(row.line * LINE_H - (self.lanes_height() - LINE_H) / 2)
        self._clamp_zoom()
        self.update()

    def reveal(self, event_id: int) -> None:
        """Bring the event into view when it is not (its glyph off the time window or
        its row scrolled away), centring it at the same zoom unless it is too wide for
        it; an event in view stays where it is."""
        place = self._layout.place_of_id.get(event_id)
        if place is None:
            return
        row = self._layout.rows[place[0]]
        x0 = self._viewport.x_of(row.starts[place[1]])
        x1 = self._viewport.x_of(row.ends[place[1]])
        top = AXIS_H + row.line * LINE_H - self._scroll_y
        # A glyph's width in from each side, and the pinned header's line off the top.
        in_time = x1 >= GLYPH and x0 <= self.time_width() - GLYPH
        in_lanes = AXIS_H + LINE_H <= top and top + LINE_H <= AXIS_H + self.lanes_height()
        if not in_time:
            self.center_on(event_id)
        elif not in_lanes:
            self._set_scroll(row.line * LINE_H - (self.lanes_height() - LINE_H) / 2)
            self.update()

    def fit_all(self) -> None:
        """Show where the events are dense (as the first view does: a stray "1898" in a
        week's story would squeeze the week into a pixel), the first lanes at the top;
        the edge markers count what lies outside."""
        layout = self._layout
        if not layout.events:
            return
        t_min, t_max = self._extent().dense or (layout.t_min, layout.t_max)
        span = max(t_max - t_min, 1.0 / 24)
        # Half a glyph more than the dense stretch's own padding, for an event at its edge.
        margin = (GLYPH / 2 + 2) / max(self.time_width(), 1) * span
        self._viewport.show(t_min - margin, t_max + margin, self.time_width())
        self._clamp_zoom()
        self._scroll_y = 0.0
        self._fitted = True  # kept fitted through resizes until the user moves the view
        self.update()

    def _extent(self) -> _Extent:
        """Return the sorted ends and the dense stretch of the current layout (made once
        per layout)."""
        if self._extent_cache.version != self._layout_version:
            layout = self._layout
            self._extent_cache = _Extent(
                self._layout_version,
                sorted(chain.from_iterable(row.ends for row in layout.rows)),
                dense_days(layout.sorted_starts, ((row.starts, row.ends) for row in layout.rows)),
            )
        return self._extent_cache

    def title_boxes(self) -> dict[int, QRectF]:
        """Return where the picture last drawn shows titles: {event id: box} (a click
        there selects the event)."""
        layout, height = self._layout, self._lanes.texts.label_height
        if self._label_hits[0] != self.view_key():
            return {}
        return {layout.events[layout.rows[row].members[position]].id:
                QRectF(left, top, width, height)
                for left, top, width, row, position in self._label_hits[1]}

    def beyond_view(self) -> Beyond:
        """Return how many events lie wholly before and after the time window, and the
        nearest on each side."""
        return beyond(self._layout.sorted_starts, self._extent().sorted_ends,
                      self._viewport.t_of(0), self._viewport.t_of(self.time_width()))

    def go_beyond(self, side: str) -> None:
        """Bring the nearest event beyond the ``side`` (EARLIER or LATER) edge to the
        middle of the view, at the same zoom; nothing when there is none."""
        counts = self.beyond_view()
        target = counts.nearest_earlier if side == EARLIER else counts.nearest_later
        if target is None:
            return
        self._viewport.t0 = target - self.time_width() / 2 / self._viewport.px_per_day
        self._clamp_zoom()
        self.update()

    def zoom_to(self, start: datetime, end: datetime) -> None:
        """Show the stretch [start, end)."""
        t_start, t_end = scale.to_days(start), scale.to_days(end)
        if t_end < t_start:
            t_start, t_end = t_end, t_start
        self._viewport.show(t_start, t_end, self.time_width())
        self._clamp_zoom()
        self.update()

    def set_hide_rejected(self, hide: bool, layout: CanvasLayout | None = None) -> None:
        """Hide (or show again) the rejected events; ``layout``, optional, is the
        ``build_layout`` of ``events()`` with that setting, made beforehand off the GUI
        thread (without it, and none kept, the layout is built here)."""
        if hide != self._hide_rejected:
            self._hide_rejected = hide
            # The layout left is kept (and kept in step by update_event): toggling back
            # costs no relayout.
            kept, self._other_layout = self._other_layout, self._layout
            if kept is None and layout is not None and layout.hide_rejected == hide:
                kept = layout
            self._relayout(kept)

    def layout_ready_for(self, hide: bool) -> bool:
        """Return True when hiding (or showing) rejected events needs no layout built."""
        return hide == self._hide_rejected or self._other_layout is not None

    def events(self) -> list[CanvasEvent]:
        """Return every event given to the canvas (hidden ones too), in the order given."""
        return list(self._events.values())

    def span_in_view(self) -> tuple[datetime, datetime] | None:
        """Return the stretch of time in view, or None while no events were given."""
        if not self._events:
            return None
        t_start = self._viewport.t0
        t_end = t_start + self.time_width() / max(self._viewport.px_per_day, 1e-12)
        return scale.from_days(t_start), scale.from_days(t_end)

    def export_png(self, path: str, width: int | None = None, height: int | None = None) -> None:
        """Write the current view to a PNG (at ``width`` x ``height``, default the widget's
        size; the same time window). Raises OSError when the file cannot be written."""
        write_png(self, path, width, height)

    def export_svg(self, path: str) -> None:
        """Write the current view to an SVG file, glyphs as vector shapes. Raises OSError
        when the file cannot be written."""
        write_svg(self, path)

    # ----- geometry -----
    def time_width(self) -> float:
        """Return the width (px) of the time area."""
        return float(max(self.width(), 1))

    def lanes_height(self) -> float:
        """Return the height (px) of the lanes between the axis and the overview strip."""
        return float(max(self.height() - AXIS_H - OVERVIEW_H, LINE_H))

    def viewport(self) -> scale.Viewport:
        """Return the live time window (x <-> time); callers may read, not keep, it."""
        return self._viewport

    def canvas_layout(self) -> CanvasLayout:
        """Return the current lane layout."""
        return self._layout

    def set_key_days(self, days: Iterable[date]) -> None:
        """Mark ``days`` (the key dates of the summary) as bands behind the lanes' overlay;
        an empty iterable clears them."""
        spans = []
        for day in days:
            start = scale.to_days(datetime(day.year, day.month, day.day))
            spans.append((start, start + 1.0))
        self._key_spans = sorted(spans)
        self.update()

    def key_spans(self) -> list[tuple[float, float]]:
        """Return the marked key days as (start, end) in days, in order."""
        return list(self._key_spans)

    def _relayout(self, prepared: CanvasLayout | None = None) -> None:
        self._layout = prepared or build_layout(list(self._events.values()), self._hide_rejected,
                                                self._layout.lane_order)
        self._layout_changed()
        if prepared is not None and prepared.extent is not None:
            # Made on a worker: good until the layout next changes in place.
            self._extent_cache = _Extent(self._layout_version, *prepared.extent)

    def _layout_changed(self) -> None:
        """Drop what was drawn or cached from the previous layout and repaint."""
        self._layout_version += 1
        self._hovered = None
        self._overview.follow(self._layout)
        self._lanes.forget_texts()
        self._set_scroll(self._scroll_y)
        self.update()

    def _set_scroll(self, scroll_y: float) -> None:
        """Scroll the lanes to ``scroll_y`` px (within bounds) and move the scroll bar along."""
        most = max(0.0, self._layout.line_count * LINE_H - self.lanes_height())
        self._scroll_y = min(max(scroll_y, 0.0), most)
        bar = self._lane_scrollbar
        bar.blockSignals(True)  # its valueChanged is for the user's moves only
        bar.setRange(0, ceil(most))
        bar.setPageStep(int(self.lanes_height()))
        bar.setValue(round(self._scroll_y))
        bar.blockSignals(False)
        bar_width = bar.sizeHint().width()
        bar.setGeometry(self.width() - bar_width, AXIS_H, bar_width, int(self.lanes_height()))
        bar.setVisible(most > 0)

    def _scrollbar_moved(self, value: int) -> None:
        """Scroll the lanes where the user moved the scroll bar."""
        self._set_scroll(float(value))
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Keep a fitted view fitted; otherwise keep the time at the left edge and the scale."""
        super().resizeEvent(event)
        if self._fitted:
            scroll_y = self._scroll_y
            self.fit_all()
            self._set_scroll(scroll_y)
        else:
            self._set_scroll(self._scroll_y)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        """Follow font changes (labels are measured in the widget's font)."""
        if event.type() == QEvent.Type.FontChange:
            self._lanes.set_font(self.font())
            self._axis_font = font_fitting(self.font(), AXIS_H / 2 - 2)
            self._label_widths = measure_label_widths(QFontMetricsF(self._axis_font))
            self._cache_key = self._bands_key = None
            self.update()
        super().changeEvent(event)

    def event(self, event: QEvent) -> bool:
        """Answer tooltip requests with the hovered event's details; a trackpad pinch
        zooms around the fingers."""
        # Qt hands over the event as its own class (checked, so its methods are known).
        if event.type() == QEvent.Type.NativeGesture and isinstance(event, QNativeGestureEvent):
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + event.value(), event.position().x())
                return True
            return super().event(event)
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            side = self._edge_at(QPointF(event.pos()))
            if side is not None:
                QToolTip.showText(event.globalPos(), (
                    f"Events {'before' if side == EARLIER else 'after'} the view: click to "
                    "go to the nearest (Fit all shows where most events are)"), self)
                return True
            hit = self._hit(QPointF(event.pos()))
            if hit is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), tooltip_html(self._layout, hit), self)
            return True
        return super().event(event)

    def hit_ids_at(self, x: float, y: float) -> list[int]:
        """Return the ids under (x, y): one event, a cluster's events, or none."""
        hit = self._hit(QPointF(x, y))
        return hit_event_ids(self._layout, hit) if hit else []

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802
        """Ask for the menu of the event under the cursor (none for a cluster or a gap)."""
        hit = self._hit(QPointF(event.pos()))
        if hit is None or hit.is_cluster:
            event.ignore()
            return
        self.contextMenuRequested.emit(hit_event_ids(self._layout, hit)[0], event.globalPos())
        event.accept()
