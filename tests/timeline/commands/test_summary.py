"""`timeline summary`: every format, the span, the collection's own count, the seed."""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
from pathlib import Path

import pytest

from tests.timeline.summary.conftest import ARTICLES, dam_db  # noqa: F401  (fixture)
from timeline.commands import summary as summary_command
from timeline.pipeline import ingest_paths
from timeline.store import open_repository

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "kim-jong-un-arrives-in-russia.txt"


def run_summary(*argv: str) -> int:
    """Parse and run `timeline summary ARGV` as the dispatcher would; returns the exit code."""
    parser = argparse.ArgumentParser(prog="timeline")
    summary_command.register(parser.add_subparsers())
    args = parser.parse_args(["summary", *argv])
    return args.func(args)


def json_summary(capsys, *argv: str) -> dict:
    assert run_summary(*argv, "--format", "json") == 0
    return json.loads(capsys.readouterr().out)


def test_json_is_the_agreed_shape_in_date_order(dam_db, capsys):  # noqa: F811
    result = json_summary(capsys, "--db", dam_db, "--dates", "3", "--per-date", "2")
    days = [entry["date"] for entry in result["dates"]]
    assert days == sorted(days) and len(days) == 3
    assert days[0] == "2023-03-05"
    for entry in result["dates"]:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["date"])
        assert 1 <= len(entry["sentences"]) <= 2
        assert all(isinstance(i, int) for i in entry["event_ids"])
        assert 1 <= len(entry["story_ids"]) <= len(entry["event_ids"])
        assert all(isinstance(i, int) for i in entry["story_ids"])
        assert isinstance(entry["sources"], int) and entry["sources"] >= 1
        assert [line["sentence"] for line in entry["lines"]] == entry["sentences"]
    assert result["dates"][0]["sources"] == 3


def test_from_and_to_limit_the_dates_inclusively(dam_db, capsys):  # noqa: F811
    result = json_summary(capsys, "--db", dam_db, "--dates", "5", "--from", "2023-03-06",
                          "--to", "2023-03-07")
    assert [entry["date"] for entry in result["dates"]] == ["2023-03-06", "2023-03-07"]


def test_without_dates_the_count_is_explained_on_stderr(dam_db, capsys):  # noqa: F811
    assert run_summary("--db", dam_db, "--format", "json") == 0
    captured = capsys.readouterr()
    result = json.loads(captured.out)
    assert [entry["date"] for entry in result["dates"]] == ["2023-03-05"]
    assert "at least 2 articles" in captured.err
    assert result["reason"] in captured.err


def test_csv_has_one_row_per_sentence_with_its_source(dam_db, capsys):  # noqa: F811
    assert run_summary("--db", dam_db, "--dates", "2", "--per-date", "2", "--format", "csv") == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert list(rows[0]) == ["date", "sentence", "event_id", "story_id", "article_title",
                             "outlet", "url"]
    assert {row["date"] for row in rows} == {"2023-03-05", "2023-03-06"}
    titles = {article["title"]: article for article in ARTICLES}
    for row in rows:
        source = titles[row["article_title"]]
        assert row["sentence"] in source["text"]
        assert row["outlet"] == source["outlet"] and row["url"] == source["url"]


def test_markdown_links_every_line_to_its_source(dam_db, capsys):  # noqa: F811
    assert run_summary("--db", dam_db, "--dates", "2", "--per-date", "3",
                       "--format", "markdown") == 0
    text = capsys.readouterr().out
    bullets = [line for line in text.splitlines() if line.startswith("- ")]
    assert bullets
    for bullet in bullets:
        # A URL link, or, for an article without one, its title and outlet.
        assert re.search(r"\(\[[^\]]+\]\(https://example\.org/[\w-]+\)\)$", bullet) or \
            re.search(r"\(_Rescuers search Riverton, Daily Post_\)$", bullet), bullet
    assert "## Sun 5 Mar 2023 (3 sources)" in text


def test_text_lists_each_date_and_its_sentences(dam_db, capsys):  # noqa: F811
    assert run_summary("--db", dam_db, "--dates", "1", "--per-date", "1") == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "Sun 5 Mar 2023  (3 sources)"
    assert lines[1].startswith("  - ") and "Riverton" in lines[1]


def test_a_missing_database_is_refused_in_one_line(tmp_path, capsys):
    assert run_summary("--db", str(tmp_path / "nothing.sqlite3")) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no database at" in err
    assert not (tmp_path / "nothing.sqlite3").exists()


def test_from_after_to_is_refused(dam_db, capsys):  # noqa: F811
    assert run_summary("--db", dam_db, "--from", "2023-03-07", "--to", "2023-03-05") == 2
    assert "--from must come before --to" in capsys.readouterr().err


def test_a_negative_count_is_refused(dam_db, capsys):  # noqa: F811
    with pytest.raises(SystemExit):
        run_summary("--db", dam_db, "--dates", "-3")
    assert "not a count" in capsys.readouterr().err


def test_the_seed_alone_gives_its_own_days_and_nothing_invented(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'seed.sqlite3'}"
    with open_repository(url) as repository:
        assert ingest_paths([SEED], repository).added == 1
    result = json_summary(capsys, "--db", url, "--per-date", "2")
    seed_text = SEED.read_text()
    days = [entry["date"] for entry in result["dates"]]
    # Sunday (Kim leaves), Monday (Putin in Vladivostok), Tuesday (Kim arrives),
    # around the publication date 2023-09-12; nothing else.
    assert set(days) <= {"2023-09-10", "2023-09-11", "2023-09-12"}
    assert "2023-09-12" in days and "2023-09-10" in days
    for entry in result["dates"]:
        assert entry["sources"] == 1
        for sentence in entry["sentences"]:
            assert sentence in seed_text
    tuesday = next(entry for entry in result["dates"] if entry["date"] == "2023-09-12")
    assert any("arrived in Russia" in sentence or "entered Russia" in sentence
               for sentence in tuesday["sentences"])


def test_timelinejs_has_one_slide_per_date_with_every_line_and_its_link(dam_db, capsys):  # noqa: F811
    assert run_summary("--db", dam_db, "--dates", "2", "--per-date", "2",
                       "--format", "timelinejs") == 0
    document = json.loads(capsys.readouterr().out)
    slides = document["events"]
    assert [slide["start_date"] for slide in slides] == [
        {"year": 2023, "month": 3, "day": 5}, {"year": 2023, "month": 3, "day": 6}]
    first = slides[0]["text"]["text"]
    assert first.count("<li>") == 2
    assert "https://example.org/" in first and "3 sources" in first
    assert len({slide["unique_id"] for slide in slides}) == 2


def test_the_command_offers_every_format_the_summary_writes():
    from timeline.commands.summary import FORMATS
    from timeline.summary.formats import FORMATS as WRITTEN, WRITERS

    assert FORMATS == WRITTEN and set(WRITERS) == set(FORMATS)
