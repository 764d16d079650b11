"""The correction date editor: typed text is read against the article's date, the
granularity box snaps the interval to whole units, and a backwards interval is refused."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from timeline.model import Granularity, TimeSpan
from ui.dialogs.date_editor import DateEditor, timex_value_of

# Enter is tried on the shown dialog, as the analyst presses it.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

DCT = datetime(2023, 9, 12)
SUNDAY = TimeSpan(datetime(2023, 9, 10), datetime(2023, 9, 11), Granularity.DAY)


def _editor(qtbot, current=SUNDAY):
    editor = DateEditor(current, DCT)
    qtbot.addWidget(editor)
    return editor


def test_starts_on_the_current_date(qtbot):
    editor = _editor(qtbot)
    assert editor.span() == SUNDAY
    assert editor.reading.text() == "Read as: Sun 10 Sep 2023"


def test_typing_a_part_of_day_parses(qtbot):
    editor = _editor(qtbot)
    qtbot.keyClicks(editor.typed, "12 Sep 2023 morning")
    span = editor.span()
    assert span.granularity is Granularity.PART_OF_DAY
    assert span.earliest.date() == datetime(2023, 9, 12).date()
    assert span.earliest.hour < 12 and span.latest <= datetime(2023, 9, 12, 13)
    assert "12 Sep 2023" in editor.reading.text()


def test_relative_text_reads_against_the_article_date(qtbot):
    editor = _editor(qtbot)
    qtbot.keyClicks(editor.typed, "Sep 2023")
    assert editor.span() == TimeSpan(datetime(2023, 9, 1), datetime(2023, 10, 1), Granularity.MONTH)


def test_nonsense_is_reported_and_keeps_the_fields(qtbot):
    editor = _editor(qtbot)
    qtbot.keyClicks(editor.typed, "the day after the forum")
    assert editor.reading.text().startswith("Not understood")
    assert editor.span() == SUNDAY


def test_granularity_snaps_to_the_whole_unit(qtbot):
    editor = _editor(qtbot)
    editor.granularity.setCurrentIndex(editor.granularity.findText("Year"))
    assert editor.span() == TimeSpan(datetime(2023, 1, 1), datetime(2024, 1, 1), Granularity.YEAR)


def test_backwards_interval_is_not_accepted(qtbot):
    editor = _editor(qtbot)
    editor.granularity.setCurrentIndex(editor.granularity.findText("From-to interval"))
    editor.end_edit.setDateTime(editor.start_edit.dateTime().addDays(-2))
    editor.accept()
    assert editor.result() != QDialog.DialogCode.Accepted
    assert "end must come after" in editor.reading.text()


def test_timex_value_names_whole_units_only():
    assert timex_value_of(SUNDAY) == "2023-09-10"
    month = TimeSpan(datetime(2023, 9, 1), datetime(2023, 10, 1), Granularity.MONTH)
    assert timex_value_of(month) == "2023-09"
    # Three days are no single TIMEX3 date, whatever the granularity says.
    three_days = TimeSpan(datetime(2023, 9, 5), datetime(2023, 9, 8), Granularity.DAY)
    assert timex_value_of(three_days) is None
    assert timex_value_of(TimeSpan(datetime(2023, 9, 5), None, Granularity.DAY)) is None


def test_a_typed_quarter_or_week_keeps_its_granularity(qtbot):
    editor = _editor(qtbot)
    qtbot.keyClicks(editor.typed, "Q3 2023")
    span = editor.span()
    assert (span.earliest, span.latest) == (datetime(2023, 7, 1), datetime(2023, 10, 1))
    assert span.granularity is Granularity.QUARTER
    assert timex_value_of(span) == "2023-Q3"
    # Moved by hand, it is a plain from-to interval again.
    editor.end_edit.setDateTime(editor.end_edit.dateTime().addDays(3))
    assert editor.span().granularity is Granularity.DAY
    assert timex_value_of(editor.span()) is None


def _ok_enabled(editor):
    return editor.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def _press_enter(qtbot, editor):
    editor.show()
    qtbot.waitExposed(editor)
    qtbot.keyClick(editor.typed, Qt.Key.Key_Return)


def test_text_not_understood_disables_ok_and_enter_only_says_why(qtbot):
    editor = _editor(qtbot)
    qtbot.keyClicks(editor.typed, "sometime soon")
    assert not _ok_enabled(editor)
    _press_enter(qtbot, editor)
    assert editor.result() != QDialog.DialogCode.Accepted
    assert editor.isVisible()
    assert editor.reading.text() == "Not understood as a date: “sometime soon”"


def test_the_current_date_again_is_no_correction(qtbot):
    editor = _editor(qtbot)
    assert not _ok_enabled(editor)  # nothing changed yet
    qtbot.keyClicks(editor.typed, "10 Sep 2023")
    assert editor.span() == SUNDAY
    assert not _ok_enabled(editor)
    _press_enter(qtbot, editor)
    assert editor.result() != QDialog.DialogCode.Accepted
    assert editor.reading.text().startswith("Unchanged: Sun 10 Sep 2023 is the date it has")


def test_a_new_date_that_parsed_enables_ok_and_enter_accepts(qtbot):
    editor = _editor(qtbot)
    qtbot.keyClicks(editor.typed, "11 Sep 2023")
    assert _ok_enabled(editor)
    _press_enter(qtbot, editor)
    assert editor.result() == QDialog.DialogCode.Accepted
    assert editor.span().earliest == datetime(2023, 9, 11)


def test_a_reversed_typed_range_is_refused_with_the_reason(qtbot):
    editor = _editor(qtbot)
    qtbot.keyClicks(editor.typed, "from 12 Sep until 11 Sep")
    assert not _ok_enabled(editor)
    assert "ends before it starts" in editor.reading.text()
    assert editor.span() == SUNDAY
    _press_enter(qtbot, editor)
    assert editor.result() != QDialog.DialogCode.Accepted
