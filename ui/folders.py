"""Where the file dialogs open: the folder last used, else the user's Documents or home.

Qt's dialogs open in the process's current folder when given none, which is wherever
the app was started from (the virtual environment's folder, for a new user).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

_KEY = "files/last_folder"


def start_folder(settings: QSettings) -> str:
    """Return the folder a file dialog opens in: the last one used when it still
    exists, else ~/Documents when there is one, else the home folder."""
    saved = settings.value(_KEY)
    if saved and Path(str(saved)).is_dir():
        return str(saved)
    documents = Path.home() / "Documents"
    return str(documents if documents.is_dir() else Path.home())


def remember_folder(settings: QSettings, chosen: Path | str) -> None:
    """Remember the folder of ``chosen`` (a file, or a folder itself) for next time."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    settings.setValue(_KEY, str(folder))


def in_start_folder(settings: QSettings, file_name: str) -> str:
    """Return ``file_name`` in the start folder: where a save dialog proposes to write."""
    return str(Path(start_folder(settings)) / file_name)
