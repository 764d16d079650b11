"""Streaming exports: CSV written a batch of events at a time as the store reads them,
so 10^6 events take the memory of one batch, with progress and a cancel flag.

The rows are those of write_csv (the same columns, guard and order: the store lists
events in the export's time order), made from each batch's fields as the store reads
them (Repository.event_field_batches), not from Events. JSON and xlsx stream the same
way (timeline.export.stream_json, timeline.export.stream_xlsx). A cancelled export
raises ExportCancelled; written through export_to_path's file handling
(timeline.export.files.write_text_file) the half-written file is removed and the
target left as it was.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any, TextIO

from timeline.export.columns import CSV, Column, RowLookups
from timeline.export.csv_writer import UTF8_BOM, _Gatherer
from timeline.export.files import write_text_file
from timeline.export.rows import CSV_COLUMNS, batch_cells, fields_read
from timeline.gc_pause import gc_paused
from timeline.model import Article


class ExportCancelled(Exception):
    """The export was cancelled; nothing of it was kept."""


# What a streaming export reads: the store's Repository (event_field_batches,
# count_events, article_headings; get_articles for JSON), or anything with those methods.
EventSource = Any


# (events written so far, events in all)
Progress = Callable[[int, int], None]


def check_cancelled(cancelled: Callable[[], bool] | None) -> None:
    """Raise ExportCancelled when ``cancelled`` says the export is to stop."""
    if cancelled is not None and cancelled():
        raise ExportCancelled("export cancelled")


def write_csv_rows(
    row_batches: Iterable[tuple[int, Iterable[Sequence[Any]]]],
    out: TextIO,
    *,
    excel: bool = False,
    progress: Callable[[int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> int:
    """Write the CSV header, then each batch of rows of cells (its event count, its
    rows) as it comes; return the number of rows written. ``progress`` hears the count
    written after each batch; ``cancelled`` is asked before each batch (its rows are
    only made once it is not cancelled) and ExportCancelled raised when it says so."""
    if excel:
        out.write(UTF8_BOM)
    csv.writer(out, lineterminator="\r\n").writerow(CSV_COLUMNS)
    records: list[str] = []
    gathering = csv.writer(_Gatherer(records.append), lineterminator="\r\n")
    written = 0
    with gc_paused():  # writing makes no cycles; see write_csv
        for count, rows in row_batches:
            check_cancelled(cancelled)
            gathering.writerows(rows)
            out.write("".join(records))
            records.clear()
            written += count
            if progress is not None:
                progress(written)
    check_cancelled(cancelled)
    return written


# The store's field for a story's count of reporting articles
# (timeline.store.field_reads.STORY_SOURCES), read beside the event fields.
STORY_SOURCES = "story_sources"


class StoreLookups:
    """Articles (without their text) and story sources of the batches of one export,
    read as batches need them: articles are kept (few, and small without their text);
    story sources come with each batch's fields."""

    def __init__(self, source: EventSource) -> None:
        self.source = source
        self.articles: dict[int, Article] = {}
        # The same lookups for every batch but its story sources: the row maker keeps
        # the cells of the articles it has made while the lookups stay the same.
        self._sources: dict[Any, Any] = {}
        self._fields_lookups = RowLookups(articles=self.articles, story_sources=self._sources)

    def of_fields(self, fields: Mapping[str, Sequence[Any]]) -> RowLookups:
        """Return the lookups of a batch read as fields (article_id, story_id and
        STORY_SOURCES among them)."""
        self._read_articles(set(fields["article_id"]))
        self._sources.clear()
        self._sources.update(zip(fields["story_id"], fields[STORY_SOURCES], strict=True))
        return self._fields_lookups

    def _read_articles(self, article_ids: Iterable[int | None]) -> None:
        missing = {article_id for article_id in article_ids
                   if article_id is not None and article_id not in self.articles}
        if missing:
            self.articles.update(self.source.article_headings(missing))


@contextmanager
def field_batches(source: EventSource, columns: Sequence[Column], filters: Mapping[str, Any],
                  rows_per_batch: int) -> Iterator[Iterator[Mapping[str, Sequence[Any]]]]:
    """Give the store's batches of the fields ``columns`` read (and the story sources
    and ids, which the lookups read), in list_events' order, for the ``with`` block; the
    store's read ends with the block, not when the generator is collected."""
    names = fields_read(columns)
    names += [name for name in ("article_id", "story_id", STORY_SOURCES) if name not in names]
    batches: Iterator[Mapping[str, Sequence[Any]]] = source.event_field_batches(
        names, rows_per_batch, **filters)
    try:
        yield batches
    finally:
        close = getattr(batches, "close", None)
        if close is not None:
            close()  # ends the read transaction now


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

    # Fields, not Events: the store hands each batch as columns of values, which is
    # what the cells are made from (an Event per row cost as much as the writing).
    lookups = StoreLookups(source)
    cells_of = batch_cells(CSV, flavour="csv", formula_guard=formula_guard)
    with field_batches(source, CSV, chosen, rows_per_batch) as batches:
        row_batches = ((len(fields["article_id"]),
                        cells_of(fields, lookups.of_fields(fields), None))
                       for fields in batches)
        return write_csv_rows(row_batches, out, excel=excel, progress=report,
                              cancelled=cancelled)


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
