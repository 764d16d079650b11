"""`timeline export --format json` then `timeline ingest` of that file into a new
database, as real processes: the analyst's statuses, corrected dates and notes come
back as they were (on SQLite and on the team-mode PostgreSQL server); a broken export
is refused whole with its reason."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import postgres_server_url, private_schema_url
from timeline.model import Granularity, Status
from timeline.store import open_repository

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "kim-jong-un-arrives-in-russia.txt"


def timeline(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "timeline", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(params=["sqlite", "postgresql"])
def new_database(request, tmp_path):
    """The URL of an empty database: a SQLite file, or a private schema on the
    team-mode PostgreSQL server (skipped without one, failed when CI requires it)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'new.db'}"
        return
    with private_schema_url(postgres_server_url(), "reimport") as url:
        yield url


def reviewed_seed(database: Path) -> None:
    """Ingest the seed with the real command, then review it through the repository:
    accept one event, correct one (then annotate it), reject one, annotate another."""
    done = timeline("ingest", str(SEED), "--db", str(database))
    assert done.returncode == 0, done.stderr
    with open_repository(str(database)) as repo:
        events = repo.list_events()
        by_expression = {event.expression: event for event in events}
        sunday, monday = by_expression["Sunday"], by_expression["Monday"]
        forum = next(event for event in events if event.open_ended)
        inferred = next(event for event in events if event.inferred)
        repo.accept(monday.id, expected_version=monday.version)
        corrected = repo.correct(sunday.id, expected_version=sunday.version,
                                 earliest=datetime(2023, 9, 9), latest=datetime(2023, 9, 10),
                                 granularity=Granularity.DAY)
        repo.annotate(sunday.id, expected_version=corrected.version, note="Saturday per Yonhap")
        repo.reject(forum.id, expected_version=forum.version)
        repo.annotate(inferred.id, expected_version=inferred.version, note="date of the footage?")


def exported_reviewed_seed(original: Path, exported: Path) -> None:
    """Review the seed into the database file ``original`` (reviewed_seed), then write
    its JSON export to ``exported`` with the real command."""
    reviewed_seed(original)
    done = timeline("export", "--db", str(original), "--format", "json", "-o", str(exported))
    assert done.returncode == 0, done.stderr


def listed(url: str) -> list[dict]:
    """`timeline events --format json` on ``url``, without the ids a new database renumbers
    (its own, its article's and its story's)."""
    done = timeline("events", "--db", url, "--format", "json")
    assert done.returncode == 0, done.stderr
    events = json.loads(done.stdout)
    for event in events:
        del event["id"], event["source"]["article_id"], event["story_id"]
    return events


def test_a_json_export_ingested_into_a_new_database_keeps_the_analysts_work(
        tmp_path, new_database):
    original, exported = tmp_path / "original.db", tmp_path / "f.json"
    exported_reviewed_seed(original, exported)

    done = timeline("ingest", str(exported), "--db", new_database)
    assert done.returncode == 0, done.stderr
    assert "added: 1 article (8 events)" in done.stdout and "refused: 0" in done.stdout

    before, after = listed(str(original)), listed(new_database)
    assert after == before
    statuses = sorted(event["status"] for event in after)
    assert statuses == sorted(["accepted", "corrected", "rejected"] + ["unreviewed"] * 5)
    (corrected,) = [event for event in after if event["status"] == "corrected"]
    assert (corrected["earliest"], corrected["latest"], corrected["granularity"]) == (
        "2023-09-09T00:00:00", "2023-09-10T00:00:00", "day")
    assert corrected["note"] == "Saturday per Yonhap"
    assert {event["note"] for event in after} == {None, "Saturday per Yonhap",
                                                   "date of the footage?"}
    # The tagger's mentions are found again, so the source pane still marks them.
    with open_repository(str(original)) as repo:
        (article,) = repo.list_articles()
        mentions = repo.article_mentions(article.id)
    with open_repository(new_database) as repo:
        (copy,) = repo.list_articles()
        assert repo.article_mentions(copy.id) == mentions
        assert (copy.text, copy.published, copy.dct_source) == (
            article.text, article.published, article.dct_source)

    again = timeline("ingest", str(exported), "--db", new_database)
    assert again.returncode == 0 and "already there: 1" in again.stdout
    assert listed(new_database) == before


def test_an_export_in_a_folder_goes_in_beside_ordinary_json_articles(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    exported_reviewed_seed(tmp_path / "original.db", folder / "reviewed.json")
    (folder / "wire.json").write_text(json.dumps(
        {"text": "Talks ended on Friday in Geneva.", "published": "2023-09-15"}))
    new = tmp_path / "new.db"
    # --date is for articles without one; an export's articles keep their own.
    done = timeline("ingest", str(folder), "--db", str(new), "--date", "2024-01-01")
    assert done.returncode == 0, done.stderr
    assert "added: 2 articles" in done.stdout
    with open_repository(str(new)) as repo:
        published = {article.source_path: article.published for article in repo.list_articles()}
        statuses = {event.status for event in repo.list_events()}
    assert published == {str(SEED): datetime(2023, 9, 12),
                         str(folder / "wire.json"): datetime(2024, 1, 1)}
    assert {Status.ACCEPTED, Status.CORRECTED, Status.REJECTED} <= statuses


def test_a_broken_export_is_refused_whole_with_its_reason(tmp_path):
    exported = tmp_path / "f.json"
    exported_reviewed_seed(tmp_path / "original.db", exported)
    document = json.loads(exported.read_text(encoding="utf-8"))
    document["events"][-1]["status"] = "maybe"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(document), encoding="utf-8")
    document["events"][-1]["status"] = "accepted"
    document["version"] = 99
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(document), encoding="utf-8")

    new = tmp_path / "new.db"
    done = timeline("ingest", str(broken), str(newer), "--db", str(new))
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert "refused: 2" in lines
    (broken_line,) = [line for line in lines if line.startswith(f"  {broken}: ")]
    assert "timeline export" in broken_line and "'maybe' is not a valid Status" in broken_line
    (newer_line,) = [line for line in lines if line.startswith(f"  {newer}: ")]
    assert "export version 99" in newer_line
    with open_repository(str(new)) as repo:  # nothing of either file went in
        assert repo.list_articles() == [] and repo.list_events() == []


def test_an_export_past_the_article_size_cap_still_goes_in(tmp_path, monkeypatch):
    # An export of 100,000 events is ~80 MB, past the 50 MB cap for an article file;
    # the cap is lowered here so a small export stands in for a large one.
    from timeline import pipeline

    exported = tmp_path / "f.json"
    exported_reviewed_seed(tmp_path / "original.db", exported)
    article = tmp_path / "article.json"
    article.write_text(json.dumps({"text": "Talks ended on Friday. " * 800,
                                   "published": "2023-09-15"}))
    cap = 4096
    assert exported.stat().st_size > cap and article.stat().st_size > cap
    monkeypatch.setattr(pipeline, "MAX_BYTES", cap)
    with open_repository(str(tmp_path / "new.db")) as repo:
        summary = pipeline.ingest_paths([exported, article], repo)
        assert (summary.added, summary.events) == (1, 8)
        ((name, reason),) = summary.refused
        assert name == str(article) and reason.startswith("too large")
        assert {event.status for event in repo.list_events()} >= {
            Status.ACCEPTED, Status.CORRECTED, Status.REJECTED}


def test_an_edited_export_text_is_keyed_by_its_own_hash_not_the_files(tmp_path):
    from timeline.pipeline import ingest_paths
    from timeline.store.convert import content_hash

    original, exported = tmp_path / "original.db", tmp_path / "f.json"
    exported_reviewed_seed(original, exported)
    document = json.loads(exported.read_text(encoding="utf-8"))
    (record,) = document["articles"]
    record["text"] += "\nCorrection appended by an editor."
    exported.write_text(json.dumps(document), encoding="utf-8")
    # Into the original database it is a new text, not "already there".
    with open_repository(str(original)) as repo:
        summary = ingest_paths([exported], repo)
        assert (summary.added, summary.already) == (1, 0)
        stored = repo.get_article(summary.article_ids[0])
    assert stored.content_hash == content_hash(record["text"])
    # The seed itself, ingested again, is still recognised.
    done = timeline("ingest", str(SEED), "--db", str(original))
    assert "already there: 1" in done.stdout
