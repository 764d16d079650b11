"""Help > Legend draws the canvas's own marks: each status in its colour and shape, the
faded bar soft at its edges, and says what each means."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel

from ui.canvas.style import STATUS_COLOURS
from ui.legend import LEGEND, SWATCH, LegendDialog, render_entry

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise")


def _entry(name: str):
    return next(entry for entry in LEGEND if entry.name == name)


def _colours(image: QImage) -> set[str]:
    return {QColor(image.pixel(x, y)).name() for x in range(image.width())
            for y in range(image.height())}


def _centre(image: QImage) -> QColor:
    return QColor(image.pixel(SWATCH.width() // 2, SWATCH.height() // 2))


def test_each_status_mark_is_drawn_in_its_canvas_colour(qtbot):
    background = render_entry(_entry("Grey ring")).pixel(0, 0)
    # A ring: its colour around a hollow centre; a dot and a diamond: filled.
    ring = render_entry(_entry("Grey ring"))
    assert STATUS_COLOURS[0].name() in _colours(ring)
    assert _centre(ring).rgb() == QColor(background).rgb()
    for name, status in (("Green dot", 1), ("Blue diamond", 2)):
        assert _centre(render_entry(_entry(name))).name() == STATUS_COLOURS[status].name()
    cross = render_entry(_entry("Orange cross"))
    assert _centre(cross).name() == STATUS_COLOURS[3].name()
    # The dot is round, the diamond pointed: a corner of the glyph box differs.
    dot, diamond = render_entry(_entry("Green dot")), render_entry(_entry("Blue diamond"))
    corner = (SWATCH.width() // 2 - 3, SWATCH.height() // 2 - 3)
    assert dot.pixel(*corner) != diamond.pixel(*corner)


def test_the_faded_bar_is_soft_at_its_edges_and_the_solid_bar_is_not(qtbot):
    faded = render_entry(_entry("Faded bar"))
    solid = render_entry(_entry("Solid bar"))
    mid = SWATCH.height() // 2
    background = QColor(faded.pixel(0, 0))
    faded_edge, faded_middle = QColor(faded.pixel(5, mid)), QColor(faded.pixel(32, mid))
    # Nearer the background at the edge than in the middle: no edge claims a moment.
    assert (abs(faded_edge.lightness() - background.lightness())
            < abs(faded_middle.lightness() - background.lightness()))
    assert QColor(solid.pixel(5, mid)).rgb() == QColor(solid.pixel(32, mid)).rgb()


def test_the_dialog_lists_every_mark_with_its_meaning(qtbot):
    dialog = LegendDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [label.text() for label in dialog.findChildren(QLabel)]
    for entry in LEGEND:
        assert f"<b>{entry.name}</b>" in texts and entry.meaning in texts
    assert any("unreviewed" in text for text in texts)
