"""`timeline events`: the stored events in time order, as a table or JSON, filtered."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from timeline.commands import events as events_command
from timeline.model import Article, Event, Granularity, Status
from timeline.store import open_repository

ROOT = Path(__file__).resolve().parents[3]


def run_events(*argv: str) -> int:
    """Parse and run `timeline events ARGV` as the dispatcher would; returns the exit code."""
    parser = argparse.ArgumentParser(prog="timeline")
    events_command.register(parser.add_subparsers())
    args = parser.parse_args(["events", *argv])
    return args.func(args)


def day_event(title: str, day: datetime, char_start: int, **fields) -> Event:
    values = dict(
        title=title, description=f"{title}, it was reported.", char_start=char_start,
        char_end=char_start + 40, expression="on Sunday", expr_start=char_start + 5,
        expr_end=char_start + 14, timex_type="DATE", timex_value=day.date().isoformat(),
        mod=None, earliest=day, latest=day + timedelta(days=1), granularity=Granularity.DAY,
        confidence=0.9, explanation="'Sunday' + past tense -> the Sunday before the DCT",
    )
    values.update(fields)
    return Event(**values)


@pytest.fixture
def db(tmp_path) -> str:
    """A SQLite database with one article and four events; returns its URL."""
    url = f"sqlite:///{tmp_path / 'events.sqlite3'}"
    article = Article(text="Kim Jong Un has arrived in Russia. " * 5,
                      published=datetime(2023, 9, 12, 8), title="Kim arrives in Russia",
                      url="https://example.org/kim", source_path="/data/kim.txt",
                      dct_source="sidecar")
    with open_repository(url) as repository:
        repository.add_article(article, [], [
            day_event("Putin arrives in Vladivostok", datetime(2023, 9, 11), 40),
            day_event("Kim leaves Pyongyang", datetime(2023, 9, 10), 0),
            day_event("First summit", datetime(2019, 1, 1), 80, latest=datetime(2020, 1, 1),
                      granularity=Granularity.YEAR, timex_value="2019"),
            day_event("Talks after the forum", datetime(2023, 9, 12), 120, earliest=None,
                      latest=None, granularity=Granularity.UNKNOWN, open_ended=True,
                      expression="after the forum", timex_value=None, confidence=0.3),
        ])
        accepted = repository.list_events(text="Putin")[0]
        repository.accept(accepted.id, expected_version=1, actor="analyst-a")
    return url


def test_the_table_lists_events_in_time_order_with_readable_dates(db, capsys):
    assert run_events("--db", db) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["ID", "WHEN", "STATUS", "CONF", "TITLE"]
    body = lines[1:-1]
    assert [line.split("  ")[-1].strip() for line in body] == [
        "First summit", "Kim leaves Pyongyang", "Putin arrives in Vladivostok",
        "Talks after the forum"]
    assert "2019" in body[0] and "Sun 10 Sep 2023" in body[1] and "accepted" in body[2]
    assert "open-ended" in body[3]
    assert lines[-1] == "4 events"


def test_json_gives_each_event_with_its_interval_and_source(db, capsys):
    assert run_events("--db", db, "--format", "json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [item["title"] for item in listed][:2] == ["First summit", "Kim leaves Pyongyang"]
    leaves = listed[1]
    assert (leaves["earliest"], leaves["latest"], leaves["granularity"]) == (
        "2023-09-10T00:00:00", "2023-09-11T00:00:00", "day")
    assert (leaves["status"], leaves["confidence"]) == ("unreviewed", 0.9)
    assert leaves["explanation"].startswith("'Sunday'")
    assert leaves["description"] == "Kim leaves Pyongyang, it was reported."
    assert leaves["source"] == {
        "article_id": 1, "title": "Kim arrives in Russia", "url": "https://example.org/kim",
        "file": "/data/kim.txt", "published": "2023-09-12T08:00:00",
        "published_from": "sidecar", "char_start": 0,
        "char_end": 40, "expression": "on Sunday", "expr_start": 5, "expr_end": 14,
    }
    assert isinstance(leaves["id"], int)
    assert listed[-1]["earliest"] is None and listed[-1]["open_ended"] is True


@pytest.mark.parametrize(
    ("argv", "titles"),
    [
        # --to includes the whole day it names; open-ended events need no window.
        (["--from", "2023-09-10", "--to", "2023-09-10"], ["Kim leaves Pyongyang"]),
        (["--from", "2023-09"], ["Kim leaves Pyongyang", "Putin arrives in Vladivostok"]),
        (["--to", "2019"], ["First summit"]),
        (["--from", "2019-06-01T12:00", "--to", "2019-06-02"], ["First summit"]),
        (["--status", "accepted"], ["Putin arrives in Vladivostok"]),
        (["--status", "accepted,rejected", "--status", "corrected"],
         ["Putin arrives in Vladivostok"]),
        (["--status", "unreviewed", "--from", "2020"], ["Kim leaves Pyongyang"]),
        # --search: each word starts a word of the title, sentence or expression.
        (["--search", "vladiv"], ["Putin arrives in Vladivostok"]),
        (["--search", "KIM pyong"], ["Kim leaves Pyongyang"]),
        (["--search", "forum"], ["Talks after the forum"]),
        (["--search", "\"sum*", "--to", "2020"], ["First summit"]),
        (["--search", "ostok"], []),  # not the start of a word
    ],
)
def test_filters_by_date_and_status(db, capsys, argv, titles):
    assert run_events("--db", db, "--format", "json", *argv) == 0
    assert [item["title"] for item in json.loads(capsys.readouterr().out)] == titles


def test_no_match_says_so(db, capsys):
    assert run_events("--db", db, "--from", "1990", "--to", "1991") == 0
    assert capsys.readouterr().out.strip() == "no events match"


@pytest.mark.parametrize("argv", [["--from", "2023-13-01"], ["--to", "next week"],
                                  ["--status", "done"]])
def test_bad_arguments_are_refused_by_the_parser(db, capsys, argv):
    with pytest.raises(SystemExit) as raised:
        run_events("--db", db, *argv)
    assert raised.value.code == 2
    assert "error:" in capsys.readouterr().err


def test_a_window_that_ends_before_it_starts_is_refused(db, capsys):
    assert run_events("--db", db, "--from", "2024", "--to", "2023") == 2
    assert capsys.readouterr().err.strip() == "timeline events: --from must come before --to"


def test_a_file_that_is_no_database_gets_one_line_and_is_left_alone(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list\n" * 50)
    assert run_events("--db", str(notes)) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "not a database" in captured.err
    assert notes.read_text() == "shopping list\n" * 50


def test_the_command_runs_as_a_program(db):
    result = subprocess.run(
        [sys.executable, "-m", "timeline", "events", "--db", db, "--status", "accepted"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "Putin arrives in Vladivostok" in result.stdout
    assert "Kim leaves" not in result.stdout
    assert Status.ACCEPTED.value in result.stdout


def test_the_table_marks_a_date_inferred_from_the_narrative(tmp_path, capsys):
    url = f"sqlite:///{tmp_path / 'inferred.db'}"
    with open_repository(url) as repository:
        repository.add_article(Article(text="Kim arrived. A train came.", published=None), [], [
            day_event("Kim arrived", datetime(2023, 9, 12), 0),
            day_event("A train came", datetime(2023, 9, 12), 13, inferred=True,
                      expression=None, expr_start=None, expr_end=None, confidence=0.5),
        ])
    assert run_events("--db", url) == 0
    rows = {line.split("  ")[-1].strip(): line for line in capsys.readouterr().out.splitlines()}
    assert "Tue 12 Sep 2023 (inferred)" in rows["A train came"]
    assert "inferred" not in rows["Kim arrived"]


@pytest.mark.parametrize("spelling", ["path", "url"])
def test_a_database_file_that_does_not_exist_is_named_not_created(tmp_path, capsys, spelling):
    missing = tmp_path / "typo" / "timeline.db"
    assert run_events("--db", str(missing) if spelling == "path" else f"sqlite:///{missing}") == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == (f"timeline events: no database at {missing} "
                            "(timeline ingest PATH creates it)\n")
    assert not (tmp_path / "typo").exists()


@pytest.mark.parametrize("argv", [["--from", "9999-12-31"], ["--from", "9999-12"],
                                  ["--from", "9999"], ["--to", "9999-12-31"],
                                  ["--from", "0001-01-01", "--to", "9999"]])
def test_the_last_day_month_and_year_of_the_calendar_are_dates(db, capsys, argv):
    assert run_events("--db", db, *argv) == 0
    out = capsys.readouterr().out
    if argv[0] == "--from":
        assert ("no events match" in out) == (argv[1] != "0001-01-01")
