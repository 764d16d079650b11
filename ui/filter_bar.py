"""The filter bar above the review table: status, articles, text, date range, precision,
confidence.

It only edits an EventFilter; the window asks the store for the matching events.
Typing is debounced so a query runs once the analyst pauses, not per key.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

from timeline.calendar import PRECISION_CHOICES
from timeline.model import Article, Status
from timeline.temporal.user_dates import parse_user_date
from ui.article_picker import ArticlePicker
from ui.state.filters import EventFilter

STATUS_CHOICES: tuple[tuple[str, frozenset[Status]], ...] = (
    ("All statuses", frozenset()),
    ("Unreviewed", frozenset({Status.UNREVIEWED})),
    ("Reviewed", frozenset({Status.ACCEPTED, Status.CORRECTED, Status.REJECTED})),
    ("Accepted", frozenset({Status.ACCEPTED})),
    ("Corrected", frozenset({Status.CORRECTED})),
    ("Rejected", frozenset({Status.REJECTED})),
    ("Not rejected", frozenset({Status.UNREVIEWED, Status.ACCEPTED, Status.CORRECTED})),
)


class FilterBar(QWidget):
    """Emits filterChanged(EventFilter) whenever the analyst changes a filter."""

    filterChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._debounce = QTimer(self, singleShot=True, interval=300)
        self._debounce.timeout.connect(self._emit)
        self.status_box = QComboBox()
        for caption, _statuses in STATUS_CHOICES:
            self.status_box.addItem(caption)
        # Searchable and multi-select: ticks, not one choice (ui.article_picker).
        self.article_picker = ArticlePicker()
        self.precision_box = QComboBox()
        self.precision_box.setObjectName("precisionBox")
        for caption, _coarsest in PRECISION_CHOICES:
            self.precision_box.addItem(caption)
        self.precision_box.setToolTip("Leave out dates less precise than this "
                                      "(\u201cthe 20th century\u201d in a day's query)")
        self.text_edit = QLineEdit()
        self.text_edit.setPlaceholderText("Search title, sentence, expression")
        self.text_edit.setClearButtonEnabled(True)
        self.start_edit = QLineEdit()
        self.start_edit.setPlaceholderText("from (2023-09-01, Sep 2023, 2019…)")
        self.end_edit = QLineEdit()
        self.end_edit.setPlaceholderText("until (included)")
        self.confidence_box = QDoubleSpinBox()
        self.confidence_box.setRange(0.0, 1.0)
        self.confidence_box.setSingleStep(0.05)
        self.confidence_box.setDecimals(2)
        self.confidence_box.setPrefix("confidence ≥ ")
        self.clear_button = QToolButton()
        self.clear_button.setText("Clear")
        self.clear_button.clicked.connect(lambda: self.set_filter(EventFilter(), emit=True))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.hide()

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.text_edit, 0, 0, 1, 2)
        grid.addWidget(self.status_box, 0, 2)
        grid.addWidget(self.article_picker, 0, 3, 1, 2)
        grid.addWidget(self.start_edit, 1, 0)
        grid.addWidget(self.end_edit, 1, 1)
        grid.addWidget(self.precision_box, 1, 2)
        grid.addWidget(self.confidence_box, 1, 3)
        grid.addWidget(self.clear_button, 1, 4)
        grid.addWidget(self.problem, 2, 0, 1, 5)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

        self.status_box.currentIndexChanged.connect(self._emit)
        self.article_picker.chosenChanged.connect(self._emit)
        self.precision_box.currentIndexChanged.connect(self._emit)
        self.confidence_box.valueChanged.connect(self._debounce.start)
        for edit in (self.text_edit, self.start_edit, self.end_edit):
            edit.textEdited.connect(self._debounce.start)
            edit.returnPressed.connect(self._emit)

    def set_articles(self, articles: list[Article], labels: dict[int, str] | None = None) -> None:
        """Offer these articles in the article chooser (named by ``labels``, article id ->
        name, else by title, outlet and day), keeping the current ticks."""
        self.article_picker.set_articles(articles, labels)

    def current_filter(self) -> EventFilter:
        """Return the filter the widgets now describe (unreadable dates are left out)."""
        confidence = self.confidence_box.value()
        return EventFilter(
            statuses=STATUS_CHOICES[max(self.status_box.currentIndex(), 0)][1],
            article_ids=self.article_picker.chosen(),
            text=self.text_edit.text().strip(),
            start=self._date(self.start_edit),
            end=self._date(self.end_edit, until=True),
            min_confidence=confidence if confidence > 0 else None,
            min_precision=PRECISION_CHOICES[max(self.precision_box.currentIndex(), 0)][1],
        )

    def set_filter(self, event_filter: EventFilter, *, emit: bool = False) -> None:
        """Show ``event_filter`` in the widgets (from saved settings, or Clear)."""
        widgets = (self.status_box, self.precision_box, self.confidence_box)
        for widget in widgets:
            widget.blockSignals(True)
        # Looked up by position: Qt does not compare Python sets stored as item data.
        index = next((i for i, (_caption, statuses) in enumerate(STATUS_CHOICES)
                      if statuses == event_filter.statuses), 0)
        self.status_box.setCurrentIndex(index)
        self.article_picker.set_chosen(event_filter.article_ids)
        self.precision_box.setCurrentIndex(next(
            (i for i, (_caption, coarsest) in enumerate(PRECISION_CHOICES)
             if coarsest == event_filter.min_precision), 0))
        self.text_edit.setText(event_filter.text)
        self.start_edit.setText(f"{event_filter.start:%Y-%m-%d}" if event_filter.start else "")
        # The window's end is exclusive; the box names the last day it includes.
        last_day = event_filter.end - timedelta(days=1) if event_filter.end else None
        self.end_edit.setText(f"{last_day:%Y-%m-%d}" if last_day else "")
        self.confidence_box.setValue(event_filter.min_confidence or 0.0)
        for widget in widgets:
            widget.blockSignals(False)
        if emit:
            self._emit()

    def _date(self, edit: QLineEdit, *, until: bool = False) -> datetime | None:
        """Return where the typed date starts ("from"), or where it ends ("until":
        "Sep 2023" lets all of September through)."""
        text = edit.text().strip()
        if not text:
            return None
        span = parse_user_date(text, datetime.now())
        if span is None or span.earliest is None:
            return None
        return (span.latest or span.earliest) if until else span.earliest

    def _emit(self) -> None:
        self._debounce.stop()
        bad = [edit.text().strip() for edit in (self.start_edit, self.end_edit)
               if edit.text().strip() and self._date(edit) is None]
        problem = f"Not a date: {', '.join(bad)}" if bad else ""
        start, end = self._date(self.start_edit), self._date(self.end_edit, until=True)
        if not bad and start is not None and end is not None and end <= start:
            # Nothing can be listed; said here rather than as an empty table.
            problem = (f"“{self.end_edit.text().strip()}” comes before "
                       f"“{self.start_edit.text().strip()}”: the range runs backwards")
        self.problem.setText(problem)
        self.problem.setVisible(bool(problem))
        self.filterChanged.emit(self.current_filter())
