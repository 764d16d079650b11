"""Import, export and publication-date changes of one window under one name, for the
menus, drag and drop and the tests (``window.transfer``)."""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtWidgets import QWidget

from ui.transfer.exports import Exporter, ExportHost
from ui.transfer.imports import Importer, ImportHost, local_paths
from ui.transfer.publication import PublicationDates, PublicationHost


class TransferHost(ImportHost, ExportHost, PublicationHost, Protocol):
    """Everything the three parts need: what MainWindow gives them."""


class Transfer:
    """The three parts of one window; their methods and signals are reached from here."""

    local_paths = staticmethod(local_paths)

    def __init__(self, host: TransferHost, parent: QWidget) -> None:
        self.importer = Importer(host, parent)
        self.exporter = Exporter(host, parent)
        self.publication = PublicationDates(host, parent)
        self.importFinished = self.importer.importFinished
        self.exportFinished = self.exporter.exportFinished
        self.publishedChanged = self.publication.publishedChanged
        self.choose_files = self.importer.choose_files
        self.choose_folder = self.importer.choose_folder
        self.import_paths = self.importer.import_paths
        self.import_article = self.importer.import_article
        self.import_with_date = self.importer.import_with_date
        self.cancel_import = self.importer.cancel_import
        self.paste = self.importer.paste
        self.choose_export = self.exporter.choose_export
        self.export_to = self.exporter.export_to
        self.change_publication_date = self.publication.change_publication_date
        self.preview_published = self.publication.preview_published
        self.apply_published = self.publication.apply_published

    @property
    def last_summary(self) -> Any:
        """The last import's IngestSummary (None before the first)."""
        return self.importer.last_summary

    @property
    def results_dialog(self) -> Any:
        """The last import's list of refused files (None when none was refused)."""
        return self.importer.results_dialog
