"""CSV export from the window: streamed on the store worker with a progress dialog;
its Cancel leaves no file, and an earlier file at the target as it was."""

from __future__ import annotations

import csv
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from ui.app import SEEDS
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


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


def hold_the_worker(window) -> threading.Event:
    """Keep the store worker busy until the returned event is set."""
    gate = threading.Event()
    window.gateway.submit(lambda _repo, _context: gate.wait(20))
    return gate


def test_cancel_in_the_progress_dialog_leaves_no_file(qtbot, window, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "timeline.csv"
    gate = hold_the_worker(window)
    exporter = window.transfer.exporter
    window.transfer.export_to("csv", target)
    dialog = exporter.progress_dialog
    assert dialog is not None
    with qtbot.waitSignal(window.noticeShown, timeout=30_000) as shown:
        qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
        gate.set()
    assert shown.args == [f"Export cancelled; {target} was not written"]
    assert exporter.progress_dialog is None
    assert list(folder.iterdir()) == []


def test_cancel_keeps_an_earlier_file_and_a_finished_export_replaces_it(qtbot, window,
                                                                         tmp_path):
    target = tmp_path / "timeline.csv"
    target.write_text("an earlier export\n")
    gate = hold_the_worker(window)
    with qtbot.waitSignal(window.noticeShown, timeout=30_000):
        window.transfer.export_to("csv", target)
        window.transfer.exporter.cancel_export()
        gate.set()
    assert target.read_text() == "an earlier export\n"

    with qtbot.waitSignal(window.transfer.exportFinished, timeout=30_000) as finished:
        window.transfer.export_to("csv", target)
    assert window.transfer.exporter.progress_dialog is None
    rows = list(csv.DictReader(target.open(encoding="utf-8", newline="")))
    assert len(rows) == finished.args[1] == window.model.rowCount()
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []
