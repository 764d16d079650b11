"""Importing articles from the window: files, a folder, drag and drop, a pasted article.

Each import runs on the store worker with a progress bar and Cancel; refused files are
listed afterwards, and those refused only for want of a publication date can be given
one there.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QMimeData, QObject, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QProgressBar, QPushButton, QWidget

from timeline import pipeline
from timeline.model import Article
from timeline.parallel_ingest import IngestProgress, ingest_parallel
from timeline.sources import MissingDateError, iter_articles
from ui.dialogs.file_date import FileDateDialog, file_date_candidates
from ui.dialogs.import_results import ImportResultsDialog, summary_line
from ui.dialogs.paste_article import PasteArticleDialog
from ui.folders import remember_folder, start_folder
from ui.gateway import StoreGateway
from ui.settings_store import WindowSettings
from ui.state.import_progress import progress_report
from ui.tasks import TaskContext


class ImportHost(Protocol):
    """What an import needs from the window."""

    gateway: StoreGateway
    import_progress: QProgressBar
    settings: WindowSettings
    cancel_button: QPushButton

    def notice(self, message: str, *, warning: bool = False) -> None: ...

    def reload(self) -> None: ...

    def append_new(self) -> None: ...


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


def local_paths(mime: QMimeData) -> list[Path]:
    """Return the local files and folders carried by a drag (others are ignored)."""
    if not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]


class Importer(QObject):
    """Imports for one window (``host``; dialogs open over ``parent``)."""

    importFinished = Signal(object)  # IngestSummary

    def __init__(self, host: ImportHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.parent_widget = parent
        self.last_summary: pipeline.IngestSummary | None = None
        self.results_dialog: ImportResultsDialog | None = None
        self._import_cancels: set[threading.Event] = set()  # one per queued folder import
        self._imports_pending = 0  # queued or running imports (folders and pasted articles)
        host.cancel_button.clicked.connect(self.cancel_import)

    def choose_files(self) -> None:
        """Ask for article files and import them."""
        settings = self.host.settings.qsettings
        names, _ = QFileDialog.getOpenFileNames(
            self.parent_widget, "Import articles", start_folder(settings),
            "Articles (*.txt *.md *.html *.htm *.json *.jsonl *.tml);;All files (*)")
        if names:
            remember_folder(settings, names[0])
            self.import_paths([Path(name) for name in names])

    def choose_folder(self) -> None:
        """Ask for a folder and import every article in it."""
        settings = self.host.settings.qsettings
        name = QFileDialog.getExistingDirectory(self.parent_widget, "Import a folder of articles",
                                                start_folder(settings))
        if name:
            remember_folder(settings, Path(name).parent)  # beside it: the next case's folder
            self.import_paths([Path(name)])

    def import_paths(self, paths: list[Path], published: datetime | None = None) -> None:
        """Import files and folders in the worker (dated ``published`` when given, else
        as each file says); the window stays usable meanwhile."""
        cancel = threading.Event()
        self._import_cancels.add(cancel)

        def run_import(repo: Any, context: TaskContext) -> ImportOutcome:
            def progress(step: IngestProgress) -> None:
                # Counted in articles; the label says which file, how fast and how long
                # is left (apart: the pace holds a "/").
                label = f"{Path(step.name).name}\t{step.pace()}" if step.name else ""
                context.progress(step.done, step.total, label)

            summary = ingest_parallel(
                [Path(p) for p in paths], repo, published=published,
                progress=progress, cancel=cancel.is_set)
            return ImportOutcome(summary, undated_files(summary) if published is None else [])

        self._start_progress("Importing…")
        self.host.gateway.submit(run_import, on_done=lambda done: self._imported(done, cancel),
                                 on_error=lambda error: self._import_failed(error, cancel),
                                 on_progress=self._show_progress)

    def cancel_import(self) -> None:
        """Stop the running import after the article in hand, and any queued behind it
        (what is saved stays)."""
        if self._import_cancels:
            for cancel in self._import_cancels:
                cancel.set()
            self.host.notice("Cancelling the import…")

    def paste(self) -> None:
        """Ask for a pasted article and import it."""
        dialog = PasteArticleDialog(self.parent_widget)
        article = dialog.article() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if article is not None:
            self.import_article(article)

    def import_article(self, article: Article) -> None:
        """Tag and store one article (from Paste article) in the worker."""
        self._start_progress("Importing the pasted article…")
        self.host.gateway.submit(
            lambda repo, _context: ImportOutcome(pipeline.ingest_article(article, repo)),
            on_done=lambda done: self._imported(done, None),
            on_error=lambda error: self._import_failed(error, None))

    def _start_progress(self, message: str) -> None:
        self._imports_pending += 1
        self.host.import_progress.setRange(0, 0)  # busy until the first report
        self.host.import_progress.show()
        self.host.cancel_button.setVisible(bool(self._import_cancels))
        self.host.notice(message)

    def _show_progress(self, done: int, total: int, label: str) -> None:
        name, _, pace = label.partition("\t")
        percent, line = progress_report(done, total, name, pace)
        bar = self.host.import_progress
        bar.setRange(0, 100)
        bar.setValue(percent)
        bar.setFormat(f"{percent}%")  # Qt's own %p% could round another way
        self.host.notice(line)

    def _finish_progress(self, cancel: threading.Event | None) -> None:
        # Another import queued behind this one keeps the bar and its Cancel.
        self._imports_pending -= 1
        self._import_cancels.discard(cancel)
        self.host.cancel_button.setVisible(bool(self._import_cancels))
        if self._imports_pending <= 0:
            self._imports_pending = 0
            self.host.import_progress.hide()

    def _imported(self, outcome: ImportOutcome, cancel: threading.Event | None) -> None:
        self._finish_progress(cancel)
        summary = outcome.summary
        cancelled = summary.cancelled
        self.last_summary = summary
        self.host.notice(summary_line(summary, cancelled), warning=bool(summary.refused))
        if summary.refused:
            self.results_dialog = ImportResultsDialog(summary, self.parent_widget,
                                                      cancelled=cancelled,
                                                      undated=outcome.undated)
            self.results_dialog.dateRequested.connect(self.import_with_date)
            self.results_dialog.open()  # not modal-blocking: the window stays live
        self.host.append_new()  # what the import added, not the whole listing again
        self.importFinished.emit(summary)

    def import_with_date(self, name: str) -> None:
        """Ask for the publication date of an undated file, then import it with that date."""
        path = Path(name)
        dialog = FileDateDialog(path, file_date_candidates(path), self.parent_widget)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.published() is not None:
            if self.results_dialog is not None:
                self.results_dialog.forget(name)
            self.import_paths([path], published=dialog.published())

    def _import_failed(self, error: BaseException, cancel: threading.Event | None) -> None:
        self._finish_progress(cancel)
        self.host.notice(f"Import failed: {error}", warning=True)
