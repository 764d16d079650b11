"""Exports of a collection of 72 articles, put through the real ingest into a real
SQLite file: TimelineJS keeps its navigator usable (at most eight groups, or none) and
every text it gets is escaped; the xlsx workbook holds the CSV's rows, typed."""

from __future__ import annotations

import argparse
import csv
import html
import json
import re
from datetime import datetime, timedelta
from pathlib import Path

import openpyxl
import pytest

from timeline.commands import export as export_command
from timeline.export import CSV_COLUMNS, MAX_GROUPS
from timeline.pipeline import ingest_paths
from timeline.store import open_repository

ARTICLES = 72
OUTLETS = ("Daily Ledger", "Harbour Times", "Valley Post")
BAIT_TITLE = "Tom & Jerry <img src=x onerror=alert(1)> <b>bold</b>"
UNICODE_TITLE = "Café Zürich: 東京 talks, naïve plans"
TOWNS = ("Ashford", "Brierley", "Corran", "Dunmore", "Elston", "Farleigh", "Garvan", "Hollins")


def article_text(number: int) -> str:
    town = TOWNS[number % len(TOWNS)]
    lines = [
        f"The council of {town} met on Monday to discuss road repairs number {number}.",
        "Two days later, the mayor announced a new budget for the harbour.",
        f"In March 2019, the old bridge of {town} had been closed for repairs.",
    ]
    # Baits in paragraphs of their own (a sentence splitter is not asked to see that a
    # sentence may start with "-" or "=").
    if number == 1:
        lines.append("\n\n=SUM(1,2) appeared on the town hall door on Tuesday.")
    if number == 2:
        lines.append("\n\n-2+3 was scrawled on the school wall on Wednesday.")
    if number == 3:
        lines.append("On Friday, the café in Zürich served crème brûlée to 東京 visitors.")
    if number == 4:
        lines.append("On Thursday, <script>alert(1)</script> & friends were seen.")
    return " ".join(lines) + "\n"


def article_title(number: int) -> str:
    return {0: BAIT_TITLE, 1: "=SUM(1,2) appeared", 3: UNICODE_TITLE}.get(
        number, f"{TOWNS[number % len(TOWNS)]} council meets, report {number}")


@pytest.fixture(scope="module")
def collection(tmp_path_factory) -> Path:
    """A SQLite file with 72 ingested articles from three outlets, but one (the last)
    with no outlet named."""
    folder = tmp_path_factory.mktemp("articles")
    for number in range(ARTICLES):
        stem = folder / f"article-{number:02d}"
        stem.with_suffix(".txt").write_text(article_text(number), encoding="utf-8")
        meta = {"title": article_title(number),
                "published": (datetime(2023, 1, 2) + timedelta(days=5 * number)).date().isoformat(),
                "url": f"https://news.example.org/{number}"}
        if number < ARTICLES - 1:
            meta["outlet"] = OUTLETS[number % len(OUTLETS)]
        Path(f"{stem}.meta.json").write_text(json.dumps(meta), encoding="utf-8")
    database = folder / "timeline.db"
    with open_repository(str(database)) as repo:
        summary = ingest_paths([folder], repo)
        assert not summary.refused
        assert len(repo.list_articles()) == ARTICLES
    return database


def run_export(database: Path, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="timeline")
    export_command.register(parser.add_subparsers())
    args = parser.parse_args(["export", "--db", str(database), *argv])
    return args.func(args)


def timelinejs(database: Path, tmp_path: Path, *options: str) -> dict:
    target = tmp_path / "timeline.json"
    assert run_export(database, "--format", "timelinejs-json", "-o", str(target), *options) == 0
    return json.loads(target.read_text(encoding="utf-8"))


# What TimelineJS may get as markup: our paragraphs and http(s) links, nothing else.
ALLOWED_TAG = re.compile(r'</?p>|<a href="https?://[^"<>]*">|</a>')
ENTITY = re.compile(r"&(#\d+|#x[0-9a-fA-F]+|[a-z]+);")


def assert_escaped(text: str, *, markup: bool = False) -> None:
    rest = ALLOWED_TAG.sub("", text) if markup else text
    assert "<" not in rest and ">" not in rest, text
    assert "&" not in ENTITY.sub("", rest), text


def test_the_automatic_grouping_of_72_articles_leaves_groups_out(collection, tmp_path, capsys):
    document = timelinejs(collection, tmp_path)
    slides = document["events"]
    assert len({slide["unique_id"] for slide in slides}) == len(slides) > ARTICLES
    # 72 articles, and not every article has an outlet: no grouping at all.
    assert not any("group" in slide for slide in slides)
    assert "TimelineJS groups: none" in capsys.readouterr().err


def test_grouping_by_outlet_makes_few_groups_and_by_article_warns(collection, tmp_path, capsys):
    by_outlet = timelinejs(collection, tmp_path, "--group", "outlet")
    groups = {slide["group"] for slide in by_outlet["events"]}
    assert groups == {*OUTLETS, "(no outlet)"} and len(groups) <= MAX_GROUPS
    assert "by outlet (4 groups)" in capsys.readouterr().err
    by_article = timelinejs(collection, tmp_path, "--group", "article")
    assert len({slide["group"] for slide in by_article["events"]}) == ARTICLES
    assert f"more than {MAX_GROUPS} crowd" in capsys.readouterr().err


def test_every_text_timelinejs_gets_is_escaped(collection, tmp_path):
    slides = timelinejs(collection, tmp_path, "--group", "article")["events"]
    for slide in slides:
        assert_escaped(slide["text"]["headline"])
        assert_escaped(slide["text"]["text"], markup=True)
        assert_escaped(slide["group"])
        assert_escaped(slide["display_date"])
    groups = {html.unescape(slide["group"]) for slide in slides}
    # The bait title reads as written, its brackets as look-alikes that are never markup.
    assert "Tom & Jerry \u2039img src=x onerror=alert(1)\u203a \u2039b\u203abold\u2039/b\u203a" in groups
    assert UNICODE_TITLE in groups
    headlines = {html.unescape(slide["text"]["headline"]) for slide in slides}
    assert any(headline.startswith("-2+3 was scrawled") for headline in headlines)
    assert any("<script>" in headline for headline in headlines)  # shown, as text


def test_the_timelinejs_csv_has_no_guard_apostrophe(collection, tmp_path):
    target = tmp_path / "timeline.csv"
    assert run_export(collection, "--format", "timelinejs-csv", "-o", str(target)) == 0
    with target.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, strict=True))
    assert not any(cell.startswith("'") for row in rows for cell in row.values())
    headlines = [row["Headline"] for row in rows]
    assert "&#61;SUM(1,2) appeared on the town hall door" in headlines
    assert "&#45;2+3 was scrawled on the school wall" in headlines
    assert not any(cell[:1] in "=+-@" for row in rows for cell in row.values() if cell)


def test_the_xlsx_holds_the_csvs_rows_typed(collection, tmp_path):
    workbook_path, csv_path = tmp_path / "timeline.xlsx", tmp_path / "timeline.csv"
    assert run_export(collection, "--format", "xlsx", "-o", str(workbook_path)) == 0
    # The workbook holds the text as it is (a text cell cannot run): the unguarded CSV.
    assert run_export(collection, "--no-formula-guard", "-o", str(csv_path)) == 0
    with csv_path.open(encoding="utf-8", newline="") as handle:
        expected = list(csv.reader(handle, strict=True))
    sheet = openpyxl.load_workbook(workbook_path).active
    cells = list(sheet.iter_rows())
    assert [cell.value for cell in cells[0]] == list(CSV_COLUMNS) == expected[0]
    assert len(cells) == len(expected) > ARTICLES
    moments = {CSV_COLUMNS.index(name) for name in
               ("start", "end", "reviewed_at", "article_published")}
    for row, wanted in zip(cells[1:], expected[1:]):
        assert len(row) == len(wanted)
        for index, (cell, text) in enumerate(zip(row, wanted)):
            assert cell.data_type != "f", cell.coordinate  # no formula anywhere
            if text == "":
                assert cell.value is None, cell.coordinate
            elif index in moments:
                assert isinstance(cell.value, datetime) and cell.is_date, cell.coordinate
                # A spreadsheet date has no zone: the UTC review stamp's wall time.
                assert cell.value == datetime.fromisoformat(text).replace(tzinfo=None)
            elif isinstance(cell.value, (int, float)):
                assert cell.value == float(text), cell.coordinate
            else:
                assert cell.data_type == "s" and cell.value == text, cell.coordinate
    values = [cell.value for row in cells for cell in row]
    assert UNICODE_TITLE in values and BAIT_TITLE in values
    assert "=SUM(1,2) appeared" in values  # text, not a formula
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:V{len(cells)}"  # the CSV's 22 columns
    assert all(sheet.column_dimensions[letter].width >= 8 for letter in "ABCDEFGHIJKLMNOPQRST")
