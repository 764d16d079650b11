"""The spreadsheet export streamed: rows written a batch at a time as the store reads
them, each row flushed to a temporary file by XlsxWriter's constant-memory mode, so
10^6 events take the memory of one batch.

The cells are write_xlsx's (timeline.export.xlsx_writer): the same types, header,
frozen row, filter and widths. The file differs in how its text is kept (each text in
its cell, where write_xlsx keeps a table of the distinct texts): the same sheet in a
spreadsheet, a larger file. A text a cell cannot hold stops the export when its batch
comes; written through stream_xlsx_to_path nothing is left behind then.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from typing import Any, BinaryIO

import xlsxwriter

from timeline.export.columns import CSV
from timeline.export.files import ExportError, write_text_file
from timeline.export.rows import batch_cells
from timeline.export.stream import (
    EventSource,
    ExportCancelled,
    Progress,
    StoreLookups,
    field_batches,
)
from timeline.export.xlsx_writer import (
    DATE_FORMAT,
    SHEET_NAME,
    XlsxError,
    _cell_writer,
    _check_texts,
    longest_texts,
    widths_of,
)


def stream_xlsx(
    source: EventSource,
    out: BinaryIO,
    *,
    filters: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    rows_per_batch: int = 1000,
) -> int:
    """Write the events of ``source`` that match ``filters`` (list_events' keywords) as
    an .xlsx workbook to ``out`` (a binary file), a batch at a time; return the number
    of event rows written. ``progress`` hears (written, total) after each batch;
    ExportCancelled when ``cancelled`` says so; XlsxError for a text a cell cannot
    hold."""
    chosen = dict(filters or {})
    total = source.count_events(**chosen) if progress is not None else 0
    workbook = xlsxwriter.Workbook(out, {
        "constant_memory": True,
        "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False,
    })
    sheet = workbook.add_worksheet(SHEET_NAME)
    bold = workbook.add_format({"bold": True})
    moment_format = workbook.add_format({"num_format": DATE_FORMAT})
    sheet.freeze_panes(1, 0)
    for index, column in enumerate(CSV):
        sheet.write_string(0, index, column.name, bold)
    writers = [_cell_writer(sheet, column.kind, moment_format) for column in CSV]
    batches = field_batches(source, CSV, chosen, rows_per_batch)
    lookups = StoreLookups(source)
    cells_of = batch_cells(CSV, flavour="typed")
    longest = [0] * len(CSV)
    written = 0
    try:
        for fields in batches:
            if cancelled is not None and cancelled():
                raise ExportCancelled("export cancelled")
            rows = list(cells_of(fields, lookups.of_fields(fields), None))
            _check_texts(rows, first=written + 1)
            for number, row in enumerate(rows, start=written + 1):
                for index, (value, write) in enumerate(zip(row, writers, strict=True)):
                    if value is not None:
                        write(number, index, value)
            longest = longest_texts(rows, longest)
            written += len(rows)
            if progress is not None:
                progress(written, max(total, written))
    finally:
        close = getattr(batches, "close", None)
        if close is not None:
            close()  # ends the read transaction now, not when the generator is collected
    if cancelled is not None and cancelled():
        raise ExportCancelled("export cancelled")
    # Widths and the filter are kept apart from the rows and written when the file closes.
    sheet.autofilter(0, 0, written, len(CSV) - 1)
    for index, width in enumerate(widths_of(longest)):
        sheet.set_column(index, index, width)
    workbook.close()
    return written


def stream_xlsx_to_path(
    source: EventSource,
    path: str | os.PathLike[str],
    *,
    filters: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    rows_per_batch: int = 1000,
) -> int:
    """Stream the xlsx export (as stream_xlsx) into ``path``, replacing it whole or not
    at all; return the number of events written. A cancelled or failed export leaves
    no file behind (ExportCancelled, ExportError)."""
    def write(out: BinaryIO) -> int:
        try:
            return stream_xlsx(source, out, filters=filters, progress=progress,
                               cancelled=cancelled, rows_per_batch=rows_per_batch)
        except XlsxError as error:
            raise ExportError(str(error)) from error

    return write_text_file(path, write, binary=True)
