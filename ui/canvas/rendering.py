"""How the canvas widget paints (a mixin of TimelineCanvas): the picture without selection
and hover is cached as an image per view (size, time window, scroll, data, palette); the
selection rings and the hovered event are drawn over it each repaint, so neither costs a
repaint of 100,000 events. ``paint_onto`` is the one routine that also draws exports.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPaintEvent, QPalette

from . import scale
from .axis import paint_axis, paint_grid
from .edges import marker_rects, paint_markers
from .hits import ids_in_view
from .host import CanvasHost
from .overlay import paint_overlay
from .painter import glyph_x
from .style import AXIS_H, LINE_H, OVERVIEW_H


class CanvasRendering(CanvasHost):
    """Painting; expects the TimelineCanvas attributes (_viewport, _layout, _lanes, ...)."""

    def paint_onto(self, painter: QPainter, width: int, height: int, vector: bool = False) -> None:
        """Draw lanes, events, axis and overview (not selection or hover) at width x height."""
        palette = self.palette()
        lanes_bottom = height - OVERVIEW_H
        self._lanes.use_pixel_ratio(painter.device().devicePixelRatioF())
        level = scale.choose_level(self._viewport.px_per_day, self._label_widths)
        if vector:
            self._lanes.paint_bands(
                painter, self._layout, self._scroll_y, width, lanes_bottom, palette
            )
        else:
            painter.drawImage(0, 0, self._bands_image(painter, width, lanes_bottom, palette))
        paint_grid(painter, self._viewport, level, width, AXIS_H, lanes_bottom, palette)
        self._lanes.paint_headers(
            painter, self._layout, self._scroll_y, width, lanes_bottom, palette
        )
        self._lanes.paint_events(
            painter,
            self._layout,
            self._viewport,
            self._scroll_y,
            width,
            lanes_bottom,
            palette,
            vector,
        )
        self._lanes.paint_pinned_header(painter, self._layout, self._scroll_y, width, palette)
        # The axis and the overview strip write in the axis font (the widget's, made to fit).
        painter.setFont(self._axis_font)
        paint_axis(painter, self._viewport, level, width, palette, QFontMetricsF(self._axis_font))
        if self._layout.events:
            self._overview.paint(
                painter,
                self._layout,
                self._layout_version,
                self._viewport,
                width,
                lanes_bottom,
                palette,
            )
        else:
            painter.fillRect(
                QRectF(0, lanes_bottom, width, OVERVIEW_H), palette.color(QPalette.ColorRole.Window)
            )

    def _bands_image(
        self, painter: QPainter, width: int, lanes_bottom: float, palette: QPalette
    ) -> QImage:
        """Return the lane backgrounds as an image, redrawn only when the size, the scroll,
        the data or the palette change (never on zoom or pan in time)."""
        ratio = painter.device().devicePixelRatioF()
        key = (width, lanes_bottom, ratio, self._scroll_y, self._layout_version, palette.cacheKey())
        image = self._bands
        if image is None or key != self._bands_key:
            # Opaque, so drawing it is a copy rather than a blend.
            image = QImage(
                int(width * ratio), int(lanes_bottom * ratio), QImage.Format.Format_RGB32
            )
            image.setDevicePixelRatio(ratio)
            bands_painter = QPainter(image)
            self._lanes.paint_bands(
                bands_painter, self._layout, self._scroll_y, width, lanes_bottom, palette
            )
            bands_painter.end()
            self._bands, self._bands_key = image, key
        return image

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        """Blit the cached picture (redrawn only when the view changed) and the overlay."""
        ratio = self.devicePixelRatioF()
        key = self.view_key()
        cache = self._cache
        if cache is None or key != self._cache_key:
            cache = QImage(
                int(self.width() * ratio), int(self.height() * ratio), QImage.Format.Format_RGB32
            )
            cache.setDevicePixelRatio(ratio)
            cache_painter = QPainter(cache)
            self.paint_onto(cache_painter, self.width(), self.height())
            cache_painter.end()
            self._cache, self._cache_key = cache, key
            # Where this view's titles are, so a click on one selects its event.
            self._label_hits = (key, self._lanes.label_hits)
        painter = QPainter(self)
        painter.drawImage(0, 0, cache)
        spots = self._selected_spots()
        paint_overlay(
            painter,
            self._layout,
            self._viewport,
            self._scroll_y,
            self.width(),
            self.lanes_height(),
            self.palette(),
            spots,
            self._hovered,
            self._rubber_band,
            self._lanes.cluster_width,
            self._key_spans,
        )
        if self._layout.events:
            painter.setFont(self._axis_font)
            counts = self.beyond_view()
            self._edge_rects = marker_rects(QFontMetricsF(self._axis_font), counts,
                                            self.width(), self.height() - OVERVIEW_H)
            paint_markers(painter, self.palette(), counts, self._edge_rects)
        else:
            self._edge_rects = []
        painter.end()

    def view_key(self) -> tuple[object, ...]:
        """Return what the cached picture depends on: size, time window, scroll, data
        and palette (equal keys, equal pictures)."""
        return (self.width(), self.height(), self.devicePixelRatioF(), self._viewport.t0,
                self._viewport.px_per_day, self._scroll_y, self._layout_version,
                self.palette().cacheKey())

    def _selected_spots(self) -> list[QPointF]:
        """Return where the selected events' glyphs are, for the ones that may be in view."""
        ids: Iterable[int] = self._selected
        if len(self._selected) > 500:
            # A big selection: look only at the events in view instead of every selected one.
            in_view = ids_in_view(
                self._layout, self._viewport, self._scroll_y, self.width(), self.lanes_height()
            )
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
