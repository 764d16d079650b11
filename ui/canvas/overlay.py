"""What is drawn over the cached picture each repaint: selection rings, the hovered event,
the zoom box and the empty-canvas hint. All cheap, so changing
the selection or moving the mouse never repaints the events."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPalette, QPen

from .hits import Hit
from .layout import BAR_PX, CanvasLayout
from .scale import Viewport
from .style import AXIS_H, GLYPH, LINE_H


def _tinted(colour: QColor, alpha: int) -> QColor:
    return QColor(colour.red(), colour.green(), colour.blue(), alpha)


# A key day narrower than this on screen is still seen.
KEY_DAY_MIN_PX = 3.0


def paint_key_days(painter: QPainter, viewport: Viewport,
                   spans: Sequence[tuple[float, float]], width: float, lanes_height: float,
                   highlight: QColor) -> None:
    """Draw each key day as a faint band over the lanes and a mark on the axis's foot."""
    painter.save()
    painter.setPen(Qt.PenStyle.NoPen)
    band, mark = _tinted(highlight, 34), _tinted(highlight, 200)
    for start, end in spans:
        x0, x1 = viewport.x_of(start), viewport.x_of(end)
        if x1 < -KEY_DAY_MIN_PX or x0 > width + KEY_DAY_MIN_PX:
            continue
        if x1 - x0 < KEY_DAY_MIN_PX:
            x0, x1 = (x0 + x1 - KEY_DAY_MIN_PX) / 2, (x0 + x1 + KEY_DAY_MIN_PX) / 2
        painter.setBrush(band)
        painter.drawRect(QRectF(x0, AXIS_H, x1 - x0, lanes_height))
        painter.setBrush(mark)
        painter.drawRect(QRectF(x0, AXIS_H - 3, x1 - x0, 3))
    painter.restore()


def paint_overlay(
    painter: QPainter, layout: CanvasLayout, viewport: Viewport, scroll_y: float, width: float,
    lanes_height: float, palette: QPalette, selected_spots: Iterable[QPointF], hovered: Hit | None,
    rubber_band: QRectF | None, cluster_width: Callable[[int], float],
    key_spans: Sequence[tuple[float, float]] = (),
) -> None:
    """Draw the overlay for a widget ``width`` px wide whose lanes are ``lanes_height`` tall;
    ``key_spans`` are the key dates' days (in days), drawn as faint bands."""
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    if key_spans:
        paint_key_days(painter, viewport, key_spans, width, lanes_height, highlight)
    painter.setClipRect(QRectF(0, AXIS_H, width, lanes_height))
    painter.setPen(QPen(highlight, 2.5))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    for spot in selected_spots:
        if -20 < spot.x() < width + 20:
            painter.drawEllipse(spot, GLYPH / 2 + 3, GLYPH / 2 + 3)
    if (
        hovered is not None
        and hovered.row < len(layout.rows)
        and hovered.last < len(layout.rows[hovered.row].starts)
    ):
        row = layout.rows[hovered.row]
        x0, x1 = viewport.x_of(row.starts[hovered.first]), viewport.x_of(row.ends[hovered.last])
        y = AXIS_H + row.line * LINE_H - scroll_y
        painter.setPen(QPen(_tinted(highlight, 120), 1.5))
        if hovered.is_cluster or x1 - x0 >= BAR_PX:
            least = cluster_width(hovered.last - hovered.first + 1) if hovered.is_cluster else GLYPH
            if x1 - x0 < least:  # as wide as the painter drew it, around the same middle
                x0, x1 = (x0 + x1 - least) / 2, (x0 + x1 + least) / 2
            left, right = max(x0, -4.0), min(x1, width + 4)
            painter.drawRoundedRect(QRectF(left - 2, y + 1, right - left + 4, LINE_H - 2), 3, 3)
        else:
            painter.drawEllipse(
                QPointF((x0 + x1) / 2, y + LINE_H / 2), GLYPH / 2 + 2, GLYPH / 2 + 2
            )
    if not layout.events:
        painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        painter.drawText(
            QRectF(0, AXIS_H, width, lanes_height),
            Qt.AlignmentFlag.AlignCenter,
            "No events to show",
        )
    if rubber_band is not None:
        painter.setPen(QPen(highlight, 1))
        painter.setBrush(_tinted(highlight, 50))
        painter.drawRect(rubber_band)
