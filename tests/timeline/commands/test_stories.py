"""`timeline stories`: stories in time order as a table or the JSON of the issue, filtered;
`timeline events --format json` names each event's story."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli import main

SOURCES = {
    "velmora-1.txt": ("The Velmora dam collapsed on Sunday, officials said.", "2023-03-06"),
    "velmora-2.txt": ("The dam near Velmora burst on March 5, flooding villages.", "2023-03-08"),
    "velmora-3.txt": ("Velmora's dam collapsed on Monday, a local paper wrote.", "2023-03-07"),
    "budget.txt": ("Parliament passed the budget law on Sunday.", "2023-03-06"),
}
STORY_KEYS = {"id", "title", "start", "end", "date_display", "event_ids", "article_ids",
              "sources", "conflict", "readings"}


@pytest.fixture
def database(tmp_path: Path) -> str:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, (text, published) in SOURCES.items():
        (folder / name).write_text(text, encoding="utf-8")
        (folder / name.replace(".txt", ".meta.json")).write_text(
            json.dumps({"published": published, "title": name}), encoding="utf-8")
    db = str(tmp_path / "stories.sqlite3")
    assert main(["ingest", "--db", db, str(folder)]) == 0
    return db


def stories_json(capsys, *argv: str) -> list[dict]:
    capsys.readouterr()
    assert main(["stories", *argv, "--format", "json"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert set(document) == {"stories"}
    return document["stories"]


def test_json_has_exactly_the_fields_and_the_readings_of_a_conflict(database, capsys):
    stories = stories_json(capsys, "--db", database)
    assert all(set(story) == STORY_KEYS for story in stories)
    [dam] = [story for story in stories if story["sources"] == 3]
    assert dam["conflict"] is True
    assert (dam["start"], dam["end"]) == ("2023-03-05T00:00:00", "2023-03-06T00:00:00")
    assert dam["date_display"] == "Sun 5 Mar 2023"
    assert [set(reading) for reading in dam["readings"]] == [
        {"start", "end", "date_display", "event_ids"}] * 2
    assert [r["date_display"] for r in dam["readings"]] == ["Sun 5 Mar 2023", "Mon 6 Mar 2023"]
    assert sorted(e for r in dam["readings"] for e in r["event_ids"]) == dam["event_ids"]
    assert len(dam["article_ids"]) == 3


def test_filters_keep_conflicts_many_sources_and_a_span(database, capsys):
    assert [s["sources"] for s in stories_json(capsys, "--db", database, "--conflicts")] == [3]
    assert [s["sources"] for s in stories_json(capsys, "--db", database,
                                               "--min-sources", "2")] == [3]
    on_monday = stories_json(capsys, "--db", database, "--from", "2023-03-06",
                             "--to", "2023-03-06")
    assert on_monday == []  # the dam's own date is Sunday, the budget's too
    on_sunday = stories_json(capsys, "--db", database, "--from", "2023-03-05",
                             "--to", "2023-03-05")
    assert sorted(s["sources"] for s in on_sunday) == [1, 3]


def test_table_marks_conflicts_and_lists_their_readings(database, capsys):
    capsys.readouterr()
    assert main(["stories", "--db", database]) == 0
    out = capsys.readouterr().out
    assert "CONFLICT" in out and "reading" in out
    assert out.rstrip().endswith("2 stories, 1 in conflict")


def test_events_json_gives_each_event_its_story(database, capsys):
    capsys.readouterr()
    assert main(["events", "--db", database, "--format", "json"]) == 0
    events = json.loads(capsys.readouterr().out)
    stories = stories_json(capsys, "--db", database)
    by_story = {event_id: story["id"] for story in stories for event_id in story["event_ids"]}
    assert {event["id"]: event["story_id"] for event in events} == by_story


def test_bad_arguments_and_a_missing_database_are_one_line(tmp_path, capsys):
    with pytest.raises(SystemExit):
        main(["stories", "--min-sources", "0"])
    assert main(["stories", "--db", str(tmp_path / "none.sqlite3")]) == 2
    assert "no database at" in capsys.readouterr().err


def test_the_csv_export_ends_with_each_events_story_and_its_sources(database, tmp_path,
                                                                   capsys):
    import csv

    out = tmp_path / "timeline.csv"
    assert main(["export", "--db", database, "-o", str(out)]) == 0
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[-2:] == ["story_id", "story_sources"]
    stories = stories_json(capsys, "--db", database)
    sources = {str(e): str(s["sources"]) for s in stories for e in s["event_ids"]}
    story_of = {str(e): str(s["id"]) for s in stories for e in s["event_ids"]}
    assert {row["event_id"]: row["story_sources"] for row in rows} == sources
    assert {row["event_id"]: row["story_id"] for row in rows} == story_of
    assert sorted(set(sources.values())) == ["1", "3"]
