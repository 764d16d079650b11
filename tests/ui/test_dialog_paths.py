"""The menu paths that open modal dialogs, driven as the analyst would: N writes a note,
Paste article imports pasted text, and the publication-date change is previewed, then
applied, from its dialog."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from timeline.model import Status
from ui.dialogs.note_editor import NoteDialog
from ui.dialogs.paste_article import PasteArticleDialog
from ui.dialogs.publication_date import PublicationDateDialog

from tests.ui.waiting import current_event, settle

# The offscreen platform notes that it cannot pass size hints on for a shown main
# window; that is the platform, not the app, so it does not fail these tests.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _answer_modal(callback):
    """Run ``callback(dialog)`` on the next modal dialog, once it is open."""
    def attempt():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, attempt)
        else:
            callback(dialog)
    QTimer.singleShot(0, attempt)


def test_n_writes_a_note(qtbot, window, repo):
    window.table.setFocus()
    window.table.selectRow(1)
    event_id = current_event(qtbot, window).id  # N asks with the event's present note

    def write(dialog):
        assert isinstance(dialog, NoteDialog)
        text = dialog.findChild(QPlainTextEdit)
        text.setPlainText("")
        qtbot.keyClicks(text, "Kyodo and Interfax agree")
        qtbot.keyClick(text, Qt.Key.Key_Return)  # a new line, not the end of the note
        qtbot.keyClicks(text, "on the date")
        qtbot.keyClick(text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    _answer_modal(write)
    qtbot.keyClick(window.table, Qt.Key.Key_N)
    settle(qtbot, window)
    assert repo.get_event(event_id).note == "Kyodo and Interfax agree\non the date"
    assert window.inspector.shown("note") == "Kyodo and Interfax agree\non the date"


def test_esc_leaves_the_note_as_it_was(qtbot, window, repo):
    window.table.setFocus()
    window.table.selectRow(1)
    event = current_event(qtbot, window)
    seen = {}

    def give_up(dialog):
        seen["dialog"] = dialog
        qtbot.keyClicks(dialog.findChild(QPlainTextEdit), "half a thought")
        qtbot.keyClick(dialog.findChild(QPlainTextEdit), Qt.Key.Key_Escape)

    _answer_modal(give_up)
    qtbot.keyClick(window.table, Qt.Key.Key_N)
    settle(qtbot, window)
    assert isinstance(seen["dialog"], NoteDialog)
    assert not seen["dialog"].isVisible()
    assert repo.get_event(event.id).note == event.note


def test_paste_article_from_the_menu(qtbot, window, repo):
    def paste(dialog):
        assert isinstance(dialog, PasteArticleDialog)
        dialog.text_edit.setPlainText("The ferry service resumed on Friday after the storm.")
        dialog.title_edit.setText("Ferry resumes")
        dialog.date_edit.setText("2024-02-14")
        dialog.accept()

    _answer_modal(paste)
    with qtbot.waitSignal(window.transfer.importFinished, timeout=30_000):
        window.actions_by_name["pasteArticle"].trigger()
    ferry = next(a for a in repo.list_articles() if a.title == "Ferry resumes")
    assert ferry.published == datetime(2024, 2, 14)
    assert ferry.dct_source == "pasted"
    events = repo.list_events(article_ids=[ferry.id])
    assert datetime(2024, 2, 9) in [e.earliest for e in events]  # "Friday", before the DCT


def test_publication_date_change_from_the_menu(qtbot, window, repo):
    window.table.setFocus()
    window.table.selectRow(1)
    kim = current_event(qtbot, window)
    window.review.accept()  # reviewed: it must not move
    settle(qtbot, window)

    def change(dialog):
        assert isinstance(dialog, PublicationDateDialog)
        dialog.date_edit.setText("2023-09-19")
        dialog.preview_button.click()
        qtbot.waitUntil(dialog.apply_button.isEnabled, timeout=30_000)
        dialog.apply_button.click()

    _answer_modal(change)
    with qtbot.waitSignal(window.transfer.publishedChanged, timeout=30_000) as changed:
        window.actions_by_name["changePublished"].trigger()
    assert kim.id in {e.id for e in changed.args[0].kept_reviewed}
    kept = repo.get_event(kim.id)
    assert (kept.status, kept.earliest) == (Status.ACCEPTED, kim.earliest)
    assert repo.get_article(kim.article_id).published == datetime(2023, 9, 19)
