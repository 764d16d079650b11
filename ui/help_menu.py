"""The Article and Help menus: removing an article, the canvas legend and the list of
keyboard shortcuts (read from the menus as they are when it opens)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from ui.legend import LegendDialog
from ui.shortcuts_dialog import ShortcutsDialog

if TYPE_CHECKING:
    from ui.main_window import MainWindow


def _add(window: MainWindow, menu: QMenu, name: str, text: str, slot: Callable[[], object],
         keys: str | None = None) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if keys:
        action.setShortcut(keys)
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    window.actions_by_name[name] = action
    return action


class HelpDialogs:
    """The Legend and the shortcuts list of one window, each opened once and raised."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.legend: LegendDialog | None = None
        self.shortcuts: ShortcutsDialog | None = None

    def show_legend(self) -> LegendDialog:
        """Show the legend (not modal); returns it."""
        if self.legend is None:
            self.legend = LegendDialog(self.window)
        self._raise(self.legend)
        return self.legend

    def show_shortcuts(self) -> ShortcutsDialog:
        """Show the shortcuts as the menus hold them now; returns the dialog."""
        if self.shortcuts is not None:
            self.shortcuts.deleteLater()
        self.shortcuts = ShortcutsDialog(self.window.menuBar(), self.window)
        self._raise(self.shortcuts)
        return self.shortcuts

    @staticmethod
    def _raise(dialog: QDialog) -> None:
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()


def build_article_and_help_menus(window: MainWindow) -> None:
    """Add Article > Remove article… and the Help menu (Keyboard shortcuts, Legend)."""
    article_menu = window.menuBar().addMenu("&Article")
    _add(window, article_menu, "removeArticle", "Remove article…",
         window.removals.remove_current)
    help_menu = window.menuBar().addMenu("&Help")
    _add(window, help_menu, "shortcuts", "Keyboard shortcuts",
         window.help_dialogs.show_shortcuts, "F1")
    _add(window, help_menu, "legend", "Legend", window.help_dialogs.show_legend)
