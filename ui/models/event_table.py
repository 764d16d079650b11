"""The review table's model: an adapter over a list of event ids.

The model holds only ids (in the order the store listed them, or as sorted) and
fetches the events themselves lazily, a page at a time, into a bounded cache, so a
100,000-row table costs a list of ints until rows are actually shown.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from timeline.display import format_event_date
from timeline.model import Event, Status
from timeline.untrusted_text import tooltip_text

COLUMNS = ("Date", "Granularity", "Expression", "Title", "Article", "Status", "Confidence")
DATE, GRANULARITY, EXPRESSION, TITLE, ARTICLE, STATUS, CONFIDENCE = range(len(COLUMNS))

EVENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

STATUS_COLOURS = {
    Status.ACCEPTED: QColor("#2e7d32"),
    Status.CORRECTED: QColor("#1565c0"),
    Status.REJECTED: QColor("#9e9e9e"),
}
# The same statuses on a dark palette: the dark green and blue vanish on near-black.
STATUS_COLOURS_DARK = {
    Status.ACCEPTED: QColor("#81c784"),
    Status.CORRECTED: QColor("#64b5f6"),
    Status.REJECTED: QColor("#9e9e9e"),
}


def status_colour(status: Status) -> QColor | None:
    """Return the text colour of a status in the table, for the palette now in use."""
    dark = QGuiApplication.palette().color(QPalette.ColorRole.Base).lightness() < 128
    return (STATUS_COLOURS_DARK if dark else STATUS_COLOURS).get(status)

AnyIndex = QModelIndex | QPersistentModelIndex

# Worked out once: Qt asks for every cell's flags when it walks a selection (700,000
# calls for "select all" at 100,000 rows), and each enum "|" costs microseconds.
ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
             | Qt.ItemFlag.ItemNeverHasChildren)


class EventTableModel(QAbstractTableModel):
    """One row per event id; see the module docstring."""

    def __init__(
        self,
        fetch_events: Callable[[Sequence[int]], list[Event]],
        parent=None,
        *,
        page_size: int = 200,
        cache_limit: int = 5000,
    ) -> None:
        super().__init__(parent)
        self._fetch_events = fetch_events
        self._page_size = page_size
        self._cache_limit = max(cache_limit, page_size)
        self._ids: list[int] = []
        self._time_order: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: OrderedDict[int, Event] = OrderedDict()
        self._article_titles: dict[int, str] = {}
        self._given_keys: dict[int, dict[int, Any]] = {}
        self._sort_column = DATE
        self._sort_order = Qt.SortOrder.AscendingOrder
        self.fetch_count = 0  # pages fetched; read by the benchmarks

    # --- contents -------------------------------------------------------------

    def set_ids(self, ids: Sequence[int],
                sort_keys: dict[int, dict[int, Any]] | None = None) -> None:
        """Show these events, given in time order; the current sort is re-applied.

        ``sort_keys`` maps a column to {id: key} (see ``sort_keys_for``), computed where
        the events were listed, so sorting needs no fetch of every row.
        """
        self.beginResetModel()
        self._time_order = list(ids)
        self._given_keys = dict(sort_keys or {})
        self._cache.clear()
        self._ids = self._sorted_ids(self._sort_column, self._sort_order)
        self._row_of = {event_id: row for row, event_id in enumerate(self._ids)}
        self.endResetModel()

    def set_article_titles(self, titles: dict[int, str]) -> None:
        """Name each article id in the Article column."""
        self._article_titles = dict(titles)
        if self._ids:
            self.dataChanged.emit(self.index(0, ARTICLE), self.index(len(self._ids) - 1, ARTICLE))

    def ids(self) -> list[int]:
        """Return the event ids in row order."""
        return list(self._ids)

    def id_at(self, row: int) -> int:
        """Return the event id shown in ``row`` (no copy of the id list, unlike ids())."""
        return self._ids[row]

    def row_of(self, event_id: int) -> int | None:
        """Return the row showing ``event_id``, or None when it is filtered out."""
        return self._row_of.get(event_id)

    def event_at(self, row: int) -> Event | None:
        """Return the event shown in ``row``, fetching its page when not cached; None when
        the store no longer has it (removed elsewhere since the listing)."""
        event_id = self._ids[row]
        cached = self._cache.get(event_id)
        if cached is not None:
            self._cache.move_to_end(event_id)
            return cached
        self._fetch_page_around(row)
        return self._cache.get(event_id)

    def update_event(self, event: Event) -> None:
        """Show a changed event (after a review); a no-op when it is not listed."""
        row = self._row_of.get(event.id)
        if row is None:
            return
        self._cache[event.id] = event
        self._cache.move_to_end(event.id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def _fetch_page_around(self, row: int) -> None:
        first = (row // self._page_size) * self._page_size
        wanted = [i for i in self._ids[first : first + self._page_size] if i not in self._cache]
        for event in self._fetch_events(wanted):
            self._cache[event.id] = event
        self.fetch_count += 1
        while len(self._cache) > self._cache_limit:
            self._cache.popitem(last=False)

    # --- Qt model interface ------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return COLUMNS[section]
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._ids):
            return section + 1
        return None

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        column = index.column()
        if role == EVENT_ID_ROLE:
            return self._ids[index.row()]
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
            Qt.ItemDataRole.FontRole,
            Qt.ItemDataRole.TextAlignmentRole,
        ):
            return None
        event = self.event_at(index.row())
        if event is None:
            # Removed elsewhere (another analyst's publication-date change) since the
            # listing; the next listing drops the row.
            gone = role == Qt.ItemDataRole.DisplayRole and column == TITLE
            return "(no longer in the database)" if gone else None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(event, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip_text(event.explanation) if event.explanation else None
        if role == Qt.ItemDataRole.ForegroundRole and column == STATUS:
            return status_colour(Status(event.status))
        if role == Qt.ItemDataRole.FontRole and Status(event.status) is Status.REJECTED:
            font = QFont()
            font.setStrikeOut(column == TITLE)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, event: Event, column: int) -> str:
        if column == DATE:
            return format_event_date(event)
        if column == GRANULARITY:
            return str(getattr(event.granularity, "value", event.granularity)).replace("_", " ")
        if column == EXPRESSION:
            return event.expression or ""
        if column == TITLE:
            return event.title
        if column == ARTICLE:
            return self._article_titles.get(event.article_id, f"#{event.article_id}")
        if column == STATUS:
            return Status(event.status).value
        return f"{event.confidence:.2f}"

    # --- sorting -------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort rows by a column; Date uses the store's time order, the rest fetch keys."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old_ids = self._ids
        persistent = self.persistentIndexList()
        self._sort_column, self._sort_order = column, order
        self._ids = self._sorted_ids(column, order)
        self._row_of = {event_id: row for row, event_id in enumerate(self._ids)}
        moved = []
        for index in persistent:
            new_row = self._row_of.get(old_ids[index.row()])
            moved.append(self.index(new_row, index.column()) if new_row is not None
                         else QModelIndex())
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sorted_ids(self, column: int, order: Qt.SortOrder) -> list[int]:
        descending = order == Qt.SortOrder.DescendingOrder
        if column == DATE:
            return list(reversed(self._time_order)) if descending else list(self._time_order)
        keys = self._sort_keys(column)
        # Python's sort is stable: ties keep time order.
        return sorted(self._time_order, key=keys.__getitem__, reverse=descending)

    def _sort_keys(self, column: int) -> dict[int, Any]:
        if column in self._given_keys:
            return self._given_keys[column]
        keys: dict[int, Any] = {}
        step = 2000
        for first in range(0, len(self._time_order), step):
            for event in self._fetch_events(self._time_order[first : first + step]):
                text = self._display(event, column)
                keys[event.id] = sort_key(event, column, text)
        return keys


def sort_key(event: Event, column: int, shown: str) -> Any:
    """Return the value a column sorts ``event`` by, given the text the column shows."""
    return event.confidence if column == CONFIDENCE else shown.casefold()


def sort_keys_for(events: Sequence[Event],
                  article_titles: dict[int, str]) -> dict[int, dict[int, Any]]:
    """Return {column: {event id: key}} for every sortable column (Date sorts by the
    listing's order). Qt-free work, so the background worker does it with the listing."""
    return {
        GRANULARITY: {e.id: str(getattr(e.granularity, "value", e.granularity)) for e in events},
        EXPRESSION: {e.id: (e.expression or "").casefold() for e in events},
        TITLE: {e.id: e.title.casefold() for e in events},
        ARTICLE: {e.id: article_titles.get(e.article_id, "").casefold() for e in events},
        STATUS: {e.id: Status(e.status).value for e in events},
        CONFIDENCE: {e.id: e.confidence for e in events},
    }
