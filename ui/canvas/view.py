"""The timeline canvas widget: one paint routine over a cached layout, with zoom, pan,
selection, tooltips, an overview strip and PNG/SVG export.

The picture without selection and hover (lanes, events, axis, overview) is cached as an
image per view (size, time window, scroll, data); selection and hover are drawn over it,
so they never cost a repaint of 100,000 events.
"""

from __future__ import annotations

from datetime import datetime
from typing import Iterable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPalette
from PySide6.QtWidgets import QToolTip, QWidget

from . import scale
from .axis import measure_label_widths, paint_axis, paint_grid
from .data import CanvasEvent, event_kind, status_code
from .export import write_png, write_svg
from .hits import hit_at, hit_event_ids, ids_in_view, tooltip_html
from .interaction import CanvasInteraction
from .layout import CanvasLayout, build_layout
from .overlay import paint_overlay
from .overview import Overview
from .painter import LanePainter, glyph_x
from .relayout import replace_event
from .style import AXIS_H, GLYPH, LINE_H, OVERVIEW_H


class TimelineCanvas(CanvasInteraction, QWidget):
    """Zoomable timeline of events in lanes; see ``ui/canvas`` for the contract."""

    selectionChanged = Signal(list)
    eventActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setMinimumSize(240, AXIS_H + OVERVIEW_H + 3 * LINE_H)
        self._events: dict[int, CanvasEvent] = {}
        self._hide_rejected = False
        self._layout: CanvasLayout = build_layout([])
        self._layout_version = 0
        self._viewport = scale.Viewport(scale.to_days(datetime(2000, 1, 1)), 1.0)
        self._scroll_y = 0.0
        self._selected: set[int] = set()
        self._lanes = LanePainter(self.font())
        self._overview = Overview()
        self._label_widths = measure_label_widths(QFontMetricsF(self.font()))
        self._cache: QImage | None = None
        self._cache_key: tuple | None = None
        self._bands: QImage | None = None
        self._bands_key: tuple | None = None
        self._fitted = False
        self._init_interaction()

    # ----- the contract -----
    def set_events(self, events: Sequence[CanvasEvent], layout: CanvasLayout | None = None) -> None:
        """Show ``events`` (replacing any before); the first data fits the whole span.

        ``layout``, optional, is ``build_layout(events, hide_rejected)`` made beforehand
        (it is Qt-free: a worker thread can build it); it is used when it was made with
        this canvas's hide-rejected setting, else the layout is built here.
        """
        first_data = not self._events
        self._events = {ev.id: ev for ev in events}
        self._selected &= self._events.keys()
        usable = layout is not None and layout.hide_rejected == self._hide_rejected
        self._relayout(layout if usable else None)
        if first_data:
            self.fit_all()

    def update_event(self, event: CanvasEvent) -> None:
        """Redraw one changed event (status, title, or time)."""
        old = self._events.get(event.id)
        self._events[event.id] = event
        place = self._layout.place_of_id.get(event.id)
        in_place = (
            old is not None and place is not None
            and (old.start, old.end, old.group) == (event.start, event.end, event.group)
            and not (self._hide_rejected and event.status == "rejected")
        )
        if in_place:
            index = self._layout.rows[place[0]].members[place[1]]
            self._layout.events[index] = event
            self._layout.statuses[index] = status_code(event.status)
            self._layout.kinds[index] = event_kind(event)
            self._layout_changed()
        elif replace_event(self._layout, event):  # only its old and new lanes restacked
            self._layout_changed()
        else:
            self._relayout()

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

    def fit_all(self) -> None:
        """Show every event: the whole span in width, the first lanes at the top."""
        layout = self._layout
        if not layout.events:
            return
        span = max(layout.t_max - layout.t_min, 1.0 / 24)
        margin = span * 0.03 + (GLYPH + 4) / max(self.time_width(), 1) * span
        self._viewport.show(layout.t_min - margin, layout.t_max + margin, self.time_width())
        self._clamp_zoom()
        self._scroll_y = 0.0
        self._fitted = True  # kept fitted through resizes until the user moves the view
        self.update()

    def zoom_to(self, start: datetime, end: datetime) -> None:
        """Show the stretch [start, end)."""
        t_start, t_end = scale.to_days(start), scale.to_days(end)
        if t_end < t_start:
            t_start, t_end = t_end, t_start
        self._viewport.show(t_start, t_end, self.time_width())
        self._clamp_zoom()
        self.update()

    def set_hide_rejected(self, hide: bool) -> None:
        """Hide (or show again) the rejected events."""
        if hide != self._hide_rejected:
            self._hide_rejected = hide
            self._relayout()

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

    def _relayout(self, prepared: CanvasLayout | None = None) -> None:
        self._layout = prepared or build_layout(list(self._events.values()), self._hide_rejected)
        self._layout_changed()

    def _layout_changed(self) -> None:
        """Drop what was drawn or cached from the previous layout and repaint."""
        self._layout_version += 1
        self._hovered = None
        self._overview.follow(self._layout)
        self._lanes.forget_texts()
        self._set_scroll(self._scroll_y)
        self.update()

    def _set_scroll(self, scroll_y: float) -> None:
        most = max(0.0, self._layout.line_count * LINE_H - self.lanes_height())
        self._scroll_y = min(max(scroll_y, 0.0), most)

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
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
            self._label_widths = measure_label_widths(QFontMetricsF(self.font()))
            self._cache_key = self._bands_key = None
            self.update()
        super().changeEvent(event)

    # ----- painting -----
    def paint_onto(self, painter: QPainter, width: int, height: int, vector: bool = False) -> None:
        """Draw lanes, events, axis and overview (not selection or hover) at width x height."""
        palette = self.palette()
        lanes_bottom = height - OVERVIEW_H
        self._lanes.use_pixel_ratio(painter.device().devicePixelRatioF())
        level = scale.choose_level(self._viewport.px_per_day, self._label_widths)
        if vector:
            self._lanes.paint_bands(painter, self._layout, self._scroll_y, width, lanes_bottom, palette)
        else:
            painter.drawImage(0, 0, self._bands_image(painter, width, lanes_bottom, palette))
        paint_grid(painter, self._viewport, level, width, AXIS_H, lanes_bottom, palette)
        self._lanes.paint_headers(painter, self._layout, self._scroll_y, width, lanes_bottom, palette)
        self._lanes.paint_events(
            painter, self._layout, self._viewport, self._scroll_y, width, lanes_bottom, palette, vector
        )
        self._lanes.paint_pinned_header(painter, self._layout, self._scroll_y, width, palette)
        paint_axis(painter, self._viewport, level, width, palette, QFontMetricsF(self.font()))
        if self._layout.events:
            self._overview.paint(
                painter, self._layout, self._layout_version, self._viewport, width, lanes_bottom, palette
            )
        else:
            painter.fillRect(QRectF(0, lanes_bottom, width, OVERVIEW_H), palette.color(QPalette.ColorRole.Window))

    def _bands_image(self, painter: QPainter, width: int, lanes_bottom: float, palette: QPalette) -> QImage:
        """Return the lane backgrounds as an image, redrawn only when the size, the scroll,
        the data or the palette change (never on zoom or pan in time)."""
        ratio = painter.device().devicePixelRatioF()
        key = (width, lanes_bottom, ratio, self._scroll_y, self._layout_version, palette.cacheKey())
        if key != self._bands_key:
            # Opaque, so drawing it is a copy rather than a blend.
            image = QImage(int(width * ratio), int(lanes_bottom * ratio), QImage.Format.Format_RGB32)
            image.setDevicePixelRatio(ratio)
            bands_painter = QPainter(image)
            self._lanes.paint_bands(bands_painter, self._layout, self._scroll_y, width, lanes_bottom, palette)
            bands_painter.end()
            self._bands, self._bands_key = image, key
        return self._bands

    def paintEvent(self, _event) -> None:  # noqa: N802 (Qt's name)
        """Blit the cached picture (redrawn only when the view changed) and the overlay."""
        ratio = self.devicePixelRatioF()
        key = (self.width(), self.height(), ratio, self._viewport.t0, self._viewport.px_per_day,
               self._scroll_y, self._layout_version, self.palette().cacheKey())
        if key != self._cache_key:
            self._cache = QImage(
                int(self.width() * ratio), int(self.height() * ratio), QImage.Format.Format_RGB32
            )
            self._cache.setDevicePixelRatio(ratio)
            cache_painter = QPainter(self._cache)
            self.paint_onto(cache_painter, self.width(), self.height())
            cache_painter.end()
            self._cache_key = key
        painter = QPainter(self)
        painter.drawImage(0, 0, self._cache)
        spots = self._selected_spots()
        paint_overlay(painter, self._layout, self._viewport, self._scroll_y, self.width(), self.lanes_height(),
                      self.palette(), spots, self._hovered, self._rubber_band)
        painter.end()

    def _selected_spots(self) -> list[QPointF]:
        """Return where the selected events' glyphs are, for the ones that may be in view."""
        ids: Iterable[int] = self._selected
        if len(self._selected) > 500:
            # A big selection: look only at the events in view instead of every selected one.
            in_view = ids_in_view(self._layout, self._viewport, self._scroll_y, self.width(), self.lanes_height())
            ids = (event_id for event_id in in_view if event_id in self._selected)
        spots = (self.glyph_centre(event_id) for event_id in ids)
        return [spot for spot in spots if spot is not None]

    def glyph_centre(self, event_id: int) -> QPointF | None:
        """Return where the event's glyph is drawn (widget px), or None when not laid out."""
        place = self._layout.place_of_id.get(event_id)
        if place is None:
            return None
        row = self._layout.rows[place[0]]
        x0 = self._viewport.x_of(row.starts[place[1]])
        x1 = self._viewport.x_of(row.ends[place[1]])
        cx = glyph_x(self._layout.kinds[row.members[place[1]]], x0, x1)
        cy = AXIS_H + row.line * LINE_H - self._scroll_y + LINE_H / 2
        half = self._lanes.atlas.size / 2
        # Where the painter's pixel-aligned glyph image really has its centre.
        return QPointF(round(cx - half) + half, round(cy - half) + half)

    def event(self, event: QEvent) -> bool:
        """Answer tooltip requests with the hovered event's details; a trackpad pinch
        zooms around the fingers."""
        if event.type() == QEvent.Type.NativeGesture:
            if event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture:
                self.zoom_by(1.0 + event.value(), event.position().x())
                return True
            return super().event(event)
        if event.type() == QEvent.Type.ToolTip:
            hit = hit_at(self._layout, self._viewport, self._scroll_y, event.pos().x(), event.pos().y())
            if hit is None:
                QToolTip.hideText()
                event.ignore()
            else:
                QToolTip.showText(event.globalPos(), tooltip_html(self._layout, hit), self)
            return True
        return super().event(event)

    def hit_ids_at(self, x: float, y: float) -> list[int]:
        """Return the ids under (x, y): one event, a cluster's events, or none."""
        hit = hit_at(self._layout, self._viewport, self._scroll_y, x, y)
        return hit_event_ids(self._layout, hit) if hit else []
