"""Paste article: text, publication date, optional title, outlet and URL -> an Article.

The date may be left empty when the text carries a dateline; when none is found the
dialog stays open, says so, and offers the full dates it sees in the text.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import QFormLayout, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

from timeline.model import Article
from timeline.sources import MissingDateError, SourceError, article_from_text
from timeline.temporal.user_dates import parse_user_date, read_published_date
from ui.dialogs.published_date_field import PublishedDateDialog

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
    if not typed.strip():
        return None
    try:
        return read_published_date(typed)  # what --dct and --date take too
    except ValueError:
        return None


class PasteArticleDialog(PublishedDateDialog):
    """Collects a pasted article; ``article()`` holds it once accepted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Paste article")
        self.resize(640, 520)
        self._article: Article | None = None
        self.text_edit = QPlainTextEdit()
        self.text_edit.setPlaceholderText("Paste the article's text here")
        self.title_edit = QLineEdit()
        self.outlet_edit = QLineEdit()
        self.outlet_edit.setPlaceholderText("Reuters, BBC… (taken from a dateline when empty)")
        self.url_edit = QLineEdit()
        self.url_edit.setPlaceholderText("https://…")
        buttons = self._make_date_widgets(
            "2023-09-12, or leave empty if the text has a dateline")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Title (optional):", self.title_edit)
        form.addRow("Outlet (optional):", self.outlet_edit)
        form.addRow("URL (optional):", self.url_edit)
        self._add_date_rows(form)
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
                "outlet": self.outlet_edit.text().strip() or None,
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
        if self._offer_dates(date_candidates(text)):
            self.message.setText("No publication date was found in the text. "
                                 "Give it above, or pick one of the dates the text mentions.")
        else:
            self.message.setText("No publication date was found in the text. Give it above.")
        self.date_edit.setFocus()
