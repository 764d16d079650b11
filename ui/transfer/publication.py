"""Changing an article's publication date from the window: a dry run on the store worker
shows which events would move, then the change is applied (reviewed events never move)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QDialog, QWidget

from timeline import pipeline
from timeline.model import Article, Event
from ui.dialogs.publication_date import PublicationDateDialog, preview_line
from ui.gateway import StoreGateway


class PublicationHost(Protocol):
    """What a publication-date change needs from the window."""

    gateway: StoreGateway
    articles: dict[int, Article]
    actor: str | None

    def current_event(self) -> Event | None: ...

    def notice(self, message: str, *, warning: bool = False) -> None: ...

    def reload(self) -> None: ...


class PublicationDates(QObject):
    """Publication-date changes for one window (``host``; dialogs open over ``parent``)."""

    publishedChanged = Signal(object)  # PublishedChange

    def __init__(self, host: PublicationHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.parent_widget = parent

    def change_publication_date(self) -> None:
        """Preview, then apply, a new publication date for the current event's article."""
        event = self.host.current_event()
        if event is None:
            self.host.notice("Select an event of the article whose date you want to change.")
            return
        article_id = event.article_id
        if article_id is None:
            self.host.notice("This event has no article to change the date of.")
            return
        article = self.host.articles.get(article_id)
        if article is not None:
            self._ask(article)
            return
        self.host.gateway.submit(
            lambda repo, _context: repo.get_article(article_id), on_done=self._ask,
            on_error=lambda error: self.host.notice(
                f"Could not read the article: {error}", warning=True))

    def _ask(self, article: Article) -> None:
        article_id = article.id
        if article_id is None:
            return  # only stored articles reach here
        dialog = PublicationDateDialog(
            article, lambda moment: self.preview_published(article_id, moment, dialog),
            self.parent_widget)
        new_date = dialog.new_date() if dialog.exec() == QDialog.DialogCode.Accepted else None
        if new_date is not None:
            self.apply_published(article_id, new_date)

    def preview_published(self, article_id: int, new_date: datetime,
                          dialog: PublicationDateDialog) -> None:
        """Dry-run the change in the worker and show it in ``dialog``."""
        self.host.gateway.submit(
            lambda repo, _c: pipeline.change_publication_date(repo, article_id, new_date,
                                                              dry_run=True),
            key="published-preview",
            on_done=lambda change: dialog.show_preview(new_date, change),
            on_error=lambda error: dialog.show_error(f"Cannot preview: {error}"))

    def apply_published(self, article_id: int, new_date: datetime) -> None:
        """Apply the change in the worker (reviewed events never move), then reload."""
        actor = self.host.actor

        def applied(change: Any) -> None:
            self.host.notice(f"Publication date changed: {preview_line(change)}")
            self.host.reload()
            self.publishedChanged.emit(change)

        self.host.gateway.submit(
            lambda repo, _c: pipeline.change_publication_date(repo, article_id, new_date,
                                                              actor=actor),
            on_done=applied,
            on_error=lambda error: self.host.notice(
                f"Could not change the date: {error}", warning=True))
