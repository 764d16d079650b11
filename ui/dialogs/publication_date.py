"""Change an article's publication date: preview which events move, then apply.

The preview is a dry run of the same change (computed in the background worker by
the window); reviewed events are listed as kept, never moved.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline.display import format_event_date
from timeline.model import Article, Event
from timeline.untrusted_text import tooltip_text
from ui.dates import day_text
from ui.dialogs.paste_article import read_published


def same_date(old: Event, new: Event) -> bool:
    """Return True when re-reading an event left its interval and granularity as they were."""
    return (old.earliest, old.latest, old.granularity, old.mod) == \
        (new.earliest, new.latest, new.granularity, new.mod)


class DateChange(Protocol):
    """What the dialog reads of a dry run's PublishedChange (made in timeline.store,
    which the window reaches only through ui.gateway)."""

    @property
    def moved(self) -> Sequence[tuple[Event, Event]]: ...

    @property
    def added(self) -> Sequence[Event]: ...

    @property
    def removed(self) -> Sequence[Event]: ...

    @property
    def kept_reviewed(self) -> Sequence[Event]: ...


def split_moves(
    pairs: Iterable[tuple[Event, Event]],
) -> tuple[list[tuple[Event, Event]], list[tuple[Event, Event]]]:
    """Split a PublishedChange's (old, new) pairs into those whose date moves and those
    re-read to the same date (their explanation or confidence may still change)."""
    moving = [(old, new) for old, new in pairs if not same_date(old, new)]
    rereads = [(old, new) for old, new in pairs if same_date(old, new)]
    return moving, rereads


def preview_line(change: DateChange) -> str:
    """Return the one-line account of a PublishedChange (for the dialog and status bar)."""
    moving, rereads = split_moves(change.moved)
    return (f"{len(moving)} event(s) move, {len(change.added)} appear, "
            f"{len(change.removed)} disappear, {len(rereads)} keep their date; "
            f"{len(change.kept_reviewed)} reviewed event(s) stay as they are.")


class PublicationDateDialog(QDialog):
    """Asks for a new date, shows the dry run's outcome, and is accepted to apply it."""

    def __init__(self, article: Article, request_preview: Callable[[datetime], None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Change publication date")
        self.resize(720, 440)
        self._request_preview = request_preview
        self._previewed: datetime | None = None
        current = day_text(article.published) if article.published else "unknown"
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText("2023-09-12")
        self.date_edit.textEdited.connect(self._forget_preview)
        self.preview_button = QPushButton("Preview")
        self.preview_button.clicked.connect(self._preview)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.changes = QTreeWidget()
        self.changes.setHeaderLabels(["Change", "Event", "Was", "Becomes"])
        self.changes.setRootIsDecorated(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Apply
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Apply)
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        title = QLabel(article.title or "(untitled article)")
        title.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("Article:", title)
        form.addRow("Published now:", QLabel(current))
        form.addRow("New date:", self.date_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_button)
        layout.addWidget(self.message)
        layout.addWidget(self.changes, 1)
        layout.addWidget(self.buttons)

    def new_date(self) -> datetime | None:
        """Return the date that was previewed (the one Apply applies)."""
        return self._previewed

    def show_preview(self, new_date: datetime, change: DateChange) -> None:
        """Show a dry run's PublishedChange for ``new_date`` and allow applying it."""
        self.changes.clear()
        moving, rereads = split_moves(change.moved)
        for old, new in moving:
            self._row("moves", new, format_event_date(old), format_event_date(new))
        for event in change.added:
            self._row("added", event, "", format_event_date(event))
        for event in change.removed:
            self._row("removed", event, format_event_date(event), "")
        for event in change.kept_reviewed:
            self._row("kept (reviewed)", event, format_event_date(event), format_event_date(event))
        for old, new in rereads:
            self._row("same date", new, format_event_date(old), format_event_date(new))
        for column in range(self.changes.columnCount()):
            self.changes.resizeColumnToContents(column)
            # A long title would push the dates out of sight; its tooltip has it whole.
            self.changes.setColumnWidth(column, min(self.changes.columnWidth(column), 300))
        self.message.setText(preview_line(change))
        self._previewed = new_date
        self.apply_button.setEnabled(True)

    def show_error(self, message: str) -> None:
        """Say why the preview failed."""
        self.message.setText(message)
        self.apply_button.setEnabled(False)

    def _row(self, change: str, event: Event, was: str, becomes: str) -> None:
        item = QTreeWidgetItem([change, event.title, was, becomes])
        item.setToolTip(1, tooltip_text(event.title))
        self.changes.addTopLevelItem(item)

    def _preview(self) -> None:
        moment = read_published(self.date_edit.text())
        if moment is None:
            self.show_error("Type the new date, e.g. 2023-09-12.")
            return
        self.message.setText("Working out which events move…")
        self._request_preview(moment)

    def _forget_preview(self) -> None:
        self._previewed = None
        self.apply_button.setEnabled(False)
