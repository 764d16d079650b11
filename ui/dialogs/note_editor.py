"""The note dialog behind "Note…" (N): finished from the keyboard.

Enter is a new line in a note, so Ctrl+Enter saves it and Esc cancels, as the hint
under the text says (QInputDialog's multi-line box left the keyboard no way out).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

_SAVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class NoteDialog(QDialog):
    """Asks for an event's note; ``note()`` holds the text once accepted."""

    def __init__(self, note: str, parent: QWidget | None = None, *,
                 title: str = "Note") -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(480, 260)
        self.text = QPlainTextEdit(note)
        self.text.setTabChangesFocus(True)
        self.text.installEventFilter(self)
        hint = QLabel("Ctrl+Enter saves · Esc cancels")
        hint.setEnabled(False)  # drawn muted: a hint, not a message
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Note on this event:"))
        layout.addWidget(self.text, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.text.moveCursor(self.text.textCursor().MoveOperation.End)
        self.text.setFocus()

    def note(self) -> str:
        """Return the note as typed."""
        return self.text.toPlainText()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save on Ctrl+Enter in the text; every other key is the text's."""
        if watched is self.text and event.type() == QEvent.Type.KeyPress \
                and isinstance(event, QKeyEvent) and event.key() in _SAVE_KEYS \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.accept()
            return True
        return super().eventFilter(watched, event)
