"""File > Open database… and File > Open recent: switching cases without the command line.

The chosen file (an existing database, or a new name for a new, empty case) is opened
on the store worker through the gateway (``StoreGateway.reopen``); the window then lists
the new database. The last RECENT_DATABASES are remembered in the settings.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMenu

from ui.folders import remember_folder, start_folder
from ui.gateway import shown_url

if TYPE_CHECKING:
    from ui.main_window import MainWindow

DATABASE_FILES = "Timeline databases (*.sqlite3 *.sqlite *.db);;All files (*)"


class DatabaseChooser(QObject):
    """Asks which database the window works on, and keeps the Open recent menu."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def choose(self) -> None:
        """Ask for a database file (a new name makes a new, empty case) and open it."""
        settings = self.window.settings.qsettings
        name, _ = QFileDialog.getSaveFileName(
            self.window, "Open database (a new name starts a new case)",
            start_folder(settings), DATABASE_FILES,
            options=QFileDialog.Option.DontConfirmOverwrite)
        if name:
            remember_folder(settings, Path(name).parent)
            self.window.open_database(name)

    def fill_recent(self, menu: QMenu) -> None:
        """Fill ``menu`` with the recent databases, the open one checked and disabled."""
        menu.clear()
        current = self.window.gateway.url
        recent = self.window.settings.recent_databases()
        for url in recent:
            action = menu.addAction(shown_url(url))
            action.setToolTip(url)
            action.setCheckable(True)
            action.setChecked(url == current)
            action.setEnabled(url != current)
            action.triggered.connect(partial(self._open_recent, url))
        if not recent:
            menu.addAction("No recent databases").setEnabled(False)

    def _open_recent(self, url: str, _checked: bool = False) -> None:
        self.window.open_database(url)
