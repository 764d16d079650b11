"""Which databases the store opens, and how: another program's database is refused
before anything is written to it; reading opens read-only, never creating or
migrating; a database that cannot be written is still read; numbers past what a
database column holds are a one-line refusal or "not found", never an OverflowError."""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from timeline.model import Article
from timeline.store import NotFoundError, StoreError, open_repository

ROOT = Path(__file__).resolve().parents[3]
HUGE = 2**70


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _foreign_sqlite(path: Path) -> Path:
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
        connection.execute("INSERT INTO contacts VALUES ('Ann', '555')")
    return path


@pytest.mark.parametrize("read_only", [False, True])
def test_another_programs_sqlite_file_is_refused_and_left_byte_for_byte(tmp_path, read_only):
    foreign = _foreign_sqlite(tmp_path / "contacts.db")
    before = _digest(foreign)
    with pytest.raises(StoreError) as refused:
        open_repository(str(foreign), read_only=read_only)
    message = str(refused.value)
    assert "not a timeline database" in message and "contacts" in message
    assert "\n" not in message
    assert _digest(foreign) == before
    assert sorted(os.listdir(tmp_path)) == ["contacts.db"]  # no -wal, no -shm
    with sqlite3.connect(foreign) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_another_programs_postgresql_schema_is_refused(backend, db_url):
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE contacts (name TEXT)"))
    engine.dispose()
    with pytest.raises(StoreError, match="not a timeline database"):
        open_repository(db_url)
    engine = create_engine(db_url)
    with engine.connect() as connection:
        tables = connection.dialect.get_table_names(connection)
    engine.dispose()
    assert tables == ["contacts"]


def test_a_zero_byte_file_is_an_empty_database_to_write(tmp_path):
    empty = tmp_path / "new.sqlite3"
    empty.touch()
    with open_repository(str(empty)) as repository:
        assert repository.list_events() == []


def test_read_only_never_creates_a_file(tmp_path):
    missing = tmp_path / "none.sqlite3"
    with pytest.raises(StoreError, match="no database"):
        open_repository(str(missing), read_only=True)
    assert not missing.exists()


def test_read_only_never_migrates_an_empty_database(tmp_path):
    empty = tmp_path / "empty.sqlite3"
    empty.touch()
    with pytest.raises(StoreError, match="no timeline data"):
        open_repository(str(empty), read_only=True)
    assert empty.stat().st_size == 0


def _stored(url: str) -> None:
    with open_repository(url) as repository:
        repository.add_article(
            Article(text="Kim left on Sunday.", published=None, title="Kim"), [], [])


def test_read_only_reads_and_refuses_every_write(backend, db_url):
    _stored(db_url)
    with open_repository(db_url, read_only=True) as repository:
        assert repository.read_only
        assert [article.title for article in repository.list_articles()] == ["Kim"]
        with pytest.raises(StoreError, match="read-only"):
            repository.add_article(Article(text="Another text.", published=None), [], [])
    with open_repository(db_url) as repository:
        assert not repository.read_only
        assert len(repository.list_articles()) == 1


def _as_nobody(*argv: str, cwd: Path) -> subprocess.CompletedProcess:
    # Root writes any file whatever its mode: the test reads as an ordinary user.
    command = [sys.executable, *argv]
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *command]
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd, timeout=120,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    if result.returncode in (126, 127) or "ModuleNotFoundError" in result.stderr:
        pytest.skip("this Python (or the project) cannot be run as another user here")
    return result


needs_drop = pytest.mark.skipif(os.geteuid() == 0 and shutil.which("setpriv") is None,
                                reason="running as root without setpriv")


@needs_drop
@pytest.mark.parametrize("wal_files_left", [False, True])
def test_a_database_that_cannot_be_written_is_opened_read_only(wal_files_left):
    # Outside pytest's private temp folder, which another user cannot enter.
    folder = Path(tempfile.mkdtemp(prefix="timeline-read-only-"))
    database = folder / "colleague.sqlite3"
    _stored(str(database))
    if wal_files_left:  # a colleague's program still has it open
        with sqlite3.connect(database) as connection:
            connection.execute("PRAGMA journal_mode=WAL")
    os.chmod(database, 0o444)
    os.chmod(folder, 0o555)
    try:
        script = ("from timeline.store import open_repository\n"
                  f"repository = open_repository({str(database)!r}, read_only=None)\n"
                  "print(repository.read_only, len(repository.list_articles()))\n")
        result = _as_nobody("-c", script, cwd=ROOT)
        assert (result.returncode, result.stdout) == (0, "True 1\n"), result.stderr
        for command in ("events", "export"):
            result = _as_nobody("-m", "timeline", command, "--db", str(database), cwd=ROOT)
            assert result.returncode == 0, result.stderr
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)


def test_ids_past_what_a_column_holds_are_simply_not_there(repo):
    repo.add_article(Article(text="Kim left on Sunday.", published=None, title="Kim"), [], [])
    with pytest.raises(NotFoundError):
        repo.get_article(HUGE)
    with pytest.raises(NotFoundError):
        repo.get_event(-HUGE)
    assert repo.get_articles([HUGE, 1]).keys() == {1}
    assert repo.list_events(article_ids=[HUGE]) == []
    assert repo.get_events([HUGE]) == []


def test_a_number_past_what_a_column_holds_refuses_the_article_in_one_line(repo):
    from timeline.model import Event, Granularity

    event = Event(title="t", description="d", char_start=0, char_end=HUGE, expression=None,
                  expr_start=None, expr_end=None, timex_type=None, timex_value=None, mod=None,
                  earliest=None, latest=None, granularity=Granularity.UNKNOWN,
                  confidence=0.5, explanation="")
    with pytest.raises(StoreError) as refused:
        repo.add_article(Article(text="Kim left on Sunday.", published=None), [], [event])
    assert "\n" not in str(refused.value)
    assert repo.list_articles() == []
