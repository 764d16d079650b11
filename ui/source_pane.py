"""The source dock: an article's text with the event's sentence and expression marked.

The text is always set as plain text (article HTML is shown, never rendered or run),
every metadata label is plain text too, and the link goes through ui.links.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QColor, QPalette, QResizeEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from timeline.model import Article, Event
from timeline.untrusted_text import display_link, tooltip_text
from ui import links
from ui.dates import day_text

DATE_SOURCES = {
    "cli": "given at import",  # timeline ingest --date, or the window's date question
    "sidecar": "from the article's metadata file",
    "html": "from the page's metadata",
    "dateline": "from the dateline in the text",
    "filename": "from the file name",
    "timeml": "from the TimeML document",
    "json": "from the JSON record",
    "analyst": "set by an analyst",
    "pasted": "given when pasted",
}


def utf16_offset(text: str, index: int) -> int:
    """Return the QTextDocument position of Python string index ``index``."""
    # Qt counts UTF-16 code units; characters outside the BMP take two.
    prefix = text[:index]
    return index + sum(1 for ch in prefix if ord(ch) > 0xFFFF)


class ElidedLabel(QLabel):
    """A one-line plain-text label that shortens its text in the middle to fit."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setMinimumWidth(40)
        self._full = ""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        self._full = text
        self.setToolTip(tooltip_text(text) if text else "")
        self._fit()

    def full_text(self) -> str:
        """Return the whole text, however it is shortened on screen."""
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideMiddle,
                                              max(self.width(), 40))
        super().setText(shown)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        hint = super().minimumSizeHint()
        hint.setWidth(40)
        return hint

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        hint.setWidth(min(hint.width(), 200))
        return hint


def _plain_label() -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)  # metadata is untrusted: never rich text
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class SourcePane(QWidget):
    """Shows one article; ``show_event`` scrolls to and marks an event's sentence."""

    linkRefused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._article: Article | None = None
        self.title_label = _plain_label()
        font = self.title_label.font()
        font.setBold(True)
        self.title_label.setFont(font)
        self.outlet_label = _plain_label()
        self.published_label = _plain_label()
        self.link_label = ElidedLabel()
        self.open_button = QPushButton("Open original")
        self.open_button.setEnabled(False)
        self.open_button.clicked.connect(self.open_original)
        self.message_label = _plain_label()
        self.message_label.setStyleSheet("color: #c62828;")
        self.message_label.hide()
        self.text_view = QTextEdit()
        self.text_view.setReadOnly(True)
        self.text_view.setAcceptRichText(False)
        self.text_view.setUndoRedoEnabled(False)

        form = QFormLayout()
        form.addRow("Outlet:", self.outlet_label)
        form.addRow("Published:", self.published_label)
        link_row = QHBoxLayout()
        link_row.addWidget(self.link_label, 1)
        link_row.addWidget(self.open_button)
        form.addRow("Original:", link_row)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title_label)
        layout.addLayout(form)
        layout.addWidget(self.message_label)
        layout.addWidget(self.text_view, 1)
        self.clear()

    def clear(self) -> None:
        """Show nothing (no event selected)."""
        self._article = None
        self.title_label.setText("No event selected")
        for label in (self.outlet_label, self.published_label, self.link_label):
            label.setText("")
        self.open_button.setEnabled(False)
        self.message_label.hide()
        self.text_view.clear()

    def show_article(self, article: Article) -> None:
        """Show an article's text and metadata with nothing marked."""
        if self._article is None or self._article.id != article.id or self._article != article:
            self.text_view.setPlainText(article.text)
        self._article = article
        self.title_label.setText(article.title or "(untitled article)")
        self.outlet_label.setText(article.outlet or "—")
        if article.published is not None:
            how = DATE_SOURCES.get(article.dct_source or "", article.dct_source or "source unknown")
            self.published_label.setText(f"{day_text(article.published)} ({how})")
        else:
            self.published_label.setText("unknown")
        link = links.link_for(article.url, article.source_path)
        self.link_label.setText(display_link(article.url, article.source_path) or "none")
        self.open_button.setEnabled(link is not None)
        self.message_label.hide()
        self.text_view.setExtraSelections([])

    def show_event(self, article: Article, event: Event) -> None:
        """Show the event's article, its sentence highlighted and its expression marked."""
        self.show_article(article)
        text = article.text
        selections = []
        sentence = self._selection(text, event.char_start, event.char_end, self._sentence_format())
        if sentence is not None:
            selections.append(sentence)
        if event.expr_start is not None and event.expr_end is not None:
            mark = self._selection(text, event.expr_start, event.expr_end,
                                   self._expression_format())
            if mark is not None:
                selections.append(mark)
        self.text_view.setExtraSelections(selections)
        if sentence is not None:
            cursor = QTextCursor(self.text_view.document())
            cursor.setPosition(sentence.cursor.selectionStart())
            self.text_view.setTextCursor(cursor)
            self._scroll_to_third(cursor)

    def _scroll_to_third(self, cursor: QTextCursor) -> None:
        # The sentence a third of the way down, with the lines before it in view.
        bar = self.text_view.verticalScrollBar()
        top = self.text_view.cursorRect(cursor).top() + bar.value()
        bar.setValue(max(0, top - self.text_view.viewport().height() // 3))

    def highlighted_sentence(self) -> str:
        """Return the text now highlighted as the event's sentence ("" when none)."""
        marks = self.text_view.extraSelections()
        return marks[0].cursor.selectedText() if marks else ""

    def marked_expression(self) -> str:
        """Return the text now marked as the temporal expression ("" when none)."""
        marks = self.text_view.extraSelections()
        return marks[1].cursor.selectedText() if len(marks) > 1 else ""

    def open_original(self) -> None:
        """Open the article's link, or show why it was refused."""
        if self._article is None:
            return
        link = links.link_for(self._article.url, self._article.source_path)
        if link is None:
            return
        refusal = links.open_link(link)
        if refusal is not None:
            self.message_label.setText(refusal)
            self.message_label.show()
            self.linkRefused.emit(refusal)

    def _selection(self, text: str, start: int | None, end: int | None,
                   fmt: QTextCharFormat) -> QTextEdit.ExtraSelection | None:
        if start is None or end is None or not 0 <= start < end <= len(text):
            return None
        selection = QTextEdit.ExtraSelection()
        cursor = QTextCursor(self.text_view.document())
        cursor.setPosition(utf16_offset(text, start))
        cursor.setPosition(utf16_offset(text, end), QTextCursor.MoveMode.KeepAnchor)
        selection.cursor = cursor
        selection.format = fmt
        return selection

    def _sentence_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        fmt.setBackground(QColor("#5c4b00") if dark else QColor("#fff3b0"))
        return fmt

    def _expression_format(self) -> QTextCharFormat:
        fmt = QTextCharFormat()
        dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        fmt.setBackground(QColor("#8a5a00") if dark else QColor("#ffc94d"))
        fmt.setFontWeight(700)
        fmt.setFontUnderline(True)
        return fmt
