"""The publication-date question for an undated imported file: a typed or picked date
is taken, an unreadable one is refused with a message; the results list lets go of a
file once it is dealt with."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QDialog

from timeline.pipeline import IngestSummary
from ui.dialogs.file_date import FileDateDialog, file_date_candidates
from ui.dialogs.import_results import ImportResultsDialog


def test_candidates_come_from_the_file(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("Signed on 3 March 2021, amended 2022-01-05, on Monday.", encoding="utf-8")
    assert file_date_candidates(path) == [datetime(2022, 1, 5), datetime(2021, 3, 3)]
    assert file_date_candidates(tmp_path / "missing.txt") == []


def test_typed_date_is_taken_and_nonsense_refused(qtbot, tmp_path):
    dialog = FileDateDialog(tmp_path / "notes.txt", [])
    qtbot.addWidget(dialog)
    assert not dialog.candidates.isVisibleTo(dialog)  # nothing to offer
    dialog.date_edit.setText("banana")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.published() is None
    assert "not a date" in dialog.message.text()
    dialog.date_edit.setText("2021-03-03")
    dialog.accept()
    assert dialog.published() == datetime(2021, 3, 3)


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen platform's note
def test_results_close_once_every_refusal_is_dealt_with(qtbot):
    summary = IngestSummary(refused=[("a.txt", "no publication date found; give it")])
    results = ImportResultsDialog(summary, undated=["a.txt"])
    qtbot.addWidget(results)
    results.show()
    with qtbot.waitSignal(results.dateRequested) as requested:
        results.date_button.click()
    assert requested.args == ["a.txt"]
    results.forget("a.txt")
    assert results.refused_list.count() == 0
    assert results.result() == QDialog.DialogCode.Accepted and not results.isVisible()
