"""Exporting from the window: the events the current filters let through, written on
the store worker by the same writers as ``timeline export``; PNG and SVG are drawn by
the canvas."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QWidget

from timeline.export import FORMATS, ExportError, export_to_path, published_events
from ui.folders import in_start_folder, remember_folder
from ui.gateway import StoreGateway
from ui.settings_store import WindowSettings
from ui.state.filters import EventFilter
from ui.tasks import TaskContext

# (format, menu caption, file dialog filter); PNG and SVG come from the canvas.
EXPORT_CHOICES = (
    ("csv", "CSV…", "CSV (*.csv)"),
    ("xlsx", "Spreadsheet (xlsx)…", "Excel workbook (*.xlsx)"),
    ("timelinejs-csv", "TimelineJS CSV…", "CSV (*.csv)"),
    ("timelinejs-json", "TimelineJS JSON…", "JSON (*.json)"),
    ("json", "JSON…", "JSON (*.json)"),
    ("png", "PNG image…", "PNG image (*.png)"),
    ("svg", "SVG image…", "SVG image (*.svg)"),
)
SUFFIXES = {"csv": ".csv", "timelinejs-csv": ".csv", "timelinejs-json": ".json", "json": ".json",
            "xlsx": ".xlsx", "png": ".png", "svg": ".svg"}


class ImageSource(Protocol):
    """What draws the timeline as an image (the canvas)."""

    def export_png(self, path: str) -> None: ...

    def export_svg(self, path: str) -> None: ...


class ExportHost(Protocol):
    """What an export needs from the window."""

    gateway: StoreGateway
    settings: WindowSettings

    @property
    def canvas(self) -> ImageSource: ...

    def current_filter(self) -> EventFilter: ...

    def shown_count(self) -> int: ...

    def notice(self, message: str, *, warning: bool = False) -> None: ...


class Exporter(QObject):
    """Exports for one window (``host``; the file dialog opens over ``parent``)."""

    exportFinished = Signal(str, int)  # path, events written

    def __init__(self, host: ExportHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.parent_widget = parent

    def choose_export(self, fmt: str) -> None:
        """Ask where to write an export of the filtered events, then write it."""
        caption, file_filter = next((c, f) for code, c, f in EXPORT_CHOICES if code == fmt)
        settings = self.host.settings.qsettings
        name, _ = QFileDialog.getSaveFileName(self.parent_widget,
                                              f"Export {caption.rstrip('…')}",
                                              in_start_folder(settings, f"timeline{SUFFIXES[fmt]}"),
                                              file_filter)
        if name:
            remember_folder(settings, Path(name).parent)
            self.export_to(fmt, Path(name))

    def export_to(self, fmt: str, path: Path) -> None:
        """Write the events the current filters show to ``path`` in format ``fmt``."""
        path = Path(path)
        if fmt in ("png", "svg"):
            self._export_image(fmt, path)
            return
        if fmt not in FORMATS:
            self.host.notice(f"Unknown export format {fmt}", warning=True)
            return
        query = self.host.current_filter().query_kwargs()

        def write(repo: Any, _context: TaskContext) -> tuple[int, int]:
            events, left_out = published_events(
                fmt, repo.list_events(**query), query["statuses"] is not None)
            articles = repo.get_articles(
                event.article_id for event in events if event.article_id is not None)
            sources = repo.story_sources(event.story_id for event in events)
            return export_to_path(fmt, events, articles, path,
                                  story_sources=sources), left_out

        def written(counts: tuple[int, int]) -> None:
            count, left_out = counts
            rejected = f" ({left_out} rejected left out)" if left_out else ""
            self.host.notice(f"Exported {count} events to {path}{rejected}")
            self.exportFinished.emit(str(path), count)

        def failed(error: BaseException) -> None:
            reason = str(error) if isinstance(error, ExportError) \
                else f"{type(error).__name__}: {error}"
            self.host.notice(f"Export failed: {reason}", warning=True)

        self.host.gateway.submit(write, on_done=written, on_error=failed)

    def _export_image(self, fmt: str, path: Path) -> None:
        try:
            if fmt == "png":
                self.host.canvas.export_png(str(path))
            else:
                self.host.canvas.export_svg(str(path))
        except OSError as error:
            self.host.notice(f"Could not write {path}: {error}", warning=True)
            return
        self.host.notice(f"Exported the timeline image to {path}")
        self.exportFinished.emit(str(path), self.host.shown_count())
