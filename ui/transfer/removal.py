"""Removing an article from the window (and so undoing its import): the store worker
first counts what would go, a confirmation says how many events and analyst edits go
with the article, then the removal runs on the worker and the listing is made again.

The removal is audited in the store (timeline.store.removal), not on the undo stack:
it cannot be undone with Ctrl+Z, and the confirmation says so.
"""

from __future__ import annotations

from typing import Any, Protocol

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from timeline.export.citation import citation_date
from timeline.model import Article, Event
from ui.gateway import StoreGateway
from ui.state.filters import EventFilter
from ui.state.listing import article_label


class RemovalHost(Protocol):
    """What an article removal needs from the window."""

    gateway: StoreGateway
    articles: dict[int, Article]
    actor: str | None

    def current_event(self) -> Event | None: ...

    filter_bar: Any  # ui.filter_bar.FilterBar

    def current_filter(self) -> EventFilter: ...

    def notice(self, message: str, *, warning: bool = False) -> None: ...

    def reload(self) -> None: ...

    def forget_listing(self) -> None: ...


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def confirmation_text(removal: Any) -> str:
    """Return what the confirmation asks: the article and everything that goes with it."""
    source = ", ".join(part for part in (removal.outlet, citation_date(removal.published))
                       if part)
    title = removal.title or f"article {removal.article_id}"
    edits = (f"{_plural(removal.reviews, 'analyst edit')} on "
             f"{_plural(removal.reviewed_events, 'reviewed event')}")
    return (f"Remove \u201c{title}\u201d{f' ({source})' if source else ''}?\n\n"
            f"{_plural(removal.events, 'event')} and {edits} go with it. "
            "The removal is recorded, and cannot be undone with Undo; import the file "
            "again to bring the article back (without the edits).")


class ArticleRemovals(QObject):
    """Article > Remove article… for one window (``host``; boxes open over ``parent``)."""

    articleRemoved = Signal(object)  # the store's ArticleRemoval record

    def __init__(self, host: RemovalHost, parent: QWidget) -> None:
        super().__init__(parent)
        self.host = host
        self.parent_widget = parent
        self.confirmation: QMessageBox | None = None  # the open question, for the tests

    def remove_current(self) -> None:
        """Ask to remove the current event's article, else one chosen from a list."""
        event = self.host.current_event()
        if event is not None and event.article_id is not None:
            self.ask(event.article_id)
            return
        articles = sorted(self.host.articles.values(), key=lambda a: article_label(a).lower())
        if not articles:
            self.host.notice("There is no article to remove.")
            return
        labels = [article_label(article) for article in articles]
        label, chosen = QInputDialog.getItem(self.parent_widget, "Remove article",
                                             "Article to remove:", labels, 0, False)
        if chosen:
            article_id = articles[labels.index(label)].id
            if article_id is not None:
                self.ask(article_id)

    def ask(self, article_id: int) -> None:
        """Count in the worker what removing ``article_id`` takes, then ask to confirm."""
        self.host.gateway.submit(
            lambda repo, _context: repo.article_removal(article_id), on_done=self._confirm,
            on_error=lambda error: self.host.notice(
                f"Could not read the article: {error}", warning=True))

    def _confirm(self, removal: Any) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Remove article",
                          confirmation_text(removal),
                          QMessageBox.StandardButton.Cancel, self.parent_widget)
        remove = box.addButton("Remove article", QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)  # Enter must not destroy
        box.setObjectName("removeArticleConfirmation")

        def answered() -> None:
            self.confirmation = None
            if box.clickedButton() is remove:
                self.remove(removal.article_id)
            box.deleteLater()

        box.finished.connect(answered)
        self.confirmation = box
        box.open()  # window-modal, without a nested event loop

    def remove(self, article_id: int) -> None:
        """Remove the article in the worker (no question asked), then list again."""
        actor = self.host.actor

        def removed(record: Any) -> None:
            current = self.host.current_filter()
            # The held listing still has the article's events: the next one reads the store.
            self.host.forget_listing()
            if article_id in current.article_ids:
                # A filter to the removed article alone would show nothing at all.
                self.host.filter_bar.set_filter(current.with_changes(
                    article_ids=current.article_ids - {article_id}), emit=True)
            else:
                self.host.reload()
            self.host.notice(
                f"Removed \u201c{record.title or f'article {article_id}'}\u201d: "
                f"{_plural(record.events, 'event')}, "
                f"{_plural(record.reviews, 'analyst edit')} (recorded).")
            self.articleRemoved.emit(record)

        self.host.gateway.submit(
            lambda repo, _context: repo.remove_article(article_id, actor=actor),
            on_done=removed,
            on_error=lambda error: self.host.notice(
                f"Could not remove the article: {error}", warning=True))
