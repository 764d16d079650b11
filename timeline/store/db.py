"""Engines: the default database location and the SQLite connection settings.

No engine exists at import time; ``make_engine`` builds one per repository.
"""

from __future__ import annotations

import os
import sqlite3
import time
from pathlib import Path
from urllib.parse import quote

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event, exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.pool import ConnectionPoolEntry, QueuePool

from timeline.store.errors import StoreError

# Milliseconds a writer waits for another writer's lock before giving up.
SQLITE_BUSY_TIMEOUT_MS = 10_000

# An execution option marking a connection whose transaction will write: on SQLite it
# takes the write lock at BEGIN, so a read-then-update never fails half way when
# another writer got in between (SQLITE_BUSY_SNAPSHOT is not retried by busy_timeout).
WRITE_OPTION = "timeline_write"


def default_database_url() -> str:
    """Return the URL of the default SQLite file in the user's data directory."""
    data_dir = Path(platformdirs.user_data_dir("timeline", appauthor=False))
    return f"sqlite:///{data_dir / 'timeline.sqlite3'}"


def shown_url(url: str) -> str:
    """Return ``url`` fit for a message: any password masked."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (exc.ArgumentError, ValueError):
        return url


def sqlite_file(url: str) -> Path | None:
    """Return the file a SQLite ``url`` names (absolute), or None for other backends,
    in-memory and ``file:`` URIs, and a string that is not a URL at all."""
    try:
        parsed = make_url(url)
    except (exc.ArgumentError, ValueError):
        return None
    name = parsed.database
    if parsed.get_backend_name() != "sqlite" or not name or name == ":memory:":
        return None
    if name.startswith("file:"):
        return None
    return Path(name).expanduser().absolute()


def missing_sqlite_file(url: str) -> Path | None:
    """Return the file a SQLite ``url`` names when that file does not exist, else None.

    Opening such a URL would create an empty database there, which a command that
    only reads must not do (a mistyped --db would read as "nothing stored" and leave
    a stray file). None too for other backends, in-memory and ``file:`` URIs, and a
    string that is not a URL at all (opening it says why).
    """
    path = sqlite_file(url)
    return None if path is None or path.exists() else path


def make_engine(url: str, *, read_only: bool = False, immutable: bool = False) -> Engine:
    """Return an engine for ``url``; SQLite ones get WAL, foreign keys and a busy timeout.

    ``read_only`` opens a SQLite file with ``mode=ro`` (never created, never switched
    to WAL, every statement refused a write by ``query_only``) and makes every
    PostgreSQL transaction READ ONLY. ``immutable`` (SQLite, read-only) also tells
    SQLite the file cannot change, which is what lets it read a WAL file whose folder
    it cannot write. Raises StoreError for a malformed URL or a missing driver.
    """
    try:
        parsed = make_url(url)
    except (exc.ArgumentError, ValueError) as error:
        raise StoreError(f"not a database URL: {url!r} ({error})") from None
    if read_only:
        return _read_only_engine(url, parsed, immutable)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:" and not database.startswith("file:"):
            Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)
        try:
            engine = create_engine(parsed, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        except exc.NoSuchModuleError as error:
            raise StoreError(f"no database driver for {shown_url(url)}: {error}") from None
        _configure_sqlite(engine)
        return engine
    try:
        return create_engine(parsed, pool_pre_ping=True)
    except (exc.NoSuchModuleError, exc.ArgumentError, ImportError) as error:
        raise StoreError(f"no database driver for {shown_url(url)}: {error}") from None


def _read_only_engine(url: str, parsed: URL, immutable: bool) -> Engine:
    path = sqlite_file(url)
    try:
        if path is not None:
            # query_only refuses every write either way; mode=rw (never creates a file
            # either) where we could write, so SQLite tidies its -wal/-shm files at the
            # end as it does for a writer, and mode=ro where we cannot.
            writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
            mode = "rw" if writable and not immutable else "ro"
            uri = f"file:{quote(str(path))}?mode={mode}" + ("&immutable=1" if immutable else "")

            def connect() -> sqlite3.Connection:
                # A URI, so SQLite itself opens the file read-only and never creates it.
                return sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT_MS / 1000,
                                       check_same_thread=False)

            # A file's pool, not the one-per-thread pool "sqlite://" (memory) would get.
            engine = create_engine("sqlite://", creator=connect, poolclass=QueuePool)
            _configure_sqlite(engine, read_only=True)
            return engine
        engine = create_engine(parsed, pool_pre_ping=True)
    except (exc.NoSuchModuleError, exc.ArgumentError, ImportError) as error:
        raise StoreError(f"no database driver for {shown_url(url)}: {error}") from None
    if engine.dialect.name == "postgresql":
        @event.listens_for(engine, "connect")
        def _read_only_session(
            dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry
        ) -> None:
            cursor = dbapi_connection.cursor()
            try:
                cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            finally:
                cursor.close()
            dbapi_connection.commit()
    return engine


# What SQLite hands a function and takes back from it.
SQLiteValue = str | bytes | int | float | None


def unicode_lower(value: SQLiteValue) -> SQLiteValue:
    """Return ``value`` in lower case over all of Unicode, as PostgreSQL's lower() does
    (anything but text unchanged); SQLite connections use it as lower()."""
    return value.lower() if isinstance(value, str) else value


def _enter_wal(cursor: sqlite3.Cursor) -> None:
    """Switch the file to WAL, waiting out other connections doing the same.

    Turning a fresh file to WAL takes an exclusive lock, and SQLite answers "database is
    locked" at once, without its busy handler, when another process holds it (programs
    opening a new database together): so wait here, as busy_timeout would.
    """
    deadline = time.monotonic() + SQLITE_BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def _configure_sqlite(engine: Engine, *, read_only: bool = False) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(
        dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry
    ) -> None:
        # The driver's own implicit transactions would start too late for locking;
        # we emit BEGIN ourselves in _on_begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        if read_only:
            # Switching to WAL is a write; a reader takes the file as it is.
            cursor.execute("PRAGMA query_only=ON")
        else:
            _enter_wal(cursor)
        cursor.execute("PRAGMA foreign_keys=ON")
        if not read_only:
            # Durable at every checkpoint and safe against a killed process in WAL mode.
            cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()
        # SQLite's own lower() folds ASCII only, so a search for "élysée" missed
        # "Élysée" that PostgreSQL finds; the text filters (icontains) go through it.
        dbapi_connection.create_function("lower", 1, unicode_lower, deterministic=True)

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Connection) -> None:
        writes = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes and not read_only else "BEGIN")
