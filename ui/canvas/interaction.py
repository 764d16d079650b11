"""Mouse, wheel and keyboard handling of the canvas (a mixin of TimelineCanvas).

Wheel zooms around the cursor (Ctrl+wheel in bigger steps), Shift+wheel scrolls the lanes,
a horizontal wheel pans; drag pans in time and lanes; Shift+drag draws a box and zooms to
its time range; clicking the overview strip moves the window there. Keys: + - zoom,
arrows pan/scroll, Home fits all, F zooms to the selection, Escape clears it.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent

from . import scale
from .hits import Hit, hit_at, hit_event_ids
from .host import CanvasHost
from .style import LINE_H, OVERVIEW_H

WHEEL_STEP = 1.25  # zoom per wheel notch
MAX_PX_PER_DAY = 1440 * 150.0  # a minute 150 px wide
MIN_VIEW_YEARS = 3000  # at most this many years across the widget (century labels still fit)
DRAG_THRESHOLD = 3


class CanvasInteraction(CanvasHost):
    """Event handlers; expects the TimelineCanvas attributes (_viewport, _layout, ...)."""

    def _init_interaction(self) -> None:
        self._press = None  # pos, t0, scroll_y
        self._mode = None  # pending | pan | box | overview
        self._rubber_band = None
        self._hovered = None  # the Hit under the resting mouse, drawn with a faint ring
        # The titles of the picture last drawn, and the view_key() it was drawn for.
        self._label_hits: tuple[tuple[object, ...] | None,
                                list[tuple[float, float, float, int, int]]] = (None, [])

    def zoom_by(self, factor: float, x: float) -> None:
        """Zoom by ``factor`` (>1 zooms in) around widget x ``x``."""
        viewport = self._viewport
        wanted = viewport.px_per_day * factor
        bounded = min(max(wanted, self._min_px_per_day()), MAX_PX_PER_DAY)
        viewport.zoom_at(x, bounded / viewport.px_per_day)
        self._clamp_zoom()
        self.update()

    def zoom_in(self) -> None:
        """Zoom in a step around the middle of the view (the + key, View > Zoom in)."""
        self.zoom_by(1.5, self.time_width() / 2)

    def zoom_out(self) -> None:
        """Zoom out a step around the middle of the view (the - key, View > Zoom out)."""
        self.zoom_by(1 / 1.5, self.time_width() / 2)

    def pan_by(self, dx: float, dy: float = 0.0) -> None:
        """Move the content by (dx, dy) px, as a drag does."""
        self._viewport.t0 -= dx / self._viewport.px_per_day
        self._set_scroll(self._scroll_y - dy)
        self._clamp_zoom()
        self.update()

    def _min_px_per_day(self) -> float:
        return self.time_width() / (MIN_VIEW_YEARS * 365.25)

    def _clamp_zoom(self) -> None:
        """Keep the scale and the window within what the axis can show; called after every
        move except fit_all, so it also marks the view as no longer fitted."""
        viewport = self._viewport
        self._fitted = False
        viewport.px_per_day = min(max(viewport.px_per_day, self._min_px_per_day()), MAX_PX_PER_DAY)
        span = self.time_width() / viewport.px_per_day
        viewport.t0 = min(max(viewport.t0, scale.MIN_DAYS), scale.MAX_DAYS - span)

    def _in_overview(self, y: float) -> bool:
        return y >= self.height() - OVERVIEW_H

    def _centre_on_overview(self, x: float) -> None:
        if not self._layout.events:
            return
        middle = self._overview.t_of(x, self.time_width())
        self._viewport.t0 = middle - self.time_width() / 2 / self._viewport.px_per_day
        self._clamp_zoom()
        self.update()

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 (Qt's name)
        """Zoom around the cursor; Ctrl in bigger steps, Shift scrolls the lanes, sideways pans."""
        delta = event.angleDelta()
        modifiers = event.modifiers()
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            notches = (delta.y() or delta.x()) / 120
            self._set_scroll(self._scroll_y - notches * 3 * LINE_H)
            self.update()
        elif delta.x() and not delta.y():
            self.pan_by(delta.x() / 120 * self.time_width() / 10)
        else:
            step = 2.0 if modifiers & Qt.KeyboardModifier.ControlModifier else WHEEL_STEP
            self.zoom_by(step ** (delta.y() / 120), event.position().x())
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Start a pan, a box (Shift) or a move of the window (on the overview strip)."""
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        side = self._edge_at(pos)
        if side is not None:
            self.go_beyond(side)
            return
        self._press = (pos, self._viewport.t0, self._scroll_y)
        if self._in_overview(pos.y()):
            self._mode = "overview"
            self._centre_on_overview(pos.x())
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            # Also from on an event: a Shift+click without a drag still adds it (release).
            self._mode = "box"
            self._rubber_band = QRectF(pos, pos)
        else:
            self._mode = "pending"

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Hover when no button is down; otherwise pan, grow the box or follow the overview."""
        if self._press is None:
            self._hover(event.position())
            return
        pos = event.position()
        start, t0, scroll_y = self._press
        if self._mode == "overview":
            self._centre_on_overview(pos.x())
        elif self._mode == "box":
            self._rubber_band = QRectF(start, pos).normalized()
            self.update()
        elif self._mode == "pending" and (pos - start).manhattanLength() >= DRAG_THRESHOLD:
            self._mode = "pan"
        if self._mode == "pan":
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            self._viewport.t0 = t0 - (pos.x() - start.x()) / self._viewport.px_per_day
            self._set_scroll(scroll_y - (pos.y() - start.y()))
            self._clamp_zoom()
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Finish the gesture: zoom to the box, or treat a press without a drag as a click."""
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            return
        mode, self._mode, self._press = self._mode, None, None
        self.unsetCursor()
        if mode == "box" and self._rubber_band is not None:
            band, self._rubber_band = self._rubber_band, None
            if band.width() >= 4:
                viewport = self._viewport
                viewport.show(
                    viewport.t_of(band.left()), viewport.t_of(band.right()), self.time_width()
                )
                self._clamp_zoom()
            elif band.height() < 4:
                self._click(event.position(), event.modifiers())
            self.update()
        elif mode == "pending":
            self._click(event.position(), event.modifiers())

    def _hover(self, pos: QPointF) -> None:
        hit = self._hit(pos)
        if hit != self._hovered:
            self._hovered = hit
            if hit is None:
                self.unsetCursor()
            else:
                self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.update()

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802
        """Forget the hovered event when the mouse leaves the canvas."""
        if self._hovered is not None:
            self._hovered = None
            self.unsetCursor()
            self.update()
        super().leaveEvent(event)

    def _edge_at(self, pos: QPointF) -> str | None:
        """Return the side of the edge marker at ``pos`` (as last drawn), or None."""
        return next((side for side, rect in self._edge_rects if rect.contains(pos)), None)

    def _hit(self, pos: QPointF) -> Hit | None:
        hit = hit_at(
            self._layout,
            self._viewport,
            self._scroll_y,
            pos.x(),
            pos.y(),
            self._lanes.cluster_width,
        )
        if hit is None and self._label_hits[0] == self.view_key():
            # Not on a glyph: on a title the current picture shows, which is its event's.
            x, y, height = pos.x(), pos.y(), self._lanes.texts.label_height
            for left, top, width, row, position in self._label_hits[1]:
                if left <= x <= left + width and top <= y <= top + height:
                    return Hit(row, position, position)
        return hit

    def _click(self, pos: QPointF, modifiers: Qt.KeyboardModifier) -> None:
        hit = self._hit(pos)
        if hit is not None and hit.is_cluster:
            # A click on a cluster zooms into it until it splits.
            row = self._layout.rows[hit.row]
            start, end = row.starts[hit.first], row.ends[hit.last]
            pad = (end - start) * 0.1 + 1 / 1440
            self._viewport.show(start - pad, end + pad, self.time_width())
            self._clamp_zoom()
            self.update()
            return
        ids = hit_event_ids(self._layout, hit) if hit else []
        before = set(self._selected)
        if modifiers & Qt.KeyboardModifier.ControlModifier:
            self._selected ^= set(ids)
        elif modifiers & Qt.KeyboardModifier.ShiftModifier:
            self._selected |= set(ids)
        else:
            self._selected = set(ids)
        if self._selected != before:
            self.update()
            self.selectionChanged.emit(sorted(self._selected))

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """Ask to open the source of the double-clicked event."""
        hit = self._hit(event.position())
        if hit is not None and not hit.is_cluster:
            self.eventActivated.emit(hit_event_ids(self._layout, hit)[0])

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """+ - zoom, arrows pan and scroll, Home fits all, F zooms to the selection, Esc
        clears it."""
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_Left:
            self.pan_by(self.time_width() / 8)
        elif key == Qt.Key.Key_Right:
            self.pan_by(-self.time_width() / 8)
        elif key == Qt.Key.Key_Up:
            self.pan_by(0, 3 * LINE_H)
        elif key == Qt.Key.Key_Down:
            self.pan_by(0, -3 * LINE_H)
        elif key == Qt.Key.Key_PageUp:
            self.pan_by(0, self.lanes_height() * 0.9)
        elif key == Qt.Key.Key_PageDown:
            self.pan_by(0, -self.lanes_height() * 0.9)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        elif key == Qt.Key.Key_F:
            self.zoom_to_selection()
        elif key == Qt.Key.Key_Escape and self._selected:
            self._selected = set()
            self.update()
            self.selectionChanged.emit([])
        else:
            super().keyPressEvent(event)

    def zoom_to_selection(self) -> None:
        """Show the stretch covering the selected events (nothing happens with none)."""
        places = [
            self._layout.place_of_id[i] for i in self._selected if i in self._layout.place_of_id
        ]
        if not places:
            return
        start = min(self._layout.rows[r].starts[p] for r, p in places)
        end = max(self._layout.rows[r].ends[p] for r, p in places)
        pad = (end - start) * 0.1 + 1 / 24
        self._viewport.show(start - pad, end + pad, self.time_width())
        self._clamp_zoom()
        if len(places) == 1:
            self.center_on(next(iter(self._selected)))
        self.update()
