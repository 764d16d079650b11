"""Article > Remove article… on the real window: the confirmation counts the events and
analyst edits that go; Cancel keeps everything; Remove runs on the worker, is recorded,
and the listing no longer shows the article."""

from __future__ import annotations

import getpass
from datetime import datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from timeline.model import Article
from timeline.pipeline import ingest_article

from tests.ui.waiting import current_event, event_at, settle

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

BRIDGE = "The Ostrava bridge reopened on Tuesday after repairs. It shut on 3 March."


@pytest.fixture
def two_articles(qtbot, window, repo):
    bridge = ingest_article(Article(text=BRIDGE, published=datetime(2023, 4, 12),
                                    title="Bridge reopens", outlet="Local"), repo)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()
    return bridge.article_ids[0]


def _select_bridge(qtbot, window, bridge_id: int):
    row = next(r for r in range(window.model.rowCount())
               if event_at(qtbot, window, r).article_id == bridge_id)
    window.table.selectRow(row)
    return current_event(qtbot, window)


def _confirmation(qtbot, window) -> QMessageBox:
    qtbot.waitUntil(lambda: window.removals.confirmation is not None, timeout=10_000)
    return window.removals.confirmation


def test_the_confirmation_counts_what_goes_and_cancel_keeps_it(qtbot, window, repo,
                                                             two_articles):
    event = _select_bridge(qtbot, window, two_articles)
    window.review.accept()
    settle(qtbot, window)
    window.actions_by_name["removeArticle"].trigger()
    box = _confirmation(qtbot, window)
    events = len([e for e in repo.list_events() if e.article_id == two_articles])
    assert events >= 1
    assert "\u201cBridge reopens\u201d (Local, 12 Apr 2023)" in box.text()
    assert (f"{events} event{'s' if events != 1 else ''} and 1 analyst edit on "
            "1 reviewed event go with it") in box.text()
    box.button(QMessageBox.StandardButton.Cancel).click()
    settle(qtbot, window)
    assert repo.get_event(event.id).article_id == two_articles
    assert repo.list_article_removals() == []


def test_remove_takes_the_article_out_and_records_it(qtbot, window, repo, two_articles):
    _select_bridge(qtbot, window, two_articles)
    total = window.model.rowCount()
    window.actions_by_name["removeArticle"].trigger()
    box = _confirmation(qtbot, window)
    remove = next(b for b in box.buttons() if b.text() == "Remove article")
    with qtbot.waitSignal(window.removals.articleRemoved, timeout=30_000):
        remove.click()
    qtbot.waitUntil(lambda: window.model.rowCount() < total, timeout=30_000)
    settle(qtbot, window)
    assert two_articles not in window.articles
    assert all(event_at(qtbot, window, r).article_id != two_articles
               for r in range(window.model.rowCount()))
    [record] = repo.list_article_removals()
    # The conftest window names no actor: the login name stands in, as for reviews.
    assert (record.title, record.actor) == ("Bridge reopens", getpass.getuser())
    assert "Removed \u201cBridge reopens\u201d" in window.notice_label.text()


def test_removing_the_filtered_article_drops_it_from_the_filter(qtbot, window, repo,
                                                              two_articles):
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.filter_bar.article_picker.set_chosen({two_articles}, emit=True)
    window.removals.remove(two_articles)
    qtbot.waitUntil(lambda: not window.current_filter().article_ids, timeout=30_000)
    settle(qtbot, window)
    assert window.model.rowCount() == len(repo.list_events()) > 0
