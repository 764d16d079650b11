"""Streaming exports: CSV written a batch of events at a time as the store reads them,
so 10^6 events take the memory of one batch, with progress and a cancel flag.

The rows are those of write_csv (the same columns, guard and order: the store lists
events in the export's time order). A cancelled export raises ExportCancelled; written
through export_to_path's file handling (timeline.export.files.write_text_file) the
half-written file is removed and the target left as it was.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TextIO

from timeline.export.columns import CSV, RowLookups
from timeline.export.csv_writer import UTF8_BOM, _Gatherer
from timeline.export.files import write_text_file
from timeline.export.rows import CSV_COLUMNS, column_rows
from timeline.gc_pause import gc_paused
from timeline.model import Article, Event


class ExportCancelled(Exception):
    """The export was cancelled; nothing of it was kept."""


# What a streaming export reads: the store's Repository (event_batches, count_events,
# article_headings, story_sources), or anything with those methods.
EventSource = Any


# (events written so far, events in all)
Progress = Callable[[int, int], None]


def write_csv_batches(
    batches: Iterable[Sequence[Event]],
    lookups_for: Callable[[Sequence[Event]], RowLookups],
    out: TextIO,
    *,
    formula_guard: bool = True,
    excel: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the CSV header, then the rows of each batch of events (already in time
    order) as it comes, to ``out``; return the number of event rows written.

    ``lookups_for(batch)`` gives the batch's articles and story sources; ``progress``
    hears the count written after each batch; ``cancelled`` is asked before each batch
    and ExportCancelled raised when it says so.
    """
    if excel:
        out.write(UTF8_BOM)
    csv.writer(out, lineterminator="\r\n").writerow(CSV_COLUMNS)
    records: list[str] = []
    gathering = csv.writer(_Gatherer(records.append), lineterminator="\r\n")
    written = 0
    with gc_paused():  # writing makes no cycles; see write_csv
        for batch in batches:
            if cancelled is not None and cancelled():
                raise ExportCancelled("export cancelled")
            gathering.writerows(column_rows(CSV, batch, lookups_for(batch), flavour="csv",
                                            formula_guard=formula_guard))
            out.write("".join(records))
            records.clear()
            written += len(batch)
            if progress is not None:
                progress(written)
    if cancelled is not None and cancelled():
        raise ExportCancelled("export cancelled")
    return written


class StoreLookups:
    """Articles (without their text) and story sources of the batches of one export,
    read as batches need them: articles are kept (few, and small without their text),
    story sources asked per batch."""

    def __init__(self, source: EventSource) -> None:
        self.source = source
        self.articles: dict[int, Article] = {}

    def __call__(self, batch: Sequence[Event]) -> RowLookups:
        missing = {event.article_id for event in batch
                   if event.article_id is not None and event.article_id not in self.articles}
        if missing:
            self.articles.update(self.source.article_headings(missing))
        sources = self.source.story_sources(event.story_id for event in batch)
        return RowLookups(articles=self.articles, story_sources=sources)


def stream_csv(
    source: EventSource,
    out: TextIO,
    *,
    filters: Mapping[str, Any] | None = None,
    formula_guard: bool = True,
    excel: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    rows_per_batch: int = 1000,
) -> int:
    """Write the events of ``source`` that match ``filters`` (list_events' keywords) as
    CSV to ``out``, a batch at a time; return the number written. ``progress`` hears
    (written, total) after each batch of ``rows_per_batch``; ExportCancelled when
    ``cancelled`` says so."""
    chosen = dict(filters or {})
    total = source.count_events(**chosen) if progress is not None else 0

    def report(written: int) -> None:
        if progress is not None:
            progress(written, max(total, written))

    batches = source.event_batches(rows_per_batch, **chosen)
    try:
        return write_csv_batches(batches, StoreLookups(source), out,
                                 formula_guard=formula_guard, excel=excel,
                                 progress=report, cancelled=cancelled)
    finally:
        close = getattr(batches, "close", None)
        if close is not None:
            close()  # ends the read transaction now, not when the generator is collected


def stream_csv_to_path(
    source: EventSource,
    path: str | os.PathLike[str],
    *,
    filters: Mapping[str, Any] | None = None,
    formula_guard: bool = True,
    excel: bool = False,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    rows_per_batch: int = 1000,
) -> int:
    """Stream the CSV export (as stream_csv) into ``path``, replacing it whole or not
    at all; return the number of events written. A cancelled or failed export leaves
    no file behind (ExportCancelled, ExportError)."""
    return write_text_file(path, lambda out: stream_csv(
        source, out, filters=filters, formula_guard=formula_guard, excel=excel,
        progress=progress, cancelled=cancelled, rows_per_batch=rows_per_batch))
