"""Give the publication date of an imported file in which none was found.

Import refuses a file whose date it cannot find (no metadata, dateline or dated file
name); from the window the analyst gives the date here, picking one of the full dates
the file mentions or typing one, and the file is imported again with it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget,
)

from ui.dialogs.paste_article import date_candidates, read_published

# Enough of a long file to find the dates near its top, where a date line would be.
CANDIDATE_TEXT_LIMIT = 20_000


def file_date_candidates(path: Path) -> list[datetime]:
    """Return the full dates written near the top of the file (none when unreadable)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return date_candidates(handle.read(CANDIDATE_TEXT_LIMIT))
    except OSError:
        return []


class FileDateDialog(QDialog):
    """Asks for one file's publication date; ``published()`` holds it once accepted."""

    def __init__(self, path: Path, candidates: list[datetime],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Publication date")
        self.setMinimumWidth(420)
        self._published: datetime | None = None
        name = QLabel(f"No publication date was found in {Path(path).name}. "
                      "When was it published?")
        name.setTextFormat(Qt.TextFormat.PlainText)
        name.setWordWrap(True)
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText("2023-09-12")
        self.candidates = QComboBox()
        self.candidates.addItem("Dates seen in the text…", None)
        for moment in candidates:
            self.candidates.addItem(f"{moment:%a %d %b %Y}", moment)
        self.candidates.setVisible(bool(candidates))
        self.candidates.activated.connect(self._take_candidate)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("Published:", self.date_edit)
        form.addRow("", self.candidates)
        layout = QVBoxLayout(self)
        layout.addWidget(name)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)

    def published(self) -> datetime | None:
        """Return the date given (None before the dialog is accepted)."""
        return self._published

    def accept(self) -> None:
        """Close with the date typed or picked, or say why it cannot be read and stay."""
        typed = self.date_edit.text().strip()
        moment = read_published(typed)
        if moment is None:
            self.message.setText(f"“{typed}” is not a date I can read; try 2023-09-12."
                                 if typed else "Give the date, e.g. 2023-09-12.")
            return
        self._published = moment
        super().accept()

    def _take_candidate(self, index: int) -> None:
        moment = self.candidates.itemData(index)
        if moment is not None:
            self.date_edit.setText(moment.strftime("%Y-%m-%d"))
