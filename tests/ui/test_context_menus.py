"""Right-click menus on a canvas event and a table row, on the real window with the seed:
copy as citation, open the source (URL in the browser, else the sentence in the source
pane), filter to the article, accept and reject through the undoable review steps."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, QPointF
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from timeline.model import Article, Status
from timeline.pipeline import ingest_article
from ui import links
from ui.models.event_table import TITLE

from tests.ui.waiting import event_at, settle

# The offscreen platform cannot size, raise or grab for a popup menu; that is the
# platform, not the app.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise",
                                       "does not support grabbing")


def _sunday(qtbot, window):
    for row in range(window.model.rowCount()):
        event = event_at(qtbot, window, row)
        if event.expression == "Sunday":
            return row, event
    raise AssertionError("no Sunday event")


def _trigger(window, name: str) -> None:
    menu = window.context_menus.menu
    assert menu is not None
    window.context_menus.action(menu, name).trigger()


def _right_click_row(qtbot, window, row: int) -> None:
    window.table.scrollTo(window.model.index(row, TITLE))
    spot = window.table.visualRect(window.model.index(row, TITLE)).center()
    window.table.customContextMenuRequested.emit(spot)
    qtbot.waitUntil(lambda: window.context_menus.menu is not None
                    and window.context_menus.menu.isVisible(), timeout=5_000)


def test_table_row_menu_copies_a_citation(qtbot, window):
    row, kim = _sunday(qtbot, window)
    _right_click_row(qtbot, window, row)
    names = [a.objectName() for a in window.context_menus.menu.actions() if a.objectName()]
    assert names == ["copyCitation", "openSource", "filterToArticle", "acceptEvent",
                     "rejectEvent", "removeEventArticle"]
    _trigger(window, "copyCitation")
    text = QApplication.clipboard().text()
    # The seed has no outlet or URL: its title and file stand in, the date is its DCT.
    assert text.startswith(f'"{" ".join(kim.description.split())}" \u2014 Kim Jong Un arrives')
    assert ", 12 Sep 2023. " in text and text.endswith("kim-jong-un-arrives-in-russia.txt")


def test_canvas_right_click_on_an_event_opens_its_menu(qtbot, window):
    _row, kim = _sunday(qtbot, window)
    window.select_event(kim.id)  # centred on the canvas
    qtbot.waitUntil(lambda: window.canvas.selected_ids() == [window.mark_of(kim.id)])
    canvas = window.canvas
    spot = next(QPoint(x, y) for y in range(40, canvas.height(), 3)
                for x in range(canvas.width() // 2 - 6, canvas.width() // 2 + 7)
                if canvas.hit_ids_at(x, y)[:1] == [window.mark_of(kim.id)])
    asked: list[int] = []
    canvas.contextMenuRequested.connect(lambda event_id, _pos: asked.append(event_id))
    QApplication.sendEvent(canvas, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, spot, canvas.mapToGlobal(spot)))
    assert asked == [window.mark_of(kim.id)]
    assert window.context_menus.menu is not None and window.context_menus.menu.isVisible()
    # Nothing under the cursor: no menu asked for.
    QApplication.sendEvent(canvas, QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, QPoint(2, canvas.height() - 2),
        canvas.mapToGlobal(QPointF(2, canvas.height() - 2).toPoint())))
    assert len(asked) == 1


def test_accept_and_reject_from_the_menu_are_saved_and_undoable(qtbot, window, repo):
    row, kim = _sunday(qtbot, window)
    _right_click_row(qtbot, window, row)
    _trigger(window, "acceptEvent")
    settle(qtbot, window)
    assert repo.get_event(kim.id).status == Status.ACCEPTED
    other_row = next(r for r in range(window.model.rowCount()) if r != row)
    other = event_at(qtbot, window, other_row)
    _right_click_row(qtbot, window, other_row)
    _trigger(window, "rejectEvent")
    settle(qtbot, window)
    assert repo.get_event(other.id).status == Status.REJECTED
    window.session.undo()
    settle(qtbot, window)
    assert repo.get_event(other.id).status == Status.UNREVIEWED
    assert repo.get_event(kim.id).status == Status.ACCEPTED


def test_open_source_uses_the_url_else_shows_the_sentence(qtbot, window, repo):
    row, kim = _sunday(qtbot, window)
    window.source_tabs.setCurrentWidget(window.story_view)
    _right_click_row(qtbot, window, row)
    _trigger(window, "openSource")  # no URL: the sentence in the source pane
    qtbot.waitUntil(lambda: "Kim left for Russia on Sunday"
                    in window.source_pane.highlighted_sentence(), timeout=10_000)
    assert window.source_tabs.currentWidget() is window.source_pane

    ingest_article(Article(text="The Ostrava bridge reopened on Tuesday after repairs.",
                           published=datetime(2023, 4, 12), title="Bridge",
                           url="https://example.org/bridge"), repo)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()
    opened: list[str] = []
    links.set_opener(lambda url: opened.append(url.toString()) or True)
    try:
        bridge_row = next(r for r in range(window.model.rowCount())
                          if event_at(qtbot, window, r).title.startswith("The Ostrava")
                          or "bridge" in event_at(qtbot, window, r).description)
        _right_click_row(qtbot, window, bridge_row)
        _trigger(window, "openSource")
    finally:
        links.set_opener(None)
    assert opened == ["https://example.org/bridge"]


def test_filter_to_this_article_narrows_the_listing(qtbot, window, repo):
    ingest_article(Article(text="The Ostrava bridge reopened on Tuesday after repairs.",
                           published=datetime(2023, 4, 12), title="Bridge"), repo)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()
    total = window.model.rowCount()
    row, kim = _sunday(qtbot, window)
    _right_click_row(qtbot, window, row)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        _trigger(window, "filterToArticle")
    assert window.current_filter().article_ids == {kim.article_id}
    assert window.filter_bar.article_picker.chosen() == {kim.article_id}
    assert 0 < window.model.rowCount() == total - 1
    assert all(event_at(qtbot, window, r).article_id == kim.article_id
               for r in range(window.model.rowCount()))
