"""Bars: events wider than a glyph. A real interval is a solid bar; one unit of a coarse
granularity ("2019") fades in and out so no edge claims a precise moment.

Gradient fills cost the raster engine several times a blit, so soft bars are drawn from
small pre-rendered images: stretched whole when narrow, as two fading edges and a plain
middle when wide. SVG export gets real gradients.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QGradient,
    QImage,
    QLinearGradient,
    QPainter,
    QPen,
    QPolygonF,
)

from .data import KIND_INTERVAL, KIND_OPEN_BEFORE, KIND_UNCERTAIN
from .style import BAR_H, GLYPH, STATUS_COLOURS, faded

OPEN_TAIL_PX = 44  # how far an open-ended event's tail fades towards its open side
OPEN_ARROW_PX = 12  # the room its arrow takes beside the glyph


def paint_bar(painter: QPainter, kind: int, status: int, x0: float, x1: float, mid_y: float,
              width: float, vector: bool) -> None:
    """Draw an event wider than a glyph: a solid bar for a real interval, a bar fading in
    and out for one unit of an uncertain time, clipped to the view's ``width``."""
    top = mid_y - BAR_H / 2
    # Clipped to the view: far zoomed in, a decade is 10^9 px, beyond what Qt can raster.
    left, right = max(x0, -2.0), min(x1, width + 2)
    if kind == KIND_INTERVAL:
        painter.setPen(_INTERVAL_PENS[status])
        painter.setBrush(_INTERVAL_FILLS[status])
        painter.drawRect(QRectF(left, top, right - left, BAR_H))
        return
    # Uncertain stretches fade in and out: no edge claims a precise moment.
    coarse = kind == KIND_UNCERTAIN
    if x1 - x0 <= _SOFT_MAX_PX / 0.3:
        # Narrow bars: a pre-rendered soft bar, stretched (a blit, not a gradient fill).
        painter.drawImage(QRectF(x0, top, x1 - x0, BAR_H), _soft_image(status, coarse))
        return
    if vector:
        bucket = min(int(_SOFT_MAX_PX / (right - left) * 40), 12)  # soft share, in 1/40
        painter.fillRect(
            QRectF(left, top, right - left, BAR_H), _soft_brush(status, coarse, bucket)
        )
        return
    edge = _SOFT_MAX_PX
    fade_in, fade_out, solid = _soft_parts(status, coarse)
    if x0 + edge > -2:
        painter.drawImage(QRectF(x0, top, edge, BAR_H), fade_in)
    middle_left, middle_right = max(x0 + edge, -2.0), min(x1 - edge, width + 2)
    if middle_right > middle_left:
        painter.fillRect(QRectF(middle_left, top, middle_right - middle_left, BAR_H), solid)
    if x1 - edge < width + 2:
        painter.drawImage(QRectF(x1 - edge, top, edge, BAR_H), fade_out)


_INTERVAL_PENS = [QPen(colour.darker(120), 1) for colour in STATUS_COLOURS]
_INTERVAL_FILLS = [QBrush(faded(colour, 170)) for colour in STATUS_COLOURS]
_SOFT_BRUSHES: dict[tuple[int, bool, int], QBrush] = {}
_SOFT_IMAGES: dict[tuple[int, bool], QImage] = {}
_SOFT_MAX_PX = 28.0  # the widest a soft edge gets


def _soft_image(status: int, coarse: bool) -> QImage:
    """Return a small soft bar (30% fade at each end) to stretch over narrow bars."""
    key = (status, coarse)
    image = _SOFT_IMAGES.get(key)
    if image is None:
        image = QImage(64, BAR_H, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.fillRect(QRectF(0, 0, 64, BAR_H), _soft_brush(status, coarse, 12))
        painter.end()
        image = _SOFT_IMAGES[key] = image
    return image


_SOFT_PARTS: dict[tuple[int, bool], tuple[QImage, QImage, QColor]] = {}


def _soft_parts(status: int, coarse: bool) -> tuple[QImage, QImage, QColor]:
    """Return the fade-in edge, the fade-out edge and the middle colour of a wide soft bar."""
    key = (status, coarse)
    parts = _SOFT_PARTS.get(key)
    if parts is None:
        edge = int(_SOFT_MAX_PX)
        colour, alpha = STATUS_COLOURS[status], (80 if coarse else 55)
        fade_in = QImage(edge, BAR_H, QImage.Format.Format_ARGB32_Premultiplied)
        fade_in.fill(Qt.GlobalColor.transparent)
        gradient = QLinearGradient(0, 0, edge, 0)
        gradient.setColorAt(0.0, faded(colour, 0))
        gradient.setColorAt(1.0, faded(colour, alpha))
        painter = QPainter(fade_in)
        painter.fillRect(QRectF(0, 0, edge, BAR_H), QBrush(gradient))
        painter.end()
        fade_out = fade_in.flipped(Qt.Orientation.Horizontal)
        parts = _SOFT_PARTS[key] = (fade_in, fade_out, faded(colour, alpha))
    return parts


def _soft_brush(status: int, coarse: bool, bucket: int) -> QBrush:
    """Return the fade-in/fade-out brush, relative to the bar's own box (so it is cached)."""
    key = (status, coarse, bucket)
    brush = _SOFT_BRUSHES.get(key)
    if brush is None:
        colour, alpha, soft = STATUS_COLOURS[status], (80 if coarse else 55), max(bucket, 1) / 40
        gradient = QLinearGradient(0, 0, 1, 0)
        gradient.setCoordinateMode(QGradient.CoordinateMode.ObjectBoundingMode)
        gradient.setColorAt(0.0, faded(colour, 0))
        gradient.setColorAt(soft, faded(colour, alpha))
        gradient.setColorAt(1.0 - soft, faded(colour, alpha))
        gradient.setColorAt(1.0, faded(colour, 0))
        brush = _SOFT_BRUSHES[key] = QBrush(gradient)
    return brush


def paint_open_tail(
    painter: QPainter, kind: int, status: int, cx: float, mid_y: float, vector: bool
) -> None:
    """Draw an open-ended event's tail: a bar fading away from the glyph at ``cx``
    towards the open side, with an arrowhead beside the glyph pointing that way."""
    towards = -1.0 if kind == KIND_OPEN_BEFORE else 1.0
    top = mid_y - BAR_H / 2
    box = (
        QRectF(cx, top, OPEN_TAIL_PX, BAR_H)
        if towards > 0
        else QRectF(cx - OPEN_TAIL_PX, top, OPEN_TAIL_PX, BAR_H)
    )
    if vector:
        gradient = QLinearGradient(cx, 0, cx + towards * OPEN_TAIL_PX, 0)
        gradient.setColorAt(0.0, faded(STATUS_COLOURS[status], _OPEN_ALPHA))
        gradient.setColorAt(1.0, faded(STATUS_COLOURS[status], 0))
        painter.fillRect(box, QBrush(gradient))
    else:
        painter.drawImage(box, _open_tail_image(status, towards < 0))
    # A short shaft and a head: "from here on" (or "up to here"), in the status colour.
    colour = STATUS_COLOURS[status]
    shaft_start = cx + towards * (GLYPH / 2 + 1)
    tip = cx + towards * (GLYPH / 2 + OPEN_ARROW_PX)
    back = tip - towards * 6
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(QPen(colour, 2))
    painter.drawLine(QPointF(shaft_start, mid_y), QPointF(back, mid_y))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    painter.drawPolygon(
        QPolygonF([QPointF(tip, mid_y), QPointF(back, mid_y - 4.5), QPointF(back, mid_y + 4.5)])
    )
    painter.restore()


_OPEN_ALPHA = 110
_OPEN_TAILS: dict[tuple[int, bool], QImage] = {}


def _open_tail_image(status: int, pointing_left: bool) -> QImage:
    """Return the pre-rendered tail that fades out to the right (or to the left)."""
    key = (status, pointing_left)
    image = _OPEN_TAILS.get(key)
    if image is None:
        image = QImage(OPEN_TAIL_PX, BAR_H, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        gradient = QLinearGradient(0, 0, OPEN_TAIL_PX, 0)
        gradient.setColorAt(0.0, faded(STATUS_COLOURS[status], _OPEN_ALPHA))
        gradient.setColorAt(1.0, faded(STATUS_COLOURS[status], 0))
        painter = QPainter(image)
        painter.fillRect(QRectF(0, 0, OPEN_TAIL_PX, BAR_H), QBrush(gradient))
        painter.end()
        if pointing_left:
            image = image.flipped(Qt.Orientation.Horizontal)
        image = _OPEN_TAILS[key] = image
    return image
