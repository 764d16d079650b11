"""The JSON export streamed: events written a batch at a time as the store reads them,
then their articles a few at a time, so 10^6 events take the memory of one batch.

The bytes are write_json's (timeline.export.json_writer) for the same events: the same
layout, one event or article a line, each through the C encoder.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from typing import Any, TextIO

from timeline.export.files import write_text_file
from timeline.export.json_writer import (
    _FIELD_NAMES,
    EVENT_FIELDS,
    EXPORT_FORMAT,
    EXPORT_VERSION,
    article_object,
)
from timeline.export.rows import CSV_COLUMNS, batch_cells
from timeline.export.stream import (
    EventSource,
    Progress,
    StoreLookups,
    check_cancelled,
    field_batches,
)
from timeline.gc_pause import gc_paused

# Articles read with their text at a time, after the events: texts can be long.
ARTICLES_PER_READ = 100


def stream_json(
    source: EventSource,
    out: TextIO,
    *,
    filters: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    rows_per_batch: int = 1000,
) -> int:
    """Write the events of ``source`` that match ``filters`` (list_events' keywords) as
    the JSON export to ``out``, a batch at a time, then the articles they come from;
    return the number of events written. ``progress`` hears (written, total) after each
    batch; ExportCancelled (timeline.export.stream) when ``cancelled`` says so."""
    chosen = dict(filters or {})
    total = source.count_events(**chosen) if progress is not None else 0
    encode = json.JSONEncoder(ensure_ascii=False).encode

    def check() -> None:
        check_cancelled(cancelled)

    out.write("{")
    out.write(f"\n {encode('format')}: {encode(EXPORT_FORMAT)}")
    out.write(f",\n {encode('version')}: {encode(EXPORT_VERSION)}")
    out.write(f",\n {encode('columns')}: ")
    _write_list(out, map(encode, CSV_COLUMNS))
    out.write(f",\n {encode('events')}: ")
    lookups = StoreLookups(source)
    cells_of = batch_cells(EVENT_FIELDS, flavour="json")
    names = _FIELD_NAMES
    written = 0
    used: set[int | None] = set()
    # gc paused: writing makes no cycles.
    with field_batches(source, EVENT_FIELDS, chosen, rows_per_batch) as batches, gc_paused():
        for fields in batches:
            check()
            objects = [encode(dict(zip(names, values, strict=True)))
                       for values in cells_of(fields, lookups.of_fields(fields), None)]
            out.write(",\n  " if written else "[\n  ")
            out.write(",\n  ".join(objects))
            written += len(objects)
            used.update(fields["article_id"])
            if progress is not None:
                progress(written, max(total, written))
    out.write("\n ]" if written else "[]")
    out.write(f",\n {encode('articles')}: ")
    article_ids = sorted(article_id for article_id in used if article_id is not None)
    _write_list(out, _article_lines(source, article_ids, encode, check))
    out.write("\n}\n")
    check()
    return written


def _write_list(out: TextIO, lines: Iterable[str]) -> None:
    """Write the encoded items as write_document does: one a line, "[]" when none."""
    first = True
    for line in lines:
        out.write("[\n  " if first else ",\n  ")
        out.write(line)
        first = False
    out.write("[]" if first else "\n ]")


def _article_lines(source: EventSource, article_ids: list[int],
                   encode: Callable[[Any], str], check: Callable[[], None]) -> Iterable[str]:
    for offset in range(0, len(article_ids), ARTICLES_PER_READ):
        check()
        chunk = article_ids[offset:offset + ARTICLES_PER_READ]
        found = source.get_articles(chunk)
        for article_id in chunk:
            if article_id in found:
                yield encode(article_object(article_id, found[article_id]))


def stream_json_to_path(
    source: EventSource,
    path: str | os.PathLike[str],
    *,
    filters: Mapping[str, Any] | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    rows_per_batch: int = 1000,
) -> int:
    """Stream the JSON export (as stream_json) into ``path``, replacing it whole or not
    at all; return the number of events written. A cancelled or failed export leaves
    no file behind (ExportCancelled, ExportError)."""
    return write_text_file(path, lambda out: stream_json(
        source, out, filters=filters, progress=progress, cancelled=cancelled,
        rows_per_batch=rows_per_batch))
