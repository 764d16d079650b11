"""The note dialog is finished from the keyboard: Enter is a new line, Ctrl+Enter
saves, Esc cancels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from ui.dialogs.note_editor import NoteDialog

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _dialog(qtbot, note=""):
    dialog = NoteDialog(note)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_enter_is_a_new_line_and_ctrl_enter_saves(qtbot):
    dialog = _dialog(qtbot, "Kyodo says Sunday")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.text, "Interfax says Monday")
    assert dialog.isVisible()
    qtbot.keyClick(dialog.text, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.note() == "Kyodo says Sunday\nInterfax says Monday"


def test_esc_cancels(qtbot):
    dialog = _dialog(qtbot, "kept")
    qtbot.keyClicks(dialog.text, " and more")
    qtbot.keyClick(dialog.text, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == QDialog.DialogCode.Rejected
