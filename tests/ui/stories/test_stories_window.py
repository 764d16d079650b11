"""The Stories layout in the real window (pytest-qt, real SQLite): one mark per story,
a conflict's readings side by side, the story's sources together, and the analyst's
story decisions saved in the worker and undone."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from timeline.model import Article, Status
from timeline.pipeline import ingest_article
from ui.main_window import MainWindow
from ui.stories.marks import CONFLICT_LANE

# The offscreen platform's note when a window is shown, not a fault of the window.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

SOURCES = [
    ("The Velmora dam collapsed on Sunday, officials said.", "2023-03-06", "Velmora Post"),
    ("The dam near Velmora burst on March 5, flooding three villages.", "2023-03-08", "Wire"),
    ("Velmora's dam collapsed on Monday, a local paper wrote.", "2023-03-07", "Local Paper"),
    ("Parliament passed the budget law on Sunday.", "2023-03-06", "Capital Daily"),
    ("The central bank of Ostrava raised interest rates on Thursday.", "2023-03-10", "Ledger"),
]


@pytest.fixture
def window(qtbot, repo, settings):
    for text, published, outlet in SOURCES:
        ingest_article(Article(text=text, published=datetime.fromisoformat(published),
                               title=text[:30], outlet=outlet), repo)
    main = MainWindow(repo, settings=settings, actor="analyst")
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    with qtbot.waitSignal(main.loaded, timeout=60_000):
        main.reload()
    yield main
    main.close()


def dam_story(repo):
    [story] = [s for s in repo.list_stories() if s.sources == 3]
    return story


def select_mark(qtbot, window, mark_id: int) -> None:
    window.canvas.select([mark_id])
    window._canvas_selected([mark_id])
    qtbot.waitUntil(lambda: window.current_story is not None
                    and mark_id in window.current_story.event_ids, timeout=30_000)


def settle(qtbot, window) -> None:
    qtbot.waitUntil(window.session.is_settled, timeout=30_000)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()


def test_more_than_a_few_articles_open_on_one_mark_per_story(window, repo):
    assert window.layout_mode == "stories"
    assert window.actions_by_name["layout-stories"].isChecked()
    marks = window.canvas.canvas_layout().events
    dam = dam_story(repo)
    # The dam's two readings side by side in the conflict lane, one mark per other story.
    assert len(marks) == len(repo.list_stories()) + 1
    disputed = [m for m in marks if m.group == CONFLICT_LANE]
    assert sorted(m.start.day for m in disputed) == [5, 6]
    assert all("⚠" in m.title for m in disputed)
    assert any("reading 1 of 2: 2 sources" in m.title for m in disputed)
    # Every event of the table is drawn under its story's mark.
    assert {window.mark_of(e) for e in dam.event_ids} == {m.id for m in disputed}


def test_selecting_a_story_shows_all_its_sources_with_their_readings(qtbot, window, repo):
    dam = dam_story(repo)
    select_mark(qtbot, window, dam.readings[0].event_ids[0])
    assert window.source_tabs.currentWidget() is window.story_view
    text = window.story_view.toPlainText()
    for outlet in ("Velmora Post", "Wire", "Local Paper"):
        assert outlet in text
    assert "disagree" in text
    assert text.index("Sun 5 Mar 2023 (2 sources)") < text.index("Mon 6 Mar 2023 (1 source)")
    # The table follows: the selected mark's event is the current row.
    assert window.current_id == dam.readings[0].event_ids[0]


def test_accepting_a_story_accepts_its_reading_and_undo_puts_it_back(qtbot, window, repo):
    dam = dam_story(repo)
    select_mark(qtbot, window, dam.readings[0].event_ids[0])
    window.actions_by_name["acceptStory"].trigger()
    qtbot.waitUntil(window.session.is_settled, timeout=30_000)
    statuses = {e.id: e.status for e in repo.get_events(list(dam.event_ids))}
    assert [statuses[e] for e in dam.readings[0].event_ids] == [Status.ACCEPTED] * 2
    assert statuses[dam.readings[1].event_ids[0]] is Status.UNREVIEWED
    window.actions_by_name["undo"].trigger()
    qtbot.waitUntil(window.session.is_settled, timeout=30_000)
    assert {e.status for e in repo.get_events(list(dam.event_ids))} == {Status.UNREVIEWED}


def test_choosing_the_other_reading_moves_the_story_and_undo_moves_it_back(qtbot, window,
                                                                          repo):
    dam = dam_story(repo)
    monday_mark = dam.readings[1].event_ids[0]
    select_mark(qtbot, window, monday_mark)
    assert window.current_reading_index() == 1
    window.actions_by_name["chooseReading"].trigger()
    settle(qtbot, window)
    chosen = repo.get_story(dam.id)
    assert chosen.earliest == datetime(2023, 3, 6) and chosen.readings[0].chosen
    assert [r.field for r in repo.story_history(dam.id)] == ["reading"]
    window.actions_by_name["undo"].trigger()
    settle(qtbot, window)
    assert repo.get_story(dam.id).earliest == datetime(2023, 3, 5)


def test_split_and_merge_from_the_story_menu_are_undoable(qtbot, window, repo):
    dam = dam_story(repo)
    monday = dam.readings[1].event_ids[0]
    select_mark(qtbot, window, monday)
    window.actions_by_name["splitEvent"].trigger()
    settle(qtbot, window)
    alone = repo.get_story(repo.get_event(monday).story_id)
    assert alone.id != dam.id and alone.event_ids == (monday,)
    assert not repo.get_story(dam.id).conflict
    window.actions_by_name["undo"].trigger()
    settle(qtbot, window)
    assert repo.get_event(monday).story_id == dam.id

    [budget] = [s for s in repo.list_stories() if "budget" in s.title]
    select_mark(qtbot, window, budget.event_ids[0])
    window.actions_by_name["markMerge"].trigger()
    select_mark(qtbot, window, dam.readings[0].event_ids[0])
    window.actions_by_name["mergeMarked"].trigger()
    settle(qtbot, window)
    assert repo.get_story(dam.id).sources == 4
    window.actions_by_name["undo"].trigger()
    settle(qtbot, window)
    assert repo.get_story(dam.id).sources == 3
    assert repo.get_story(budget.id).event_ids == budget.event_ids


def test_the_article_lanes_layout_is_one_key_away_and_remembered(qtbot, window, repo, settings):
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.actions_by_name["layout-articles"].trigger()
    assert window.layout_mode == "articles"
    drawn = {m.id for m in window.canvas.canvas_layout().events}
    assert drawn == {e.id for e in repo.list_events()}
    assert settings.value("view/layout") == "articles"
    assert window.actions_by_name["layout-articles"].isChecked()
