"""The publication-date field that the paste and file-date dialogs share.

A line to type the date in, a list of full dates the text mentions to pick from, a
red line saying why a date cannot be read, and OK/Cancel.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from ui.dates import day_text


class PublishedDateDialog(QDialog):
    """A dialog with a publication-date field; subclasses lay it out and read it."""

    def _make_date_widgets(self, placeholder: str) -> QDialogButtonBox:
        """Make ``date_edit``, ``candidates`` (hidden) and ``message``; return OK/Cancel.

        Made in this order, at the point the subclass calls it, so the tab order
        follows the layout.
        """
        self.date_edit = QLineEdit()
        self.date_edit.setPlaceholderText(placeholder)
        self.candidates = QComboBox()
        self.candidates.hide()
        self.candidates.activated.connect(self._take_candidate)
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #c62828;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        return buttons

    def _add_date_rows(self, form: QFormLayout) -> None:
        form.addRow("Published:", self.date_edit)
        form.addRow("", self.candidates)

    def _offer_dates(self, moments: Iterable[datetime]) -> bool:
        """Put ``moments`` in the candidate list, shown when there are any; return
        whether there were."""
        moments = list(moments)
        self.candidates.clear()
        if moments:
            self.candidates.addItem("Dates seen in the text…", None)
            for moment in moments:
                self.candidates.addItem(day_text(moment), moment)
        self.candidates.setVisible(bool(moments))
        return bool(moments)

    def _take_candidate(self, index: int) -> None:
        moment = self.candidates.itemData(index)
        if moment is not None:
            self.date_edit.setText(moment.strftime("%Y-%m-%d"))
