"""The time axis band (two tiers of labels) and the grid lines it casts over the lanes."""

from __future__ import annotations

from PySide6.QtCore import QLineF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPalette, QPen

from . import scale
from .style import AXIS_H, faded


def measure_label_widths(metrics: QFontMetricsF) -> dict[str, float]:
    """Return, per tick level name, the width (px) of its widest possible label."""
    return {
        level.name: max(metrics.horizontalAdvance(text) for text in scale.sample_labels(level))
        for level in scale.LEVELS
    }


def paint_grid(
    painter: QPainter, viewport: scale.Viewport, level: scale.Level, width: float,
    top: float, bottom: float, palette: QPalette,
) -> None:
    """Draw faint lines at the lower-tier ticks and stronger ones at the upper tier."""
    t_left, t_right = viewport.t_of(0), viewport.t_of(width)
    text = palette.color(QPalette.ColorRole.Text)
    base = palette.color(QPalette.ColorRole.Base)
    # Opaque one-pixel rectangles in a colour mixed by hand: blending a tall thin
    # translucent line costs the raster engine some 20 times more.
    faint, strong = mixed(base, text, 0.09), mixed(base, text, 0.24)
    for x in _xs(viewport, scale.ticks(level, t_left, t_right)):
        painter.fillRect(QRectF(x - 0.5, top, 1, bottom - top), faint)
    for x in _xs(viewport, scale.major_ticks(level, t_left, t_right)):
        painter.fillRect(QRectF(x - 0.5, top, 1, bottom - top), strong)


def mixed(under: QColor, over: QColor, share: float) -> QColor:
    """Return the opaque colour of ``over`` laid at ``share`` opacity on ``under``."""
    return QColor(
        round(under.red() + (over.red() - under.red()) * share),
        round(under.green() + (over.green() - under.green()) * share),
        round(under.blue() + (over.blue() - under.blue()) * share),
    )


def _xs(viewport: scale.Viewport, tick_list: list[tuple[float, str]]) -> list[float]:
    return [round(viewport.x_of(days)) + 0.5 for days, _label in tick_list]


def paint_axis(
    painter: QPainter, viewport: scale.Viewport, level: scale.Level, width: float,
    palette: QPalette, metrics: QFontMetricsF,
) -> None:
    """Draw the axis band at the top: upper-tier labels (kept in view while their stretch
    is) above lower-tier labels centred on their stretch."""
    t_left, t_right = viewport.t_of(0), viewport.t_of(width)
    painter.fillRect(QRectF(0, 0, width, AXIS_H), palette.color(QPalette.ColorRole.Window))
    text = palette.color(QPalette.ColorRole.WindowText)
    half = AXIS_H / 2
    painter.setPen(QPen(faded(text, 90), 1))
    painter.drawLine(QLineF(0, AXIS_H - 0.5, width, AXIS_H - 0.5))
    majors = scale.major_tick_labels(level, t_left, t_right)
    painter.setPen(text)
    for index, (days, labels) in enumerate(majors):
        x = viewport.x_of(days)
        x_next = viewport.x_of(majors[index + 1][0]) if index + 1 < len(majors) else width
        # Kept at the left edge while its stretch is in view, in the longest form that fits.
        left = max(x, 0.0) + 4
        room = min(x_next, width) - left - 4
        label = next((form for form in labels if metrics.horizontalAdvance(form) <= room), None)
        if label is not None:
            painter.drawText(QRectF(left, 2, room, half - 2), Qt.AlignmentFlag.AlignVCenter, label)
        painter.drawLine(QLineF(round(x) + 0.5, 0, round(x) + 0.5, AXIS_H))
    minors = scale.ticks(level, t_left, t_right)
    painter.setPen(faded(text, 200))
    # Hours, minutes and weeks name an instant: the label starts at its tick. Days, months
    # and years name a stretch: the label sits in the middle of it.
    at_tick = level.unit in ("hour", "minute", "week")
    for index, (days, label) in enumerate(minors):
        x = viewport.x_of(days)
        x_next = viewport.x_of(minors[index + 1][0]) if index + 1 < len(minors) else viewport.x_of(
            days + level.min_days
        )
        painter.drawLine(QLineF(round(x) + 0.5, AXIS_H - 6, round(x) + 0.5, AXIS_H))
        if x < 0 and _cut_at_left_edge(label, x, x_next, at_tick, metrics):
            continue  # a stub such as "0" of "12:00" reads as a label of its own
        if at_tick:
            painter.drawText(
                QRectF(x + 3, half, x_next - x - 3, half - 2), Qt.AlignmentFlag.AlignVCenter, label
            )
        else:
            painter.drawText(
                QRectF(x, half, x_next - x, half - 2), Qt.AlignmentFlag.AlignCenter, label
            )


def _cut_at_left_edge(
    label: str, x: float, x_next: float, at_tick: bool, metrics: QFontMetricsF
) -> bool:
    """Return True when the lower-tier label of the tick at ``x`` would start left of the view."""
    text_width = metrics.horizontalAdvance(label)
    left = x + 3 if at_tick else (x + x_next - text_width) / 2
    return left < 0
