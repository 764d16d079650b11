"""The review table's model: an adapter over a list of event ids.

The model holds only ids (in the order the store listed them, or as sorted) and
fetches the events themselves lazily, a page at a time, into a bounded cache, so a
100,000-row table costs a list of ints until rows are actually shown. In the window the
pages come from the store worker (``request_events``): a row not fetched yet shows
empty until its page lands, so scrolling never waits on the store.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from timeline.export.columns import TABLE, EventRow, RowLookups
from timeline.model import Event, Status, stored_id
from timeline.untrusted_text import tooltip_text

# The columns are the core's (timeline.export.columns.TABLE): headers, text, sort keys.
COLUMNS = tuple(column.header for column in TABLE)
_AT = {column.name: index for index, column in enumerate(TABLE)}
# The columns this model treats apart (time order, colours, strike-out, alignment).
DATE, GRANULARITY, EXPRESSION, TITLE, ARTICLE, STATUS, CONFIDENCE = (_AT[name] for name in (
    "date_display", "granularity", "expression", "title", "article", "status", "confidence"))

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
# The invalid index: a table's parent (one made here, not a new one per call).
_ROOT = QModelIndex()
# request_events(ids, deliver): fetch elsewhere, then deliver(ids, events or None).
RequestEvents = Callable[[list[int], Callable[[list[int], list[Event] | None], None]], None]

# Worked out once: Qt asks for every cell's flags when it walks a selection (700,000
# calls for "select all" at 100,000 rows), and each enum "|" costs microseconds.
ROW_FLAGS = (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
             | Qt.ItemFlag.ItemNeverHasChildren)


class EventTableModel(QAbstractTableModel):
    """One row per event id; see the module docstring."""

    def __init__(
        self,
        fetch_events: Callable[[Sequence[int]], list[Event]] | None = None,
        parent: QObject | None = None,
        *,
        request_events: RequestEvents | None = None,
        page_size: int = 200,
        cache_limit: int = 5000,
    ) -> None:
        """A table over ``fetch_events(ids) -> events`` (called at once), or over
        ``request_events(ids, deliver)``, which fetches elsewhere and calls
        ``deliver(ids, events or None)`` on the main thread once they are in."""
        super().__init__(parent)
        if (fetch_events is None) == (request_events is None):
            raise ValueError("give the table fetch_events or request_events, not both")
        self._fetch_events = fetch_events
        self._request_events = request_events
        self._requested: set[int] = set()  # ids whose page is on its way
        self._gone: set[int] = set()  # ids the store no longer has
        self._generation = 0  # one per set_ids: a page of an older listing is dropped
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
                sort_keys: dict[int, dict[int, Any]] | None = None,
                row_of: dict[int, int] | None = None) -> None:
        """Show these events, given in time order; the current sort is re-applied.

        ``sort_keys`` maps a column to {id: key} (see ``sort_keys_for``), computed where
        the events were listed, so sorting needs no fetch of every row. ``row_of``,
        optional, is each id's position in ``ids``, made where they were listed (used,
        not copied, while the table is in time order).
        """
        self.beginResetModel()
        self._time_order = list(ids)
        self._given_keys = dict(sort_keys or {})
        self._cache.clear()
        self._requested.clear()
        self._gone.clear()
        self._generation += 1
        self._ids = self._sorted_ids(self._sort_column, self._sort_order)
        in_time_order = (self._sort_column == DATE
                         and self._sort_order == Qt.SortOrder.AscendingOrder)
        self._row_of = (row_of if row_of is not None and in_time_order
                        else {event_id: row for row, event_id in enumerate(self._ids)})
        self.endResetModel()

    def set_article_titles(self, titles: dict[int, str]) -> None:
        """Name each article id in the Article column."""
        if titles == self._article_titles:
            # Each listing gives them (a filter, clearing it): unchanged, there is nothing
            # to copy, nor a million rows to tell of a change.
            return
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
        the store no longer has it (removed elsewhere since the listing), or while its
        page is on its way (``request_events``)."""
        event_id = self._ids[row]
        cached = self._cache.get(event_id)
        if cached is not None:
            self._cache.move_to_end(event_id)
            return cached
        self._fetch_page_around(row)
        return self._cache.get(event_id)

    def update_event(self, event: Event) -> None:
        """Show a changed event (after a review); a no-op when it is not listed."""
        row = self._row_of.get(event.id) if event.id is not None else None
        if row is None or event.id is None:
            return
        self._cache[event.id] = event
        self._cache.move_to_end(event.id)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def is_gone(self, row: int) -> bool:
        """Return True when the store no longer has the event of ``row``."""
        return self._ids[row] in self._gone

    def _fetch_page_around(self, row: int) -> None:
        first = (row // self._page_size) * self._page_size
        wanted = [i for i in self._ids[first : first + self._page_size]
                  if i not in self._cache and i not in self._requested and i not in self._gone]
        if not wanted:
            return
        self.fetch_count += 1
        if self._fetch_events is not None:  # the table was given one or the other
            self._store_page(wanted, self._fetch_events(wanted))
            return
        if self._request_events is None:
            return
        self._requested.update(wanted)
        generation = self._generation
        self._request_events(wanted, lambda ids, events: self._page_arrived(
            generation, ids, events))

    def _page_arrived(self, generation: int, ids: list[int],
                      events: list[Event] | None) -> None:
        if generation != self._generation:
            return  # asked for by a listing since replaced
        self._requested.difference_update(ids)
        if events is None:
            return  # the store failed: asked again when the rows are next shown
        self._store_page(ids, events)
        rows = [self._row_of[i] for i in ids if i in self._row_of]
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0),
                                  self.index(max(rows), len(COLUMNS) - 1))

    def _store_page(self, ids: list[int], events: list[Event]) -> None:
        for event in events:
            # A saved event already there is newer; the store's events all have ids.
            if event.id is not None and event.id not in self._cache:
                self._cache[event.id] = event
        self._gone.update(set(ids) - {event.id for event in events})
        while len(self._cache) > self._cache_limit:
            self._cache.popitem(last=False)

    # --- Qt model interface ------------------------------------------------------

    def rowCount(self, parent: AnyIndex = _ROOT) -> int:
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = _ROOT) -> int:
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
            # listing; the next listing drops the row. Or its page is on its way.
            gone = (role == Qt.ItemDataRole.DisplayRole and column == TITLE
                    and self.is_gone(index.row()))
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

    def _lookups(self) -> RowLookups:
        # Made again only when the article titles were replaced: data() asks per cell.
        lookups = getattr(self, "_row_lookups", None)
        if lookups is None or lookups.article_labels is not self._article_titles:
            lookups = self._row_lookups = RowLookups(article_labels=self._article_titles)
        return lookups

    def _display(self, event: Event, column: int) -> str:
        return TABLE[column].text(EventRow(event, self._lookups()))

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
        if self._fetch_events is None:
            # Pages come from the worker: no fetch of every row here. The window's
            # listing gives every column's keys, so this only keeps the time order.
            return {event_id: 0 for event_id in self._time_order}
        step = 2000
        for first in range(0, len(self._time_order), step):
            events = self._fetch_events(self._time_order[first : first + step])
            keys.update(zip((stored_id(event) for event in events),
                            TABLE[column].sort_keys(events, self._lookups()), strict=True))
        return keys


def sort_keys_for(events: Sequence[Event],
                  article_titles: dict[int, str]) -> dict[int, dict[int, Any]]:
    """Return {column: {event id: key}} for every sortable column (Date sorts by the
    listing's order), the same keys the model would fetch. Qt-free work, so the
    background worker does it with the listing."""
    lookups = RowLookups(article_labels=article_titles)
    ids = [stored_id(event) for event in events]
    return {index: dict(zip(ids, column.sort_keys(events, lookups), strict=True))
            for index, column in enumerate(TABLE) if index != DATE}
