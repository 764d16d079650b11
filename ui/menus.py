"""The window's menus and keyboard shortcuts (the review loop is keyboard-first)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, SignalInstance, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.help_menu import build_article_and_help_menus
from ui.state.listing import ARTICLES, STORIES
from ui.state.navigation import CONFIDENCE_ORDER, TIME_ORDER
from ui.transfer.exports import EXPORT_CHOICES

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# (name, menu text, method name, keys); None stands for a separator.
MenuEntry = tuple[str, str, str, tuple[str, ...]] | None

# (name, menu text, method of ReviewFlow, keys): single keys, so they act only where
# the analyst reviews (table, canvas, panes), never while typing in a text box.
REVIEW_KEYS: tuple[MenuEntry, ...] = (
    ("accept", "Accept", "accept", ("Return", "Enter", "A")),
    ("reject", "Reject", "reject", ("Delete", "R")),
    ("correct", "Correct date…", "correct", ("E",)),
    ("note", "Note…", "annotate", ("N",)),
    None,
    ("next", "Next unreviewed", "next_unreviewed", ("J", "Space")),
    ("previous", "Previous", "previous", ("K",)),
)

# The story decisions (ui.stories.actions.StoryFlow), single keys like the review's.
STORY_KEYS: tuple[MenuEntry, ...] = (
    ("acceptStory", "Accept story", "accept_story", ("Shift+A",)),
    ("chooseReading", "Choose this reading as the story's date", "choose_reading", ("C",)),
    None,
    ("splitEvent", "Split event out of its story", "split_event", ("S",)),
    ("markMerge", "Mark story for merging", "mark_for_merge", ("M",)),
    ("mergeMarked", "Merge marked story here", "merge_marked", ("Shift+M",)),
)


def _action(window: MainWindow, menu: QMenu, name: str, text: str, slot: Callable[[], object],
            shortcuts: Sequence[str | QKeySequence.StandardKey] = ()) -> QAction:
    action = QAction(text, window)
    action.setObjectName(name)
    if shortcuts:
        action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.triggered.connect(lambda _checked=False: slot())
    menu.addAction(action)
    window.actions_by_name[name] = action
    return action


def _review_action(window: MainWindow, menu: QMenu, name: str, text: str,
                   slot: Callable[[], object], keys: Sequence[str]) -> QAction:
    action = _action(window, menu, name, text, slot, keys)
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    for widget in (window.table, window.canvas, window.source_pane, window.inspector):
        widget.addAction(action)
    return action


def build_menus(window: MainWindow) -> None:
    """Add File, Edit, Review, Story, View, Article and Help menus to ``window``
    (actions in window.actions_by_name)."""
    window.actions_by_name = {}
    bar = window.menuBar()
    transfer, review = window.transfer, window.review

    file_menu = bar.addMenu("&File")
    _action(window, file_menu, "importFiles", "Import files…", transfer.choose_files,
            ["Ctrl+O"])
    _action(window, file_menu, "importFolder", "Import folder…", transfer.choose_folder,
            ["Ctrl+Shift+O"])
    _action(window, file_menu, "pasteArticle", "Paste article…", transfer.paste,
            ["Ctrl+Shift+V"])
    file_menu.addSeparator()
    _action(window, file_menu, "openDatabase", "Open database…", window.databases.choose)
    recent = file_menu.addMenu("Open recent")
    recent.setObjectName("recentDatabases")
    recent.aboutToShow.connect(partial(window.databases.fill_recent, recent))
    window.databases.fill_recent(recent)
    file_menu.addSeparator()
    export_menu = file_menu.addMenu("Export")
    for fmt, caption, _filter in EXPORT_CHOICES:
        _action(window, export_menu, f"export-{fmt}", caption,
                partial(transfer.choose_export, fmt))
    for fmt, caption in (("markdown", "Key dates as a Markdown brief…"),
                         ("csv", "Key dates as CSV…"),
                         ("timelinejs", "Key dates as TimelineJS…")):
        _action(window, export_menu, f"exportKeyDates-{fmt}", caption,
                partial(window.key_dates.export, fmt))
    file_menu.addSeparator()
    _action(window, file_menu, "changePublished", "Change article's publication date…",
            transfer.change_publication_date)
    file_menu.addSeparator()
    _action(window, file_menu, "quit", "Quit", window.close, [QKeySequence.StandardKey.Quit])

    edit_menu = bar.addMenu("&Edit")
    # Through the session, not the stack: the stack moves once the restore has landed.
    session, stack = window.session, window.session.undo_stack
    undo = _action(window, edit_menu, "undo", "Undo", session.undo, ["Ctrl+Z"])
    redo = _action(window, edit_menu, "redo", "Redo", session.redo,
                   ["Ctrl+Shift+Z", "Ctrl+Y"])
    _follow_stack(undo, "Undo", stack.canUndo(), stack.undoText(), stack.canUndoChanged,
                  stack.undoTextChanged, session.pendingChanged)
    _follow_stack(redo, "Redo", stack.canRedo(), stack.redoText(), stack.canRedoChanged,
                  stack.redoTextChanged, session.pendingChanged)

    review_menu = bar.addMenu("&Review")
    for entry in REVIEW_KEYS:
        if entry is None:
            review_menu.addSeparator()
        else:
            name, text, method, keys = entry
            _review_action(window, review_menu, name, text, getattr(review, method), keys)
    order_group = QActionGroup(window)
    for mode, caption in ((TIME_ORDER, "Walk in time order"),
                          (CONFIDENCE_ORDER, "Walk lowest confidence first")):
        action = _action(window, review_menu, f"order-{mode}", caption,
                         partial(review.set_order, mode))
        action.setCheckable(True)
        action.setChecked(review.order_mode == mode)
        order_group.addAction(action)

    stories = window.stories
    story_menu = bar.addMenu("&Story")
    for entry in STORY_KEYS:
        if entry is None:
            story_menu.addSeparator()
        else:
            name, text, slot, keys = entry
            _review_action(window, story_menu, name, text, getattr(stories, slot), keys)

    view_menu = bar.addMenu("&View")
    layout_group = QActionGroup(window)
    for layout, caption, layout_keys in (
            (STORIES, "Stories (one mark per happening)", ["Ctrl+1"]),
            (ARTICLES, "Article lanes", ["Ctrl+2"])):
        action = _action(window, view_menu, f"layout-{layout}", caption,
                         partial(stories.set_layout, layout), layout_keys)
        action.setCheckable(True)
        action.setChecked(window.layout_mode == layout)
        layout_group.addAction(action)
    view_menu.addSeparator()
    canvas = window.canvas
    # Single keys act from the table and the panes too (not in text boxes), as on the
    # canvas; Ctrl+0 fits from anywhere (Home stays the table's first row).
    _review_action(window, view_menu, "zoomIn", "Zoom in", canvas.zoom_in,
                   ["+", "=", "Ctrl++", "Ctrl+="])
    _review_action(window, view_menu, "zoomOut", "Zoom out", canvas.zoom_out, ["-", "Ctrl+-"])
    _action(window, view_menu, "fitAll", "Fit all", canvas.fit_all, ["Ctrl+0"])
    _review_action(window, view_menu, "zoomToSelection", "Zoom to selection",
                   canvas.zoom_to_selection, ["F"])
    hide: QAction  # read by its own slot, once made
    hide = _action(window, view_menu, "hideRejected", "Hide rejected on the timeline",
                   lambda: _toggle_rejected(window, hide.isChecked()))
    hide.setCheckable(True)
    hide.setChecked(window.settings.hide_rejected())
    view_menu.addSeparator()
    for dock in (window.review_dock, window.source_dock, window.inspector_dock,
                 window.history_dock, window.key_dates.dock):
        view_menu.addAction(dock.toggleViewAction())
    build_article_and_help_menus(window)


class _StepName(QObject):
    """Keeps an Undo or Redo action enabled and named after the step it would take (as
    QUndoStack's own actions do). Enabled too while review steps are on their way to the
    store, so Ctrl+Z right after a key undoes that key's change once it has landed. A
    QObject child of the action, so Qt drops the connections when either goes; it reads
    only the signals' arguments, never the stack (which may be going away)."""

    def __init__(self, action: QAction, verb: str, can: bool, text: str) -> None:
        super().__init__(action)
        self._action, self._verb = action, verb
        self._can, self._pending = can, False
        self.show(text)
        self._refresh()

    @Slot(str)
    def show(self, step: str) -> None:
        self._action.setText(f"{self._verb} {step}".strip())

    @Slot(bool)
    def set_can(self, can: bool) -> None:
        self._can = can
        self._refresh()

    @Slot(bool)
    def set_pending(self, pending: bool) -> None:
        self._pending = pending
        self._refresh()

    def _refresh(self) -> None:
        self._action.setEnabled(self._can or self._pending)


def _follow_stack(action: QAction, verb: str, can: bool, text: str,
                  can_changed: SignalInstance, text_changed: SignalInstance,
                  pending_changed: SignalInstance) -> None:
    """Enable ``action`` while the stack can move that way or steps are pending."""
    namer = _StepName(action, verb, can, text)
    can_changed.connect(namer.set_can)
    text_changed.connect(namer.show)
    pending_changed.connect(namer.set_pending)


def _toggle_rejected(window: MainWindow, hide: bool) -> None:
    window.settings.save_hide_rejected(hide)
    window.listing.set_hide_rejected(hide)  # laid out off the GUI thread
