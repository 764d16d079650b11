"""The main window: canvas in the centre, review table, source and inspector docks.

The window holds no queries of its own: listing runs in the background worker
(ui.tasks), review changes go through ui.review, import and export through
ui.transfer. This module wires the parts together and keeps the selection in sync.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QDockWidget, QFrame, QHeaderView, QLabel, QMainWindow, QProgressBar,
    QPushButton, QScrollArea, QTableView, QUndoView, QVBoxLayout, QWidget,
)

from timeline.model import Article, Event
from timeline.store import NotFoundError
from timeline.store.db import shown_url
from ui.canvas.view import TimelineCanvas
from ui.filter_bar import FilterBar
from ui.inspector import Inspector
from ui.listing import LoadedView, article_label, load_view
from ui.menus import build_menus
from ui.models.canvas_rows import to_canvas_event
from ui.models.event_table import TITLE, EventTableModel
from ui.models.filters import EventFilter
from ui.review import ReviewSession
from ui.review_flow import ReviewFlow
from ui.review_walk import ReviewWalk
from ui.settings_store import WindowSettings
from ui.source_pane import SourcePane
from ui.tasks import TaskContext, TaskManager
from ui.transfer import Transfer


class MainWindow(QMainWindow):
    """The analyst's workbench on one repository."""

    loaded = Signal()  # a listing has been applied to the table and canvas
    currentEventChanged = Signal(object)  # Event or None
    noticeShown = Signal(str)

    def __init__(self, repo, *, settings: QSettings | None = None,
                 tasks: TaskManager | None = None, actor: str | None = None) -> None:
        super().__init__()
        self.repo = repo
        self.tasks = tasks or TaskManager(self)
        self.settings = WindowSettings(settings or QSettings())
        self.session = ReviewSession(repo, self, actor=actor)
        self.walk = ReviewWalk()  # the listed ids, statuses and confidences J/K walk
        self.articles: dict[int, Article] = {}
        self.current_id: int | None = None
        self._syncing = False
        self._fit_after_load = False  # a new filter: show its events, not the old stretch
        self._filter = self.settings.load_filter()
        self.setWindowTitle(f"Timeline — {shown_url(repo.url)}"
                            + (" (read-only)" if getattr(repo, "read_only", False) else ""))
        self.setAcceptDrops(True)
        self._build_widgets()
        self._build_docks()
        self.review = ReviewFlow(self)
        self.transfer = Transfer(self)
        build_menus(self)
        self.session.eventChanged.connect(self._event_saved)
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
        self.model = EventTableModel(self.repo.get_events, self)
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
        self.source_dock = self._dock("Source", "sourceDock", self.source_pane,
                                      Qt.DockWidgetArea.RightDockWidgetArea)
        # Scrolls, so the form's height never squeezes the article text above it.
        inspector_scroll = QScrollArea()
        inspector_scroll.setWidget(self.inspector)
        inspector_scroll.setWidgetResizable(True)
        inspector_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.inspector_dock = self._dock("Inspector", "inspectorDock", inspector_scroll,
                                         Qt.DockWidgetArea.RightDockWidgetArea)
        self.history_dock = self._dock("Undo history", "undoHistoryDock",
                                       QUndoView(self.session.undo_stack),
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

    # --- listing ----------------------------------------------------------------------

    def current_filter(self) -> EventFilter:
        """Return the filter the table, canvas and export honour."""
        return self._filter

    def set_filter(self, event_filter: EventFilter) -> None:
        """Show only the events ``event_filter`` lets through (listed in the background)."""
        self._filter = event_filter
        self.settings.save_filter(event_filter)
        self._fit_after_load = True
        self.reload()

    def reload(self) -> None:
        """List the events again in the worker; ``loaded`` is emitted once shown."""
        query = self._filter.query_kwargs()
        repo = self.repo
        hide_rejected = self.settings.hide_rejected()
        if not self.walk.order_in_time:
            # Nothing listed yet: say so, rather than "No events", while a large database lists.
            self.progress_label.setText("Listing events…")

        def load(context: TaskContext) -> LoadedView:
            return load_view(repo, query, hide_rejected=hide_rejected, check=context.check)

        self.tasks.submit(load, key="load", on_done=self._apply_loaded,
                          on_error=lambda error: self.notice(
                              f"Could not list events: {error}", warning=True))

    def _apply_loaded(self, view: LoadedView) -> None:
        keep = self.current_id
        self.articles = {article.id: article for article in view.articles}
        self.walk.reset(view.ids, view.statuses, view.confidences, view.walk_orders)
        self._syncing = True
        try:
            self.model.set_article_titles(view.article_labels)
            self.model.set_ids(view.ids, view.sort_keys)
            self.canvas.set_events(view.canvas_events, layout=view.canvas_layout)
            if self._fit_after_load:
                self._fit_after_load = False
                self.canvas.fit_all()
            self.filter_bar.set_articles(view.articles)
        finally:
            self._syncing = False
        self._show_progress(view.reviewed, view.total)
        if keep is not None and self.model.row_of(keep) is not None:
            # Kept selected, but the view stays where the analyst (or a new filter's fit)
            # put it: a listing after an import is no reason to pan.
            self.select_event(keep, center=False)
        elif keep is not None:
            self._show_current(None)
        self.loaded.emit()

    def _show_progress(self, reviewed: int, total: int) -> None:
        shown = len(self.walk.order_in_time)
        suffix = f" · {shown} shown" if shown != total else ""
        self.progress_label.setText(f"{reviewed} of {total} reviewed{suffix}")

    def refresh_progress(self) -> None:
        """Recount reviewed events in the worker and update the counter."""
        repo = self.repo
        self.tasks.submit(lambda _context: repo.review_progress(), key="progress",
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
            self.canvas.select([event_id])
            if center:
                self.canvas.center_on(event_id)
        finally:
            self._syncing = False
        self._show_current(event_id)

    def selected_ids(self) -> list[int]:
        """Return the ids selected in the table, in row order."""
        # Read from the selection's ranges: selectedRows() visits every cell of every row.
        rows: set[int] = set()
        for selected in self.table.selectionModel().selection():
            rows.update(range(selected.top(), selected.bottom() + 1))
        return [self.model.id_at(row) for row in sorted(rows)]

    def _table_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._syncing:
            return
        ids = self.selected_ids()
        self._syncing = True
        try:
            self.canvas.select(ids)
        finally:
            self._syncing = False
        current = self.table.selectionModel().currentIndex()
        current_id = self.model.id_at(current.row()) if current.isValid() else None
        if current_id is not None and current_id in ids:
            self._show_current(current_id)
        else:
            self._show_current(ids[0] if ids else None)

    def _canvas_selected(self, ids: list) -> None:
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
            if ids and self.model.row_of(ids[0]) is not None:
                self.table.scrollTo(self.model.index(self.model.row_of(ids[0]), 0))
        finally:
            self._syncing = False
        self._show_current(ids[0] if ids else None)

    def _canvas_activated(self, event_id: int) -> None:
        self.select_event(event_id)
        self.source_dock.show()
        self.source_dock.raise_()

    def current_event(self) -> Event | None:
        """Return the current event as the table last saw it (None when nothing is current,
        or it was removed elsewhere)."""
        if self.current_id is None:
            return None
        row = self.model.row_of(self.current_id)
        if row is not None:
            return self.model.event_at(row)
        try:
            return self.repo.get_event(self.current_id)
        except NotFoundError:  # removed elsewhere since it was listed
            return None

    def _show_current(self, event_id: int | None) -> None:
        self.current_id = event_id
        event = self.current_event() if event_id is not None else None
        if event is None:
            self.source_pane.clear()
            self.inspector.clear()
        else:
            article = self.articles.get(event.article_id) or self.repo.get_article(event.article_id)
            self.source_pane.show_event(article, event)
            self.inspector.show_event(event, self.repo.history(event.id))
        self.currentEventChanged.emit(event)

    # --- after a review change ----------------------------------------------------------

    def _event_saved(self, event: Event) -> None:
        self.model.update_event(event)
        # The same lane name as the listing gave it, or the canvas would move the event.
        label = article_label(self.articles.get(event.article_id), event.article_id)
        canvas_event = to_canvas_event(event, label)
        if canvas_event is not None:
            self.canvas.update_event(canvas_event)
        self.walk.update(event)
        if event.id == self.current_id:
            self._show_current(event.id)
        self.refresh_progress()

    def notice(self, message: str, *, warning: bool = False) -> None:
        """Show a one-line message in the status bar (red for a refusal)."""
        self.notice_label.setStyleSheet("color: #c62828;" if warning else "")
        self.notice_label.setText(message)
        self.noticeShown.emit(message)

    # --- window events ------------------------------------------------------------------

    def dragEnterEvent(self, event) -> None:
        if self.transfer.local_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = self.transfer.local_paths(event.mimeData())
        if paths:
            event.acceptProposedAction()
            self.transfer.import_paths(paths)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not self._layout_restored:
            self._layout_restored = True
            # After the first layout pass: before it the docks have no sizes to share.
            QTimer.singleShot(0, self.default_layout)

    def closeEvent(self, event) -> None:
        self.settings.save_window(self)
        self.settings.save_filter(self._filter)
        self.transfer.cancel_import()  # whole articles already saved stay saved
        self.tasks.shutdown()
        super().closeEvent(event)
