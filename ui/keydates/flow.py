"""The Key dates dock in the window: made in the worker whenever a listing lands and the
dock is shown, kept to the analyst's pinned and dropped dates, exported on demand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QFileDialog

from ui.folders import in_start_folder, remember_folder
from ui.keydates.panel import KeyDatesPanel
from ui.state.keydates import key_dates

DOCK_WIDTH = 460
EXPORTS = {"markdown": ("Markdown brief (*.md)", ".md"), "csv": ("CSV (*.csv)", ".csv"),
           "timelinejs": ("TimelineJS JSON (*.json)", ".json")}


class KeyDatesFlow:
    """Owns the Key dates panel of one window."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.panel = KeyDatesPanel()
        self.dock = QDockWidget("Key dates", window)
        self.dock.setObjectName("keyDatesDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        # Wide enough to read a line: once the window has laid its docks out.
        QTimer.singleShot(0, lambda: window.resizeDocks([self.dock], [DOCK_WIDTH],
                                                        Qt.Orientation.Horizontal))
        self.panel.lineChosen.connect(lambda event_id: window.select_event(event_id))
        self.panel.choicesChanged.connect(self.refresh)
        # After the other slots of the listing: they may ask whether the worker is idle.
        window.loaded.connect(lambda: QTimer.singleShot(0, self.refresh))
        self.dock.visibilityChanged.connect(self._dock_shown)

    def _dock_shown(self, shown: bool) -> None:
        if shown:
            self.refresh()
        else:  # the bands go with the dock
            self.window.canvas.set_key_days(())

    def _show(self, found: Any) -> None:
        summary, articles = found
        self.panel.show_summary(summary, articles)
        # The canvas marks the key dates while the dock shows them.
        self.window.canvas.set_key_days(key_date.day for key_date in summary.dates)

    def refresh(self) -> None:
        """Make the summary again for what the filters show (only while the dock shows)."""
        if not self.dock.isVisible():
            return
        query = self.window.current_filter().query_kwargs()
        pinned, dropped = frozenset(self.panel.pinned), frozenset(self.panel.dropped)

        def make(repo: Any, context: Any) -> Any:
            return key_dates(repo, query, pinned=pinned, dropped=dropped, check=context.check)

        self.window.gateway.submit(
            make, key="keydates", on_done=self._show,
            on_error=lambda error: self.window.notice(
                f"Could not make the key dates: {error}", warning=True))

    def export(self, fmt: str, path: Path | None = None) -> None:
        """Write the shown summary as ``fmt`` (a key of EXPORTS) to ``path`` (asked when
        None)."""
        caption, suffix = EXPORTS[fmt]
        if path is None:
            settings = self.window.settings.qsettings
            name, _ = QFileDialog.getSaveFileName(
                self.window, "Export key dates", in_start_folder(settings, f"key-dates{suffix}"),
                caption)
            if not name:
                return
            path = Path(name)
            remember_folder(settings, path.parent)
        text = self.panel.written(fmt)
        try:
            Path(path).write_text(text, encoding="utf-8", newline="")
        except OSError as error:
            self.window.notice(f"Could not write {path}: {error.strerror or error}",
                               warning=True)
            return
        self.window.notice(f"Exported the key dates to {path}")
