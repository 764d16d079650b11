"""The Key dates dock in the real window (pytest-qt, real SQLite): the days that matter
for what the filters show, lines that select their event, pinned and dropped dates kept,
and the brief exported with a source on every line."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest

from timeline.model import Article
from timeline.pipeline import ingest_article
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

SOURCES = [
    ("The Velmora dam collapsed on Sunday, officials said. Rescuers searched the valley.",
     "2023-03-06", "Velmora Post"),
    ("The dam near Velmora burst on March 5, flooding three villages.", "2023-03-08", "Wire"),
    ("Velmora's dam collapsed on Sunday, a local paper wrote.", "2023-03-07", "Local Paper"),
    ("Parliament passed the budget law on Thursday.", "2023-03-10", "Capital Daily"),
    ("The central bank of Ostrava raised interest rates on Thursday.", "2023-03-10", "Ledger"),
]


@pytest.fixture
def window(qtbot, repo, settings):
    for text, published, outlet in SOURCES:
        ingest_article(Article(text=text, published=datetime.fromisoformat(published),
                               title=text[:30], outlet=outlet,
                               url=f"https://news.example/{outlet.replace(' ', '-')}"), repo)
    main = MainWindow(repo, settings=settings, actor="analyst")
    qtbot.addWidget(main)
    main.resize(1400, 900)
    main.show()
    main.key_dates.dock.show()
    with qtbot.waitSignal(main.loaded, timeout=60_000):
        main.reload()
    yield main
    main.close()


def shown_days(panel) -> list[str]:
    tree = panel.tree
    return [tree.topLevelItem(i).data(0, 0x0100) for i in range(tree.topLevelItemCount())]


def wait_summary(qtbot, panel, check=lambda days: bool(days)):
    qtbot.waitUntil(lambda: check(shown_days(panel)), timeout=30_000)


def test_the_dock_lists_the_key_days_and_a_line_selects_its_event(qtbot, window):
    panel = window.key_dates.panel
    wait_summary(qtbot, panel)
    assert shown_days(panel)[0] == "2023-03-05"
    top = panel.tree.topLevelItem(0)
    assert top.text(1) == "3"  # three articles report the collapse
    line = top.child(0)
    panel._activated(line)
    qtbot.waitUntil(lambda: window.current_id == line.data(0, 0x0101), timeout=10_000)


def test_pinned_and_dropped_dates_are_kept(qtbot, window):
    panel = window.key_dates.panel
    wait_summary(qtbot, panel)
    panel.tree.setCurrentItem(panel.tree.topLevelItem(0))
    panel.drop_current()
    wait_summary(qtbot, panel, lambda days: "2023-03-05" not in days)
    panel.dropped.clear()
    panel.pinned.add(date(2023, 3, 9))  # Thursday before the budget? nothing that day
    panel.pinned.add(date(2023, 3, 5))
    panel.choicesChanged.emit()
    wait_summary(qtbot, panel, lambda days: "2023-03-05" in days)
    assert "pinned" in panel.tree.topLevelItem(0).text(0)


def test_the_brief_has_a_source_on_every_line(qtbot, window, tmp_path):
    panel = window.key_dates.panel
    wait_summary(qtbot, panel)
    out = tmp_path / "brief.md"
    window.key_dates.export("markdown", out)
    brief = out.read_text(encoding="utf-8")
    lines = [line for line in brief.splitlines() if line.startswith("- ")]
    assert lines and all("https://news.example/" in line for line in lines)
    window.key_dates.export("csv", tmp_path / "brief.csv")
    assert (tmp_path / "brief.csv").read_text(encoding="utf-8").count("\n") > len(lines) - 1
    window.key_dates.export("timelinejs", tmp_path / "brief.json")
    slides = json.loads((tmp_path / "brief.json").read_text(encoding="utf-8"))["events"]
    assert [slide["unique_id"] for slide in slides] == [
        f"key-date-{day}" for day in shown_days(panel)]


def test_an_undated_opening_line_leads_to_its_days_first_event(qtbot, window):
    from timeline.summary.lines import KeyDate, Summary, SummaryLine

    panel = window.key_dates.panel
    wait_summary(qtbot, panel)
    day_event = panel.tree.topLevelItem(0).child(0).data(0, 0x0101)
    undated = SummaryLine("Rescuers searched the valley.", None, None, 1, (1,))
    panel.show_summary(Summary(dates=(KeyDate(date(2023, 3, 5), 1.0, (undated,),
                                              (day_event,), (), (1,)),), reason="test"),
                       panel.articles)
    line = panel.tree.topLevelItem(0).child(0)
    assert line.data(0, 0x0101) == day_event


def test_the_canvas_marks_the_key_dates_while_the_dock_shows_them(qtbot, window):
    panel = window.key_dates.panel
    wait_summary(qtbot, panel)
    qtbot.waitUntil(lambda: bool(window.canvas.key_spans()), timeout=10_000)
    from ui.canvas import scale

    marked = [scale.from_days(start).date().isoformat()
              for start, _end in window.canvas.key_spans()]
    assert marked == shown_days(panel)
    window.key_dates.dock.hide()
    qtbot.waitUntil(lambda: not window.canvas.key_spans(), timeout=10_000)
