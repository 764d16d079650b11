"""CSV and JSON writers over plain dataclasses: columns, order, RFC 4180, round trip,
the formula guard against attacking text, and the JSON document."""

from __future__ import annotations

import csv
import importlib.util
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from timeline.export import CSV_COLUMNS, export_document, guard_formula, write_csv, write_json
from timeline.model import Granularity, Status

_spec = importlib.util.spec_from_file_location(
    "export_samples", Path(__file__).with_name("export_samples.py"))
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)

README_COLUMNS = (
    "event_id, start, end, granularity, date_display, timex_value, expression, title, "
    "description, status, confidence, explanation, analyst_note, reviewed_at, article_title, "
    "article_published, article_url, article_file, char_start, char_end, story_id, "
    "story_sources"
)


def csv_text(events=None, **options) -> str:
    out = io.StringIO(newline="")
    write_csv(samples.sample_events() if events is None else events,
              samples.sample_articles(), out, **options)
    return out.getvalue()


def read_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline=""), strict=True))


def test_header_is_the_documented_columns_in_order():
    header = csv_text([]).splitlines()[0]
    assert header == README_COLUMNS.replace(", ", ",")
    # The twenty of the first version, then the story's two, appended last.
    assert tuple(header.split(",")) == CSV_COLUMNS and len(CSV_COLUMNS) == 22


def test_one_row_per_event_in_time_order_open_ended_last():
    rows = read_rows(csv_text())
    assert [row["event_id"] for row in rows] == ["4", "3", "2", "1", "5"]


def test_an_event_open_after_a_day_comes_after_that_days_bounded_events():
    # The tagger's "after the forum" starts at the DCT and has no end: the store lists
    # it after the DCT's own events, and the export must keep that order.
    open_after = samples.event(id=6, expression="after the forum", earliest=datetime(2023, 9, 12),
                               latest=None, granularity=Granularity.UNKNOWN, open_ended=True)
    same_day = samples.event(id=7, earliest=datetime(2023, 9, 12), latest=datetime(2023, 9, 13))
    rows = read_rows(csv_text([open_after, same_day]))
    assert [row["event_id"] for row in rows] == ["7", "6"]
    assert (rows[1]["start"], rows[1]["end"]) == ("2023-09-12T00:00:00", "")


def test_reading_back_gives_what_the_database_holds():
    events = {event.id: event for event in samples.sample_events()}
    articles = samples.sample_articles()
    for row in read_rows(csv_text()):
        event = events[int(row["event_id"])]
        expected = samples.expected_cells(event, articles[event.article_id])
        assert {name: samples.unguard(row[name]) for name in expected} == expected
        assert float(row["confidence"]) == event.confidence  # exact, 1/3 included


def test_dates_are_iso_with_an_exclusive_end_and_a_readable_display():
    rows = {row["event_id"]: row for row in read_rows(csv_text())}
    assert (rows["3"]["start"], rows["3"]["end"]) == ("2019-01-01T00:00:00", "2020-01-01T00:00:00")
    assert rows["3"]["date_display"] == "2019"
    assert rows["1"]["date_display"] == "Tue 12 Sep 2023, early"
    assert rows["1"]["end"] == "2023-09-12T12:00:00"
    assert rows["4"]["date_display"] == "about Sun 20 Jul 1969 20:17"
    assert (rows["5"]["start"], rows["5"]["end"]) == ("", "")
    assert rows["5"]["date_display"] == "open-ended (after the forum)"


def test_a_correction_shows_in_every_column_it_touches():
    row = {row["event_id"]: row for row in read_rows(csv_text())}["2"]
    assert row["status"] == "corrected"
    assert (row["start"], row["end"], row["timex_value"]) == (
        "2023-09-11T00:00:00", "2023-09-12T00:00:00", "2023-09-11")
    assert row["date_display"] == "Mon 11 Sep 2023"
    assert row["reviewed_at"] == "2023-09-14T10:30:05+00:00"  # stored as UTC, and says so
    assert row["analyst_note"] == "Monday per the agency"
    assert row["explanation"] == "corrected by the analyst"  # the tagger's named the old date
    assert "2023-09-10" not in ",".join(row.values())
    assert "Sunday before" not in ",".join(row.values())


def test_rfc4180_crlf_records_quotes_doubled_and_line_breaks_quoted():
    text = csv_text()
    assert text.count("\r\n") == 6  # header + 5 records; the embedded break is a bare \n
    assert '"He crossed at Khasan, ""early"", by train,\nthen went on."' in text
    assert text.endswith("\r\n") and "\r\n\r\n" not in text


@pytest.mark.parametrize("column", ["title", "description", "explanation", "analyst_note",
                                    "expression", "article_title", "article_file"])
def test_the_formula_guard_defuses_attacking_text_in_every_free_text_column(column):
    row = {row["event_id"]: row for row in read_rows(csv_text())}["4"]
    cell = row[column]
    assert cell.startswith("'") and cell[1] in "=+-@\t\r"


def test_without_the_guard_cells_are_exactly_the_text():
    row = {row["event_id"]: row for row in read_rows(csv_text(formula_guard=False))}["4"]
    assert row["title"] == "@SUM(1+1)"
    assert row["explanation"] == "\t=1+1"
    assert row["analyst_note"] == "\r=2+2"
    assert row["article_title"] == "=cmd|' /C calc'!A0"
    assert row["description"] == "-2+3 and then some"


def test_the_guard_leaves_harmless_cells_alone():
    rows = {row["event_id"]: row for row in read_rows(csv_text())}
    assert rows["3"]["title"] == "They met in 2019"
    assert rows["3"]["start"] == "2019-01-01T00:00:00"
    assert [guard_formula(text) for text in ("", "a=b", " =1", "'=x")] == ["", "a=b", " =1", "'=x"]
    assert [guard_formula(text) for text in ("=1", "+1", "-1", "@a", "\t1", "\r1")] == [
        "'=1", "'+1", "'-1", "'@a", "'\t1", "'\r1"]


def test_excel_flag_starts_with_a_byte_order_mark_and_nothing_else_changes():
    plain, excel = csv_text(), csv_text(excel=True)
    assert excel == "\ufeff" + plain
    assert not plain.startswith("\ufeff")


def test_empty_export_is_the_header_alone():
    assert csv_text([]) == ",".join(CSV_COLUMNS) + "\r\n"


def test_an_event_whose_article_is_missing_still_exports():
    lone = samples.event(id=9, article_id=77)
    (row,) = read_rows(csv_text([lone]))
    assert row["article_title"] == "" and row["title"] == lone.title


def test_unicode_survives():
    moscow = samples.event(id=8, title="Путин в Владивостоке 🚆", description="Ким — «Восток»")
    (row,) = read_rows(csv_text([moscow]))
    assert row["title"] == moscow.title and row["description"] == moscow.description


# --- JSON ---


def json_document(events=None) -> dict:
    out = io.StringIO()
    count = write_json(samples.sample_events() if events is None else events,
                       samples.sample_articles(), out)
    document = json.loads(out.getvalue())
    assert count == len(document["events"])
    return document


def test_json_has_one_object_per_event_with_every_csv_field_unguarded():
    document = json_document()
    assert document["format"] == "timeline-export" and document["version"] == 1
    assert document["columns"] == list(CSV_COLUMNS)
    assert [item["event_id"] for item in document["events"]] == [4, 3, 2, 1, 5]
    for item in document["events"]:
        assert list(item)[:22] == list(CSV_COLUMNS)
    attack = document["events"][0]
    assert attack["title"] == "@SUM(1+1)" and attack["analyst_note"] == "\r=2+2"
    assert attack["confidence"] == 1.0 / 3.0 and attack["char_start"] == 150


def test_json_carries_the_rest_of_the_record_and_the_full_source():
    document = json_document()
    corrected = next(item for item in document["events"] if item["event_id"] == 2)
    assert corrected["status"] == "corrected" and corrected["version"] == 2
    assert corrected["explanation"] == "corrected by the analyst"
    assert corrected["tagger_explanation"] == samples.event().explanation
    assert corrected["analyst_note"] == "Monday per the agency"
    assert (corrected["expr_start"], corrected["expr_end"], corrected["article_id"]) == (170, 176, 1)
    open_ended = next(item for item in document["events"] if item["event_id"] == 5)
    assert open_ended["open_ended"] is True and open_ended["start"] is None
    articles = {article["id"]: article for article in document["articles"]}
    assert set(articles) == {1, 2}
    assert articles[1]["text"] == samples.SEED_ARTICLE.text
    assert articles[1]["content_hash"] == "a" * 64
    assert articles[1]["published"] == "2023-09-12T00:00:00"
    assert articles[2]["url"] == "javascript:alert(1)"


def test_json_lists_only_the_articles_its_events_come_from():
    document = json_document([samples.event(id=1)])
    assert [article["id"] for article in document["articles"]] == [1]


def test_json_dates_read_back_to_the_same_datetimes():
    document = export_document(samples.sample_events(), samples.sample_articles())
    year = next(item for item in document["events"] if item["event_id"] == 3)
    assert datetime.fromisoformat(year["start"]) == datetime(2019, 1, 1)
    assert Granularity(year["granularity"]) is Granularity.YEAR
    assert Status(year["status"]) is Status.ACCEPTED
