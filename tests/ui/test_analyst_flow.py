"""The analyst's whole flow on a temp database with the seed, through the real window:
select "Kim leaves for Russia", see "Sunday" marked in its sentence, correct the date,
undo, redo, reject another event, export CSV, and find both changes in the file; then
copy a citation from the row's right-click menu, look up the keys and the legend in
the Help menu, and remove an article imported by mistake."""

from __future__ import annotations

import csv
import json
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from timeline.model import Granularity, Status, TimeSpan
from ui.app import SEEDS
from ui.main_window import MainWindow
from ui.state.filters import EventFilter
from ui.models.event_table import DATE, STATUS, TITLE

from tests.ui.waiting import current_event, event_at, settle

# The offscreen platform notes that it cannot pass size hints on for a shown main
# window; that is the platform, not the app, so it does not fail these tests.
# A popup menu or a dialog raised there adds notes of the same kind.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise",
                                       "does not support grabbing")


@pytest.fixture
def window(qtbot, repo, settings):
    main = MainWindow(repo, settings=settings, actor="analyst")
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(main.transfer.importFinished, timeout=60_000):
        main.transfer.import_paths([SEEDS])
    qtbot.waitUntil(lambda: main.model.rowCount() > 0, timeout=30_000)
    yield main
    main.close()


def _row_of(qtbot, window, expression: str, word_in_title: str) -> int:
    """The row of the event hung on ``expression`` whose title names ``word_in_title``
    (found by its anchor, not by the exact wording of the generated title)."""
    for row in range(window.model.rowCount()):
        event = event_at(qtbot, window, row)
        if event.expression == expression and word_in_title in event.title:
            return row
    raise AssertionError(f"no {expression!r} event about {word_in_title!r}")


def _click_row(qtbot, window, row: int) -> None:
    window.table.scrollTo(window.model.index(row, TITLE))
    spot = window.table.visualRect(window.model.index(row, TITLE)).center()
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=spot)


def _press(qtbot, window, key, modifier=Qt.KeyboardModifier.NoModifier):
    window.activateWindow()
    qtbot.keyClick(window.table, key, modifier)


def test_whole_analyst_flow(qtbot, window, repo, tmp_path):
    # Select "Kim leaves for Russia" in the table, as the analyst clicks it.
    row = _row_of(qtbot, window, "Sunday", "Kim")  # "Kim leaves for Russia"
    _click_row(qtbot, window, row)
    kim = current_event(qtbot, window)
    assert kim is not None and "Russia" in kim.title
    assert window.canvas.selected_ids() == [kim.id]  # the canvas follows the table
    # The listing holds no article texts: the source is read once the event is selected.
    qtbot.waitUntil(lambda: window.source_pane.marked_expression() == "Sunday", timeout=10_000)
    assert "Kim left for Russia on Sunday" in window.source_pane.highlighted_sentence()
    assert window.inspector.shown("expression") == "Sunday"

    # Correct its date to Saturday 9 September (the editor's typed text is tested apart).
    window.review.correct(TimeSpan(datetime(2023, 9, 9), datetime(2023, 9, 10), Granularity.DAY))
    settle(qtbot, window)
    corrected = repo.get_event(kim.id)
    assert (corrected.status, corrected.earliest) == (Status.CORRECTED, datetime(2023, 9, 9))
    assert window.model.data(window.model.index(row, DATE)) == "Sat 9 Sep 2023"

    _press(qtbot, window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # undo
    settle(qtbot, window)
    undone = repo.get_event(kim.id)
    assert (undone.status, undone.earliest) == (Status.UNREVIEWED, datetime(2023, 9, 10))
    assert window.model.data(window.model.index(row, DATE)) == "Sun 10 Sep 2023"

    _press(qtbot, window, Qt.Key.Key_Z,
           Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # redo
    settle(qtbot, window)
    redone = repo.get_event(kim.id)
    assert (redone.status, redone.earliest) == (Status.CORRECTED, datetime(2023, 9, 9))
    # The audit trail of correct, undo and redo is in the inspector, by this analyst.
    history = window.inspector.history
    audited = [(history.topLevelItem(i).text(1), history.topLevelItem(i).text(2))
               for i in range(history.topLevelItemCount())]
    assert audited.count(("analyst", "status")) == 3

    # Reject another with the keyboard: R on the Vladivostok event.
    putin_row = _row_of(qtbot, window, "Monday", "Vladivostok")
    _click_row(qtbot, window, putin_row)
    putin = current_event(qtbot, window)
    assert window.selected_ids() == [putin.id]
    _press(qtbot, window, Qt.Key.Key_R)
    settle(qtbot, window)
    assert repo.get_event(putin.id).status is Status.REJECTED
    assert window.model.data(window.model.index(putin_row, STATUS)) == "rejected"
    qtbot.waitUntil(lambda: window.progress_label.text().startswith("2 of "), timeout=10_000)

    # Export CSV with the current (empty) filter: both changes are in the file.
    target = tmp_path / "timeline.csv"
    with qtbot.waitSignal(window.transfer.exportFinished, timeout=30_000):
        window.transfer.export_to("csv", target)
    rows = {int(r["event_id"]): r for r in csv.DictReader(target.open(encoding="utf-8"))}
    assert rows[kim.id]["status"] == "corrected"
    assert rows[kim.id]["start"].startswith("2023-09-09")
    assert rows[putin.id]["status"] == "rejected"
    assert len(rows) == window.model.rowCount()

    # Right-click Kim's row: Copy as citation puts the sentence, source and date on the
    # clipboard.
    row = window.model.row_of(kim.id)
    window.table.scrollTo(window.model.index(row, TITLE))
    window.table.customContextMenuRequested.emit(
        window.table.visualRect(window.model.index(row, TITLE)).center())
    menu = window.context_menus.menu
    assert menu is not None and menu.isVisible()
    window.context_menus.action(menu, "copyCitation").trigger()
    citation = QApplication.clipboard().text()
    assert citation.startswith('"') and "Kim" in citation and "12 Sep 2023" in citation

    # Help > Keyboard shortcuts lists the review keys; Help > Legend draws the marks.
    window.actions_by_name["shortcuts"].trigger()
    assert ("Review", "Accept", "Return, Enter, A") in window.help_dialogs.shortcuts.rows()
    window.actions_by_name["legend"].trigger()
    assert window.help_dialogs.legend.isVisible()

    # An article imported by mistake: Article > Remove article… takes it out again, after
    # a confirmation that counts its events; the seed's reviews stay.
    stray = tmp_path / "stray.txt"
    stray.write_text("The Ostrava bridge reopened on Tuesday after repairs.", encoding="utf-8")
    with qtbot.waitSignal(window.transfer.importFinished, timeout=60_000):
        window.transfer.import_paths([stray], published=datetime(2023, 4, 12))
    qtbot.waitUntil(lambda: any("Ostrava" in (event_at(qtbot, window, r).description)
                                for r in range(window.model.rowCount())), timeout=30_000)
    stray_row = next(r for r in range(window.model.rowCount())
                     if "Ostrava" in event_at(qtbot, window, r).description)
    _click_row(qtbot, window, stray_row)
    current_event(qtbot, window)
    window.actions_by_name["removeArticle"].trigger()
    qtbot.waitUntil(lambda: window.removals.confirmation is not None, timeout=10_000)
    box = window.removals.confirmation
    assert "1 event and 0 analyst edits on 0 reviewed events go with it" in box.text()
    with qtbot.waitSignal(window.removals.articleRemoved, timeout=30_000):
        next(b for b in box.buttons() if b.text() == "Remove article").click()
    settle(qtbot, window)
    assert not any("Ostrava" in e.description for e in repo.list_events())
    assert repo.get_event(kim.id).status is Status.CORRECTED
    [removed] = repo.list_article_removals()
    assert removed.source_path.endswith("stray.txt") and removed.events == 1


def test_next_unreviewed_walks_with_j_and_space(qtbot, window, repo):
    window.table.setFocus()
    _press(qtbot, window, Qt.Key.Key_J)
    first = window.current_id
    assert first == window.model.ids()[0]
    _press(qtbot, window, Qt.Key.Key_A)  # accept it
    settle(qtbot, window)
    assert repo.get_event(first).status is Status.ACCEPTED
    _press(qtbot, window, Qt.Key.Key_Space)
    assert window.current_id == window.model.ids()[1]
    _press(qtbot, window, Qt.Key.Key_K)
    assert window.current_id == first


def test_export_honours_the_filter(qtbot, window, tmp_path):
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.filter_bar.text_edit.setText("Vladivostok")
        window.filter_bar.text_edit.returnPressed.emit()
    assert window.model.rowCount() == 1
    target = tmp_path / "filtered.json"
    with qtbot.waitSignal(window.transfer.exportFinished, timeout=30_000) as finished:
        window.transfer.export_to("json", target)
    assert finished.args[1] == 1
    assert "Vladivostok" in target.read_text(encoding="utf-8")


def test_every_row_shows_its_source_and_inspector(qtbot, window):
    for row in range(window.model.rowCount()):
        _click_row(qtbot, window, row)
        event = event_at(qtbot, window, row)
        assert window.current_id == event.id
        shown = window.model.data(window.model.index(row, DATE))
        # Shown at once when the row is in hand, else once it arrives from the worker.
        qtbot.waitUntil(lambda: window.inspector.shown("date") == shown, timeout=10_000)
        if event.expression and event.expr_start is not None:
            qtbot.waitUntil(
                lambda: window.source_pane.marked_expression() == event.expression,
                timeout=10_000)
        on_canvas = event.earliest is not None or event.latest is not None  # one bound will do
        assert window.canvas.selected_ids() == ([event.id] if on_canvas else [])


def test_timelinejs_export_leaves_rejected_dates_out_like_the_command(qtbot, window, repo,
                                                                       tmp_path):
    putin = next(e for e in repo.list_events() if e.expression == "Monday")
    window.select_event(putin.id)
    window.review.reject()  # saved before the export: the worker takes them in turn
    target = tmp_path / "timeline.json"
    with qtbot.waitSignal(window.transfer.exportFinished, timeout=30_000) as finished:
        window.transfer.export_to("timelinejs-json", target)
    assert 0 < finished.args[1] < window.model.rowCount()
    assert "Vladivostok" not in target.read_text(encoding="utf-8")
    assert "1 rejected left out" in window.notice_label.text()
    assert json.loads(target.read_text(encoding="utf-8"))["events"]  # a whole TimelineJS file

    # Asked for by the status filter, rejected events are exported.
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.set_filter(EventFilter(statuses=frozenset({Status.REJECTED})))
    with qtbot.waitSignal(window.transfer.exportFinished, timeout=30_000) as finished:
        window.transfer.export_to("timelinejs-json", target)
    assert finished.args[1] == 1
    assert "Vladivostok" in target.read_text(encoding="utf-8")


def test_the_export_menu_writes_a_spreadsheet_file(qtbot, window, tmp_path):
    import openpyxl

    assert window.actions_by_name["export-xlsx"].text() == "Spreadsheet (xlsx)…"
    target = tmp_path / "timeline.xlsx"
    with qtbot.waitSignal(window.transfer.exportFinished, timeout=30_000) as finished:
        window.transfer.export_to("xlsx", target)
    sheet = openpyxl.load_workbook(target).active
    assert finished.args[1] == window.model.rowCount() == sheet.max_row - 1
    assert isinstance(sheet["B2"].value, datetime)  # start, as a date-time
