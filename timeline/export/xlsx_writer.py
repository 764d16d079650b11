"""The spreadsheet export: an .xlsx workbook with the CSV's columns, typed so that no
spreadsheet has anything to guess.

Opened from a CSV, a spreadsheet guesses each cell's type: with its default number
detection "Aug. 7" became a date in the current year and "Jul 1997" the 1st of July,
and without the right import options the UTF-8 text came out garbled. Here every text
cell is written as text (a text cell starting with "=" is text, never a formula, so
no guard apostrophe is needed), start, end and the other moments as real date-times,
numbers as numbers. The header row is frozen and has a filter, and the columns have
widths that fit their text.

A moment before 1900 cannot be a spreadsheet date (their day count starts in 1900): it
is written as its ISO text instead.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any, BinaryIO, Protocol

import xlsxwriter

from timeline.export.columns import CSV, FLAG, MOMENT_KINDS, NUMBER, WHOLE, Kind, RowLookups
from timeline.export.order import in_time_order
from timeline.export.rows import column_rows
from timeline.model import Article, Event

SHEET_NAME = "Events"
DATE_FORMAT = "yyyy-mm-dd hh:mm:ss"
MOMENT_WIDTH = 20  # "2023-09-12 00:00:00" and a little room
MIN_WIDTH, MAX_WIDTH = 8, 60
FIRST_SPREADSHEET_DAY = datetime(1900, 3, 1)  # before it, spreadsheets count days wrongly
MAX_CELL_TEXT = 32767  # the most characters a spreadsheet cell holds


class XlsxError(ValueError):
    """Text that a spreadsheet cell cannot hold; the message is one line."""


def write_xlsx(
    events: Sequence[Event], articles: Mapping[int, Article], out: BinaryIO | str,
    story_sources: Mapping[int, int] | None = None,
) -> int:
    """Write the events (in time order) as an .xlsx workbook to ``out`` (a binary file
    or a path); return the number of event rows written. Raises XlsxError, before
    anything is written, for a text longer than a cell holds (UnicodeEncodeError for
    one that is not valid Unicode)."""
    ordered = in_time_order(events)
    lookups = RowLookups(articles=articles, story_sources=story_sources or {})
    rows = list(column_rows(CSV, ordered, lookups, flavour="typed"))
    _check_texts(rows)
    # Made in memory, then written whole.
    made = io.BytesIO()
    sheet = EventSheet(made, constant_memory=False)
    sheet.write_rows(rows)
    sheet.close(column_widths(rows))
    if isinstance(out, str):
        with open(out, "wb") as file:
            file.write(made.getvalue())
    else:
        out.write(made.getvalue())
    return len(rows)


class EventSheet:
    """The export's workbook as it is written: the header row (bold, frozen), then rows
    of cells each written as its column's type; the filter and the column widths are
    set when it closes. ``constant_memory`` flushes each row to a temporary file as it
    is written (the streamed export); otherwise the workbook is made in memory."""

    def __init__(self, out: BinaryIO, *, constant_memory: bool) -> None:
        self.workbook = xlsxwriter.Workbook(out, {
            "constant_memory" if constant_memory else "in_memory": True,
            # write_string is used for every text, but nothing should ever be converted.
            "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
        })
        self.sheet = self.workbook.add_worksheet(SHEET_NAME)
        bold = self.workbook.add_format({"bold": True})
        moment_format = self.workbook.add_format({"num_format": DATE_FORMAT})
        self.sheet.freeze_panes(1, 0)
        for index, column in enumerate(CSV):
            self.sheet.write_string(0, index, column.name, bold)
        self._writers = [_cell_writer(self.sheet, column.kind, moment_format) for column in CSV]
        self.written = 0

    def write_rows(self, rows: Sequence[tuple[Any, ...]]) -> None:
        """Write ``rows`` of typed cells below those written so far (None: no cell)."""
        for number, row in enumerate(rows, start=self.written + 1):
            for index, (value, write) in enumerate(zip(row, self._writers, strict=True)):
                if value is not None:
                    write(number, index, value)
        self.written += len(rows)

    def close(self, widths: Sequence[int]) -> None:
        """Set the header's filter over the rows written and the column ``widths``, and
        finish the workbook."""
        self.sheet.autofilter(0, 0, self.written, len(CSV) - 1)
        for index, width in enumerate(widths):
            self.sheet.set_column(index, index, width)
        self.workbook.close()


class _Sheet(Protocol):
    """The cell writers of an xlsxwriter worksheet that the export uses."""

    def write_datetime(self, row: int, col: int, date: datetime, cell_format: Any) -> int: ...
    def write_string(self, row: int, col: int, string: str) -> int: ...
    def write_number(self, row: int, col: int, number: float) -> int: ...
    def write_boolean(self, row: int, col: int, boolean: bool) -> int: ...


# Writes one value into the cell at (row, column).
CellWrite = Callable[[int, int, Any], object]


def _cell_writer(sheet: _Sheet, kind: Kind, moment_format: object) -> CellWrite:
    if kind in MOMENT_KINDS:
        def write_moment(row: int, column: int, moment: datetime) -> None:
            if moment >= FIRST_SPREADSHEET_DAY:
                sheet.write_datetime(row, column, moment, moment_format)
            else:
                sheet.write_string(row, column, moment.isoformat())
        return write_moment
    if kind in (WHOLE, NUMBER):
        return sheet.write_number
    if kind is FLAG:
        return sheet.write_boolean
    return lambda row, column, value: sheet.write_string(row, column, str(value))


def _check_texts(rows: Sequence[tuple[Any, ...]], first: int = 1) -> None:
    """Raise, before a workbook is begun, for a text a cell cannot hold: too long, or
    not valid Unicode (UnicodeEncodeError, as the text exports raise it). Rows are
    numbered from ``first``."""
    for number, row in enumerate(rows, start=first):
        for column, value in zip(CSV, row, strict=True):
            if isinstance(value, str):
                if len(value) > MAX_CELL_TEXT:
                    raise XlsxError(
                        f"row {number}: {column.name} has {len(value):,} characters; "
                        f"a spreadsheet cell holds {MAX_CELL_TEXT:,} (use CSV or JSON)")
                if not value.isascii():
                    value.encode("utf-8")


def column_widths(rows: Sequence[tuple[Any, ...]]) -> list[int]:
    """Return each column's width in characters: its longest text (header included),
    within MIN_WIDTH and MAX_WIDTH; moments get room for a date and a time."""
    return widths_of(longest_texts(rows, [0] * len(CSV)))


def longest_texts(rows: Sequence[tuple[Any, ...]], longest: list[int]) -> list[int]:
    """Return ``longest`` (each column's longest text so far) grown by ``rows``."""
    for index, column in enumerate(CSV):
        if column.kind not in MOMENT_KINDS:
            longest[index] = max(longest[index], max(
                (len(str(row[index])) for row in rows if row[index] is not None), default=0))
    return longest


def widths_of(longest: Sequence[int]) -> list[int]:
    """Return the column widths for each column's longest text (see column_widths)."""
    return [MOMENT_WIDTH if column.kind in MOMENT_KINDS else
            min(MAX_WIDTH, max(MIN_WIDTH, len(column.name) + 2, length + 1))
            for column, length in zip(CSV, longest, strict=True)]
