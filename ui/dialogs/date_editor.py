"""The date editor behind "Correct" (E): type a date, or set it field by field.

Typed text ("12 Sep 2023 morning", "last Sunday", "Sep 2023") is read by the
tagger's ``read_user_date`` against the article's date; the from/to fields and the
granularity can then be adjusted. The result is a TimeSpan [earliest, latest). OK
(and Enter) closes the dialog only on a date that was understood and differs from the
current one: a correction that changes nothing would still be counted as one.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from timeline.calendar import unit_bounds
from timeline.display import format_span
from timeline.model import Granularity, TimeSpan
from timeline.temporal.timex import span_from_value, value_from_span
from timeline.temporal.user_dates import ReversedRangeError, read_user_date
from ui.dates import day_text

# What the granularity box offers, in order; "interval" keeps the from/to as typed.
CHOICES = (
    ("Year", Granularity.YEAR),
    ("Month", Granularity.MONTH),
    ("Day", Granularity.DAY),
    ("Part of day", Granularity.PART_OF_DAY),
    ("Time (hour)", Granularity.HOUR),
    ("Time (minute)", Granularity.MINUTE),
    ("From-to interval", None),
)


def timex_value_of(span: TimeSpan) -> str | None:
    """Return the TIMEX3 value naming exactly ``span`` ("2023-09-12TMO", "2023-09"), or
    None when no single value does (a free from-to interval, an open end)."""
    if span.earliest is None or span.latest is None:
        return None
    try:
        value = value_from_span(span)
    except ValueError:
        return None
    # Only a value that reads back as the same interval names it; "2023-09-05" for a
    # 5-7 September interval would tell a TimeML reader something else.
    named = span_from_value(value, span.mod)
    if named is None or (named.earliest, named.latest) != (span.earliest, span.latest):
        return None
    return value


# Event times are naive wall-clock times: kept in UTC inside Qt so no local daylight-saving
# gap can shift or refuse one.
_WALL_CLOCK = QTimeZone(QTimeZone.Initialization.UTC)


def _to_qt(moment: datetime) -> QDateTime:
    return QDateTime(QDate(moment.year, moment.month, moment.day),
                     QTime(moment.hour, moment.minute), _WALL_CLOCK)


def _from_qt(moment: QDateTime) -> datetime:
    date, time = moment.date(), moment.time()
    return datetime(date.year(), date.month(), date.day(), time.hour(), time.minute())


class DateEditor(QDialog):
    """Asks for a corrected date; ``span()`` holds the answer once accepted."""

    def __init__(self, current: TimeSpan, anchor: datetime | None, parent: QWidget | None = None,
                 *, title: str = "Correct the date") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._anchor = anchor or datetime.now().replace(microsecond=0)
        self._mod: str | None = None
        self._unnamed: TimeSpan | None = None  # a span whose granularity the box lacks
        self._typed_problem: str | None = None  # why the typed text gives no date
        self._edited = False  # the initial reading says nothing of "unchanged"
        self.typed = QLineEdit()
        self.typed.setPlaceholderText("Type a date: 12 Sep 2023 morning, last Sunday, Sep 2023…")
        # Wide enough for the examples: a cut-off placeholder hides what may be typed.
        self.typed.setMinimumWidth(
            self.typed.fontMetrics().horizontalAdvance(self.typed.placeholderText()) + 24)
        self.typed.textEdited.connect(self._read_typed)
        self.reading = QLabel()
        self.reading.setTextFormat(Qt.TextFormat.PlainText)
        self.granularity = QComboBox()
        for caption, _granularity in CHOICES:
            self.granularity.addItem(caption)
        self.start_edit = QDateTimeEdit()
        self.end_edit = QDateTimeEdit()
        for edit in (self.start_edit, self.end_edit):
            edit.setTimeZone(_WALL_CLOCK)
            edit.setDisplayFormat("yyyy-MM-dd HH:mm")
            edit.setCalendarPopup(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow("Date:", self.typed)
        form.addRow("", self.reading)
        form.addRow("Granularity:", self.granularity)
        form.addRow("From:", self.start_edit)
        form.addRow("Until (excluded):", self.end_edit)
        layout = QVBoxLayout(self)
        if anchor is not None:
            layout.addWidget(QLabel(f"Relative dates are read against {day_text(anchor)}."))
        layout.addLayout(form)
        layout.addWidget(self.buttons)

        start = current.earliest or self._anchor.replace(hour=0, minute=0, second=0)
        end = current.latest or start + timedelta(days=1)
        self._current = TimeSpan(start, end, current.granularity, current.mod)
        self._set_span(self._current)
        self._current = self.span()  # as the fields hold it, to tell a change from none
        self._base_span = self.span()  # what half-typed or unreadable text falls back to
        self._show_reading()
        self.granularity.currentIndexChanged.connect(self._snap_to_unit)
        self.start_edit.dateTimeChanged.connect(self._start_changed)
        self.end_edit.dateTimeChanged.connect(self._fields_edited)

    def _chosen_granularity(self) -> Granularity | None:
        # Looked up by position: a str-based enum would come back from Qt as a plain str.
        return CHOICES[self.granularity.currentIndex()][1]

    def span(self) -> TimeSpan:
        """Return the span the fields now describe."""
        granularity = self._chosen_granularity()
        start, end = _from_qt(self.start_edit.dateTime()), _from_qt(self.end_edit.dateTime())
        if granularity is None and self._unnamed is not None \
                and (self._unnamed.earliest, self._unnamed.latest) == (start, end):
            granularity = self._unnamed.granularity  # "Q3 2023" stays a quarter
        if granularity is None:  # a from-to interval: granularity of its coarsest fit
            whole_days = start.hour == end.hour == start.minute == end.minute == 0
            granularity = Granularity.DAY if whole_days else Granularity.MINUTE
        return TimeSpan(start, end, granularity, self._mod)

    def problem(self) -> str | None:
        """Return why the dialog cannot close with a correction now (typed text not
        understood, an end before the start, the date it has already), else None."""
        if self._typed_problem is not None:
            return self._typed_problem
        span = self.span()
        if span.earliest is None or span.latest is None or span.latest <= span.earliest:
            return "The end must come after the start."
        if span == self._current:
            return ("Unchanged: " + format_span(span.earliest, span.latest, span.granularity,
                                                span.mod)
                    + " is the date it has already. Type another date, or Esc to cancel.")
        return None

    def accept(self) -> None:
        """Close with the span, unless there is a problem() (then say it and stay)."""
        problem = self.problem()
        if problem is not None:
            self._edited = True
            self._show_reading()
            return
        super().accept()

    def _set_span(self, span: TimeSpan) -> None:
        if span.earliest is None or span.latest is None:
            return  # only whole spans are shown (an open one is refused before)
        self._mod = span.mod
        index = next((i for i, (_, g) in enumerate(CHOICES) if g == span.granularity), None)
        unit = unit_bounds(span.earliest, span.granularity) if index is not None else None
        # A granularity the box cannot name (week, quarter, decade...) is shown as an
        # interval but kept while the interval is left as it is.
        self._unnamed = span if index is None else None
        if index is None or (unit is not None and unit != (span.earliest, span.latest)):
            index = len(CHOICES) - 1  # anything the box cannot name is kept as an interval
        for widget in (self.granularity, self.start_edit, self.end_edit):
            widget.blockSignals(True)
        self.granularity.setCurrentIndex(index)
        self.start_edit.setDateTime(_to_qt(span.earliest))
        self.end_edit.setDateTime(_to_qt(span.latest))
        for widget in (self.granularity, self.start_edit, self.end_edit):
            widget.blockSignals(False)
        self._show_reading()

    def _read_typed(self, text: str) -> None:
        self._edited = True
        self._typed_problem = None
        try:
            span = read_user_date(text, self._anchor) if text.strip() else None
        except ReversedRangeError as error:
            span = None
            self._typed_problem = f"Not accepted: {error}."
        if span is None or span.earliest is None or span.latest is None:
            if text.strip() and self._typed_problem is None:
                self._typed_problem = f"Not understood as a date: “{text.strip()}”"
            self._set_span(self._base_span)
            return
        self._set_span(span)

    def _snap_to_unit(self) -> None:
        self._mod = None
        granularity = self._chosen_granularity()
        unit = unit_bounds(_from_qt(self.start_edit.dateTime()), granularity)
        if unit is not None and granularity is not None:  # no unit without a granularity
            self._set_span(TimeSpan(unit[0], unit[1], granularity))
        self._fields_edited()

    def _start_changed(self) -> None:
        unit = unit_bounds(_from_qt(self.start_edit.dateTime()), self._chosen_granularity())
        if unit is not None:
            self.end_edit.blockSignals(True)
            self.end_edit.setDateTime(_to_qt(unit[1]))
            self.end_edit.blockSignals(False)
        self._fields_edited()

    def _fields_edited(self) -> None:
        # The fields set by hand are the answer now, whatever the text box says.
        self._edited = True
        self._typed_problem = None
        self._base_span = self.span()
        self._show_reading()

    def _show_reading(self) -> None:
        span = self.span()
        problem = self.problem()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(problem is None)
        if problem is not None and (self._edited or not problem.startswith("Unchanged")):
            self.reading.setText(problem)
        elif span.earliest is not None and span.latest is not None:
            self.reading.setText("Read as: " + format_span(span.earliest, span.latest,
                                                           span.granularity, span.mod))
