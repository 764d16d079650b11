"""The main window: canvas in the centre, review table, source and inspector docks.

The window holds no queries and no repository of its own: everything that reads or
writes the store goes through the store gateway (ui.gateway) to the one background
worker (ui.tasks): the listing, the table's pages, the inspector's history, review
changes (ui.review), import and export (ui.transfer). This module wires the parts
together and keeps the selection in sync.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFrame,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from timeline.model import Article, Event, Review, Story, stored_id
from ui.canvas.focus import dense_span, filtered_span
from ui.canvas.view import TimelineCanvas
from ui.context_menus import EventContextMenus
from ui.databases import DatabaseChooser
from ui.filter_bar import FilterBar
from ui.gateway import NotFoundError, StoreGateway
from ui.help_menu import HelpDialogs
from ui.inspector import Inspector
from ui.keydates.flow import KeyDatesFlow
from ui.listing_flow import ListingFlow
from ui.menus import build_menus
from ui.models.event_table import TITLE, EventTableModel, sort_keys_for
from ui.review.actions import ReviewFlow
from ui.review.commands import ReviewSession
from ui.review.walk import ReviewWalk
from ui.settings_store import WindowSettings
from ui.source_pane import SourcePane
from ui.state.canvas_rows import to_canvas_event
from ui.state.filters import EventFilter
from ui.state.listing import STORIES, LoadedView, article_label, load_view
from ui.stories.actions import StoryFlow
from ui.stories.marks import StoryMarks, story_status
from ui.stories.pane import StorySourcesView
from ui.tasks import TaskContext, TaskManager
from ui.transfer.facade import Transfer
from ui.transfer.removal import ArticleRemovals


class MainWindow(QMainWindow):
    """The analyst's workbench on one repository."""

    loaded = Signal()  # a listing has been applied to the table and canvas
    databaseOpened = Signal(str)  # the URL of the database File > Open switched to
    firstPartShown = Signal()  # a large listing's first part is drawn, the rest to come
    currentEventChanged = Signal(object)  # Event or None
    noticeShown = Signal(str)
    # Every menu action by object name; set by ui.menus.build_menus.
    actions_by_name: dict[str, QAction]

    def __init__(self, repo: Any, *, settings: QSettings | None = None,
                 tasks: TaskManager | None = None, actor: str | None = None) -> None:
        """Open the workbench on ``repo`` (a timeline.store.Repository), handed at once
        to the store gateway: the window keeps no reference to it."""
        super().__init__()
        self.tasks = tasks or TaskManager(self)
        self.gateway = StoreGateway(repo, self.tasks)
        self.actor = actor
        self.settings = WindowSettings(settings or QSettings())
        self.session = ReviewSession(self.gateway, self, actor=actor)
        self.walk = ReviewWalk()  # the listed ids, statuses and confidences J/K walk
        self.articles: dict[int, Article] = {}
        self.article_labels: dict[int, str] = {}  # article id -> its lane's (unique) name
        self.current_id: int | None = None
        # The current event when the table has not fetched its row (yet), and its history.
        self._current_event: Event | None = None
        self._current_history: tuple[int | None, list[Review]] | None = None
        self._syncing = False
        self._fit_after_load = True  # the first listing, a new filter: show where events are
        self._new_articles: set[int] = set()  # just imported: shown once listed
        # The canvas's layout: stories or article lanes; None until the analyst chooses
        # (the listing then picks by the number of articles).
        self.layout_mode: str | None = self.settings.canvas_layout()
        self.marks: StoryMarks | None = None
        self._marks_by_id: dict[int, Any] = {}
        self._statuses: dict[int, str] = {}
        self._listed_articles: list[int | None] = []  # the filter bar's, by id
        self.current_story: Story | None = None
        self._filter = self.settings.load_filter()
        self._show_database_in_title()
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_docks()
        self.listing = ListingFlow(self, sort_keys_for)
        self.review = ReviewFlow(self)
        self.stories = StoryFlow(self)
        self.key_dates = KeyDatesFlow(self)
        self.transfer = Transfer(self, self)
        self.removals = ArticleRemovals(self, self)
        self.help_dialogs = HelpDialogs(self)
        self.databases = DatabaseChooser(self)
        build_menus(self)
        self.transfer.importFinished.connect(self._follow_import)
        self.context_menus = EventContextMenus(self)
        self.session.eventChanged.connect(self._event_saved)
        self.session.storiesChanged.connect(self.reload)
        self.session.refused.connect(lambda message, _current: self.notice(message, warning=True))
        self._layout_restored = self.settings.restore_window(self)
        self.filter_bar.set_filter(self._filter)
        self._filter = self.filter_bar.current_filter()  # what the bar can show is what applies
        self.canvas.set_hide_rejected(self.settings.hide_rejected())

    # --- building -----------------------------------------------------------------

    def _build_widgets(self) -> None:
        self.canvas = TimelineCanvas(self)
        self.canvas.selectionChanged.connect(self._canvas_selected)
        self.canvas.eventActivated.connect(self._canvas_activated)
        self.setCentralWidget(self.canvas)
        self.model = EventTableModel(request_events=self._request_events, parent=self)
        self.table = QTableView()
        self.table.setObjectName("reviewTable")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(22)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        for column, width in enumerate((230, 90, 120, 360, 200, 90, 80)):
            self.table.setColumnWidth(column, width)
        # The title takes the width left over, rather than a blank band after Confidence.
        header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._table_selected)
        self.filter_bar = FilterBar()
        self.filter_bar.filterChanged.connect(self.set_filter)
        self.source_pane = SourcePane()
        self.source_pane.linkRefused.connect(lambda message: self.notice(message, warning=True))
        self.story_view = StorySourcesView()
        self.source_tabs = QTabWidget()
        self.source_tabs.setObjectName("sourceTabs")
        self.source_tabs.addTab(self.story_view, "Story sources")
        self.source_tabs.addTab(self.source_pane, "Article")
        self.inspector = Inspector()

        self.progress_label = QLabel("No events")
        self.import_progress = QProgressBar()
        self.import_progress.setMaximumWidth(220)
        self.import_progress.hide()
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.hide()
        self.notice_label = QLabel()
        self.notice_label.setTextFormat(Qt.TextFormat.PlainText)
        status = self.statusBar()
        status.addWidget(self.notice_label, 1)
        status.addPermanentWidget(self.import_progress)
        status.addPermanentWidget(self.cancel_button)
        status.addPermanentWidget(self.progress_label)

    def _build_docks(self) -> None:
        review = QWidget()
        layout = QVBoxLayout(review)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        self.review_dock = self._dock("Review", "reviewDock", review,
                                      Qt.DockWidgetArea.BottomDockWidgetArea)
        self.source_dock = self._dock("Source", "sourceDock", self.source_tabs,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        # Scrolls, so the form's height never squeezes the article text above it.
        inspector_scroll = QScrollArea()
        inspector_scroll.setWidget(self.inspector)
        inspector_scroll.setWidgetResizable(True)
        inspector_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.inspector_dock = self._dock("Inspector", "inspectorDock", inspector_scroll,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        # Read-only: a click in it would move the stack without the store (undo and redo
        # move it only once their save has landed, ui.review.commands).
        undo_view = QUndoView(self.session.undo_stack)
        undo_view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        undo_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history_dock = self._dock("Undo history", "undoHistoryDock", undo_view,
                                       Qt.DockWidgetArea.RightDockWidgetArea)
        self.tabifyDockWidget(self.inspector_dock, self.history_dock)
        self.inspector_dock.raise_()
        self.resize(1400, 900)

    def default_layout(self) -> None:
        """Give the docks their first-run sizes (once the window has its size)."""
        self.resizeDocks([self.review_dock], [320], Qt.Orientation.Vertical)
        self.resizeDocks([self.source_dock], [470], Qt.Orientation.Horizontal)
        # The article text needs the height; the inspector is a short form.
        self.resizeDocks([self.source_dock, self.inspector_dock], [560, 300],
                         Qt.Orientation.Vertical)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState needs names
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # --- the database -----------------------------------------------------------------

    def _show_database_in_title(self) -> None:
        self.setWindowTitle(f"Timeline — {self.gateway.shown_url}"
                            + (" (read-only)" if self.gateway.read_only else ""))

    def open_database(self, url: str) -> None:
        """Switch the workbench to the database at ``url`` (a file path or SQLAlchemy
        URL), opened on the store worker; when it cannot be opened, say why and stay on
        the one open now. ``databaseOpened`` is emitted once it is listed."""
        self.transfer.cancel_import()  # whole articles already saved stay saved
        self.settings.save_database(self.gateway.url)  # in Open recent, to come back to
        self.notice(f"Opening {url}…")
        self.gateway.reopen(url, on_done=self._database_opened,
                            on_error=lambda error: self.notice(
                                f"Could not open {url}: {error}", warning=True))

    def _database_opened(self, url: str) -> None:
        self.settings.save_database(url)
        self._show_database_in_title()
        # Undo steps, the current event and article ids all belong to the old database.
        self.session.undo_stack.clear()
        self._current_event = None
        self._current_history = None
        self._show_current(None)
        if self._filter.article_ids:
            self._filter = self._filter.with_changes(article_ids=frozenset())
            self.filter_bar.set_filter(self._filter)
            self.settings.save_filter(self._filter)
        self.layout_mode = self.settings.canvas_layout()  # None: chosen by the listing
        self._fit_after_load = True

        def listed() -> None:
            self.loaded.disconnect(listed)
            self.notice(f"Opened {self.gateway.shown_url}")
            self.databaseOpened.emit(url)

        self.loaded.connect(listed)
        self.reload()

    # --- listing ----------------------------------------------------------------------

    def current_filter(self) -> EventFilter:
        """Return the filter the table, canvas and export honour."""
        return self._filter

    def set_filter(self, event_filter: EventFilter) -> None:
        """Show only the events ``event_filter`` lets through (listed in the background)."""
        self._filter = event_filter
        self.settings.save_filter(event_filter)
        self._fit_after_load = True
        self.show_listing()

    def reload(self) -> None:
        """List the events again in the worker; ``loaded`` is emitted once shown."""
        self.forget_listing()  # something changed in the store that an import does not
        self.show_listing()

    def forget_listing(self) -> None:
        """Drop the held listing, so the next one reads the store (after a change an
        import does not make, such as removing an article)."""
        self.listing.forget()

    def append_new(self) -> None:
        """Show the events stored since the last listing (after an import) without
        listing the others again; ``loaded`` is emitted once shown."""
        if self.layout_mode == STORIES:
            self.reload()
        else:
            self.listing.append_new(self._filter, layout=self.layout_mode,
                                    fit=self._fit_after_load)

    def show_listing(self) -> None:
        """Show the filter's events: from the held listing when there is one, else
        listed by the worker; ``loaded`` is emitted once shown."""
        if self.listing.reload(self._filter, layout=self.layout_mode, fit=self._fit_after_load):
            if not self.walk.order_in_time:
                self.progress_label.setText("Listing events…")
            return
        query = self._filter.query_kwargs()
        hide_rejected = self.settings.hide_rejected()
        layout = self.layout_mode
        if not self.walk.order_in_time:
            # Nothing listed yet: say so, rather than "No events", while a large database lists.
            self.progress_label.setText("Listing events…")

        def load(repo: Any, context: TaskContext) -> LoadedView:
            return load_view(repo, query, hide_rejected=hide_rejected, check=context.check,
                             sort_keys=sort_keys_for, layout=layout)

        self.gateway.submit(load, key="load", on_done=self._apply_loaded,
                          on_error=lambda error: self.notice(
                              f"Could not list events: {error}", warning=True))

    def _apply_loaded(self, view: LoadedView) -> None:
        self.apply_listing(view)

    def apply_listing(self, view: LoadedView, *, fit: bool | None = None,
                      partial: bool = False) -> None:
        """Show a listing made by the worker (``partial``: its first part, the rest to
        come); ``fit`` (default: after a new filter) shows where its events are."""
        fit = self._fit_after_load if fit is None else fit
        keep = self.current_id
        # Listed articles come from the store, so each has an id.
        self.articles = {article.id: article for article in view.articles
                         if article.id is not None}
        self.article_labels = dict(view.article_labels)
        handed_over = view.row_of is not None  # made for this window by the worker
        self.walk.reset(view.ids, view.statuses, view.confidences, view.walk_orders,
                        copy=not handed_over)
        self.marks = view.story_marks
        # The worker's dict when it made one (a million marks are no GUI-thread work).
        self._marks_by_id = ({} if self.marks is None else view.rows_by_id
                             if view.rows_by_id is not None and handed_over
                             else {m.id: m for m in self.marks.marks})
        self._statuses = view.statuses if handed_over else dict(view.statuses)
        if self.layout_mode is None:
            self.layout_mode = view.layout  # chosen by the number of articles
        self._layout_actions_follow()
        self._syncing = True
        try:
            self.model.set_article_titles(view.article_labels)
            self.model.set_ids(view.ids, view.sort_keys, row_of=view.row_of)
            self.canvas.set_events(view.canvas_events, layout=view.canvas_layout,
                                   by_id=view.rows_by_id)
            if not partial:
                self._fit_after_load = False
            if fit:
                # The filter's dates when it has some, else where the events are, not strays.
                shown = filtered_span(view.dense, self._filter.start, self._filter.end)
                if shown is not None:
                    self.canvas.zoom_to(*shown)
                else:
                    self.canvas.fit_all()
            listed_articles = [article.id for article in view.articles]
            if not partial and listed_articles != self._listed_articles:
                # Only when they changed: thousands of articles fill the bar's list slowly.
                self._listed_articles = listed_articles
                self.filter_bar.set_articles(view.articles, view.article_labels)
        finally:
            self._syncing = False
        self._show_progress(view.reviewed, view.total)
        if partial:
            self.firstPartShown.emit()
            return  # the rest is on its way: the selection waits for it
        if keep is not None and self.model.row_of(keep) is not None:
            # Kept selected, but the view stays where the analyst (or a new filter's fit)
            # put it: a listing after an import is no reason to pan.
            self.select_event(keep, center=False)
        elif keep is not None:
            self._show_current(None)
        new_articles, self._new_articles = self._new_articles, set()
        if new_articles:
            self._show_articles(view, new_articles)
        self.loaded.emit()

    def _follow_import(self, summary: Any) -> None:
        """Go to the articles an import or a paste added once they are listed (the
        reload the import asked for is still to come)."""
        self._new_articles = set(summary.article_ids)

    def _show_articles(self, view: LoadedView, article_ids: set[int]) -> None:
        """Show where the events of ``article_ids`` are dense, their first lane in view
        (nothing when the filter hides them all). Nothing is selected: J still starts
        from the first unreviewed event."""
        if view.story_marks is not None:
            marks, stories = view.story_marks, view.story_marks.stories
            wanted = {mark for mark, story in marks.story_of.items()
                      if article_ids & set(stories[story].article_ids)}
            shown = [ev for ev in view.canvas_events if ev.id in wanted]
        else:
            labels = {view.article_labels[a] for a in article_ids if a in view.article_labels}
            # The rows just added when the listing says which (no walk over a million).
            candidates = view.added if view.added is not None else view.canvas_events
            drawn = view.rows_by_id
            shown = [ev for ev in candidates
                     if ev.group in labels and (drawn is None or ev.id in drawn)]
        span = dense_span([(ev.start, ev.end) for ev in shown])
        if span is None:
            return
        first = min((ev for ev in shown if ev.start >= span[0]), key=lambda ev: (ev.start, ev.id),
                    default=shown[0])
        self.canvas.zoom_to(*span)
        self.canvas.reveal(first.id)

    def _show_progress(self, reviewed: int, total: int) -> None:
        shown = len(self.walk.order_in_time)
        suffix = f" · {shown} shown" if shown != total else ""
        self.progress_label.setText(f"{reviewed} of {total} reviewed{suffix}")

    def refresh_progress(self) -> None:
        """Recount reviewed events in the worker and update the counter."""
        self.gateway.submit(lambda repo, _context: repo.review_progress(), key="progress",
                          on_done=lambda counts: self._show_progress(*counts))

    # --- selection ----------------------------------------------------------------------

    def select_event(self, event_id: int, *, center: bool = True) -> None:
        """Make ``event_id`` current and selected in both the table and the canvas (and
        bring it to the middle of the canvas unless ``center`` is False)."""
        row = self.model.row_of(event_id)
        self._syncing = True
        try:
            if row is not None:
                index = self.model.index(row, 0)
                self.table.selectionModel().select(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows)
                self.table.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.table.scrollTo(index)
            mark = self.mark_of(event_id)
            self.canvas.select([mark])
            if center:
                self.canvas.center_on(mark)
        finally:
            self._syncing = False
        self._show_current(event_id)

    def shown_count(self) -> int:
        """Return how many events the last listing shows."""
        return len(self.walk.order_in_time)

    def selected_ids(self) -> list[int]:
        """Return the ids selected in the table, in row order."""
        # Read from the selection's ranges: selectedRows() visits every cell of every row.
        rows: set[int] = set()
        selection = self.table.selectionModel().selection()
        for index in range(selection.count()):
            selected = selection.at(index)
            rows.update(range(selected.top(), selected.bottom() + 1))
        return [self.model.id_at(row) for row in sorted(rows)]

    def _table_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._syncing:
            return
        ids = self.selected_ids()
        self._syncing = True
        try:
            self.canvas.select(list(dict.fromkeys(self.mark_of(i) for i in ids)))
        finally:
            self._syncing = False
        current = self.table.selectionModel().currentIndex()
        current_id = self.model.id_at(current.row()) if current.isValid() else None
        if current_id is not None and current_id in ids:
            self.canvas.reveal(self.mark_of(current_id))  # same zoom, unless it must change
            self._show_current(current_id)
        else:
            self._show_current(ids[0] if ids else None)

    def _canvas_selected(self, ids: list[int]) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            selection = QItemSelection()
            for event_id in ids:
                row = self.model.row_of(event_id)
                if row is not None:
                    selection.select(self.model.index(row, 0),
                                     self.model.index(row, self.model.columnCount() - 1))
            self.table.selectionModel().select(
                selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            first_row = self.model.row_of(ids[0]) if ids else None
            if first_row is not None:
                self.table.scrollTo(self.model.index(first_row, 0))
        finally:
            self._syncing = False
        self._show_current(ids[0] if ids else None)

    def mark_of(self, event_id: int) -> int:
        """Return the id of the canvas mark ``event_id`` is drawn under (itself in the
        article lanes; its story's reading in the Stories layout)."""
        if self.marks is None:
            return event_id
        return self.marks.mark_of.get(event_id, event_id)

    def current_reading_index(self) -> int | None:
        """Return which reading of the current story the selected mark draws."""
        if self.marks is None:
            return None
        for mark_id in self.canvas.selected_ids():
            if mark_id in self.marks.reading_of:
                return self.marks.reading_of[mark_id]
        return None

    def set_canvas_layout(self, layout: str) -> None:
        """Draw the canvas as ``layout`` (stories or article lanes) and list again."""
        self.layout_mode = layout
        self._fit_after_load = True
        self._layout_actions_follow()
        self.show_listing()

    def _layout_actions_follow(self) -> None:
        for name in ("layout-stories", "layout-articles"):
            action = getattr(self, "actions_by_name", {}).get(name)
            if action is not None:
                action.setChecked(name == f"layout-{self.layout_mode}")

    def _canvas_activated(self, event_id: int) -> None:
        self.select_event(event_id)
        self.source_dock.show()
        self.source_dock.raise_()

    def current_event(self) -> Event | None:
        """Return the current event as the window last saw it: None when nothing is
        current, when it was removed elsewhere, or while its row is still on its way from
        the store."""
        if self.current_id is None:
            return None
        row = self.model.row_of(self.current_id)
        event = self.model.event_at(row) if row is not None else None
        if event is None and self._current_event is not None \
                and self._current_event.id == self.current_id:
            return self._current_event
        return event

    def _show_current(self, event_id: int | None) -> None:
        """Show ``event_id`` in the source pane and inspector: at once from what the
        window holds, then with its history (and the event or article when not held yet)
        from the worker."""
        self.current_id = event_id
        event = self.current_event() if event_id is not None else None
        self._show_panes(event)
        self.currentEventChanged.emit(event)
        if event_id is None:
            return
        known = event
        articles = self.articles

        def inspect(repo: Any, _context: Any) -> tuple[Event, Article, list[Review]]:
            fresh = known if known is not None else repo.get_event(event_id)
            article = (articles.get(fresh.article_id) if fresh.article_id is not None else None)
            if article is not None and not article.text:
                article = None  # the listing holds no texts: the source's is read now
            return (fresh, article or repo.get_article(fresh.article_id),
                    repo.history(event_id))

        self.gateway.submit(inspect, key="inspect", on_done=self._inspected,
                            on_error=lambda error: self._inspect_failed(event_id, error))
        if self.layout_mode == STORIES:
            self._show_story_of(event_id)

    def _show_story_of(self, event_id: int) -> None:
        """Fetch the story of ``event_id`` with its sources and show it in the source dock."""
        articles = self.articles

        def read(repo: Any, _context: Any) -> tuple[Story, dict[int, Event], dict[int, Article]]:
            story_id = repo.get_event(event_id).story_id
            story = repo.get_story(story_id)
            events = {e.id: e for e in repo.get_events(list(story.event_ids))}
            wanted = {e.article_id for e in events.values()} - set(articles)
            found = dict(articles)
            found.update(repo.get_articles(wanted))
            return story, events, found

        def show(found: tuple[Story, dict[int, Event], dict[int, Article]]) -> None:
            story, events, story_articles = found
            if self.current_id not in story.event_ids:
                return  # the analyst has moved on
            self.current_story = story
            self.story_view.show_story(story, events, story_articles)
            self.source_tabs.setCurrentWidget(self.story_view)

        self.gateway.submit(read, key="story", on_done=show,
                            on_error=lambda error: self.notice(
                                f"Could not read the story: {error}", warning=True))

    def _show_panes(self, event: Event | None, article: Article | None = None) -> None:
        if event is None:
            self.source_pane.clear()
            # A current event not in hand yet is on its way from the worker.
            self.inspector.clear("No event selected" if self.current_id is None
                                 else "Loading…")
            self.current_story = None
            self.story_view.clear_story()
            return
        if article is None and event.article_id is not None:
            article = self.articles.get(event.article_id)
        if article is not None and article.text:
            self.source_pane.show_event(article, event)
        else:
            self.source_pane.clear()
        history = self._current_history
        self.inspector.show_event(
            event, history[1] if history is not None and history[0] == event.id else [])

    def _inspected(self, found: tuple[Event, Article, list[Review]]) -> None:
        event, article, history = found
        if event.id != self.current_id:
            return  # the analyst has moved on
        shown = self.current_event()
        if shown is None or shown.version < event.version:
            self._current_event = shown = event
        self._current_history = (event.id, history)
        self._show_panes(shown, article)
        if shown is event:
            self.currentEventChanged.emit(event)

    def _inspect_failed(self, event_id: int, error: BaseException) -> None:
        if event_id != self.current_id:
            return
        # Removed elsewhere since it was listed (NotFoundError), or the store failed.
        self._current_event = None
        self.source_pane.clear()
        self.inspector.clear("No longer in the database"
                             if isinstance(error, NotFoundError) else "Could not be read")
        if not isinstance(error, NotFoundError):
            self.notice(f"Could not read the event: {error}", warning=True)

    def _request_events(self, ids: list[int], deliver: Any) -> None:
        # The table's pages, fetched on the worker; ``deliver`` runs on the main thread.
        wanted = list(ids)
        self.gateway.submit(lambda repo, _context: repo.get_events(wanted),
                            on_done=lambda events: deliver(wanted, events),
                            on_error=lambda error: deliver(wanted, None))

    # --- after a review change ----------------------------------------------------------

    def _event_saved(self, event: Event) -> None:
        self.model.update_event(event)
        if self._current_event is not None and self._current_event.id == event.id:
            self._current_event = event
        # The same lane name as the listing gave it, or the canvas would move the event.
        self._statuses[stored_id(event)] = event.status.value
        article = (self.articles.get(event.article_id) if event.article_id is not None
                   else None)
        label = (self.article_labels.get(event.article_id) if event.article_id is not None
                 else None) or article_label(article, event.article_id)
        canvas_event = to_canvas_event(event, label)
        if self.marks is not None:
            self._update_mark(event)
        elif canvas_event is not None:
            self.canvas.update_event(canvas_event)
        # The held listing's row too, in either layout: the other one draws it later.
        self.listing.event_changed(stored_id(event), event.status.value, canvas_event)
        self.walk.update(event)
        if event.id == self.current_id:
            self._show_current(event.id)
        self.refresh_progress()

    def _update_mark(self, event: Event) -> None:
        """Show a saved event's status on its story's mark (what all its events say)."""
        assert self.marks is not None
        mark_id = self.marks.mark_of.get(stored_id(event))
        if mark_id is None:
            return
        story = self.marks.stories.get(self.marks.story_of.get(mark_id, -1))
        if story is None:
            return
        reading = story.readings[self.marks.reading_of[mark_id]]
        mark = self._marks_by_id.get(mark_id)
        if mark is not None:
            self.canvas.update_event(replace(mark, status=story_status(reading, self._statuses)))

    def notice(self, message: str, *, warning: bool = False) -> None:
        """Show a one-line message in the status bar (red for a refusal)."""
        self.notice_label.setStyleSheet("color: #c62828;" if warning else "")
        self.notice_label.setText(message)
        self.noticeShown.emit(message)

    # --- window events ------------------------------------------------------------------

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.transfer.local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = self.transfer.local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.transfer.import_paths(paths)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            # After the first layout pass: before it the docks have no sizes to share.
            QTimer.singleShot(0, self.default_layout)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.save_window(self)
        self.settings.save_filter(self._filter)
        self.transfer.cancel_import()  # whole articles already saved stay saved
        self.tasks.shutdown()
        super().closeEvent(event)
