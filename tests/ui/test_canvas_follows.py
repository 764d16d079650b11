"""The canvas follows the window: a row selected in the table (click or arrow keys) is
brought into view at the same zoom, F zooms to the selection from the table, the View
menu zooms, a date filter is shown whole, and an import shows its article."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtCore import Qt

from timeline.model import Article, Event, Granularity
from ui.app import SEEDS
from ui.canvas import scale
from ui.main_window import MainWindow
from ui.state.filters import EventFilter

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


@pytest.fixture
def opened(qtbot, repo, settings):
    def open_window() -> MainWindow:
        window = MainWindow(repo, settings=settings)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.loaded, timeout=30_000):
            window.reload()
        return window
    return open_window


def _in_view(window, event_id) -> bool:
    spot = window.canvas.glyph_centre(event_id)
    canvas = window.canvas
    return (spot is not None and 0 <= spot.x() <= canvas.time_width()
            and 40 <= spot.y() <= 40 + canvas.lanes_height())


def _row_of(window, event_id) -> int:
    return window.model.row_of(event_id)


def test_a_row_selected_in_the_table_is_brought_into_view_at_the_same_zoom(
        qtbot, opened, add_article):
    add_article(60, start=datetime(2020, 1, 1))
    window = opened()
    ids = window.model.ids()
    window.canvas.zoom_to(datetime(2020, 1, 1), datetime(2020, 1, 8))
    scale_before = window.canvas.viewport().px_per_day
    far = ids[49]
    assert not _in_view(window, far)
    window.table.setFocus()
    window.table.selectRow(_row_of(window, far))  # as a click does
    assert _in_view(window, far)
    assert window.canvas.viewport().px_per_day == pytest.approx(scale_before)
    # Arrow keys walk the rows; each row's event stays in view.
    for _ in range(8):
        qtbot.keyClick(window.table, Qt.Key.Key_Down)
    assert window.current_id == ids[57]
    assert _in_view(window, ids[57])
    assert window.canvas.viewport().px_per_day == pytest.approx(scale_before)
    window.close()


def test_f_in_the_table_zooms_to_the_selection_and_the_view_menu_zooms(
        qtbot, opened, add_article):
    add_article(60, start=datetime(2020, 1, 1))
    window = opened()
    view_menu = next(action.menu() for action in window.menuBar().actions()
                     if action.text() == "&View")
    names = {action.objectName() for action in view_menu.actions()}
    assert {"zoomIn", "zoomOut", "fitAll", "zoomToSelection"} <= names
    shortcuts = {name: [key.toString() for key in window.actions_by_name[name].shortcuts()]
                 for name in ("zoomIn", "zoomOut", "fitAll", "zoomToSelection")}
    assert "F" in shortcuts["zoomToSelection"] and "Ctrl+0" in shortcuts["fitAll"]
    assert "+" in shortcuts["zoomIn"] and "-" in shortcuts["zoomOut"]

    window.canvas.fit_all()
    fitted = window.canvas.viewport().px_per_day
    window.activateWindow()
    window.table.setFocus()
    window.table.selectRow(10)
    qtbot.keyClick(window.table, Qt.Key.Key_F)
    assert window.canvas.viewport().px_per_day > fitted * 10  # one day, not two months
    assert _in_view(window, window.model.ids()[10])
    zoomed = window.canvas.viewport().px_per_day
    window.actions_by_name["zoomOut"].trigger()
    assert window.canvas.viewport().px_per_day < zoomed
    window.actions_by_name["zoomIn"].trigger()
    assert window.canvas.viewport().px_per_day == pytest.approx(zoomed)
    window.close()


def _century_article(repo) -> None:
    text = "The clinic opened in the 20th century."
    event = Event(title="The clinic opened", description=text, char_start=0,
                  char_end=len(text), expression="the 20th century", expr_start=21,
                  expr_end=37, timex_type="DATE", timex_value="19", mod=None,
                  earliest=datetime(1900, 1, 1), latest=datetime(2000, 1, 1),
                  granularity=Granularity.CENTURY, confidence=0.6, explanation="century")
    repo.add_article(Article(text=text, published=datetime(1999, 5, 9), title="History",
                             dct_source="cli"), [], [event])
    early = replace(event, earliest=datetime(1897, 1, 1), latest=datetime(1898, 1, 1),
                    granularity=Granularity.YEAR, title="Founded", timex_value="1897")
    repo.add_article(Article(text=text + " ", published=datetime(2001, 1, 1), title="Founding",
                             dct_source="cli"), [], [early])


def test_a_date_filter_brings_the_canvas_to_its_days(qtbot, opened, repo, add_article):
    add_article(20, start=datetime(1999, 5, 1))
    _century_article(repo)
    window = opened()
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.set_filter(EventFilter(start=datetime(1999, 5, 1), end=datetime(1999, 5, 11)))
    viewport, width = window.canvas.viewport(), window.canvas.time_width()
    assert 10 <= width / viewport.px_per_day < 12  # ten days, not 1897-2001
    assert scale.from_days(viewport.t_of(0)) >= datetime(1999, 4, 30)
    assert scale.from_days(viewport.t_of(width)) <= datetime(1999, 5, 12)
    window.close()


def test_an_import_shows_the_new_articles_events(qtbot, opened, add_article):
    add_article(10, start=datetime(2020, 1, 1))
    window = opened()
    window.canvas.zoom_to(datetime(2020, 1, 1), datetime(2020, 1, 5))
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.transfer.import_paths([SEEDS])
    viewport, width = window.canvas.viewport(), window.canvas.time_width()
    # The seed is Kim Jong Un's visit to Russia, September 2023.
    middle = scale.from_days(viewport.t_of(width / 2))
    assert datetime(2023, 8, 1) < middle < datetime(2023, 10, 1)
    assert width / viewport.px_per_day < 400
    window.close()
