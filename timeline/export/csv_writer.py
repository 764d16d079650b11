"""The default export: RFC 4180 CSV, one row per event, the 20 columns of CSV_COLUMNS."""

from __future__ import annotations

import csv
from collections.abc import Callable, Mapping, Sequence
from itertools import islice
from typing import TextIO

from timeline.export.rows import CSV_COLUMNS, csv_rows
from timeline.gc_pause import gc_paused
from timeline.model import Article, Event

# Excel reads a UTF-8 file as the machine's code page unless it starts with this mark.
UTF8_BOM = "\ufeff"


def write_csv(
    events: Sequence[Event],
    articles: Mapping[int, Article],
    out: TextIO,
    *,
    formula_guard: bool = True,
    excel: bool = False,
    story_sources: Mapping[int, int] | None = None,
) -> int:
    """Write the header and one row per event (in time order) to ``out``; return the
    number of event rows written.

    RFC 4180: comma-separated, fields with commas, quotes or line breaks quoted, quotes
    doubled, CRLF after every record. ``out`` should be opened with ``newline=""`` so
    line breaks inside fields reach the file unchanged. ``excel`` starts the file with a
    byte-order mark; ``formula_guard`` puts an apostrophe before free-text cells that a
    spreadsheet would run as a formula. ``story_sources`` (story id -> its articles)
    fills the story_sources column.
    """
    if excel:
        out.write(UTF8_BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    # Records are gathered in a list and handed to ``out`` a thousand at a time: a
    # text file's write() once per record cost more than the joining does.
    records: list[str] = []
    gathering = csv.writer(_Gatherer(records.append), lineterminator="\r\n")
    rows = csv_rows(events, articles, formula_guard=formula_guard, story_sources=story_sources)
    # Writing makes no reference cycles, yet each collection it set off walked all the
    # caller's events again: for 10^5 events that was a seventh of the export.
    with gc_paused():
        while True:
            gathering.writerows(islice(rows, RECORDS_PER_WRITE))
            if not records:
                break
            out.write("".join(records))
            records.clear()
    return len(events)


RECORDS_PER_WRITE = 1000


class _Gatherer:
    """A stand-in file for csv.writer whose write() is ``append``."""

    __slots__ = ("write",)

    def __init__(self, append: Callable[[str], object]) -> None:
        self.write = append
