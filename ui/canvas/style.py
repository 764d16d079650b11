"""Colours, shapes and sizes of the canvas: status by colour AND shape (Okabe-Ito palette,
safe for colour-blind readers), and pre-rendered glyph images so the painter blits instead
of tessellating thousands of circles per frame."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QImage, QPainter, QPen, QPolygonF

# Okabe-Ito: grey, bluish green, blue, vermillion.
STATUS_COLOURS = (
    QColor("#8a8a8a"),  # unreviewed: grey hollow circle
    QColor("#009e73"),  # accepted: filled circle
    QColor("#0072b2"),  # corrected: filled diamond
    QColor("#d55e00"),  # rejected: cross
)

LINE_H = 18  # one lane row (and one group header)
AXIS_H = 40  # two tiers of labels
OVERVIEW_H = 30  # the whole span with the current window
GLYPH = 11  # a point glyph's box, px
BAR_H = 10


def draw_glyph(painter: QPainter, status: int, cx: float, cy: float, size: float = GLYPH) -> None:
    """Draw the status glyph centred on (cx, cy) with vector shapes (for SVG and the atlas)."""
    colour = STATUS_COLOURS[status]
    r = size / 2 - 1
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if status == 0:
        painter.setPen(QPen(colour, 2.0))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawEllipse(QPointF(cx, cy), r - 0.5, r - 0.5)
    elif status == 1:
        painter.setPen(QPen(colour.darker(130), 1.0))
        painter.setBrush(QBrush(colour))
        painter.drawEllipse(QPointF(cx, cy), r, r)
    elif status == 2:
        painter.setPen(QPen(colour.darker(130), 1.0))
        painter.setBrush(QBrush(colour))
        r += 0.8
        painter.drawPolygon(
            QPolygonF(
                [QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)]
            )
        )
    else:
        pen = QPen(colour, 2.4)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        d = r - 0.8
        painter.drawLine(QPointF(cx - d, cy - d), QPointF(cx + d, cy + d))
        painter.drawLine(QPointF(cx - d, cy + d), QPointF(cx + d, cy - d))
    painter.restore()


def draw_halo(painter: QPainter, colour: QColor, cx: float, cy: float, size: float = GLYPH) -> None:
    """Draw the disc in ``colour`` that a glyph on a bar sits on (its shape stays legible)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    painter.drawEllipse(QPointF(cx, cy), size / 2 + 0.5, size / 2 + 0.5)
    painter.restore()


class GlyphAtlas:
    """One pre-rendered image per status, drawn at a pixel-aligned spot."""

    def __init__(self, device_pixel_ratio: float = 1.0) -> None:
        self.size = GLYPH + 2
        self.ratio = device_pixel_ratio
        self.images: list[QImage] = []
        for status in range(len(STATUS_COLOURS)):
            side = int(self.size * device_pixel_ratio + 0.5)
            image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
            image.setDevicePixelRatio(device_pixel_ratio)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            draw_glyph(painter, status, self.size / 2, self.size / 2)
            painter.end()
            self.images.append(image)

    def halo_image(self, colour: QColor) -> QImage:
        """Return the disc drawn under a glyph on a bar, in ``colour``, the glyphs' size."""
        side = int(self.size * self.ratio + 0.5)
        image = QImage(side, side, QImage.Format.Format_ARGB32_Premultiplied)
        image.setDevicePixelRatio(self.ratio)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        draw_halo(painter, colour, self.size / 2, self.size / 2)
        painter.end()
        return image

    def source_rect(self) -> QRectF:
        """Return the whole glyph image's rectangle (in its own pixels)."""
        side = self.images[0].width()
        return QRectF(0, 0, side, side)


def faded(colour: QColor, alpha: int) -> QColor:
    """Return ``colour`` with ``alpha`` (0-255)."""
    copy = QColor(colour)
    copy.setAlpha(alpha)
    return copy


def font_fitting(font: QFont, height: float) -> QFont:
    """Return ``font``, made smaller when needed so a line of it is at most ``height`` px
    tall: lane rows and the axis tiers have fixed heights, and a large widget font
    would otherwise spill over the row below."""
    fitted = QFont(font)
    if fitted.pointSizeF() <= 0:  # a font set in pixels
        while fitted.pixelSize() > 8 and QFontMetricsF(fitted).height() > height:
            fitted.setPixelSize(fitted.pixelSize() - 1)
        return fitted
    size = fitted.pointSizeF()
    while size > 6.0 and QFontMetricsF(fitted).height() > height:
        size -= 0.5
        fitted.setPointSizeF(size)
    return fitted
