"""Help > Legend: every mark the canvas draws, drawn by the canvas's own functions
(ui.canvas.style.draw_glyph, ui.canvas.bars), each with what it means. Drawn, not
pictured: a change of colour or shape on the canvas shows here too."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QWidget

from ui.canvas.bars import paint_bar, paint_open_tail
from ui.canvas.data import (
    KIND_INTERVAL,
    KIND_OPEN_AFTER,
    KIND_OPEN_BEFORE,
    KIND_UNCERTAIN,
    STATUS_CODE,
)
from ui.canvas.style import GLYPH, draw_glyph
from ui.stories.marks import CONFLICT_MARK

SWATCH = QSize(64, 20)
# A mark's painter: (painter, swatch width, middle height).
Draw = Callable[[QPainter, float, float], None]


def _glyph(status: str) -> Draw:
    return lambda painter, width, mid: draw_glyph(painter, STATUS_CODE[status], width / 2, mid)


def _bar(kind: int) -> Draw:
    return lambda painter, width, mid: paint_bar(
        painter, kind, STATUS_CODE["unreviewed"], 4, width - 4, mid, width, False)


def _open(kind: int) -> Draw:
    def draw(painter: QPainter, width: float, mid: float) -> None:
        cx = width - GLYPH if kind == KIND_OPEN_BEFORE else GLYPH
        paint_open_tail(painter, kind, STATUS_CODE["unreviewed"], cx, mid, False)
        draw_glyph(painter, STATUS_CODE["unreviewed"], cx, mid)
    return draw


def _conflict(painter: QPainter, width: float, mid: float) -> None:
    draw_glyph(painter, STATUS_CODE["unreviewed"], GLYPH, mid)
    painter.drawText(int(GLYPH * 2), int(mid + 5), CONFLICT_MARK)


@dataclass(frozen=True)
class LegendEntry:
    """One mark: its name, what it means, and how the canvas draws it."""

    name: str
    meaning: str
    draw: Draw


LEGEND: tuple[LegendEntry, ...] = (
    LegendEntry("Grey ring", "unreviewed: the date as the app read it", _glyph("unreviewed")),
    LegendEntry("Green dot", "accepted by an analyst", _glyph("accepted")),
    LegendEntry("Blue diamond", "corrected: an analyst gave another date", _glyph("corrected")),
    LegendEntry("Orange cross", "rejected: not an event, or not dated", _glyph("rejected")),
    LegendEntry("Faded bar", "a coarse date (\u201c2019\u201d, \u201cearly on Tuesday\u201d): "
                "somewhere in that stretch, not a precise day", _bar(KIND_UNCERTAIN)),
    LegendEntry("Solid bar", "a stretch of time (\u201cfrom March to May\u201d)",
                _bar(KIND_INTERVAL)),
    LegendEntry("Arrow right", "open-ended: at or after this (\u201cafter the forum\u201d)",
                _open(KIND_OPEN_AFTER)),
    LegendEntry("Arrow left", "open-ended: at or before this (\u201cup until Thursday\u201d)",
                _open(KIND_OPEN_BEFORE)),
    LegendEntry(f"{CONFLICT_MARK} mark", "sources disagree on the date (Stories layout: "
                "each reading is a mark)", _conflict),
)


def render_entry(entry: LegendEntry, palette: QPalette | None = None) -> QImage:
    """Return the entry's mark drawn on the canvas's background, SWATCH-sized."""
    image = QImage(SWATCH, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill((palette or QPalette()).color(QPalette.ColorRole.Base))
    painter = QPainter(image)
    entry.draw(painter, SWATCH.width(), SWATCH.height() / 2)
    painter.end()
    return image


class LegendSwatch(QWidget):
    """Shows one entry's mark."""

    def __init__(self, entry: LegendEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.setFixedSize(SWATCH)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.drawImage(0, 0, render_entry(self.entry, self.palette()))
        painter.end()


class LegendDialog(QDialog):
    """The canvas's marks and what each means (not modal: it can stay open)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legendDialog")
        self.setWindowTitle("Legend")
        grid = QGridLayout(self)
        for row, entry in enumerate(LEGEND):
            grid.addWidget(LegendSwatch(entry), row, 0)
            name = QLabel(f"<b>{entry.name}</b>")
            grid.addWidget(name, row, 1)
            meaning = QLabel(entry.meaning)
            meaning.setWordWrap(True)
            grid.addWidget(meaning, row, 2)
        note = QLabel("Colour and shape both tell the status, so the marks read in grey "
                      "too. A boxed number is a cluster of that many events: zoom in to "
                      "split it. Lanes that hold more than the view have a scroll bar.")
        note.setWordWrap(True)
        grid.addWidget(note, len(LEGEND), 0, 1, 3)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        grid.addWidget(buttons, len(LEGEND) + 1, 0, 1, 3, Qt.AlignmentFlag.AlignRight)
        grid.setColumnStretch(2, 1)
        self.resize(560, self.sizeHint().height())
