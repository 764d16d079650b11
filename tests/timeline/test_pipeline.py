"""The ingest pipeline against real SQLite files: seed end to end, idempotence,
bad inputs among good ones, progress, cancellation, publication-date change."""

from __future__ import annotations

import json
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from tests.conftest import postgres_server_url, private_schema_url
from timeline.pipeline import analyse, change_publication_date, ingest_paths
from timeline.sources import load_article
from timeline.store import open_repository

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
SEED = SEEDS / "kim-jong-un-arrives-in-russia.txt"


@pytest.fixture
def repo(tmp_path):
    with open_repository(f"sqlite:///{tmp_path / 'timeline.db'}") as repository:
        yield repository


@pytest.fixture(params=["sqlite", "postgresql"])
def any_repo(request, tmp_path):
    """A repository on a fresh SQLite file, and on a private schema of the team-mode
    PostgreSQL server (skipped without one, failed when CI requires it)."""
    if request.param == "sqlite":
        with open_repository(f"sqlite:///{tmp_path / 'timeline.db'}") as repository:
            yield repository
        return
    with private_schema_url(postgres_server_url(), "ingest") as url:
        with open_repository(url) as repository:
            yield repository


def copy_seed(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(SEED, folder / SEED.name)
    shutil.copy(SEED.with_name(SEED.stem + ".meta.json"), folder)
    return folder / SEED.name


def test_seed_goes_in_with_its_expected_events(any_repo, seed_expected):
    repo = any_repo
    summary = ingest_paths([SEED], repo)
    assert (summary.added, summary.already, summary.refused) == (1, 0, [])
    (article,) = repo.list_articles()
    assert article.published == datetime(2023, 9, 12) and article.dct_source == "sidecar"
    events = repo.list_events(article_ids=[article.id])
    assert summary.events == len(events)
    dated = {(e.timex_value[:10] if e.timex_value else None) for e in events
             if not e.inferred and not e.open_ended}
    assert {e["date"] for e in seed_expected["events"]} <= dated
    khasan = [e for e in events if "Khasan" in e.description]
    assert khasan and all(e.earliest == datetime(2023, 9, 12) for e in khasan)
    (summit,) = [e for e in events if e.timex_value == "2019"]
    assert (summit.earliest, summit.latest) == (datetime(2019, 1, 1), datetime(2020, 1, 1))
    assert not any(e.granularity.value == "duration" for e in events)


def test_second_ingest_adds_nothing(any_repo):
    repo = any_repo
    first = ingest_paths([SEED], repo)
    second = ingest_paths([SEED], repo)
    assert (second.added, second.already, second.events) == (0, 1, 0)
    assert len(repo.list_articles()) == 1
    assert repo.count_events() == first.events


def test_bad_inputs_are_named_and_good_ones_go_in(repo, tmp_path):
    folder = tmp_path / "in"
    copy_seed(folder)
    (folder / "2023-09-13-good.txt").write_text("Rebels seized the town on Monday.\n")
    (folder / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x00\x00garbage")
    (folder / "empty.md").write_text("")
    (folder / "latin1.txt").write_bytes("Caf\xe9 opened on Monday.".encode("latin-1"))
    (folder / "broken.json").write_text('{"text": "x", "published": ')
    (folder / "undated.txt").write_text("No date anywhere in here.")
    feed = [{"text": "Talks ended on Friday.", "published": "2023-09-15"}, "not an object"]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(item) for item in feed))
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (folder / "README.md").write_text("About these articles.")
    summary = ingest_paths([folder], repo)
    assert summary.added == 3
    assert summary.skipped == [folder / "README.md", folder / "photo.jpg"]
    reasons = dict(summary.refused)
    assert set(reasons) == {
        str(folder / "binary.txt"), str(folder / "empty.md"), str(folder / "latin1.txt"),
        str(folder / "broken.json"), str(folder / "undated.txt"), f"{folder / 'feed.jsonl'}:2"}
    assert "binary" in reasons[str(folder / "binary.txt")]
    assert "empty" in reasons[str(folder / "empty.md")]
    assert "not UTF-8" in reasons[str(folder / "latin1.txt")]
    assert "invalid JSON" in reasons[str(folder / "broken.json")]
    assert "--date" in reasons[str(folder / "undated.txt")]
    assert "expected a JSON object" in reasons[f"{folder / 'feed.jsonl'}:2"]
    titles = {a.source_path for a in repo.list_articles()}
    assert titles == {str(folder / SEED.name), str(folder / "2023-09-13-good.txt"),
                      f"{folder / 'feed.jsonl'}:1"}


def test_command_line_date_applies_to_every_article(repo, tmp_path):
    (tmp_path / "a.txt").write_text("Kim left for Russia on Sunday with his officials.")
    summary = ingest_paths([tmp_path / "a.txt"], repo, published=datetime(2023, 9, 12))
    assert summary.added == 1
    (article,) = repo.list_articles()
    assert (article.published, article.dct_source) == (datetime(2023, 9, 12), "cli")
    (event,) = [e for e in repo.list_events() if not e.inferred]
    assert event.earliest == datetime(2023, 9, 10)


def make_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        path = folder / f"2023-09-{number + 1:02d}-story.txt"
        path.write_text(f"Story {number}: the council met on Monday and voted.\n")
        paths.append(path)
    return paths


def test_progress_reports_each_file_in_order(repo, tmp_path):
    paths = make_articles(tmp_path / "in", 4)
    calls = []
    ingest_paths([tmp_path / "in"], repo, progress=lambda *call: calls.append(call))
    assert calls == [(0, 4, "")] + [(n + 1, 4, str(path)) for n, path in enumerate(paths)]


def test_cancel_stops_between_articles_and_a_rerun_completes(repo, tmp_path):
    make_articles(tmp_path / "in", 5)
    done = []
    summary = ingest_paths([tmp_path / "in"], repo, progress=lambda *call: done.append(call),
                           cancel=lambda: len(done) >= 3)  # the start call + 2 files
    assert summary.cancelled and summary.added == 2
    assert len(repo.list_articles()) == 2
    rerun = ingest_paths([tmp_path / "in"], repo)
    assert (rerun.added, rerun.already, rerun.cancelled) == (3, 2, False)


def test_publication_date_change_moves_unreviewed_and_keeps_reviewed(any_repo):
    repo = any_repo
    ingest_paths([SEED], repo)
    (article,) = repo.list_articles()
    before = repo.list_events(article_ids=[article.id])
    (sunday,) = [e for e in before if e.expression == "Sunday"]
    (monday,) = [e for e in before if e.expression == "Monday"]
    accepted = repo.accept(monday.id, expected_version=monday.version, actor="tester")
    new_date = datetime(2023, 9, 19)

    snapshot = repo.list_events(article_ids=[article.id])
    preview = change_publication_date(repo, article.id, new_date, dry_run=True)
    assert repo.list_events(article_ids=[article.id]) == snapshot
    assert repo.get_article(article.id).published == datetime(2023, 9, 12)
    assert any(old.id == sunday.id for old, _ in preview.moved)

    change = change_publication_date(repo, article.id, new_date, actor="tester")
    moved = {old.id: new for old, new in change.moved}
    assert moved[sunday.id].earliest == datetime(2023, 9, 17)
    assert [e.id for e in change.kept_reviewed] == [accepted.id]
    assert repo.get_event(accepted.id).earliest == datetime(2023, 9, 11)
    assert repo.get_article(article.id).published == new_date
    assert repo.get_article(article.id).dct_source == "analyst"


def test_analyse_matches_what_ingest_stores(repo):
    summary = ingest_paths([SEED], repo)
    mentions, events = analyse(load_article(SEED))
    assert summary.events == len(events)
    assert len(repo.article_mentions(repo.list_articles()[0].id)) == len(mentions)


def test_a_pasted_article_goes_in_once(repo):
    from timeline.pipeline import ingest_article
    from timeline.sources import article_from_text

    article = article_from_text("Rebels seized the town on Monday.", datetime(2023, 9, 12),
                                title="Pasted")
    first = ingest_article(article, repo)
    assert (first.added, first.events, first.refused) == (1, 1, [])
    again = ingest_article(article, repo)
    assert (again.added, again.already, again.article_ids) == (0, 1, first.article_ids)
    (event,) = repo.list_events()
    assert event.earliest == datetime(2023, 9, 11) and event.title == "Rebels seized the town"


def _fill_the_disk(repo) -> None:
    # SQLite's own "database or disk is full" (SQLITE_FULL), as on a full disk: every
    # new connection may not grow the file past the pages it has now.
    from sqlalchemy import event

    repo._engine.dispose()

    @event.listens_for(repo._engine, "connect")
    def _cap(dbapi_connection, _record) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages}")


def test_a_failing_database_stops_the_ingest_with_one_message_and_the_count_left(
        repo, tmp_path):
    from timeline.pipeline import DATABASE_FAILURES_IN_A_ROW

    files = make_articles(tmp_path / "many", 12)
    for file in files:  # each one needs new pages
        file.write_text(file.read_text() + f"{file.name} filler. " * 800)
    ingest_paths(files[:1], repo)
    _fill_the_disk(repo)
    summary = ingest_paths(files[1:], repo)
    assert summary.added == 0
    assert len(summary.refused) == DATABASE_FAILURES_IN_A_ROW
    assert all("full" in reason for _name, reason in summary.refused)
    assert summary.left == 11 - DATABASE_FAILURES_IN_A_ROW
    assert summary.stopped is not None and "\n" not in summary.stopped
    assert f"{DATABASE_FAILURES_IN_A_ROW} articles in a row" in summary.stopped
    assert f"{summary.left} file" in summary.stopped


def test_an_article_refused_for_itself_does_not_stop_the_ingest(repo, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    for number in range(5):  # five refusals in a row, none the database's fault
        (folder / f"a{number}.json").write_text(json.dumps(
            {"text": f"Kim left on Sunday {number}.", "published": "2023-09-12",
             "title": "x" * 70_000}), encoding="utf-8")
    make_articles(folder, 2)
    summary = ingest_paths([folder], repo)
    assert (summary.added, len(summary.refused), summary.stopped) == (2, 5, None)


def test_a_rerun_recognises_stored_articles_before_tagging_them(repo, tmp_path, monkeypatch):
    files = make_articles(tmp_path / "again", 3)
    first = ingest_paths(files, repo)
    assert first.added == 3

    def tagger_called(article):
        raise AssertionError(f"{article.source_path} was tagged again")

    monkeypatch.setattr("timeline.pipeline.analyse", tagger_called)
    monkeypatch.setattr("timeline.pipeline.mentions_of", tagger_called)
    again = ingest_paths(files, repo)
    assert (again.added, again.already, again.refused) == (0, 3, [])
    assert again.article_ids == first.article_ids


def test_an_ingest_into_a_read_only_database_stops_after_a_few(repo, tmp_path):
    from timeline.pipeline import DATABASE_FAILURES_IN_A_ROW

    files = make_articles(tmp_path / "ro", 6)
    with open_repository(repo.url, read_only=True) as reader:
        summary = ingest_paths(files, reader)
    assert summary.added == 0 and len(summary.refused) == DATABASE_FAILURES_IN_A_ROW
    assert "read-only" in summary.stopped and summary.left == 6 - DATABASE_FAILURES_IN_A_ROW
