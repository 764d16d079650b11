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

from timeline.export.columns import CSV
from timeline.export.files import ExportError, write_text_file
from timeline.export.rows import batch_cells
from timeline.export.stream import (
    EventSource,
    Progress,
    StoreLookups,
    check_cancelled,
    field_batches,
)
from timeline.export.xlsx_writer import (
    EventSheet,
    XlsxError,
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
    sheet = EventSheet(out, constant_memory=True)
    lookups = StoreLookups(source)
    cells_of = batch_cells(CSV, flavour="typed")
    longest = [0] * len(CSV)
    with field_batches(source, CSV, chosen, rows_per_batch) as batches:
        for fields in batches:
            check_cancelled(cancelled)
            rows = list(cells_of(fields, lookups.of_fields(fields), None))
            _check_texts(rows, first=sheet.written + 1)
            sheet.write_rows(rows)
            longest = longest_texts(rows, longest)
            if progress is not None:
                progress(sheet.written, max(total, sheet.written))
    check_cancelled(cancelled)
    # Widths and the filter are kept apart from the rows and written when the file closes.
    sheet.close(widths_of(longest))
    return sheet.written


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
