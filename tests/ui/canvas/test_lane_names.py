"""One lane per article: two articles with one title are two lanes, two counts and two
entries in the article filter, each named with its outlet and date."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from timeline.model import Article
from ui.canvas.lane_names import lane_names
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TITLE = "Abortion Foe Charged in Slaying"


def _article(article_id, outlet, day, path=None, title=TITLE):
    return Article(text="", published=datetime(1999, 5, day), title=title, outlet=outlet,
                   source_path=path, id=article_id)


def test_names_carry_outlet_and_date_and_are_unique():
    names = lane_names([_article(1, "NYT", 8), _article(2, "APW", 8), _article(3, "NYT", 9),
                        _article(4, "NYT", 8, title="Other")])
    assert names[1] == f"{TITLE} — NYT, 1999-05-08"
    assert names[2] == f"{TITLE} — APW, 1999-05-08"
    assert names[3] == f"{TITLE} — NYT, 1999-05-09"
    assert names[4] == "Other — NYT, 1999-05-08"


def test_identical_ones_are_told_apart_by_file_then_number():
    by_file = lane_names([_article(1, None, 8, "/a/NYT19990508.0123.tml"),
                          _article(2, None, 8, "/a/NYT19990508.0456.tml")])
    assert by_file == {1: f"{TITLE} — 1999-05-08 (NYT19990508.0123.tml)",
                       2: f"{TITLE} — 1999-05-08 (NYT19990508.0456.tml)"}
    numbered = lane_names([_article(5, "NYT", 8, "/a/b.jsonl"),
                           _article(7, "NYT", 8, "/a/b.jsonl")])
    assert numbered[5] != numbered[7] and numbered[7].endswith(" #2")


def test_two_articles_with_one_title_are_two_lanes(qtbot, repo, settings, add_article):
    first = add_article(3, title=TITLE, start=datetime(1999, 5, 1))
    second = add_article(2, title=TITLE, start=datetime(1999, 5, 8), text_prefix="Later: ")
    window = MainWindow(repo, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()
    lanes = window.canvas.canvas_layout().lanes
    assert sorted(lane.event_count for lane in lanes) == [2, 3]
    assert len({lane.name for lane in lanes}) == 2
    assert {lane.name for lane in lanes} == {window.article_labels[first],
                                              window.article_labels[second]}
    assert all(lane.name.startswith(f"{TITLE} — 1999-05-0") for lane in lanes)
    picker = window.filter_bar.article_picker
    entries = picker.shown_names()
    assert len(entries) == len(set(entries)) == 2
    assert set(entries) == {window.article_labels[first], window.article_labels[second]}
    listed = picker.list_widget
    assert {listed.item(row).data(Qt.ItemDataRole.UserRole) for row in range(listed.count())} \
        == {first, second}
    window.close()
