"""TimelineJS CSV and JSON: its exact columns, date parts by granularity, inclusive
ends, escaped HTML, safe links, groups, and open-ended events left out."""

from __future__ import annotations

import csv
import html
import importlib.util
import io
import json
from datetime import datetime
from pathlib import Path

from timeline.export import (
    TIMELINEJS_COLUMNS,
    timelinejs_document,
    write_timelinejs_csv,
    write_timelinejs_json,
)
from timeline.model import Granularity

_spec = importlib.util.spec_from_file_location(
    "export_samples", Path(__file__).with_name("export_samples.py"))
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)

EXPECTED_COLUMNS = ("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,"
                    "Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Alt Text,"
                    "Type,Group,Background")


def rows_for(events, **options) -> list[dict[str, str]]:
    out = io.StringIO(newline="")
    written = write_timelinejs_csv(events, samples.sample_articles(), out, **options)
    rows = list(csv.DictReader(io.StringIO(out.getvalue(), newline=""), strict=True))
    assert written == len(rows)
    return rows


def dates(row) -> tuple[str, ...]:
    return tuple(row[name] for name in ("Year", "Month", "Day", "Time", "End Year",
                                        "End Month", "End Day", "End Time"))


def span_event(start: str, end: str, granularity: Granularity, **fields):
    return samples.event(earliest=datetime.fromisoformat(start),
                         latest=datetime.fromisoformat(end), granularity=granularity, **fields)


def test_header_is_exactly_timelinejs_spreadsheet_columns():
    out = io.StringIO(newline="")
    write_timelinejs_csv([], {}, out)
    assert out.getvalue() == EXPECTED_COLUMNS + "\r\n"
    assert ",".join(TIMELINEJS_COLUMNS) == EXPECTED_COLUMNS


def test_coarser_granularity_leaves_month_and_day_empty():
    cases = [
        (span_event("2019-01-01", "2020-01-01", Granularity.YEAR), ("2019", "", "", "", "", "", "", "")),
        (span_event("2023-09-01", "2023-10-01", Granularity.MONTH), ("2023", "9", "", "", "", "", "", "")),
        (span_event("2023-09-10", "2023-09-11", Granularity.DAY), ("2023", "9", "10", "", "", "", "", "")),
        (span_event("1990-01-01", "2000-01-01", Granularity.DECADE),
         ("1990", "", "", "", "1999", "", "", "")),
        (span_event("2023-07-01", "2023-10-01", Granularity.QUARTER),
         ("2023", "7", "", "", "2023", "9", "", "")),
        # "early on Tuesday": the day, with "early" in the display date, not a clock time
        (span_event("2023-09-12T00:00", "2023-09-12T12:00", Granularity.PART_OF_DAY),
         ("2023", "9", "12", "", "", "", "", "")),
        (span_event("2023-09-12T14:30", "2023-09-12T14:31", Granularity.MINUTE),
         ("2023", "9", "12", "14:30", "", "", "", "")),
    ]
    for event, expected in cases:
        (row,) = rows_for([event])
        assert dates(row) == expected, event.granularity


def test_a_run_of_days_ends_on_its_last_day_inclusive():
    (row,) = rows_for([span_event("2023-12-30", "2024-01-03", Granularity.DAY)])
    assert dates(row) == ("2023", "12", "30", "", "2024", "1", "2", "")
    assert row["Display Date"] == "30 Dec 2023-2 Jan 2024"


def test_a_month_event_with_day_ends_is_shown_by_day():
    (row,) = rows_for([span_event("2023-09-12", "2023-09-15", Granularity.MONTH)])
    assert dates(row) == ("2023", "9", "12", "", "2023", "9", "14", "")


def test_clock_ranges_end_at_their_end_time():
    (row,) = rows_for([span_event("2023-09-12T14:00", "2023-09-12T17:00", Granularity.HOUR)])
    assert dates(row) == ("2023", "9", "12", "14:00", "2023", "9", "12", "17:00")


def test_text_carries_the_sentence_and_a_link_to_the_source_and_group_is_the_outlet():
    (row,) = rows_for([samples.event(description="Kim <b>left</b> & went")])
    assert row["Text"] == (
        "<p>Kim &lt;b&gt;left&lt;/b&gt; &amp; went</p>"
        '<p>Source: <a href="https://example.org/news/kim-russia">'
        "Kim Jong Un arrives in Russia</a></p>")
    assert row["Group"] == "Example News"  # one outlet: the automatic grouping takes it
    assert row["Headline"] == "Kim leaves for Russia"
    assert row["Display Date"] == "Sun 10 Sep 2023"
    assert all(row[name] == "" for name in ("Media", "Media Credit", "Media Caption",
                                            "Media Thumbnail", "Alt Text", "Type", "Background"))


def test_a_javascript_url_is_never_made_a_link_and_formulas_are_guarded_without_apostrophe():
    attack = samples.event(article_id=2, title="=1+1")
    (row,) = rows_for([attack])
    assert "<a " not in row["Text"] and "javascript:" not in row["Text"]
    # TimelineJS reads these cells as HTML: it shows "=1+1"; a spreadsheet sees "&...".
    assert row["Headline"] == "&#61;1+1"
    assert row["Group"] == "&#61;cmd|&#x27; /C calc&#x27;!A0"  # no outlet: by article
    assert html.unescape(row["Headline"]) == "=1+1"
    assert not any(cell.startswith("'") for cell in row.values())
    (raw,) = rows_for([attack], formula_guard=False)
    assert raw["Headline"] == "=1+1"
    (minus,) = rows_for([samples.event(title="-2+3 was scrawled")])
    assert html.unescape(minus["Headline"]) == "-2+3 was scrawled"


def test_a_group_can_be_chosen():
    (row,) = rows_for([samples.event()], group="article")
    assert row["Group"] == "Kim Jong Un arrives in Russia"
    (row,) = rows_for([samples.event()], group="none")
    assert row["Group"] == ""
    document = timelinejs_document([samples.event()], samples.sample_articles(), group="none")
    assert "group" not in document["events"][0]


def test_open_ended_events_are_left_out_and_no_row_is_blank():
    rows = rows_for(samples.sample_events())
    assert len(rows) == 4
    assert all(row["Year"] and row["Headline"] for row in rows)
    assert [row["Year"] for row in rows] == ["1969", "2019", "2023", "2023"]


def test_json_is_what_timelinejs_loads():
    out = io.StringIO()
    written = write_timelinejs_json(samples.sample_events(), samples.sample_articles(), out)
    document = json.loads(out.getvalue())
    assert set(document) == {"events"} and written == len(document["events"]) == 4
    for slide in document["events"]:
        assert isinstance(slide["start_date"]["year"], int)
        assert set(slide["text"]) == {"headline", "text"}
        assert slide["unique_id"].startswith("event-")
    assert len({slide["unique_id"] for slide in document["events"]}) == 4
    year = document["events"][1]
    assert year["start_date"] == {"year": 2019} and "end_date" not in year
    assert year["display_date"] == "2019"
    minute = document["events"][0]
    assert minute["start_date"] == {"year": 1969, "month": 7, "day": 20, "hour": 20, "minute": 17}
    assert minute["text"]["headline"] == "@SUM(1+1)"  # JSON is not a spreadsheet: no guard


def test_json_end_date_is_the_last_unit_covered():
    document = timelinejs_document(
        [span_event("2023-09-01", "2023-12-01", Granularity.MONTH)], samples.sample_articles())
    (slide,) = document["events"]
    assert slide["start_date"] == {"year": 2023, "month": 9}
    assert slide["end_date"] == {"year": 2023, "month": 11}
    assert slide["display_date"] == "Sep-Nov 2023"


def test_json_headline_html_is_escaped():
    document = timelinejs_document([samples.event(title="<script>alert(1)</script>")], {})
    assert document["events"][0]["text"]["headline"] == "&lt;script&gt;alert(1)&lt;/script&gt;"
