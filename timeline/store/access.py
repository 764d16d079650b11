"""Which databases the store opens, and how.

A database is this app's when it holds the ``articles`` and ``alembic_version``
tables, empty when it holds no table at all, and another program's otherwise: that
one is refused after a read-only look, before anything (tables, WAL mode) is written
to it. Reading opens read-only and never creates, migrates or switches a file to WAL.
"""

from __future__ import annotations

from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, inspect
from sqlalchemy import exc as sa_exc

from timeline.store.db import make_engine, shown_url, sqlite_file
from timeline.store.errors import NewerSchemaError, ReadOnlyDatabaseError, StoreError
from timeline.store.migrate import alembic_config

OWN_TABLES = frozenset({"articles", "alembic_version"})
TABLES_NAMED = 5
# What SQLite and PostgreSQL say when a database can be read but not written here.
_CANNOT_WRITE = ("readonly database", "read-only", "unable to open database file",
                 "read only")


def first_line(error: BaseException) -> str:
    """Return the first line of a (driver) error's message, fit for one-line reports."""
    text = str(getattr(error, "orig", None) or error)
    return text.strip().splitlines()[0] if text.strip() else type(error).__name__


def cannot_write(error: BaseException) -> bool:
    """Return True when ``error`` says the database cannot be written here (a
    read-only file, folder or mount, or a read-only server)."""
    message = first_line(error).lower()
    return any(words in message for words in _CANNOT_WRITE)


def refuse_foreign(url: str) -> None:
    """Raise StoreError when ``url`` holds another program's tables; nothing is
    written (a SQLite file is looked at read-only). A missing or zero-byte SQLite file
    is a new database and passes."""
    path = sqlite_file(url)
    if path is not None and (not path.exists() or path.stat().st_size == 0):
        return
    engine = reading_engine(url)
    try:
        timeline_tables(engine, url)
    finally:
        engine.dispose()


def reading_engine(url: str) -> Engine:
    """Return a read-only engine on ``url`` that has been able to read it.

    A SQLite file in WAL mode whose folder cannot be written (no -shm can be made) is
    read as immutable: taken as it is when read. Raises StoreError when the database
    cannot be opened at all.
    """
    engine = make_engine(url, read_only=True)
    try:
        _probe(engine)
        return engine
    except sa_exc.SQLAlchemyError as error:
        engine.dispose()
        if sqlite_file(url) is None or not cannot_write(error):
            raise StoreError(
                f"cannot open database {shown_url(url)}: {first_line(error)}") from None
    engine = make_engine(url, read_only=True, immutable=True)
    try:
        _probe(engine)
    except sa_exc.SQLAlchemyError as error:
        engine.dispose()
        raise StoreError(f"cannot open database {shown_url(url)}: {first_line(error)}") from None
    return engine


def _probe(engine: Engine) -> None:
    # The first read is what fails on an unreadable file or a WAL file without -shm.
    with engine.connect() as connection:
        inspect(connection).get_table_names()


def timeline_tables(engine: Engine, url: str) -> bool:
    """Return True when the database holds this app's tables, False when it holds none;
    raise StoreError, naming some of them, when it holds another program's."""
    try:
        with engine.connect() as connection:
            names = [name for name in inspect(connection).get_table_names()
                     if not name.startswith("sqlite_")]
    except sa_exc.SQLAlchemyError as error:
        raise StoreError(f"cannot open database {shown_url(url)}: {first_line(error)}") from None
    if not names:
        return False
    if OWN_TABLES <= set(names):
        return True
    shown = ", ".join(sorted(names)[:TABLES_NAMED]) + (", ..." if len(names) > TABLES_NAMED else "")
    raise StoreError(
        f"{shown_url(url)} is not a timeline database (it holds other tables: {shown}); "
        "nothing was written to it. Give a new file or an empty database with --db"
    )


def open_for_reading(url: str) -> Engine:
    """Return a read-only engine on the timeline database at ``url``, whose schema is
    at this app's newest revision. Raises StoreError for a missing file, an empty or
    foreign database, or an older schema (reading never migrates), NewerSchemaError
    for a newer one."""
    path = sqlite_file(url)
    if path is not None and not path.exists():
        raise StoreError(f"no database at {path} (timeline ingest PATH creates it)")
    engine = reading_engine(url)
    try:
        if not timeline_tables(engine, url):
            raise StoreError(f"{shown_url(url)} holds no timeline data yet "
                             "(timeline ingest PATH fills it)")
        _check_at_head(engine, url)
    except BaseException:
        engine.dispose()
        raise
    return engine


def _check_at_head(engine: Engine, url: str) -> None:
    scripts = ScriptDirectory.from_config(alembic_config())
    head = scripts.get_current_head()
    try:
        with engine.connect() as connection:
            stamped = MigrationContext.configure(connection).get_current_revision()
    except sa_exc.SQLAlchemyError as error:
        raise StoreError(f"cannot open database {shown_url(url)}: {first_line(error)}") from None
    if stamped == head:
        return
    # An unstamped database (None) is older than any revision.
    if stamped is not None:
        try:
            scripts.get_revision(stamped)
        except CommandError:
            raise NewerSchemaError(
                f"the database has schema revision {stamped!r}, newer than this version of "
                f"timeline knows (up to {head!r}); update timeline to open it") from None
    raise StoreError(
        f"the database has schema revision {stamped!r}, older than this version of "
        f"timeline ({head!r}); reading does not upgrade it: open it once with "
        "`timeline ingest` or the window"
    )


def read_only_refusal(url: str, error: BaseException) -> ReadOnlyDatabaseError:
    """Return the error for a database that cannot be written (``error`` said so)."""
    return ReadOnlyDatabaseError(
        f"cannot write database {shown_url(url)}: {first_line(error)}")
