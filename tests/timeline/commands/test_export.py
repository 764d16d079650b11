"""`timeline export` end to end over a real SQLite file filled through the store API,
with the analyst's review done through the store's review operations."""

from __future__ import annotations

import argparse
import csv
import dataclasses
import hashlib
import importlib.util
import io
import json
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import postgres_server_url, private_schema_url
from timeline.commands import export as export_command
from timeline.export import CSV_COLUMNS
from timeline.export.reimport import ExportFormatError, read_export
from timeline.model import Granularity, Status
from timeline.pipeline import ingest_paths
from timeline.store import open_repository

_spec = importlib.util.spec_from_file_location(
    "export_samples", Path(__file__).resolve().parents[1] / "export" / "export_samples.py")
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)


def run_export(*argv: str) -> int:
    """Run `timeline export ARGV` in this process; returns its exit code."""
    parser = argparse.ArgumentParser(prog="timeline")
    export_command.register(parser.add_subparsers())
    args = parser.parse_args(["export", *argv])
    return args.func(args)


def unstored(event):
    return dataclasses.replace(event, id=None, article_id=None, story_id=None, status=Status.UNREVIEWED,
                               note=None, reviewed_at=None, version=1)


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path):
    """An empty database: a SQLite file, or a schema on the team-mode test server."""
    if request.param == "sqlite":
        yield str(tmp_path / "timeline.db")
        return
    with private_schema_url(postgres_server_url(), "export") as url:
        yield url


@pytest.fixture()
def database(database_url) -> str:
    """The seed-like article (4 events) and the attacking one (1), reviewed: Sunday
    corrected to Monday with a note, 2019 accepted, the open-ended event rejected."""
    path = database_url
    events = samples.sample_events()
    seed = [unstored(e) for e in events if e.article_id == 1]
    attack = [unstored(e) for e in events if e.article_id == 2]
    with open_repository(str(path)) as repo:
        repo.add_article(dataclasses.replace(samples.SEED_ARTICLE, id=None), [], seed)
        repo.add_article(dataclasses.replace(samples.ATTACK_ARTICLE, id=None), [], attack)
        by_title = {event.title: event for event in repo.list_events()}
        sunday = by_title["Kim leaves for Russia"]
        sunday = repo.correct(sunday.id, expected_version=sunday.version,
                              earliest=datetime(2023, 9, 11), latest=datetime(2023, 9, 12),
                              granularity=Granularity.DAY, timex_value="2023-09-11")
        repo.annotate(sunday.id, expected_version=sunday.version, note="Monday per the agency")
        year = by_title["They met in 2019"]
        repo.accept(year.id, expected_version=year.version)
        forum = by_title["Talks after the forum"]
        repo.reject(forum.id, expected_version=forum.version)
        attack = by_title["@SUM(1+1)"]
        repo.annotate(attack.id, expected_version=attack.version, note="\r=2+2")
    return path


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, strict=True))


def test_csv_reads_back_as_the_database_holds_it(database, tmp_path):
    out = tmp_path / "timeline.csv"
    assert run_export("--db", str(database), "-o", str(out)) == 0
    rows = read_csv(out)
    with open_repository(str(database)) as repo:
        events = repo.list_events()
        articles = {article.id: article for article in repo.list_articles()}
    assert [row["event_id"] for row in rows] == [str(event.id) for event in events]
    for row, event in zip(rows, events):
        expected = samples.expected_cells(event, articles[event.article_id])
        assert {name: samples.unguard(row[name]) for name in expected} == expected


def test_a_correction_shows_in_every_column_it_touches(database, tmp_path):
    out = tmp_path / "timeline.csv"
    run_export("--db", str(database), "-o", str(out))
    (row,) = [row for row in read_csv(out) if row["title"] == "Kim leaves for Russia"]
    assert (row["start"], row["end"], row["granularity"]) == (
        "2023-09-11T00:00:00", "2023-09-12T00:00:00", "day")
    assert (row["date_display"], row["timex_value"], row["status"]) == (
        "Mon 11 Sep 2023", "2023-09-11", "corrected")
    assert row["analyst_note"] == "Monday per the agency" and row["reviewed_at"]
    assert "2023-09-10" not in ",".join(row.values())  # the original lives in the audit trail


def test_stdout_gets_utf8_csv_with_crlf_records(database, capsysbinary):
    assert run_export("--db", str(database)) == 0
    captured = capsysbinary.readouterr()
    assert captured.out.startswith(b"event_id,start,end,")
    assert captured.out.count(b"\r\n") == 6 and captured.err == b""


def test_filters_by_status_window_and_article(database, tmp_path):
    def titles(*argv):
        out = tmp_path / "filtered.csv"
        assert run_export("--db", str(database), "-o", str(out), *argv) == 0
        return [row["title"] for row in read_csv(out)]

    assert titles("--status", "accepted,corrected") == ["They met in 2019", "Kim leaves for Russia"]
    assert titles("--status", "rejected") == ["Talks after the forum"]
    assert titles("--from", "2023-09", "--to", "2023-09-11") == ["Kim leaves for Russia"]
    assert titles("--to", "1970") == ["'@SUM(1+1)"]
    with open_repository(str(database)) as repo:
        attack_id = next(a.id for a in repo.list_articles() if a.source_path == "@evil.txt")
    assert titles("--article", str(attack_id)) == ["'@SUM(1+1)"]


def test_excel_and_no_formula_guard_end_to_end(database, tmp_path):
    out = tmp_path / "raw.csv"
    assert run_export("--db", str(database), "--excel", "--no-formula-guard", "-o", str(out)) == 0
    assert out.read_bytes().startswith(b"\xef\xbb\xbfevent_id,")
    with out.open(encoding="utf-8-sig", newline="") as handle:
        (attack,) = [row for row in csv.DictReader(handle) if row["article_file"] == "@evil.txt"]
    assert attack["title"] == "@SUM(1+1)" and attack["article_title"].startswith("=cmd|")


def test_the_guard_is_on_by_default_against_attacking_article_text(database, tmp_path):
    out = tmp_path / "guarded.csv"
    run_export("--db", str(database), "-o", str(out))
    (attack,) = [row for row in read_csv(out) if row["article_file"] == "'@evil.txt"]
    for column in ("title", "description", "explanation", "analyst_note", "expression",
                   "article_title", "article_file"):
        assert attack[column][0] == "'" and attack[column][1] in "=+-@\t\r", column


def test_an_empty_database_writes_the_header_and_says_so(database_url, tmp_path, capsys):
    empty = database_url
    open_repository(empty).close()
    out = tmp_path / "empty.csv"
    assert run_export("--db", str(empty), "-o", str(out)) == 0
    assert out.read_bytes().decode("utf-8") == ",".join(CSV_COLUMNS) + "\r\n"
    assert "no events match; wrote the header only" in capsys.readouterr().err
    assert run_export("--db", str(empty), "--format", "json") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["events"] == [] and "empty event list" in captured.err


def test_a_filter_that_matches_nothing_writes_the_header_only(database, capsys):
    assert run_export("--db", str(database), "--from", "1800", "--to", "1801") == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == ",".join(CSV_COLUMNS)
    assert "no events match" in captured.err


def test_an_unwritable_output_is_one_line_and_leaves_the_old_file(database, tmp_path, capsys):
    assert run_export("--db", str(database), "-o", str(tmp_path / "no" / "such.csv")) == 1
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "cannot write" in error and "does not exist" in error
    assert run_export("--db", str(database), "-o", str(tmp_path)) == 1
    assert "it is a folder" in capsys.readouterr().err
    # A folder where no file can be made, even by root: the old file stays as it was.
    kernel_version = Path("/proc/version").read_bytes()
    assert run_export("--db", str(database), "-o", "/proc/version") == 1
    error = capsys.readouterr().err
    assert error.startswith("timeline export: cannot write /proc/version: ") and error.count("\n") == 1
    assert Path("/proc/version").read_bytes() == kernel_version
    assert not [path for path in tmp_path.iterdir() if path.name.endswith(".part")]


def test_a_missing_database_is_not_created(tmp_path, capsys):
    missing = tmp_path / "missing.db"
    assert run_export("--db", str(missing)) == 1
    error = capsys.readouterr().err
    assert error == f"timeline export: no database at {missing} " \
                    "(import articles first with `timeline ingest`)\n"
    assert not missing.exists()


def test_a_database_url_that_does_not_parse_is_one_line(capsys):
    assert run_export("--db", "://nowhere") == 1
    error = capsys.readouterr().err
    assert error.startswith("timeline export: not a database URL: '://nowhere'")
    assert error.count("\n") == 1


def test_bad_arguments_are_refused_with_one_line(database, capsys):
    assert run_export("--db", str(database), "--from", "2024", "--to", "2023") == 2
    assert capsys.readouterr().err == "timeline export: --from must come before --to\n"
    with pytest.raises(SystemExit) as exit_info:
        run_export("--db", str(database), "--status", "maybe")
    assert exit_info.value.code == 2
    assert "unknown status in 'maybe'" in capsys.readouterr().err.splitlines()[-1]
    with pytest.raises(SystemExit):
        run_export("--db", str(database), "--from", "12/09/2023")
    assert "not a date" in capsys.readouterr().err.splitlines()[-1]


def test_timelinejs_leaves_out_rejected_and_open_ended_events_and_says_so(database, capsys):
    assert run_export("--db", str(database), "--format", "timelinejs-csv") == 0
    captured = capsys.readouterr()
    rows = list(csv.DictReader(io.StringIO(captured.out, newline="")))
    assert [row["Year"] for row in rows] == ["1969", "2019", "2023", "2023"]
    assert "1 rejected event(s) left out" in captured.err
    assert run_export("--db", str(database), "--format", "timelinejs-json",
                      "--status", "rejected") == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == {"events": []}  # the rejected one is open-ended
    assert "1 open-ended event(s) left out" in captured.err


def test_timelinejs_says_how_it_groups_and_takes_a_chosen_grouping(database, capsys):
    # Two articles, one of them without an outlet: grouped by article, automatically.
    assert run_export("--db", str(database), "--format", "timelinejs-json") == 0
    captured = capsys.readouterr()
    assert "TimelineJS groups: by article (2 groups); choose with --group" in captured.err
    assert len({slide["group"] for slide in json.loads(captured.out)["events"]}) == 2
    assert run_export("--db", str(database), "--format", "timelinejs-json",
                      "--group", "none") == 0
    captured = capsys.readouterr()
    assert not any("group" in slide for slide in json.loads(captured.out)["events"])
    assert "TimelineJS groups: none (--group none)" in captured.err


def test_xlsx_goes_to_a_file_or_to_a_pipe_but_not_to_a_terminal(database, capsysbinary,
                                                                monkeypatch):
    assert run_export("--db", str(database), "--format", "xlsx") == 0
    assert capsysbinary.readouterr().out.startswith(b"PK")  # a zip: the workbook
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert run_export("--db", str(database), "--format", "xlsx") == 2
    captured = capsysbinary.readouterr()
    assert captured.out == b""
    assert b"xlsx is a binary file: write it with -o FILE" in captured.err


def test_json_export_restores_the_analysts_work_into_a_new_database(database, tmp_path):
    out = tmp_path / "timeline.json"
    assert run_export("--db", str(database), "--format", "json", "-o", str(out)) == 0
    fresh = tmp_path / "fresh.db"
    with open_repository(str(fresh)) as repo:
        summary = ingest_paths([out], repo)
        assert (summary.added, summary.already, summary.events) == (2, 0, 5)
        assert summary.refused == []
        restored = repo.list_events()
        restored_articles = repo.list_articles()
        assert ingest_paths([out], repo).already == 2  # a second restore adds nothing
    with open_repository(str(database)) as repo:
        original = repo.list_events()
        original_articles = repo.list_articles()

    def comparable(event):
        return dataclasses.replace(event, id=None, article_id=None, story_id=None)

    assert [comparable(e) for e in restored] == [comparable(e) for e in original]
    # Ingest keys each article by the hash of its text, not by the hash the file carries
    # (the samples' stand-in hashes): all else comes back as it was.
    assert [dataclasses.replace(a, id=None, content_hash=None) for a in restored_articles] == [
        dataclasses.replace(a, id=None, content_hash=None) for a in original_articles]
    assert [a.content_hash for a in restored_articles] == [
        hashlib.sha256(a.text.encode("utf-8")).hexdigest() for a in original_articles]
    corrected = next(e for e in restored if e.status is Status.CORRECTED)
    assert corrected.note == "Monday per the agency" and corrected.earliest == datetime(2023, 9, 11)


def test_a_file_that_is_not_an_export_is_refused_whole(tmp_path):
    with pytest.raises(ExportFormatError, match="not a timeline JSON export"):
        read_export({"text": "an article"}, "a.json")
    broken = {"format": "timeline-export", "version": 1, "articles": [],
              "events": [{"event_id": 1, "article_id": 9}]}
    with pytest.raises(ExportFormatError, match="event 1: its article is not in the export"):
        read_export(broken, "b.json")
    path = tmp_path / "c.json"
    path.write_text("{not json", encoding="utf-8")
    with open_repository(str(tmp_path / "x.db")) as repo:
        ((name, reason),) = ingest_paths([path], repo).refused
        assert name == str(path) and reason.startswith("invalid JSON")
        assert repo.list_articles() == []


def test_an_export_with_a_value_of_the_wrong_type_is_refused_naming_the_field(tmp_path):
    # Stored as they are, such values would pass on SQLite (a number for a title) and be
    # refused by PostgreSQL; an unhashable article id used to raise a TypeError.
    event = {"event_id": 1, "article_id": 1, "title": "t", "description": "d",
             "char_start": 0, "char_end": 1, "granularity": "day", "confidence": 0.5,
             "status": "accepted", "start": "2023-09-10T00:00:00"}

    def export(article=None, **changes):
        return {"format": "timeline-export", "version": 1,
                "articles": [{"id": 1, "text": "t", **(article or {})}],
                "events": [{**event, **changes}]}

    refusals = [
        (export({"title": 5}), "article 1: 'title' must be text (int)"),
        (export({"text": None}), "article 1: 'text' must be text (NoneType)"),
        (export(char_start="0"), "event 1: 'char_start' must be a whole number (str)"),
        (export(char_end=True), "event 1: 'char_end' must be a whole number (bool)"),
        (export(confidence="high"), "event 1: 'confidence' must be a number (str)"),
        (export(inferred=1), "event 1: 'inferred' must be true or false (int)"),
        (export(article_id=[1]), "event 1: its article is not in the export"),
    ]
    for document, message in refusals:
        with pytest.raises(ExportFormatError) as refused:
            read_export(document, "e.json")
        assert str(refused.value) == f"e.json: {message}"
    ((_, (restored,)),) = read_export(export(start="2023-09-10T09:00:00+02:00"), "e.json")
    # The clock time as written, as SQLite and PostgreSQL will both keep it.
    assert restored.earliest == datetime(2023, 9, 10, 9) and restored.earliest.tzinfo is None


def test_the_seed_ingested_reviewed_exported_and_restored_loses_nothing(tmp_path):
    seed = Path(__file__).resolve().parents[3] / "seeds" / "kim-jong-un-arrives-in-russia.txt"
    original_db = tmp_path / "original.db"
    with open_repository(str(original_db)) as repo:
        assert ingest_paths([seed], repo).added == 1
        events = repo.list_events()
        sunday = next(event for event in events if event.expression == "Sunday")
        last = events[-1]
        repo.correct(sunday.id, expected_version=sunday.version, earliest=datetime(2023, 9, 8),
                     latest=datetime(2023, 9, 9), granularity=Granularity.DAY)
        repo.annotate(last.id, expected_version=last.version, note="check the wire")
        expected_events = repo.list_events()
        (article,) = repo.list_articles()
        expected_mentions = repo.article_mentions(article.id)
    # The CSV shows the correction everywhere and the tagger's old date nowhere.
    as_csv = tmp_path / "seed.csv"
    assert run_export("--db", str(original_db), "-o", str(as_csv)) == 0
    (row,) = [row for row in read_csv(as_csv) if row["event_id"] == str(sunday.id)]
    assert "2023-09-10" in sunday.explanation  # what the tagger had said
    assert (row["start"], row["date_display"], row["status"]) == (
        "2023-09-08T00:00:00", "Fri 8 Sep 2023", "corrected")
    assert "2023-09-10" not in ",".join(row.values()) and "10 Sep" not in ",".join(row.values())

    exported = tmp_path / "seed.json"
    assert run_export("--db", str(original_db), "--format", "json", "-o", str(exported)) == 0

    with open_repository(str(tmp_path / "restored.db")) as repo:
        summary = ingest_paths([exported], repo)  # the mentions are found again by tagging
        assert summary.events == len(expected_events) and summary.refused == []
        restored_events = repo.list_events()
        (restored_article,) = repo.list_articles()
        restored_mentions = repo.article_mentions(restored_article.id)

    def without_ids(items):
        return [dataclasses.replace(item, **{name: None for name in ("id", "article_id", "story_id")
                                             if hasattr(item, name)}) for item in items]

    assert without_ids(restored_events) == without_ids(expected_events)
    assert restored_mentions == expected_mentions
    assert dataclasses.replace(restored_article, id=None) == dataclasses.replace(article, id=None)
    restored_sunday = next(event for event in restored_events if event.expression == "Sunday")
    assert restored_sunday.status is Status.CORRECTED
    assert restored_sunday.earliest == datetime(2023, 9, 8)
    assert restored_sunday.explanation == sunday.explanation  # the tagger's, kept in the JSON


def test_the_real_command_line_writes_stdout_and_survives_a_closed_pipe(database):
    import os
    import subprocess
    import sys

    with open_repository(str(database)) as repo:  # far more output than a pipe holds
        many = [unstored(samples.event(char_start=n, char_end=n + 9)) for n in range(3000)]
        repo.add_article(samples.Article(text="many events", published=None), [], many)
    root = Path(__file__).resolve().parents[3]
    env = {**os.environ, "PYTHONPATH": str(root)}
    command = [sys.executable, "-m", "timeline", "export", "--db", str(database)]
    done = subprocess.run(command, capture_output=True, env=env, cwd=root, timeout=120)
    assert done.returncode == 0 and done.stderr == b""
    assert done.stdout.startswith(b"event_id,") and done.stdout.count(b"\r\n") == 3006
    # A reader that stops after the header (like `| head -1`): no traceback, no error code.
    reader = subprocess.Popen(command + ["--format", "json"], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, env=env, cwd=root)
    reader.stdout.read(10)
    reader.stdout.close()
    assert reader.wait(timeout=120) == 0
    assert b"Traceback" not in reader.stderr.read()


def test_an_article_id_past_64_bits_matches_nothing_in_one_line(database, capsys):
    assert run_export("--db", database, "--article", "99999999999999999999,1") == 0
    captured = capsys.readouterr()
    assert captured.err == ""
    rows = list(csv.DictReader(io.StringIO(captured.out)))
    assert rows and {row["article_title"] for row in rows} == {samples.SEED_ARTICLE.title}
    assert run_export("--db", database, "--article", "99999999999999999999") == 0
    assert "no events match" in capsys.readouterr().err


def test_reading_never_changes_a_sqlite_file(database_url, capsys):
    if "://" in database_url:
        pytest.skip("a SQLite file's bytes")
    open_repository(database_url).close()
    before = Path(database_url).read_bytes()
    files = sorted(Path(database_url).parent.iterdir())
    assert run_export("--db", database_url, "--format", "json") == 0
    assert Path(database_url).read_bytes() == before
    assert sorted(Path(database_url).parent.iterdir()) == files  # no -wal or -shm left
