"""The export's rows: the cells of each event, column by column, for the CSV writer
(and, with JSON values, the JSON export and the spreadsheet file).

An event's row shows what the database holds now: after an analyst's correction the
dates, granularity, TIMEX3 value, status and date shown are the corrected ones (the
original stays in the audit trail, which the export does not carry). One column is
not read straight from the event: a corrected event's explanation reads "corrected by
the analyst", because the tagger's explanation names the date it had read, which the
correction replaced ("... = 2023-09-10"); the JSON export keeps the tagger's text
beside it, for a restore. The columns themselves are in timeline.export.columns.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain
from operator import attrgetter
from typing import Any

from timeline.display import format_event_date
from timeline.export.columns import (
    CORRECTED_EXPLANATION,
    CSV,
    CSV_COLUMNS,
    MOMENT,
    CellMaker,
    CellMemo,
    Column,
    EventRow,
    Kind,
    Reads,
    RowLookups,
    shown_explanation,
)
from timeline.export.order import in_time_order, time_order_key
from timeline.model import Article, Event

# Every cell that carries free text (from articles, the tagger or the analyst) goes
# through guard_formula; the others hold numbers, ISO dates and fixed words, which
# cannot start with a formula character.
FORMULA_TRIGGERS = "=+-@\t\r"  # the first characters a spreadsheet runs as a formula
_TRIGGER_CHARACTERS = frozenset(FORMULA_TRIGGERS)


def guard_formula(cell: str) -> str:
    """Return ``cell`` with a leading apostrophe when a spreadsheet would run it as a
    formula (it starts with =, +, -, @, a tab or a carriage return); else unchanged."""
    if cell and cell[0] in _TRIGGER_CHARACTERS:
        return "'" + cell
    return cell


def date_display(event: Event) -> str:
    """Return the event's date as a person reads it (timeline.display.format_event_date)."""
    return format_event_date(event)


def _guarded_cells(cells: Iterable[str | None]) -> list[str | None]:
    """Return the cells with a leading apostrophe on those a spreadsheet would run."""
    triggers = _TRIGGER_CHARACTERS
    return [("'" + cell) if cell and cell[0] in triggers else cell for cell in cells]


def _unchanged(cells: Iterable[str | None]) -> Iterable[str | None]:
    return cells


# How a kind of value becomes a CSV cell: text, or an int, a float or None, which
# csv.writer writes as str(), repr() and "".
def _csv_values(kind: Kind) -> CellMaker:
    return kind.csv_cells


def _json_values(kind: Kind) -> CellMaker:
    if kind is MOMENT:
        return kind.csv_cells  # ISO text, memoised; None stays None (JSON null)
    convert = kind.json
    return lambda values, _known: map(convert, values)


def _typed_values(kind: Kind) -> CellMaker:
    if kind.choices is not None:
        return lambda values, _known: map(kind.json, values)
    return lambda values, _known: values


VALUE_FLAVOURS = {"csv": _csv_values, "json": _json_values, "typed": _typed_values}


def csv_rows(
    events: Sequence[Event], articles: Mapping[int, Article], *, formula_guard: bool = True,
    story_sources: Mapping[int, int] | None = None,
) -> Iterator[tuple[Any, ...]]:
    """Return an iterator over the rows of cells of the events, in time order, guarded
    when ``formula_guard``, as csv.writer takes them: text, or an int, a float or None
    (written as str(), repr() and "", which is what the cells hold)."""
    lookups = RowLookups(articles=articles, story_sources=story_sources or {})
    return column_rows(CSV, in_time_order(events), lookups,
                       flavour="csv", formula_guard=formula_guard)


def column_rows(
    columns: Sequence[Column],
    ordered: Sequence[Event],
    lookups: RowLookups,
    *,
    flavour: str,
    formula_guard: bool = False,
) -> Iterator[tuple[Any, ...]]:
    """Return an iterator over one tuple of cells per event of ``ordered`` (kept in its
    order), one cell per column: CSV cells (``flavour="csv"``), JSON values ("json"),
    or typed values with choices as their text ("typed"). Guarded columns are guarded
    when ``formula_guard``."""
    cells_of = batch_cells(columns, flavour=flavour, formula_guard=formula_guard)
    names = fields_read(columns)
    take_fields = attrgetter(*names)

    def batch_rows(batch: Sequence[Event]) -> Iterator[tuple[Any, ...]]:
        taken = zip(*map(take_fields, batch), strict=True) if len(names) > 1 else (
            list(map(take_fields, batch)),)
        return cells_of(dict(zip(names, taken, strict=True)), lookups, batch)

    return chain.from_iterable(
        batch_rows(ordered[first : first + ROWS_PER_BATCH])
        for first in range(0, len(ordered), ROWS_PER_BATCH)
    )


def fields_read(columns: Sequence[Column]) -> list[str]:
    """Return the Event fields the cells of ``columns`` read (with ``article_id`` when a
    column shows the article), each once, for exports that read fields, not Events."""
    names: dict[str, None] = {}
    for column in columns:
        if column.reads is Reads.FIELD:
            names[column.get] = None
        elif column.reads is Reads.ARTICLE:
            names["article_id"] = None
        else:
            names.update(dict.fromkeys(column.takes))
    return list(names)


# The cells of one batch, from its fields' values ({field: values}, all of one length),
# the lookups and, when the caller has them, the batch's Events.
BatchCells = Callable[[Mapping[str, Sequence[Any]], RowLookups, Sequence[Event] | None],
                      Iterator[tuple[Any, ...]]]


def batch_cells(columns: Sequence[Column], *, flavour: str,
                formula_guard: bool = False) -> BatchCells:
    """Return what makes a batch's rows of cells (as column_rows) from the values of
    the fields fields_read(columns) names; a Reads.EVENT or Reads.ROW column without
    ``from_fields`` needs the batch's Events too."""
    guarded = _guarded_cells if formula_guard else _unchanged
    values_of = VALUE_FLAVOURS[flavour]
    # (convert, guard) for each column: its values made cells, then guarded or not.
    plans = [(values_of(column.kind), guarded if column.guarded else _unchanged)
             for column in columns]

    # Many events share an article: its cells are made (and guarded) once per column,
    # then looked up by article id, in this batch and the next ones on the same lookups.
    article_cells: list[dict[Any, Any]] = [{} for _column in columns]
    cells_read_from: list[RowLookups | None] = [None]

    def cells_of(fields: Mapping[str, Sequence[Any]], lookups: RowLookups,
                 events: Sequence[Event] | None = None) -> Iterator[tuple[Any, ...]]:
        if cells_read_from[0] is not lookups:
            for made_before in article_cells:
                made_before.clear()
            cells_read_from[0] = lookups
        known: CellMemo = {}
        cells: list[Iterable[Any]] = []
        for column, (convert, guard), made_for in zip(columns, plans, article_cells,
                                                      strict=True):
            reads = column.reads
            values: Iterable[Any]
            if reads is Reads.FIELD:
                values = fields[column.get]
            elif reads is Reads.ARTICLE:
                article_ids = fields["article_id"]
                new_ids = [article_id for article_id in dict.fromkeys(article_ids)
                           if article_id not in made_for]
                if new_ids:
                    by_id = column.by_article_id(new_ids, lookups)
                    made = guard(convert(list(by_id.values()), {}))
                    made_for.update(zip(by_id, made, strict=True))
                cells.append(map(made_for.__getitem__, article_ids))
                continue
            elif column.from_fields is not None:
                get = column.from_fields(lookups)
                taken = [fields[name] for name in column.takes]
                values = _once_each(get, taken) if column.repeats else map(get, *taken)
            elif events is not None:
                values = (map(column.get, events) if reads is Reads.EVENT
                          else [column.get(EventRow(event, lookups)) for event in events])
            else:
                raise ValueError(f"column {column.name} reads Events, and none were given")
            cells.append(guard(convert(values, known)))
        return zip(*cells, strict=True)

    return cells_of


def _once_each(get: Callable[..., Any], taken: Sequence[Sequence[Any]]) -> list[Any]:
    """Return get(*values) for each event's values of ``taken``, each distinct set of
    values worked out once (events in time order share their dates)."""
    known: dict[tuple[Any, ...], Any] = {}
    cells: list[Any] = []
    append = cells.append
    for key in zip(*taken, strict=True):
        cell = known.get(key, _UNSEEN)
        if cell is _UNSEEN:
            cell = known[key] = get(*key)
        append(cell)
    return cells


_UNSEEN = object()


# Rows are made a batch at a time, column by column: a column is one C-level map or a
# plain comprehension, where a row at a time cost a Python frame and a list for each
# of 10^5 events, and zip hands csv.writer each row without a list. Batches keep the
# cells made in the processor's cache until they are written: whole columns of 10^5
# events made the export slower than rows did.
ROWS_PER_BATCH = 1000

__all__ = [
    "CORRECTED_EXPLANATION",
    "CSV_COLUMNS",
    "FORMULA_TRIGGERS",
    "ROWS_PER_BATCH",
    "batch_cells",
    "column_rows",
    "fields_read",
    "csv_rows",
    "date_display",
    "guard_formula",
    "in_time_order",
    "shown_explanation",
    "time_order_key",
]
