"""File > Open database… and File > Open recent switch the window to another case (a
real SQLite file) through the store worker; reviews then land in the new file, the
recent list remembers both, and a file that is no database leaves the window as it was."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtWidgets import QMenu

from timeline.model import Status
from timeline.pipeline import ingest_article
from timeline.sources import article_from_text
from timeline.store import open_repository

from tests.ui.waiting import settle

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def other_case(tmp_path):
    """A second database file with one article of its own."""
    path = tmp_path / "case-b.sqlite3"
    with open_repository(str(path)) as repo:
        article = article_from_text("The ferry sank on Friday near the harbour.",
                                    datetime(2024, 2, 14), title="Ferry sinks")
        ingest_article(article, repo)
    return path


def _titles(window):
    return sorted(article.title for article in window.articles.values())


def test_open_database_then_open_recent_switch_cases(qtbot, window, repo, other_case):
    first_url = window.gateway.url
    assert _titles(window) == ["Kim Jong Un arrives in Russia for talks with Putin"]
    with qtbot.waitSignal(window.databaseOpened, timeout=60_000):
        window.open_database(str(other_case))
    assert _titles(window) == ["Ferry sinks"]
    assert str(other_case) in window.windowTitle()
    assert window.settings.recent_databases()[:2] == [window.gateway.url, first_url]

    # A review now lands in the case on screen, not the one before.
    event_id = window.walk.order_in_time[0]
    window.select_event(event_id)
    window.review.accept()
    settle(qtbot, window)
    with open_repository(str(other_case)) as case:
        assert case.get_event(event_id).status is Status.ACCEPTED

    menu = QMenu()
    window.databases.fill_recent(menu)
    back = next(action for action in menu.actions() if action.toolTip() == first_url)
    assert back.isEnabled()
    current = next(action for action in menu.actions() if action.toolTip() == window.gateway.url)
    assert current.isChecked() and not current.isEnabled()
    with qtbot.waitSignal(window.databaseOpened, timeout=60_000):
        back.trigger()
    assert _titles(window) == ["Kim Jong Un arrives in Russia for talks with Putin"]
    assert window.gateway.url == first_url
    assert repo.count_events() > 0  # the first case is untouched


def test_a_file_that_is_no_database_leaves_the_window_on_its_case(qtbot, window, tmp_path):
    before = (window.gateway.url, _titles(window))
    bogus = tmp_path / "notes.sqlite3"
    bogus.write_text("not a database", encoding="utf-8")
    with qtbot.waitSignal(window.noticeShown, timeout=30_000,
                          check_params_cb=lambda line: line.startswith("Could not open")):
        window.open_database(str(bogus))
    assert (window.gateway.url, _titles(window)) == before
    assert window.notice_label.text().count("\n") == 0


def test_the_file_menu_offers_both(window):
    names = {action.objectName() for action in window.menuBar().actions()[0].menu().actions()}
    assert "openDatabase" in names
    assert window.findChild(QMenu, "recentDatabases") is not None


def test_recent_databases_keep_the_last_eight_newest_first(settings):
    from ui.settings_store import WindowSettings

    remembered = WindowSettings(settings)
    for number in range(10):
        remembered.save_database(f"sqlite:////cases/{number}.sqlite3")
    remembered.save_database("sqlite:////cases/3.sqlite3")  # opened again: to the top
    settings.sync()
    recent = WindowSettings(type(settings)(settings.fileName(), settings.format())).recent_databases()
    assert recent == [f"sqlite:////cases/{n}.sqlite3" for n in (3, 9, 8, 7, 6, 5, 4, 2)]
