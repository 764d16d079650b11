"""The Key dates dock: the days that matter in what the filters show, what happened on
each, every line linked to its event, story and sources. The analyst pins or drops a
date and the summary keeps that choice; the summary exports as Markdown (a brief with a
source link on every line), CSV or TimelineJS."""

from __future__ import annotations

import io
from collections.abc import Callable
from datetime import date
from typing import TextIO

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline.model import Article
from timeline.summary.formats import WRITERS, source_link, write_csv, write_markdown
from timeline.summary.lines import Summary
from ui.dates import day_text

# write_markdown or write_csv: (summary, articles by id, out).
Writer = Callable[[Summary, dict[int, Article], TextIO], None]

DAY_ROLE = Qt.ItemDataRole.UserRole
EVENT_ROLE = Qt.ItemDataRole.UserRole + 1


class KeyDatesPanel(QWidget):
    """Shows a Summary; ``lineChosen(event_id)`` when the analyst picks a line, and
    ``choicesChanged`` when a date is pinned or dropped (the window recomputes)."""

    lineChosen = Signal(int)
    choicesChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pinned: set[date] = set()
        self.dropped: set[date] = set()
        self.summary: Summary | None = None
        self.articles: dict[int, Article] = {}
        self.tree = QTreeWidget()
        self.tree.setObjectName("keyDates")
        self.tree.setHeaderLabels(["Date", "Sources", "What happened"])
        self.tree.setColumnWidth(0, 135)
        self.tree.setColumnWidth(1, 55)
        self.tree.setWordWrap(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.reason = QLabel("")
        self.reason.setTextFormat(Qt.TextFormat.PlainText)
        self.reason.setWordWrap(True)
        self.pin_button = QPushButton("Pin date")
        self.drop_button = QPushButton("Drop date")
        self.pin_button.clicked.connect(self.pin_current)
        self.drop_button.clicked.connect(self.drop_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pin_button)
        buttons.addWidget(self.drop_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.reason)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)

    def show_summary(self, summary: Summary, articles: dict[int, Article]) -> None:
        """Show ``summary`` (its articles by id give each line its source)."""
        self.summary, self.articles = summary, articles
        self.tree.clear()
        for key_date in summary.dates:
            mark = " (pinned)" if key_date.day in self.pinned else ""
            top = QTreeWidgetItem([day_text_of(key_date.day) + mark, str(key_date.sources),
                                   key_date.lines[0].sentence if key_date.lines else ""])
            top.setData(0, DAY_ROLE, key_date.day.isoformat())
            for line in key_date.lines:
                article = articles.get(line.article_id) if line.article_id is not None else None
                child = QTreeWidgetItem(["", str(len(line.source_ids)),
                                         f"{line.sentence}  — {source_link(article)}"])
                child.setData(0, DAY_ROLE, key_date.day.isoformat())
                # An undated opening line has no event: it leads to the day's first one.
                child.setData(0, EVENT_ROLE, line.event_id if line.event_id is not None
                              else next(iter(key_date.event_ids), None))
                child.setToolTip(2, line.sentence)
                top.addChild(child)
            self.tree.addTopLevelItem(top)
            top.setExpanded(True)
        self.reason.setText(summary.reason)

    def current_day(self) -> date | None:
        """Return the day of the selected line or date, None when nothing is selected."""
        item = self.tree.currentItem()
        value = item.data(0, DAY_ROLE) if item is not None else None
        return date.fromisoformat(value) if value else None

    def pin_current(self) -> None:
        """Keep the selected date in the summary, whatever the ranking says."""
        day = self.current_day()
        if day is not None:
            self.pinned.add(day)
            self.dropped.discard(day)
            self.choicesChanged.emit()

    def drop_current(self) -> None:
        """Leave the selected date out of the summary from now on."""
        day = self.current_day()
        if day is not None:
            self.dropped.add(day)
            self.pinned.discard(day)
            self.choicesChanged.emit()

    def as_markdown(self) -> str:
        """Return the summary as a Markdown brief (a source link on every line)."""
        return self._written(write_markdown)

    def as_csv(self) -> str:
        """Return the summary as CSV (one row per line)."""
        return self._written(write_csv)

    def written(self, fmt: str) -> str:
        """Return the summary in ``fmt``, a format of timeline.summary.formats.WRITERS."""
        return self._written(WRITERS[fmt])

    def _written(self, write: Writer) -> str:
        if self.summary is None:
            return ""
        out = io.StringIO()
        write(self.summary, self.articles, out)
        return out.getvalue()

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        event_id = item.data(0, EVENT_ROLE)
        child = item.child(0) if item.childCount() else None
        if event_id is None and child is not None:
            event_id = child.data(0, EVENT_ROLE)
        if event_id is not None:
            self.lineChosen.emit(int(event_id))


def day_text_of(day: date) -> str:
    """Return a calendar day as the window writes it ("Tue 12 Jan 2010")."""
    from datetime import datetime

    return day_text(datetime(day.year, day.month, day.day))
