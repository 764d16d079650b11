"""What an import did: how many articles and events were added, what was refused and why."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QVBoxLayout, QWidget


def refusal_text(refused) -> str:
    """Return one line for a refused input: "name: reason"."""
    if isinstance(refused, tuple | list) and len(refused) == 2:
        return f"{refused[0]}: {refused[1]}"
    return str(refused)


def summary_line(summary, cancelled: bool = False) -> str:
    """Return the one-line account of an ingest summary (for the status bar)."""
    refused = len(summary.refused)
    line = (f"Imported {summary.added} article{'s' * (summary.added != 1)} "
            f"({summary.events} event{'s' * (summary.events != 1)})")
    if summary.already:
        line += f", {summary.already} already in the database"
    if refused:
        line += f", {refused} refused"
    return line + (" — cancelled before the end" if cancelled else "")


class ImportResultsDialog(QDialog):
    """Lists the refused files with their reasons under the summary line."""

    def __init__(self, summary, parent: QWidget | None = None, *, cancelled: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import results")
        self.resize(560, 320)
        heading = QLabel(summary_line(summary, cancelled))
        heading.setTextFormat(Qt.TextFormat.PlainText)
        heading.setWordWrap(True)
        self.refused_list = QListWidget()
        for refused in summary.refused:
            self.refused_list.addItem(refusal_text(refused))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        if summary.refused:
            layout.addWidget(QLabel("Refused (nothing was imported from these):"))
            layout.addWidget(self.refused_list, 1)
        layout.addWidget(buttons)
