"""Paste article: a typed date is used, a dateline is found, and without either the
dialog stays open asking for the date with the dates the text mentions."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QDialog

from ui.dialogs.paste_article import PasteArticleDialog, date_candidates

UNDATED = ("The summit opened on Monday. Officials recalled the treaty signed on "
           "3 March 2021 and the talks of 2019-11-05.")


def test_typed_date_and_metadata_make_the_article(qtbot):
    dialog = PasteArticleDialog()
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText(UNDATED)
    dialog.title_edit.setText("Summit opens")
    dialog.url_edit.setText("https://example.org/summit")
    dialog.date_edit.setText("2023-09-12")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    article = dialog.article()
    assert (article.published, article.title, article.url) == (
        datetime(2023, 9, 12), "Summit opens", "https://example.org/summit")


def test_missing_date_asks_for_it_with_candidates(qtbot):
    dialog = PasteArticleDialog()
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText(UNDATED)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.article() is None
    assert "No publication date" in dialog.message.text()
    offered = [dialog.candidates.itemData(i) for i in range(1, dialog.candidates.count())]
    assert offered == [datetime(2019, 11, 5), datetime(2021, 3, 3)]
    dialog.candidates.activated.emit(2)
    assert dialog.date_edit.text() == "2021-03-03"
    dialog.accept()
    assert dialog.article().published == datetime(2021, 3, 3)


def test_empty_text_is_refused_with_a_message(qtbot):
    dialog = PasteArticleDialog()
    qtbot.addWidget(dialog)
    dialog.date_edit.setText("2023-09-12")
    dialog.accept()
    assert dialog.article() is None
    assert dialog.message.text().startswith("Cannot use this text")


def test_candidates_are_full_dates_only():
    assert date_candidates("on Monday, in 2019, on 5 May 2020 and May 6, 2020") == [
        datetime(2020, 5, 5), datetime(2020, 5, 6)]


def test_the_outlet_field_is_the_articles_outlet(qtbot):
    dialog = PasteArticleDialog()
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText(UNDATED)
    dialog.outlet_edit.setText("  Kyodo ")
    dialog.date_edit.setText("5 Mar 2023")
    dialog.accept()
    assert dialog.article().outlet == "Kyodo"
    assert dialog.article().published == datetime(2023, 3, 5)


def test_without_an_outlet_the_datelines_agency_is_taken(qtbot):
    dialog = PasteArticleDialog()
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText(
        "NAIROBI, Kenya, Aug. 7, 1998 (Reuters) - Two bombs exploded on Friday.")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.article().outlet == "Reuters"
    assert dialog.article().published == datetime(1998, 8, 7)
