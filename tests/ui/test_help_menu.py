"""The Help menu: the shortcuts list is read from the window's QActions (a key changed
or added shows up there), and the Legend opens from the menu."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from ui.shortcuts_dialog import shortcut_rows

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints",
                                       "does not support raise")


def test_the_shortcuts_list_is_every_menu_key(qtbot, window):
    window.actions_by_name["shortcuts"].trigger()
    dialog = window.help_dialogs.shortcuts
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    assert ("Review", "Accept", "Return, Enter, A") in rows
    assert ("Edit", "Undo", "Ctrl+Z") in [(m, a.split(" ")[0], k) for m, a, k in rows]
    assert ("Help", "Keyboard shortcuts", "F1") in rows
    # Every keyed action of the menus is listed, with all its keys.
    keyed = [a for a in window.actions_by_name.values() if a.shortcuts()]
    assert len(keyed) >= 15
    listed = {(action, keys) for _menu, action, keys in rows}
    for action in keyed:
        keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText)
                         for k in action.shortcuts())
        assert any(keys == listed_keys for _a, listed_keys in listed), action.objectName()


def test_a_changed_key_shows_in_the_list_without_editing_it(qtbot, window):
    window.actions_by_name["note"].setShortcuts(["Ctrl+Alt+N"])
    rows = shortcut_rows(window.menuBar())
    assert ("Review", "Note", "Ctrl+Alt+N") in rows
    assert not any(row[1] == "Note" and row[2] == "N" for row in rows)


def test_legend_opens_from_the_help_menu_once(qtbot, window):
    window.actions_by_name["legend"].trigger()
    first = window.help_dialogs.legend
    assert first is not None and first.isVisible()
    window.actions_by_name["legend"].trigger()
    assert window.help_dialogs.legend is first
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus[-2:] == ["&Article", "&Help"]
