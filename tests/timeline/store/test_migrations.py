"""The schema comes from Alembic: created at open, upgraded when older, refused when newer."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from timeline.store import NewerSchemaError, StoreError, default_database_url, open_repository
from timeline.store import migrate
from timeline.store.schema import Base

EXTRA_REVISION = '''
"""A test-only second revision: adds a column to articles."""
import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("summary", sa.Text(), nullable=True))


def downgrade():
    with op.batch_alter_table("articles") as batch:
        batch.drop_column("summary")
'''


def stamped_revision(url: str) -> str | None:
    engine = create_engine(url)
    try:
        return migrate.current_revision(engine)
    finally:
        engine.dispose()


def test_a_fresh_database_gets_every_table_at_the_head_revision(db_url):
    with open_repository(db_url):
        pass
    engine = create_engine(db_url)
    try:
        tables = set(inspect(engine).get_table_names())
        assert {"articles", "mentions", "events", "stories", "reviews", "alembic_version"} <= tables
        assert migrate.current_revision(engine) == migrate.head_revision() == "0006"
        index_columns = {
            tuple(index["column_names"]) for index in inspect(engine).get_indexes("events")
        }
        assert ("earliest", "latest", "id") in index_columns
        assert ("latest",) in index_columns
    finally:
        engine.dispose()


def test_the_migrated_schema_matches_the_orm_model(db_url):
    with open_repository(db_url):
        pass
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            # The search and span indexes of revision 0003 (virtual tables and their
            # shadow tables on SQLite, expression indexes on PostgreSQL) are no part of
            # the ORM model.
            context = MigrationContext.configure(connection, opts={
                "compare_type": True,
                "include_name": lambda name, _kind, _parent: not str(name).startswith(
                    ("events_fts", "events_span", "ix_events_fulltext", "ix_events_span")),
            })
            differences = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_an_older_database_is_upgraded_at_open_and_keeps_its_rows(
    db_url, tmp_path, monkeypatch, make_article
):
    with open_repository(db_url) as repository:
        stored = repository.add_article(make_article(), [], [])
    newer_scripts = tmp_path / "migrations"
    shutil.copytree(migrate.MIGRATIONS_DIR, newer_scripts)
    (newer_scripts / "versions" / "0099_test_summary.py").write_text(
        EXTRA_REVISION.replace("{head}", str(migrate.head_revision())))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", newer_scripts)

    with open_repository(db_url) as repository:
        assert repository.get_article(stored.article_id).title == "Article 1"
    assert stamped_revision(db_url) == "0099"
    engine = create_engine(db_url)
    try:
        assert "summary" in {column["name"] for column in inspect(engine).get_columns("articles")}
    finally:
        engine.dispose()


def test_a_database_from_a_newer_app_is_refused_and_left_alone(db_url, make_article):
    with open_repository(db_url) as repository:
        repository.add_article(make_article(), [], [])
    engine = create_engine(db_url)
    try:
        with engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    finally:
        engine.dispose()

    with pytest.raises(NewerSchemaError, match="0999.*newer than this version"):
        open_repository(db_url)
    assert stamped_revision(db_url) == "0999"


def test_sqlite_connections_use_wal_foreign_keys_and_a_busy_timeout(tmp_path):
    path = tmp_path / "pragmas.sqlite3"
    with open_repository(f"sqlite:///{path}") as repository:
        engine = repository._engine
        with engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
    # WAL is a property of the file: a plain connection sees it too.
    with sqlite3.connect(path) as plain:
        assert plain.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_plain_path_opens_a_sqlite_file(tmp_path):
    path = tmp_path / "sub" / "plain.sqlite3"
    with open_repository(str(path)) as repository:
        assert repository.url == f"sqlite:///{path}"
    assert path.exists()


def test_a_file_that_is_not_a_database_gives_a_one_line_store_error(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_text("not a database, just notes\n" * 100)
    with pytest.raises(StoreError) as raised:
        open_repository(f"sqlite:///{path}")
    message = str(raised.value)
    assert "not a database" in message and "\n" not in message
    assert path.read_text() == "not a database, just notes\n" * 100


def test_a_folder_that_cannot_be_made_gives_a_store_error(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("in the way")
    with pytest.raises(StoreError, match="cannot open database"):
        open_repository(str(blocker / "sub" / "timeline.sqlite3"))
    assert blocker.read_text() == "in the way"


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql+psycopg://analyst@host:notaport/timeline", "not a database URL"),
        ("nosuchdialect+nodriver://x/y", "no database driver"),
        ("postgresql+psycopg://analyst:secret@127.0.0.1:1/timeline", "cannot open database"),
    ],
)
def test_a_bad_url_gives_a_one_line_store_error_without_the_password(url, message):
    with pytest.raises(StoreError, match=message) as raised:
        open_repository(url)
    assert "secret" not in str(raised.value)
    assert "\n" not in str(raised.value)


def test_the_default_database_lives_in_the_users_data_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    url = default_database_url()
    assert url == f"sqlite:///{tmp_path / 'data' / 'timeline' / 'timeline.sqlite3'}"
    with open_repository(None) as repository:
        assert repository.url == url
    assert Path(tmp_path / "data" / "timeline" / "timeline.sqlite3").exists()


def test_programs_opening_a_fresh_database_together_all_succeed(db_url):
    # Real processes: each runs the migration itself, at the same moment.
    root = Path(__file__).resolve().parents[3]
    script = (
        "import sys, time\n"
        "from timeline.store import open_repository\n"
        "time.sleep(max(0.0, float(sys.argv[2]) - time.time()))\n"
        "with open_repository(sys.argv[1]) as repository:\n"
        "    print(repository.count_events())\n"
    )
    start_at = str(time.time() + 1.5)
    env = {**os.environ, "PYTHONPATH": str(root)}
    programs = [
        subprocess.Popen([sys.executable, "-c", script, db_url, start_at], env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(3)
    ]
    outputs = [program.communicate(timeout=120) for program in programs]
    assert [program.returncode for program in programs] == [0, 0, 0], outputs
    assert [out.strip() for out, _ in outputs] == ["0", "0", "0"]
    assert stamped_revision(db_url) == migrate.head_revision()


def _alembic(path: Path, action: str, target: str) -> None:
    config = migrate.alembic_config()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            getattr(command, action)(config, target)
    finally:
        engine.dispose()


def _index_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        return {row[0] for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index'")}


def test_a_filled_sqlite_file_gains_the_reach_index_and_loses_it_on_downgrade(
        tmp_path, make_article, make_event):
    path = tmp_path / "filled.sqlite3"
    url = f"sqlite:///{path}"
    day = datetime(2023, 9, 10)
    events = [make_event(title=f"{days} days", earliest=day - timedelta(days=days - 1),
                         latest=day + timedelta(days=1)) for days in (1, 3, 40, 400, 40_000)]
    with open_repository(url) as repository:
        repository.add_article(make_article(), [], events)
    _alembic(path, "downgrade", "0005")  # the file as revision 0005 left it, rows and all
    assert "ix_events_span_reach" not in _index_names(path)
    assert stamped_revision(url) == "0005"
    with open_repository(url) as repository:  # upgraded at open, the index filled
        assert "ix_events_span_reach" in _index_names(path)
        assert repository.count_events(start=day, end=day + timedelta(days=1)) == 5
        assert repository.count_events(start=day + timedelta(days=1),
                                       end=day + timedelta(days=2)) == 0
        assert [repository.get_event(event_id).title for event_id in
                repository.list_event_ids(start=day - timedelta(days=100),
                                          end=day - timedelta(days=99))] == [
            "40000 days", "400 days"]
    assert stamped_revision(url) == "0006"
    _alembic(path, "downgrade", "0005")
    assert "ix_events_span_reach" not in _index_names(path)
