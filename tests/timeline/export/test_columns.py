"""The column table: each column's fast batch path reads what its cell reads, and a
column added to the table (one that reads past the event and its article, as the
story columns will) shows up in the rows without touching the writers."""

from __future__ import annotations

import importlib.util
from dataclasses import replace
from pathlib import Path

import pytest

from timeline.export.columns import (
    CSV,
    CSV_COLUMNS,
    RECORD,
    TABLE,
    WHOLE,
    Column,
    EventRow,
    Reads,
    RowLookups,
)
from timeline.export.json_writer import export_document
from timeline.export.order import in_time_order
from timeline.export.rows import column_rows, csv_rows
from timeline.model import Granularity

_spec = importlib.util.spec_from_file_location(
    "export_samples", Path(__file__).with_name("export_samples.py"))
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)


def lookups() -> RowLookups:
    return RowLookups(articles=samples.sample_articles(), article_labels={1: "Seed"})


@pytest.mark.parametrize("column", CSV + RECORD + TABLE, ids=lambda column: column.name)
def test_a_columns_batch_values_are_its_cell_of_each_row(column):
    events = samples.sample_events() + [samples.event(id=9, article_id=99)]  # 99: missing
    rows = [EventRow(event, lookups()) for event in events]
    assert list(column.values(events, lookups())) == [column.cell(row) for row in rows]
    assert column.sort_keys(events, lookups()) == [column.sort_key(row) for row in rows]


def test_the_table_shows_and_sorts_the_cells_as_a_person_reads_them():
    (day_part,) = [e for e in samples.sample_events() if e.granularity is Granularity.PART_OF_DAY]
    row = EventRow(day_part, lookups())
    shown = {column.header: column.text(row) for column in TABLE}
    assert shown["Granularity"] == "part of day"
    assert shown["Confidence"] == "0.80"
    assert shown["Article"] == "Seed"
    assert EventRow(samples.event(article_id=2)).article_label == "article 2"  # no lookups
    granularity = TABLE[[c.name for c in TABLE].index("granularity")]
    assert granularity.sort_key(row) == "part of day"  # one key, however it is asked for


def test_the_story_columns_come_after_the_first_twenty_and_read_the_story_layer():
    # Readers of the first 20 columns keep working: the story's come last.
    assert [column.name for column in CSV[20:]] == ["story_id", "story_sources"]
    events = [replace(event, story_id=7 if number % 2 else 8)
              for number, event in enumerate(in_time_order(samples.sample_events()))]
    rows = list(csv_rows(events, samples.sample_articles(), story_sources={7: 3}))
    plain = list(csv_rows([replace(e, story_id=None) for e in events],
                          samples.sample_articles()))
    assert [row[:20] for row in rows] == [row[:20] for row in plain]
    assert [row[20:] for row in rows] == [
        (event.story_id, 3 if event.story_id == 7 else None) for event in events]


def test_the_json_event_is_the_csv_columns_then_the_record():
    document = export_document(samples.sample_events(), samples.sample_articles())
    names = [column.name for column in CSV + RECORD]
    assert all(list(item) == names for item in document["events"])
    assert document["columns"] == list(CSV_COLUMNS)
