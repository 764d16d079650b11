"""The overview strip: the whole span's density, with the current window marked on it."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter, QPalette, QPen

from .layout import CanvasLayout
from .scale import Viewport, from_days
from .style import OVERVIEW_H, faded


class Overview:
    """Maps the whole span onto the strip's width and caches its density picture."""

    def __init__(self) -> None:
        self._image: QImage | None = None
        self._key: tuple | None = None
        self.t_start = 0.0
        self.t_end = 1.0

    def follow(self, layout: CanvasLayout) -> None:
        """Map the strip onto ``layout``'s span (call on every data change)."""
        self.t_start, self.t_end = self.span_for(layout)

    def span_for(self, layout: CanvasLayout) -> tuple[float, float]:
        """Return the stretch of time the strip shows: all events plus a small margin."""
        span = max(layout.t_max - layout.t_min, 1.0)
        return layout.t_min - span * 0.02, layout.t_max + span * 0.02

    def x_of(self, days: float, width: float) -> float:
        """Return the strip x of time ``days``."""
        return (days - self.t_start) / (self.t_end - self.t_start) * width

    def t_of(self, x: float, width: float) -> float:
        """Return the time at strip x ``x``."""
        return self.t_start + x / width * (self.t_end - self.t_start)

    def paint(
        self, painter: QPainter, layout: CanvasLayout, layout_version: int, viewport: Viewport,
        width: float, top: float, palette: QPalette,
    ) -> None:
        """Draw the strip at ``top``: density bars and the current window."""
        self.follow(layout)
        key = (layout_version, int(width), palette.color(QPalette.ColorRole.Text).rgba())
        if key != self._key:
            self._image = self._render_density(layout, int(width), palette)
            self._key = key
        painter.fillRect(QRectF(0, top, width, OVERVIEW_H), palette.color(QPalette.ColorRole.Window))
        painter.drawImage(QRectF(0, top, width, OVERVIEW_H), self._image)
        left = self.x_of(viewport.t_of(0), width)
        right = self.x_of(viewport.t_of(width), width)
        left, right = max(left, -2.0), min(right, width + 2)
        if right - left < 3:
            centre = (left + right) / 2
            left, right = centre - 1.5, centre + 1.5
        highlight = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(highlight, 1.5))
        painter.setBrush(faded(highlight, 50))
        painter.drawRect(QRectF(left, top + 1.5, right - left, OVERVIEW_H - 3))
        painter.setPen(QPen(faded(palette.color(QPalette.ColorRole.WindowText), 90), 1))
        painter.drawLine(0, int(top), int(width), int(top))
        # The years the strip runs between, so the window's place reads as a date.
        painter.setPen(faded(palette.color(QPalette.ColorRole.WindowText), 150))
        first, last = from_days(self.t_start).year, from_days(self.t_end).year
        box = QRectF(4, top + 2, width - 8, OVERVIEW_H - 4)
        painter.drawText(box, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, str(first))
        if last != first:
            painter.drawText(box, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, str(last))

    def _render_density(self, layout: CanvasLayout, width: int, palette: QPalette) -> QImage:
        bins = max(1, width // 3)
        counts = layout.density(self.t_start, self.t_end, bins)
        image = QImage(max(width, 1), OVERVIEW_H, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        peak = max(counts, default=0) or 1
        painter = QPainter(image)
        colour = faded(palette.color(QPalette.ColorRole.Text), 110)
        for index, count in enumerate(counts):
            if count:
                # Square root so sparse stretches still show.
                height = max(1.0, (count / peak) ** 0.5 * (OVERVIEW_H - 6))
                painter.fillRect(QRectF(index * 3, OVERVIEW_H - 3 - height, 2, height), colour)
        painter.end()
        return image
