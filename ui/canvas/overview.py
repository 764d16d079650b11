"""The overview strip: the whole span's density, with the current window marked on it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QImage, QPainter, QPalette, QPen

from . import scale
from .axis import measure_label_widths
from .layout import CanvasLayout
from .scale import Viewport, from_days
from .style import OVERVIEW_H, faded

_LABEL_GAP = 24.0  # px between the strip's date labels


class Overview:
    """Maps the whole span onto the strip's width and caches its density picture."""

    def __init__(self) -> None:
        self._image: QImage | None = None
        self._key: tuple[object, ...] | None = None
        self.t_start = 0.0
        self.t_end = 1.0
        self._widths: dict[str, float] = {}
        self._widths_key: tuple[float, float] | None = None

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
        image = self._image
        if image is None or key != self._key:
            image = self._image = self._render_density(layout, int(width), palette)
            self._key = key
        painter.fillRect(
            QRectF(0, top, width, OVERVIEW_H), palette.color(QPalette.ColorRole.Window)
        )
        painter.drawImage(QRectF(0, top, width, OVERVIEW_H), image)
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
        self._paint_dates(painter, width, top, palette)

    def _paint_dates(self, painter: QPainter, width: float, top: float, palette: QPalette) -> None:
        """Write the years the strip runs between and, between them where they fit, year
        ticks, so the window's place reads as a date."""
        metrics = QFontMetricsF(painter.font())
        backing = faded(palette.color(QPalette.ColorRole.Window), 190)
        painter.setPen(faded(palette.color(QPalette.ColorRole.WindowText), 170))

        def write(left: float, label: str) -> None:
            # On a backing of the strip's colour: the density bars would blur the digits.
            painter.fillRect(
                QRectF(left - 1, top + 2, metrics.horizontalAdvance(label) + 2, metrics.height()),
                backing,
            )
            painter.drawText(QPointF(left, top + 2 + metrics.ascent()), label)

        first, last = str(from_days(self.t_start).year), str(from_days(self.t_end).year)
        write(4, first)
        free_to = width - 4 - metrics.horizontalAdvance(last)
        if last != first:
            write(free_to, last)
        # Between them, only where a label clears both ends and its neighbours; years only,
        # as month or day ticks would not say which year they are in.
        free_from = 4 + metrics.horizontalAdvance(first) + _LABEL_GAP
        free_to -= _LABEL_GAP
        px_per_day = width / (self.t_end - self.t_start)
        widths = self._label_widths(metrics)
        level = next((level for level in scale.LEVELS if level.unit == "year"
                      and level.min_days * px_per_day >= widths[level.name] + _LABEL_GAP), None)
        if level is None:
            return
        for days, label in scale.ticks(level, self.t_start, self.t_end):
            x = self.x_of(days, width)
            if x + 2 >= free_from and x + 2 + metrics.horizontalAdvance(label) <= free_to:
                painter.drawLine(QPointF(x, top + OVERVIEW_H - 4), QPointF(x, top + OVERVIEW_H))
                write(x + 2, label)
                free_from = x + 2 + metrics.horizontalAdvance(label) + _LABEL_GAP

    def _label_widths(self, metrics: QFontMetricsF) -> dict[str, float]:
        key = metrics.height(), metrics.averageCharWidth()
        if key != self._widths_key:
            self._widths, self._widths_key = measure_label_widths(metrics), key
        return self._widths

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
