"""What the app remembers between runs (QSettings): window layout, database, filters.

Tests point QSettings at a temp folder, so a user's own settings are never touched.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow

from ui.state.filters import EventFilter
from ui.state.navigation import CONFIDENCE_ORDER, TIME_ORDER

RECENT_DATABASES = 8  # File > Open recent


class WindowSettings:
    """Typed access to the app's QSettings keys."""

    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings

    def save_window(self, window: QMainWindow) -> None:
        """Remember the window's geometry and dock layout."""
        self.qsettings.setValue("window/geometry", window.saveGeometry())
        self.qsettings.setValue("window/state", window.saveState())

    def restore_window(self, window: QMainWindow) -> bool:
        """Put back the saved geometry and dock layout; returns False when none was saved."""
        geometry = self.qsettings.value("window/geometry")
        state = self.qsettings.value("window/state")
        restored = False
        if isinstance(geometry, QByteArray | bytes) and geometry:
            restored = window.restoreGeometry(geometry)
        if isinstance(state, QByteArray | bytes) and state:
            restored = window.restoreState(state) or restored
        return restored

    def save_filter(self, event_filter: EventFilter) -> None:
        """Remember the review filters."""
        for name, value in event_filter.to_settings().items():
            self.qsettings.setValue(f"filter/{name}", value)

    def load_filter(self) -> EventFilter:
        """Return the saved review filters (no filter when none were saved)."""
        self.qsettings.beginGroup("filter")
        try:
            saved = {name: self.qsettings.value(name) for name in self.qsettings.childKeys()}
        finally:
            self.qsettings.endGroup()
        return EventFilter.from_settings(saved)

    def last_database(self) -> str | None:
        """Return the database URL used last time, or None."""
        value = self.qsettings.value("database/last")
        return str(value) if value else None

    def save_database(self, url: str) -> None:
        """Remember the database URL for the next start, first among the recent ones."""
        self.qsettings.setValue("database/last", url)
        recent = [url] + [known for known in self.recent_databases() if known != url]
        self.qsettings.setValue("database/recent", recent[:RECENT_DATABASES])

    def recent_databases(self) -> list[str]:
        """Return the URLs of the databases opened last, newest first (at most
        RECENT_DATABASES)."""
        value = self.qsettings.value("database/recent")
        if isinstance(value, str):  # QSettings gives a one-item list back as its item
            value = [value]
        if not isinstance(value, list):
            return []
        return [str(url) for url in value if url][:RECENT_DATABASES]

    def review_order(self) -> str:
        """Return the J/K walk order: time order or lowest confidence first."""
        value = self.qsettings.value("review/order", TIME_ORDER)
        return value if value in (TIME_ORDER, CONFIDENCE_ORDER) else TIME_ORDER

    def save_review_order(self, mode: str) -> None:
        """Remember the J/K walk order."""
        self.qsettings.setValue("review/order", mode)

    def hide_rejected(self) -> bool:
        """Return whether the canvas hides rejected events."""
        return str(self.qsettings.value("view/hide_rejected", "false")).lower() == "true"

    def save_hide_rejected(self, hide: bool) -> None:
        """Remember whether the canvas hides rejected events."""
        self.qsettings.setValue("view/hide_rejected", "true" if hide else "false")

    def canvas_layout(self) -> str | None:
        """Return the canvas layout the analyst chose ("stories" or "articles"), None
        while none was chosen (the window then picks by the number of articles)."""
        value = self.qsettings.value("view/layout")
        return str(value) if value in ("stories", "articles") else None

    def save_canvas_layout(self, layout: str) -> None:
        """Remember the canvas layout the analyst chose."""
        self.qsettings.setValue("view/layout", layout)
