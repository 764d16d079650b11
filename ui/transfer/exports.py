"""Exporting from the window: the events the current filters let through, written on
the store worker by the same writers as ``timeline export``; PNG and SVG are drawn by
the canvas. CSV streams from the store with a progress dialog whose Cancel leaves no
file behind."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QProgressDialog, QWidget

from timeline.export import (
    FORMATS,
    ExportCancelled,
    ExportError,
    export_to_path,
    published_events,
    stream_csv_to_path,
    stream_json_to_path,
    stream_xlsx_to_path,
)
from ui.folders import in_start_folder, remember_folder
from ui.gateway import StoreGateway
from ui.settings_store import WindowSettings
from ui.state.filters import EventFilter
from ui.tasks import TaskContext, TaskHandle

# The formats written a batch at a time as the store reads them, with progress and Cancel.
STREAMED: dict[str, Callable[..., int]] = {
    "csv": stream_csv_to_path, "json": stream_json_to_path, "xlsx": stream_xlsx_to_path}

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
        self.progress_dialog: QProgressDialog | None = None  # while a CSV export runs
        self._running: TaskHandle | None = None

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
        if fmt in STREAMED:
            self._stream_csv(path, query, STREAMED[fmt])
            return

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

    def cancel_export(self) -> None:
        """Stop the running streamed export; the file is left as it was before."""
        if self._running is not None:
            self._running.cancel()

    def _stream_csv(self, path: Path, query: dict[str, Any],
                    to_path: Callable[..., int] = stream_csv_to_path) -> None:
        # Streamed a batch at a time on the store worker (CSV, or what ``to_path`` of
        # STREAMED writes): memory stays small at 10^6 events, and the dialog shows how
        # far it got and can stop it.
        def write(repo: Any, context: TaskContext) -> int:
            return to_path(
                repo, path, filters=query, cancelled=context.cancelled,
                progress=lambda done, total: context.progress(done, total, "events"))

        dialog = QProgressDialog(f"Exporting to {path.name}…", "Cancel", 0, 0,
                                 self.parent_widget)
        dialog.setWindowTitle("Export")
        dialog.setMinimumDuration(400)  # a quick export never flashes a dialog
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel_export)
        self.progress_dialog = dialog

        def progressed(done: int, total: int, _label: str) -> None:
            dialog.setMaximum(max(total, 1))
            dialog.setValue(done)
            dialog.setLabelText(f"Exporting to {path.name}: {done:,} of {total:,} events")

        def finish() -> None:
            self._running = None
            self.progress_dialog = None
            dialog.canceled.disconnect(self.cancel_export)
            dialog.close()
            dialog.deleteLater()

        def written(count: int) -> None:
            finish()
            self.host.notice(f"Exported {count} events to {path}")
            self.exportFinished.emit(str(path), count)

        def cancelled() -> None:
            finish()
            self.host.notice(f"Export cancelled; {path} was not written")

        def failed(error: BaseException) -> None:
            if isinstance(error, ExportCancelled):
                cancelled()
                return
            finish()
            reason = str(error) if isinstance(error, ExportError) \
                else f"{type(error).__name__}: {error}"
            self.host.notice(f"Export failed: {reason}", warning=True)

        self._running = self.host.gateway.submit(write, on_done=written, on_error=failed,
                                                 on_progress=progressed,
                                                 on_cancelled=cancelled)

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
