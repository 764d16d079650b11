"""Streaming CSV export: the same bytes as write_csv, written batch by batch as the
store reads them (never a list of all events), with progress and a cancel that
leaves no file."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from timeline.export import (
    ExportCancelled,
    ExportError,
    stream_csv,
    stream_csv_to_path,
    write_csv,
    write_json,
    write_xlsx,
)
from timeline.export.columns import CSV, RowLookups
from timeline.export.rows import column_rows
from timeline.export.stream import write_csv_rows
from timeline.export.stream_json import stream_json, stream_json_to_path
from timeline.export.stream_xlsx import stream_xlsx_to_path
from timeline.model import Article, Event, Granularity, Status
from timeline.store import open_repository


def event(number: int, day: datetime) -> Event:
    return Event(
        title=f"=Event {number} in Nairobi", description=f"Sentence {number}, \"quoted\".",
        char_start=0, char_end=20, expression="on Sunday", expr_start=2, expr_end=11,
        timex_type="DATE", timex_value=day.date().isoformat(), mod=None, earliest=day,
        latest=day + timedelta(days=1), granularity=Granularity.DAY, confidence=0.8,
        explanation="'Sunday' + past tense", anchor="DCT")


@pytest.fixture
def repo(tmp_path):
    with open_repository(str(tmp_path / "stream.sqlite3")) as repository:
        for article_number in range(3):
            events = [event(article_number * 10 + i,
                            datetime(2020, 1, 1) + timedelta(days=(i * 7 + article_number) % 40))
                      for i in range(10)]
            repository.add_article(Article(text=f"Article {article_number} text.",
                                           title=f"Article {article_number}",
                                           published=datetime(2020, 3, 1),
                                           url=f"https://example.org/{article_number}"),
                                   [], events)
        first = repository.list_events()[0]
        repository.reject(first.id, expected_version=first.version)
        yield repository


def listed_csv(repo, **filters) -> str:
    events = repo.list_events(**filters)
    articles = repo.get_articles(e.article_id for e in events)
    out = io.StringIO(newline="")
    write_csv(events, articles, out,
              story_sources=repo.story_sources(e.story_id for e in events))
    return out.getvalue()


@pytest.mark.parametrize("rows_per_batch", [1, 7, 1000])
def test_the_streamed_csv_is_the_listed_one_byte_for_byte(repo, rows_per_batch):
    out = io.StringIO(newline="")
    assert stream_csv(repo, out, rows_per_batch=rows_per_batch) == 30
    assert out.getvalue() == listed_csv(repo)
    filters = {"start": datetime(2020, 1, 10), "end": datetime(2020, 1, 20),
               "statuses": [Status.UNREVIEWED]}
    out = io.StringIO(newline="")
    written = stream_csv(repo, out, filters=filters, rows_per_batch=rows_per_batch)
    assert out.getvalue() == listed_csv(repo, **filters)
    assert written == repo.count_events(**filters) > 0


def test_rows_are_written_as_each_batch_arrives_not_after_the_last():
    out = io.StringIO(newline="")
    seen_when_asked: list[int] = []

    def batches():
        for number in range(5):
            # What was written before this batch is made: every earlier batch's rows.
            seen_when_asked.append(out.getvalue().count("\r\n"))
            made = [dataclasses_replace_id(event(number, datetime(2020, 1, 1 + number)),
                                           number + 1)]
            yield len(made), column_rows(CSV, made, RowLookups(), flavour="csv")

    written = write_csv_rows(batches(), out)
    assert written == 5
    assert seen_when_asked == [1, 2, 3, 4, 5]  # the header, then one more row each time


def dataclasses_replace_id(made: Event, event_id: int | None) -> Event:
    import dataclasses
    return dataclasses.replace(made, id=event_id, article_id=None if event_id is None else 1)


def test_progress_counts_up_to_the_total(repo):
    heard: list[tuple[int, int]] = []
    stream_csv(repo, io.StringIO(newline=""), rows_per_batch=7,
               progress=lambda done, total: heard.append((done, total)))
    assert heard == [(7, 30), (14, 30), (21, 30), (28, 30), (30, 30)]


def test_a_cancelled_export_leaves_no_file_and_an_old_one_untouched(repo, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.csv"
    batches_done: list[int] = []

    def cancel_after_two() -> bool:
        return len(batches_done) >= 2

    with pytest.raises(ExportCancelled):
        stream_csv_to_path(repo, target, rows_per_batch=5, cancelled=cancel_after_two,
                           progress=lambda done, _total: batches_done.append(done))
    assert batches_done == [5, 10]
    assert list(folder.iterdir()) == []  # not the file, nor a half-written part of it
    target.write_text("the analyst's earlier export\n")
    with pytest.raises(ExportCancelled):
        stream_csv_to_path(repo, target, rows_per_batch=5, cancelled=lambda: True)
    assert target.read_text() == "the analyst's earlier export\n"
    assert list(folder.iterdir()) == [target]


def test_a_finished_export_replaces_the_file(repo, tmp_path):
    target = Path(tmp_path / "out.csv")
    target.write_text("old\n")
    assert stream_csv_to_path(repo, target, rows_per_batch=4) == 30
    assert target.read_bytes().decode("utf-8") == listed_csv(repo)


def test_the_streamed_rows_hold_what_the_store_holds(tmp_path):
    # Each cell worked out here from the stored event, not through the export's columns.
    with open_repository(str(tmp_path / "cells.sqlite3")) as repository:
        day = datetime(2021, 5, 3)
        repository.add_article(
            Article(text="One article.", title="+Article, \"one\"", published=datetime(2021, 5, 4),
                    url="https://example.org/one", source_path="/data/one.txt"),
            [], [dataclasses_replace_id(event(1, day), None),
                 Event(title="After the forum", description="-open", char_start=3, char_end=9,
                       expression="after the forum", expr_start=3, expr_end=18,
                       timex_type="DATE", timex_value=None, mod=None, earliest=None,
                       latest=None, granularity=Granularity.UNKNOWN, confidence=0.25,
                       explanation="relative to an event", anchor=None, open_ended=True)])
        dated = repository.list_events()[0]
        corrected = repository.correct(dated.id, expected_version=dated.version,
                                       earliest=datetime(2021, 5, 1), latest=datetime(2021, 6, 1),
                                       granularity=Granularity.MONTH)
        noted = repository.annotate(corrected.id, expected_version=corrected.version,
                                    note="@check the wire")
        out = io.StringIO(newline="")
        assert stream_csv(repository, out) == 2
        sources = repository.story_sources([noted.story_id])[noted.story_id]
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert rows[0][:3] == ["event_id", "start", "end"] and len(rows) == 3
    assert rows[1] == [
        str(noted.id), "2021-05-01T00:00:00", "2021-06-01T00:00:00", "month", "May 2021", "",
        "on Sunday", "'=Event 1 in Nairobi", 'Sentence 1, "quoted".', "corrected", "0.8",
        "corrected by the analyst", "'@check the wire",
        noted.reviewed_at.isoformat() + "+00:00", "'+Article, \"one\"", "2021-05-04T00:00:00",
        "https://example.org/one", "/data/one.txt", "0", "20", str(noted.story_id),
        str(sources)]
    open_row = rows[2]
    assert open_row[1:5] == ["", "", "unknown", "open-ended (after the forum)"]
    assert open_row[8] == "'-open" and open_row[10] == "0.25"


def listed_json(repo, **filters) -> str:
    events = repo.list_events(**filters)
    articles = repo.get_articles(e.article_id for e in events)
    out = io.StringIO(newline="")
    write_json(events, articles, out, story_sources=repo.story_sources(e.story_id for e in events))
    return out.getvalue()


@pytest.mark.parametrize("rows_per_batch", [1, 7, 1000])
def test_the_streamed_json_is_the_listed_one_byte_for_byte(repo, rows_per_batch):
    out = io.StringIO(newline="")
    assert stream_json(repo, out, rows_per_batch=rows_per_batch) == 30
    assert out.getvalue() == listed_json(repo)
    assert len(json.loads(out.getvalue())["articles"]) == 3
    filters = {"start": datetime(2020, 1, 10), "end": datetime(2020, 1, 20),
               "statuses": [Status.UNREVIEWED]}
    out = io.StringIO(newline="")
    written = stream_json(repo, out, filters=filters, rows_per_batch=rows_per_batch)
    assert out.getvalue() == listed_json(repo, **filters)
    assert written == repo.count_events(**filters) > 0
    nothing = {"start": datetime(1900, 1, 1), "end": datetime(1900, 1, 2)}
    out = io.StringIO(newline="")
    assert stream_json(repo, out, filters=nothing) == 0
    assert out.getvalue() == listed_json(repo, **nothing)
    assert json.loads(out.getvalue())["events"] == []


def test_a_cancelled_json_export_leaves_no_file(repo, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("earlier\n")
    heard: list[int] = []
    with pytest.raises(ExportCancelled):
        stream_json_to_path(repo, target, rows_per_batch=5, cancelled=lambda: len(heard) >= 2,
                            progress=lambda done, _total: heard.append(done))
    assert heard == [5, 10]
    assert target.read_text() == "earlier\n"
    assert list(tmp_path.glob("*.part")) == []
    assert stream_json_to_path(repo, target) == 30
    assert target.read_text(encoding="utf-8") == listed_json(repo)


def sheet_cells(path: Path) -> tuple[list[list[object]], object, object, list[object]]:
    sheet = openpyxl.load_workbook(path).active
    widths = [sheet.column_dimensions[letter].width for letter in "ABCDEFGHIJKLMNOPQRSTUV"]
    return ([[cell.value for cell in row] for row in sheet.iter_rows()],
            sheet.freeze_panes, sheet.auto_filter.ref, widths)


def test_the_streamed_xlsx_holds_the_listed_ones_cells(repo, tmp_path):
    events = repo.list_events()
    listed = tmp_path / "listed.xlsx"
    write_xlsx(events, repo.get_articles(e.article_id for e in events), str(listed),
               story_sources=repo.story_sources(e.story_id for e in events))
    streamed = tmp_path / "streamed.xlsx"
    heard: list[int] = []
    assert stream_xlsx_to_path(repo, streamed, rows_per_batch=7,
                               progress=lambda done, _total: heard.append(done)) == 30
    assert heard == [7, 14, 21, 28, 30]
    cells, frozen, filtered, widths = sheet_cells(streamed)
    assert (cells, frozen, filtered, widths) == sheet_cells(listed)
    assert len(cells) == 31 and cells[1][7] == "=Event 0 in Nairobi"  # text, not a formula


def test_a_cancelled_or_refused_xlsx_export_leaves_no_file(repo, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    target = folder / "out.xlsx"
    with pytest.raises(ExportCancelled):
        stream_xlsx_to_path(repo, target, rows_per_batch=5, cancelled=lambda: True)
    first = repo.list_events()[-1]
    repo.annotate(first.id, expected_version=first.version, note="x" * 40_000)
    with pytest.raises(ExportError, match="a spreadsheet cell holds 32,767"):
        stream_xlsx_to_path(repo, target, rows_per_batch=5)
    assert list(folder.iterdir()) == []
