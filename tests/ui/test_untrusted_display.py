"""Text from article files shown in the window: tooltips show markup as the text it
is (review table, import results, source pane), the source pane's link hides a
password, shows a look-alike domain in its xn-- form and elides a 10 KB URL; a
database that cannot be written opens read-only and the window says so."""

from __future__ import annotations

import dataclasses
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtGui import Qt as QtGuiNamespace

from timeline.model import Article
from timeline.pipeline import IngestSummary
from timeline.store import open_repository
from ui.dialogs.import_results import ImportResultsDialog
from ui.models.event_table import EventTableModel
from ui.source_pane import SourcePane

# The offscreen platform's note when a window is shown, not a fault of the pane.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

MARKUP = '<img src="file:///etc/passwd"><b>bold</b> & <a href="x">link</a>'


def shown_as(tooltip: str) -> str:
    """Return what a Qt tooltip shows for ``tooltip``: rich text is rendered."""
    if not QtGuiNamespace.mightBeRichText(tooltip):
        return tooltip
    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_the_review_tables_tooltip_shows_markup_as_text(repo, add_article):
    article_id = add_article(1)
    (event,) = repo.list_events(article_ids=[article_id])
    repo.add_article(Article(text="Kim left on Sunday.", published=datetime(2023, 9, 12)), [],
                     [dataclasses.replace(event, id=None, article_id=None, explanation=MARKUP)])
    model = EventTableModel(repo.get_events)
    model.set_ids([event.id for event in repo.list_events() if event.explanation == MARKUP])
    tooltip = model.data(model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    assert shown_as(tooltip) == MARKUP


def test_the_import_results_tooltip_shows_markup_as_text(qtbot):
    summary = IngestSummary(refused=[("<b>evil</b>.txt", MARKUP)])
    dialog = ImportResultsDialog(summary)
    qtbot.addWidget(dialog)
    assert shown_as(dialog.refused_list.item(0).toolTip()) == f"<b>evil</b>.txt: {MARKUP}"


def _shown_link(qtbot, url: str) -> tuple[str, str]:
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.resize(500, 400)
    pane.show()
    pane.show_article(Article(text="Kim left on Sunday.", published=datetime(2023, 9, 12),
                              title="T", id=1, url=url))
    return pane.link_label.text(), shown_as(pane.link_label.toolTip())


def test_the_source_pane_hides_a_password(qtbot):
    label, tooltip = _shown_link(qtbot, "http://analyst:hunter2@example.org/story")
    assert "hunter2" not in label and "hunter2" not in tooltip
    assert tooltip == "http://analyst:***@example.org/story"


def test_the_source_pane_shows_a_look_alike_domain_in_punycode(qtbot):
    _label, tooltip = _shown_link(qtbot, "https://xn--pple-43d.com/login")
    assert tooltip == "https://xn--pple-43d.com/login"
    _label, tooltip = _shown_link(qtbot, "https://аpple.com/login")
    assert tooltip == "https://xn--pple-43d.com/login"


def test_the_source_pane_elides_a_ten_kilobyte_url(qtbot):
    label, tooltip = _shown_link(qtbot, "https://example.org/" + "a" * 10_000)
    assert label.startswith("https://example.org/") and "…" in label
    assert len(tooltip) < 300


def test_a_read_only_database_opens_a_window_that_says_so(qtbot, tmp_path, settings,
                                                          add_article):
    add_article(2)
    from ui.main_window import MainWindow

    url = f"sqlite:///{tmp_path / 'timeline.sqlite3'}"
    with open_repository(url, read_only=True) as reader:
        window = MainWindow(reader, settings=settings)
        qtbot.addWidget(window)
        assert window.windowTitle().endswith("(read-only)")
        with qtbot.waitSignal(window.loaded, timeout=60_000):
            window.reload()
        assert window.model.rowCount() == 2
        window.close()
