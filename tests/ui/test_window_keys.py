"""The window's keyboard, mouse and drop paths: E opens the date editor that reads typed
text, a click on the canvas selects the row, review keys do nothing while typing in the
filter box, a drop imports, images export, and the palette follows the system scheme."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QItemSelectionModel, QMimeData, QPointF, Qt, QTimer, QUrl
from PySide6.QtGui import QDropEvent, QImage, QPalette
from PySide6.QtWidgets import QApplication

from timeline.model import Granularity, Status
from ui.app import apply_scheme
from ui.dialogs.date_editor import DateEditor
from ui.models.event_table import status_colour

from tests.ui.waiting import event_at, settle

# The offscreen platform notes that it cannot pass size hints on for a shown main
# window; that is the platform, not the app, so it does not fail these tests.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _kim(qtbot, window):
    for row in range(window.model.rowCount()):
        if event_at(qtbot, window, row).expression == "Sunday":  # Kim leaves for Russia
            return row, window.model.event_at(row)
    raise AssertionError("no Kim row")


def test_e_opens_the_date_editor_and_typed_text_corrects(qtbot, window, repo):
    row, kim = _kim(qtbot, window)
    window.table.selectRow(row)
    window.table.setFocus()
    seen = {}

    def answer():
        editor = QApplication.activeModalWidget()
        seen["editor"] = isinstance(editor, DateEditor)
        qtbot.keyClicks(editor.typed, "12 Sep 2023 morning")
        editor.accept()

    QTimer.singleShot(0, answer)
    qtbot.keyClick(window.table, Qt.Key.Key_E)
    assert seen["editor"]
    settle(qtbot, window)
    corrected = repo.get_event(kim.id)
    assert corrected.status is Status.CORRECTED
    assert corrected.granularity is Granularity.PART_OF_DAY
    assert corrected.earliest.date() == datetime(2023, 9, 12).date()
    assert corrected.timex_value == "2023-09-12TMO"  # the correction keeps a TIMEX3 value


def test_click_on_the_canvas_selects_the_row_and_shows_the_source(qtbot, window):
    row, kim = _kim(qtbot, window)
    window.canvas.zoom_to(datetime(2023, 9, 8), datetime(2023, 9, 14))
    centre = window.canvas.glyph_centre(kim.id)
    assert centre is not None
    qtbot.mouseClick(window.canvas, Qt.MouseButton.LeftButton, pos=centre.toPoint())
    assert window.selected_ids() == [kim.id]
    assert window.current_id == kim.id
    qtbot.waitUntil(lambda: window.source_pane.marked_expression() == "Sunday", timeout=10_000)


def test_review_keys_do_nothing_while_typing_in_the_filter(qtbot, window, repo):
    row, kim = _kim(qtbot, window)
    window.table.selectRow(row)
    box = window.filter_bar.text_edit
    box.setFocus()
    qtbot.keyClicks(box, "ra")
    qtbot.keyClick(box, Qt.Key.Key_Backspace)
    qtbot.keyClick(box, Qt.Key.Key_Delete)
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.text() == "r"
    settle(qtbot, window)  # a save, had one been asked for, would have landed
    assert repo.get_event(kim.id).status is Status.UNREVIEWED


def test_dropping_a_file_imports_it(qtbot, window, repo, tmp_path):
    dropped = tmp_path / "2024-05-08-bridge.txt"
    dropped.write_text("The bridge reopened on Monday after repairs.", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(dropped))])
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.transfer.importFinished, timeout=30_000) as finished:
        window.dropEvent(drop)
    assert finished.args[0].added == 1
    assert len(repo.list_articles()) == 2


def test_png_and_svg_exports_draw_the_canvas(qtbot, window, tmp_path):
    png, svg = tmp_path / "timeline.png", tmp_path / "timeline.svg"
    with qtbot.waitSignal(window.transfer.exportFinished):
        window.transfer.export_to("png", png)
    with qtbot.waitSignal(window.transfer.exportFinished):
        window.transfer.export_to("svg", svg)
    image = QImage(str(png))
    assert (image.width(), image.height()) == (window.canvas.width(), window.canvas.height())
    # Drawn, not blank: axis, lanes, glyphs and labels give many colours.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7)
               for y in range(0, image.height(), 7)}
    assert len(colours) > 20
    drawing = svg.read_text(encoding="utf-8")
    assert "<svg" in drawing
    # The seed's lane and its year-only event are drawn as text, not only as shapes.
    assert "Kim Jong Un arrives in Russia for talks with Putin" in drawing
    # The first view is the seed's September days; its one 2019 event lies outside it.
    assert "Kim entered Russia" in drawing
    assert "They met on his last trip abroad" not in drawing


def test_palette_follows_the_scheme(qapp):
    try:
        apply_scheme(qapp, Qt.ColorScheme.Dark)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() < 100
        assert qapp.palette().color(QPalette.ColorRole.Text).lightness() > 150
        # Status colours in the table stay readable on the dark base.
        assert status_colour(Status.CORRECTED).lightness() > 128
        apply_scheme(qapp, Qt.ColorScheme.Light)
        assert qapp.palette().color(QPalette.ColorRole.Window).lightness() > 150
        assert status_colour(Status.CORRECTED).lightness() < 128
    finally:
        qapp.setPalette(qapp.style().standardPalette())


def test_accept_applies_to_every_selected_row(qtbot, window, repo):
    window.table.setFocus()
    window.table.selectRow(0)
    flags = QItemSelectionModel.SelectionFlag
    window.table.selectionModel().select(window.model.index(2, 0), flags.Select | flags.Rows)
    chosen = window.selected_ids()
    assert len(chosen) == 2
    qtbot.keyClick(window.table, Qt.Key.Key_A)
    settle(qtbot, window)
    assert [repo.get_event(i).status for i in chosen] == [Status.ACCEPTED] * 2
    assert repo.get_event(window.model.ids()[1]).status is Status.UNREVIEWED


def test_return_accepts_and_delete_rejects_in_the_table(qtbot, window, repo):
    window.table.setFocus()
    window.table.selectRow(0)
    first = window.current_id
    qtbot.keyClick(window.table, Qt.Key.Key_Return)
    settle(qtbot, window)
    assert repo.get_event(first).status is Status.ACCEPTED
    window.table.selectRow(1)
    second = window.current_id
    qtbot.keyClick(window.table, Qt.Key.Key_Delete)
    settle(qtbot, window)
    assert repo.get_event(second).status is Status.REJECTED
