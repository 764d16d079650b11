"""Paste article: text, publication date, optional title and URL -> an Article.

The date may be left empty when the text carries a dateline; when none is found the
dialog stays open, says so, and offers the full dates it sees in the text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
    QVBoxLayout, QWidget,
)

from timeline.model import Article
from timeline.sources import MissingDateError, SourceError, article_from_text, parse_published
from timeline.temporal import parse_user_date

# Full dates written out in the text: the candidates offered when no dateline is found.
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTHS = ("january|february|march|april|may|june|july|august|september|october|"
           "november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_WRITTEN_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}}|(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}})\b",
    re.IGNORECASE,
)


def date_candidates(text: str, limit: int = 8) -> list[datetime]:
    """Return the distinct full dates written in ``text`` (first ones first)."""
    found: list[datetime] = []
    for match in _ISO_DATE.finditer(text):
        try:
            found.append(datetime(int(match[1]), int(match[2]), int(match[3])))
        except ValueError:
            continue
    for match in _WRITTEN_DATE.finditer(text):
        span = parse_user_date(match.group(0), datetime(2000, 1, 1))
        if span is not None and span.earliest is not None:
            found.append(span.earliest.replace(hour=0, minute=0, second=0, microsecond=0))
    unique = list(dict.fromkeys(found))
    return unique[:limit]


def read_published(typed: str) -> datetime | None:
    """Return the date typed in the date field (ISO or as a person writes it), or None."""
    typed = typed.strip()
    if not typed:
        return None
    try:
        return parse_published(typed)
    except ValueError:
        span = parse_user_date(typed, datetime.now())
        return span.earliest if span is not None else None


class PasteArticleDialog(QDialog):
    """Collects a pasted article; ``article()`` holds it once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste article")
        self.resize(640, 520)
        self._article: Article | None = None
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("Paste the article's text here")
        self.title_edit = QLineEdit()
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText("2023-09-12, or leave empty if the text has a dateline")
        self.candidates = QComboBox()
        self.candidates.hide()
        self.candidates.activated.connect(self._take_candidate)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Title (optional):", self.title_edit)
        form.addRow("URL (optional):", self.url_edit)
        form.addRow("Published:", self.date_edit)
        form.addRow("", self.candidates)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text_edit, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def article(self) -> Article | None:
        """Return the article built on OK (None before that)."""
        return self._article

    def accept(self) -> None:
        """Close with the article built, or stay open saying what is missing (a date)."""
        text = self.text_edit.toPlainText()
        typed_date = self.date_edit.text()
        published = read_published(typed_date)
        if typed_date.strip() and published is None:
            self.message.setText(
                f"“{typed_date.strip()}” is not a date I can read; try 2023-09-12.")
            return
        meta = {"title": self.title_edit.text().strip() or None,
                "url": self.url_edit.text().strip() or None}
        try:
            article = article_from_text(text, published, **meta)
        except MissingDateError:
            self._ask_for_date(text)
            return
        except SourceError as error:
            self.message.setText(f"Cannot use this text: {error.reason}.")
            return
        if published is not None:
            article = replace(article, dct_source="pasted")
        self._article = article
        super().accept()

    def _ask_for_date(self, text: str) -> None:
        found = date_candidates(text)
        self.candidates.clear()
        if found:
            self.candidates.addItem("Dates seen in the text…", None)
            for moment in found:
                self.candidates.addItem(f"{moment:%a %d %b %Y}", moment)
            self.candidates.show()
            self.message.setText("No publication date was found in the text. "
                                 "Give it above, or pick one of the dates the text mentions.")
        else:
            self.candidates.hide()
            self.message.setText("No publication date was found in the text. Give it above.")
        self.date_edit.setFocus()

    def _take_candidate(self, index: int) -> None:
        moment = self.candidates.itemData(index)
        if moment is not None:
            self.date_edit.setText(moment.strftime("%Y-%m-%d"))
