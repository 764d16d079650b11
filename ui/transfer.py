"""Getting articles in and timelines out, from the window.

Import (files, a folder, drag and drop, a pasted article) runs in the background
worker with a progress bar and Cancel; refused files are listed afterwards. Export
writes the events the current filters let through with the same writers as
``timeline export``; PNG and SVG are drawn by the canvas. Changing an article's
publication date previews which events move before anything is applied.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog

from timeline import pipeline
from timeline.export import FORMATS, ExportError, export_to_path, published_events
from timeline.model import Article
from timeline.sources import MissingDateError, iter_articles
from ui.dialogs.file_date import FileDateDialog, file_date_candidates
from ui.dialogs.import_results import ImportResultsDialog, summary_line
from ui.dialogs.paste_article import PasteArticleDialog
from ui.dialogs.publication_date import PublicationDateDialog, preview_line
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


@dataclass
class ImportOutcome:
    """An import's IngestSummary, and the refused files that lack only a date."""

    summary: pipeline.IngestSummary
    undated: list[str] = field(default_factory=list)


def undated_files(summary: pipeline.IngestSummary) -> list[str]:
    """Return the names of refused files that were refused only for want of a
    publication date (read again to tell: the refusal itself is a line of text)."""
    undated = []
    for name, _reason in summary.refused:
        path = Path(name)
        if path.is_file() and any(isinstance(loaded, MissingDateError)
                                  for loaded in iter_articles(path)):
            undated.append(name)
    return undated


class Transfer(QObject):
    """Import, export and publication-date changes for one MainWindow."""

    importFinished = Signal(object)  # IngestSummary
    exportFinished = Signal(str, int)  # path, events written
    publishedChanged = Signal(object)  # PublishedChange

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.last_summary = None
        self.results_dialog: ImportResultsDialog | None = None
        self._import_cancels: set[threading.Event] = set()  # one per queued folder import
        self._imports_pending = 0  # queued or running imports (folders and pasted articles)
        window.cancel_button.clicked.connect(self.cancel_import)

    # --- import -----------------------------------------------------------------------

    @staticmethod
    def local_paths(mime: QMimeData) -> list[Path]:
        """Return the local files and folders carried by a drag (others are ignored)."""
        if not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def choose_files(self) -> None:
        """Ask for article files and import them."""
        names, _ = QFileDialog.getOpenFileNames(
            self.window, "Import articles", "",
            "Articles (*.txt *.md *.html *.htm *.json *.jsonl *.tml);;All files (*)")
        if names:
            self.import_paths([Path(name) for name in names])

    def choose_folder(self) -> None:
        """Ask for a folder and import every article in it."""
        name = QFileDialog.getExistingDirectory(self.window, "Import a folder of articles")
        if name:
            self.import_paths([Path(name)])

    def import_paths(self, paths: list[Path], published: datetime | None = None) -> None:
        """Import files and folders in the worker (dated ``published`` when given, else
        as each file says); the window stays usable meanwhile."""
        repo = self.window.repo
        cancel = threading.Event()
        self._import_cancels.add(cancel)

        def run_import(context: TaskContext) -> ImportOutcome:
            summary = pipeline.ingest_paths(
                [Path(p) for p in paths], repo, published=published,
                progress=lambda done, total, label="": context.progress(done, total, str(label)),
                cancel=cancel.is_set)
            return ImportOutcome(summary, undated_files(summary) if published is None else [])

        self._start_progress("Importing…")
        self.window.tasks.submit(run_import, on_done=lambda done: self._imported(done, cancel),
                                 on_error=lambda error: self._import_failed(error, cancel),
                                 on_progress=self._show_progress)

    def cancel_import(self) -> None:
        """Stop the running import after the article in hand, and any queued behind it
        (what is saved stays)."""
        if self._import_cancels:
            for cancel in self._import_cancels:
                cancel.set()
            self.window.notice("Cancelling the import…")

    def paste(self) -> None:
        """Ask for a pasted article and import it."""
        dialog = PasteArticleDialog(self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.article() is not None:
            self.import_article(dialog.article())

    def import_article(self, article: Article) -> None:
        """Tag and store one article (from Paste article) in the worker."""
        repo = self.window.repo
        self._start_progress("Importing the pasted article…")
        self.window.tasks.submit(
            lambda _context: ImportOutcome(pipeline.ingest_article(article, repo)),
            on_done=lambda done: self._imported(done, None),
            on_error=lambda error: self._import_failed(error, None))

    def _start_progress(self, message: str) -> None:
        self._imports_pending += 1
        self.window.import_progress.setRange(0, 0)  # busy until the first report
        self.window.import_progress.show()
        self.window.cancel_button.setVisible(bool(self._import_cancels))
        self.window.notice(message)

    def _show_progress(self, done: int, total: int, label: str) -> None:
        self.window.import_progress.setRange(0, max(total, 1))
        self.window.import_progress.setValue(done)
        counted = f"Importing {done} of {total}"
        self.window.notice(f"{counted}: {label}" if label else counted)

    def _finish_progress(self, cancel: threading.Event | None) -> None:
        # Another import queued behind this one keeps the bar and its Cancel.
        self._imports_pending -= 1
        self._import_cancels.discard(cancel)
        self.window.cancel_button.setVisible(bool(self._import_cancels))
        if self._imports_pending <= 0:
            self._imports_pending = 0
            self.window.import_progress.hide()

    def _imported(self, outcome: ImportOutcome, cancel: threading.Event | None) -> None:
        self._finish_progress(cancel)
        summary = outcome.summary
        cancelled = summary.cancelled
        self.last_summary = summary
        self.window.notice(summary_line(summary, cancelled), warning=bool(summary.refused))
        if summary.refused:
            self.results_dialog = ImportResultsDialog(summary, self.window, cancelled=cancelled,
                                                      undated=outcome.undated)
            self.results_dialog.dateRequested.connect(self.import_with_date)
            self.results_dialog.open()  # not modal-blocking: the window stays live
        self.window.reload()
        self.importFinished.emit(summary)

    def import_with_date(self, name: str) -> None:
        """Ask for the publication date of an undated file, then import it with that date."""
        path = Path(name)
        dialog = FileDateDialog(path, file_date_candidates(path), self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.published() is not None:
            if self.results_dialog is not None:
                self.results_dialog.forget(name)
            self.import_paths([path], published=dialog.published())

    def _import_failed(self, error: BaseException, cancel: threading.Event | None) -> None:
        self._finish_progress(cancel)
        self.window.notice(f"Import failed: {error}", warning=True)

    # --- export ---------------------------------------------------------------------------

    def choose_export(self, fmt: str) -> None:
        """Ask where to write an export of the filtered events, then write it."""
        caption, file_filter = next((c, f) for code, c, f in EXPORT_CHOICES if code == fmt)
        name, _ = QFileDialog.getSaveFileName(self.window, f"Export {caption.rstrip('…')}",
                                              f"timeline{SUFFIXES[fmt]}", file_filter)
        if name:
            self.export_to(fmt, Path(name))

    def export_to(self, fmt: str, path: Path) -> None:
        """Write the events the current filters show to ``path`` in format ``fmt``."""
        path = Path(path)
        if fmt in ("png", "svg"):
            try:
                if fmt == "png":
                    self.window.canvas.export_png(str(path))
                else:
                    self.window.canvas.export_svg(str(path))
            except OSError as error:
                self.window.notice(f"Could not write {path}: {error}", warning=True)
                return
            self.window.notice(f"Exported the timeline image to {path}")
            self.exportFinished.emit(str(path), len(self.window.walk.order_in_time))
            return
        if fmt not in FORMATS:
            self.window.notice(f"Unknown export format {fmt}", warning=True)
            return
        repo, query = self.window.repo, self.window.current_filter().query_kwargs()

        def write(_context: TaskContext) -> tuple[int, int]:
            events, left_out = published_events(
                fmt, repo.list_events(**query), query["statuses"] is not None)
            articles = repo.get_articles(
                event.article_id for event in events if event.article_id is not None)
            return export_to_path(fmt, events, articles, path), left_out

        def written(counts: tuple[int, int]) -> None:
            count, left_out = counts
            rejected = f" ({left_out} rejected left out)" if left_out else ""
            self.window.notice(f"Exported {count} events to {path}{rejected}")
            self.exportFinished.emit(str(path), count)

        def failed(error: BaseException) -> None:
            reason = str(error) if isinstance(error, ExportError) \
                else f"{type(error).__name__}: {error}"
            self.window.notice(f"Export failed: {reason}", warning=True)

        self.window.tasks.submit(write, on_done=written, on_error=failed)

    # --- publication date -------------------------------------------------------------------

    def change_publication_date(self) -> None:
        """Preview, then apply, a new publication date for the current event's article."""
        event = self.window.current_event()
        if event is None:
            self.window.notice("Select an event of the article whose date you want to change.")
            return
        article = (self.window.articles.get(event.article_id)
                   or self.window.repo.get_article(event.article_id))
        dialog = PublicationDateDialog(
            article, lambda moment: self.preview_published(article.id, moment, dialog),
            self.window)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.new_date() is not None:
            self.apply_published(article.id, dialog.new_date())

    def preview_published(self, article_id: int, new_date: datetime, dialog) -> None:
        """Dry-run the change in the worker and show it in ``dialog``."""
        repo = self.window.repo
        self.window.tasks.submit(
            lambda _c: pipeline.change_publication_date(repo, article_id, new_date, dry_run=True),
            key="published-preview",
            on_done=lambda change: dialog.show_preview(new_date, change),
            on_error=lambda error: dialog.show_error(f"Cannot preview: {error}"))

    def apply_published(self, article_id: int, new_date: datetime) -> None:
        """Apply the change in the worker (reviewed events never move), then reload."""
        repo, actor = self.window.repo, self.window.session.actor

        def applied(change) -> None:
            self.window.notice(f"Publication date changed: {preview_line(change)}")
            self.window.reload()
            self.publishedChanged.emit(change)

        self.window.tasks.submit(
            lambda _c: pipeline.change_publication_date(repo, article_id, new_date, actor=actor),
            on_done=applied,
            on_error=lambda error: self.window.notice(
                f"Could not change the date: {error}", warning=True))
