"""Give the publication date of an imported file in which none was found.

Import refuses a file whose date it cannot find (no metadata, dateline or dated file
name); from the window the analyst gives the date here, picking one of the full dates
the file mentions or typing one, and the file is imported again with it.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QVBoxLayout, QWidget

from ui.dialogs.paste_article import date_candidates, read_published
from ui.dialogs.published_date_field import PublishedDateDialog

# Enough of a long file to find the dates near its top, where a date line would be.
CANDIDATE_TEXT_LIMIT = 20_000


def file_date_candidates(path: Path) -> list[datetime]:
    """Return the full dates written near the top of the file (none when unreadable)."""
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return date_candidates(handle.read(CANDIDATE_TEXT_LIMIT))
    except OSError:
        return []


class FileDateDialog(PublishedDateDialog):
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
        buttons = self._make_date_widgets("2023-09-12")
        self._offer_dates(candidates)
        form = QFormLayout()
        self._add_date_rows(form)
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
