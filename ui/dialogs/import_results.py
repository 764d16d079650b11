"""What an import did: how many articles and events were added, what was refused and why.

A file refused only because no publication date was found in it can be given one from
here (``dateRequested``), and is then imported again with that date.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from timeline.pipeline import IngestSummary
from timeline.untrusted_text import tooltip_text

NAME_ROLE = Qt.ItemDataRole.UserRole


def refusal_text(refused: object) -> str:
    """Return one line for a refused input: "name: reason"."""
    if isinstance(refused, tuple | list) and len(refused) == 2:
        return f"{refused[0]}: {refused[1]}"
    return str(refused)


def summary_line(summary: IngestSummary, cancelled: bool = False) -> str:
    """Return the one-line account of an ingest summary (for the status bar)."""
    refused = len(summary.refused)
    line = (f"Imported {summary.added} article{'s' * (summary.added != 1)} "
            f"({summary.events} event{'s' * (summary.events != 1)})")
    if summary.already == 1 and len(summary.same_text) == 1:
        name, stored = summary.same_text[0]
        line += f", 1 already there (same text as {stored})"
    elif summary.already:
        line += f", {summary.already} already in the database"
    if refused:
        line += f", {refused} refused"
    stopped = f" — {summary.stopped}" if summary.stopped else ""
    return line + (" — cancelled before the end" if cancelled else "") + stopped


class ImportResultsDialog(QDialog):
    """Lists the refused files with their reasons under the summary line; files named in
    ``undated`` lack only a publication date, which "Give the date…" asks for."""

    dateRequested = Signal(str)  # the name (path) of an undated file

    def __init__(self, summary: IngestSummary, parent: QWidget | None = None, *,
                 cancelled: bool = False, undated: Collection[str] = ()) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import results")
        self.resize(560, 320)
        self._undated = frozenset(undated)
        heading = QLabel(summary_line(summary, cancelled))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.refused_list = QListWidget()
        for refused in summary.refused:
            name = refused[0] if isinstance(refused, tuple | list) else str(refused)
            if name in self._undated:
                # The loader's advice names command-line options; here the button helps.
                text = f"{name}: no publication date found; select it and give the date"
            else:
                text = refusal_text(refused)
            item = QListWidgetItem(text)
            item.setData(NAME_ROLE, name)
            item.setToolTip(tooltip_text(refusal_text(refused)))
            self.refused_list.addItem(item)
        self.date_button = QPushButton("Give the date…")
        self.date_button.setEnabled(False)
        self.date_button.setVisible(bool(self._undated))
        self.date_button.clicked.connect(self._request_date)
        self.refused_list.currentItemChanged.connect(self._follow_selection)
        self.refused_list.itemDoubleClicked.connect(lambda _item: self._request_date())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.date_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if summary.refused:
            layout.addWidget(QLabel("Refused (nothing was imported from these):"))
            layout.addWidget(self.refused_list, 1)
        layout.addWidget(buttons)
        undated_rows = [row for row in range(self.refused_list.count())
                        if self.refused_list.item(row).data(NAME_ROLE) in self._undated]
        if undated_rows:
            self.refused_list.setCurrentRow(undated_rows[0])

    def selected_name(self) -> str | None:
        """Return the name of the refused input now selected (None when none is)."""
        item = self.refused_list.currentItem()
        if item is None:
            return None
        name: str = item.data(NAME_ROLE)  # set from the refusal's name
        return name

    def forget(self, name: str) -> None:
        """Take ``name`` off the list (it has been dealt with, e.g. imported with a date)."""
        for row in reversed(range(self.refused_list.count())):
            if self.refused_list.item(row).data(NAME_ROLE) == name:
                self.refused_list.takeItem(row)
        self._follow_selection()
        if self.refused_list.count() == 0:
            self.accept()  # nothing left to report

    def _follow_selection(self) -> None:
        self.date_button.setEnabled(self.selected_name() in self._undated)

    def _request_date(self) -> None:
        name = self.selected_name()
        if name in self._undated:
            self.dateRequested.emit(name)
