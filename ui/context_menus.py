"""Right-click menus on a canvas event and on a review-table row: copy as citation, open
the source, filter to the article, accept or reject, remove the article.

Accept and reject go through the window's review flow (ui.review.actions), so they are
saved on the store worker and undoable like the keys; the canvas only says which event
is under the cursor (TimelineCanvas.contextMenuRequested).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMenu

from timeline.export.citation import citation
from timeline.model import Event
from ui import links

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# (object name, menu text) in the order the menu shows them; None is a separator.
MENU_ENTRIES: tuple[tuple[str, str] | None, ...] = (
    ("copyCitation", "Copy as citation"),
    ("openSource", "Open source"),
    ("filterToArticle", "Filter to this article"),
    None,
    ("acceptEvent", "Accept"),
    ("rejectEvent", "Reject"),
    None,
    ("removeEventArticle", "Remove article…"),
)


class EventContextMenus(QObject):
    """Builds and shows the event menu for one window's canvas and table."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.menu: QMenu | None = None  # the last menu shown, for the tests
        window.canvas.contextMenuRequested.connect(self.show_menu)
        table = window.table
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(self._table_menu)

    def _table_menu(self, pos: QPoint) -> None:
        index = self.window.table.indexAt(pos)
        if index.isValid():
            self.show_menu(self.window.model.id_at(index.row()),
                           self.window.table.viewport().mapToGlobal(pos))

    def menu_for(self, event_id: int) -> QMenu:
        """Return the menu of ``event_id`` (actions named as in MENU_ENTRIES)."""
        menu = QMenu(self.window)
        menu.setObjectName("eventContextMenu")
        slots: dict[str, Callable[[int], None]] = {
            "copyCitation": self.copy_citation, "openSource": self.open_source,
            "filterToArticle": self.filter_to_article, "acceptEvent": self.accept,
            "rejectEvent": self.reject, "removeEventArticle": self.remove_article,
        }
        for entry in MENU_ENTRIES:
            if entry is None:
                menu.addSeparator()
                continue
            name, text = entry
            action = QAction(text, menu)
            action.setObjectName(name)
            action.triggered.connect(
                lambda _checked=False, slot=slots[name]: slot(event_id))
            menu.addAction(action)
        if self.window.gateway.read_only:
            for name in ("acceptEvent", "rejectEvent", "removeEventArticle"):
                self.action(menu, name).setEnabled(False)
        return menu

    @staticmethod
    def action(menu: QMenu, name: str) -> QAction:
        """Return the action called ``name`` in ``menu``."""
        found = menu.findChild(QAction, name)
        assert found is not None, name
        return found

    def show_menu(self, event_id: int, global_pos: QPoint) -> None:
        """Pop up the menu of ``event_id`` at ``global_pos`` (without a nested loop)."""
        if self.menu is not None:
            self.menu.deleteLater()
        self.menu = self.menu_for(event_id)
        self.menu.popup(global_pos)

    # --- the actions ------------------------------------------------------------------

    def _with_event(self, event_id: int, then: Callable[[Event], None]) -> None:
        """Run ``then(event)`` with the event as the table holds it, else as read by
        the worker."""
        model = self.window.model
        row = model.row_of(event_id)
        event = model.event_at(row) if row is not None else None
        if event is not None:
            then(event)
            return
        self.window.gateway.submit(
            lambda repo, _context: repo.get_event(event_id), on_done=then,
            on_error=lambda error: self.window.notice(
                f"Could not read the event: {error}", warning=True))

    def copy_citation(self, event_id: int) -> None:
        """Put the event's citation on the clipboard and say so."""
        def copy(event: Event) -> None:
            article = (self.window.articles.get(event.article_id)
                       if event.article_id is not None else None)
            text = citation(event, article)
            QApplication.clipboard().setText(text)
            self.window.notice(f"Copied: {text[:120]}")

        self._with_event(event_id, copy)

    def open_source(self, event_id: int) -> None:
        """Open the article's URL in the browser; without one, show the sentence in the
        source pane."""
        def open_it(event: Event) -> None:
            article = (self.window.articles.get(event.article_id)
                       if event.article_id is not None else None)
            url = (article.url or "").strip() if article is not None else ""
            if url:
                refusal = links.open_link(url)
                if refusal is not None:
                    self.window.notice(refusal, warning=True)
                return
            self.window.select_event(event_id)
            self.window.source_tabs.setCurrentWidget(self.window.source_pane)
            self.window.source_dock.show()
            self.window.source_dock.raise_()

        self._with_event(event_id, open_it)

    def filter_to_article(self, event_id: int) -> None:
        """Show only the events of the event's article."""
        def narrow(event: Event) -> None:
            if event.article_id is None:
                return
            wanted = self.window.current_filter().with_changes(
                article_ids=frozenset({event.article_id}))
            self.window.filter_bar.set_filter(wanted, emit=True)

        self._with_event(event_id, narrow)

    def _review(self, event_id: int, verb: Callable[[], None]) -> None:
        # A right click inside a multiple selection acts on all of it, as the keys do.
        selected = self.window.selected_ids()
        if not (len(selected) > 1 and event_id in selected):
            self.window.select_event(event_id, center=False)
        verb()

    def accept(self, event_id: int) -> None:
        """Accept the event (or the selection it is part of), undoable."""
        self._review(event_id, self.window.review.accept)

    def reject(self, event_id: int) -> None:
        """Reject the event (or the selection it is part of), undoable."""
        self._review(event_id, self.window.review.reject)

    def remove_article(self, event_id: int) -> None:
        """Ask to remove the event's article (ui.transfer.removal)."""
        def ask(event: Event) -> None:
            if event.article_id is not None:
                self.window.removals.ask(event.article_id)

        self._with_event(event_id, ask)
