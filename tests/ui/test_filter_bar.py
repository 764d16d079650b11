"""The filter bar reads dates as an analyst types them; "until" includes the named
day or month, and a saved filter comes back unchanged."""

from __future__ import annotations

from datetime import datetime

from timeline.model import Status
from ui.filter_bar import FilterBar
from ui.state.filters import EventFilter


def test_until_includes_the_whole_named_month(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.start_edit.setText("Sep 2023")
    bar.end_edit.setText("Sep 2023")
    current = bar.current_filter()
    assert (current.start, current.end) == (datetime(2023, 9, 1), datetime(2023, 10, 1))


def test_a_saved_filter_shows_and_reads_back_the_same(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    saved = EventFilter(statuses=frozenset({Status.UNREVIEWED}), text="Kim",
                        start=datetime(2023, 9, 1), end=datetime(2023, 9, 13), min_confidence=0.5)
    bar.set_filter(saved)
    assert bar.end_edit.text() == "2023-09-12"
    assert bar.current_filter() == saved


def test_unreadable_date_is_flagged_and_left_out(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.start_edit.setText("the forum")
    with qtbot.waitSignal(bar.filterChanged) as changed:
        bar.start_edit.returnPressed.emit()
    assert changed.args[0].start is None
    assert "the forum" in bar.problem.text()


def test_a_backwards_from_until_is_said_not_listed_silently(qtbot):
    bar = FilterBar()
    qtbot.addWidget(bar)
    bar.start_edit.setText("12 Sep 2023")
    bar.end_edit.setText("11 Sep 2023")
    with qtbot.waitSignal(bar.filterChanged):
        bar.end_edit.returnPressed.emit()
    assert "runs backwards" in bar.problem.text()
    assert "11 Sep 2023" in bar.problem.text()
