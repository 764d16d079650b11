"""The markers at the edges of the lanes that say how many events lie beyond the view
("◀ 3 earlier", "12 later ▶"): Fit all shows where most events are, so a stray "1898"
stays off-screen, and the analyst still learns it is there. A click on a marker brings
the nearest of those events to the middle at the same zoom (click again for the next).
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPalette, QPen

from .style import faded

EARLIER, LATER = "earlier", "later"
_PAD = 6.0  # px between a marker's text and its box, and its box and the edge


@dataclass(frozen=True, slots=True)
class Beyond:
    """How many events lie wholly before and after a time window, and the nearest of
    each (canvas days: the latest end before it, the earliest start after it)."""

    earlier: int
    later: int
    nearest_earlier: float | None
    nearest_later: float | None


def beyond(sorted_starts: Sequence[float], sorted_ends: Sequence[float],
           t_left: float, t_right: float) -> Beyond:
    """Return what lies wholly outside [t_left, t_right] (an event overlapping it is in
    view, however long): counted by two bisects over the sorted starts and ends."""
    earlier = bisect_left(sorted_ends, t_left)
    first_later = bisect_right(sorted_starts, t_right)
    return Beyond(
        earlier=earlier,
        later=len(sorted_starts) - first_later,
        nearest_earlier=sorted_ends[earlier - 1] if earlier else None,
        nearest_later=sorted_starts[first_later] if first_later < len(sorted_starts) else None,
    )


def marker_text(side: str, count: int) -> str:
    """Return a marker's words: "◀ 3 earlier" or "12 later ▶"."""
    return f"◀ {count} earlier" if side == EARLIER else f"{count} later ▶"


def marker_rects(metrics: QFontMetricsF, counts: Beyond, width: float, bottom: float
                 ) -> list[tuple[str, QRectF]]:
    """Return where the markers go (side, box): bottom left and bottom right of the
    lanes ending at ``bottom``, one only for a side with events beyond it."""
    height = metrics.height() + 4
    rects = []
    for side, count in ((EARLIER, counts.earlier), (LATER, counts.later)):
        if count:
            text_width = metrics.horizontalAdvance(marker_text(side, count)) + 2 * _PAD
            left = _PAD if side == EARLIER else width - _PAD - text_width - 14  # scroll bar
            rects.append((side, QRectF(left, bottom - height - 4, text_width, height)))
    return rects


def paint_markers(painter: QPainter, palette: QPalette, counts: Beyond,
                  rects: list[tuple[str, QRectF]]) -> None:
    """Draw the markers in ``rects`` as small buttons over the lanes."""
    text_colour = palette.color(QPalette.ColorRole.ButtonText)
    for side, rect in rects:
        painter.setPen(QPen(faded(text_colour, 140), 1))
        painter.setBrush(palette.color(QPalette.ColorRole.Button))
        painter.drawRoundedRect(rect, 4, 4)
        painter.setPen(text_colour)
        count = counts.earlier if side == EARLIER else counts.later
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, marker_text(side, count))
