"""Schema upgrades: Alembic, configured in code, run when a repository opens."""

from __future__ import annotations

import threading
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine, text

from timeline.store.db import WRITE_OPTION
from timeline.store.errors import NewerSchemaError

_UPGRADE_LOCK = threading.Lock()
# Any fixed number: the key of the PostgreSQL advisory lock held while migrating.
_PG_LOCK_KEY = 7_310_101

# Found next to this module, so it works from a checkout, an editable or a wheel install.
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config(script_location: Path | None = None) -> Config:
    """Return an Alembic Config pointing at the packaged migrations (no alembic.ini)."""
    config = Config()
    config.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    return config


def head_revision(script_location: Path | None = None) -> str | None:
    """Return the newest revision this version of the app knows."""
    return ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()


def current_revision(engine: Engine) -> str | None:
    """Return the revision the database is stamped with (None for a fresh database)."""
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def upgrade_to_head(engine: Engine, script_location: Path | None = None) -> str | None:
    """Bring the database's schema to the newest revision; returns that revision.

    Raises NewerSchemaError when the database carries a revision this app does not know,
    i.e. it was upgraded by a newer version of the app; nothing is changed then.
    """
    config = alembic_config(script_location)
    scripts = ScriptDirectory.from_config(config)
    head = scripts.get_current_head()
    stamped = current_revision(engine)
    if stamped == head:
        return head
    _refuse_unknown(scripts, stamped)
    # Alembic's command API keeps its context in module globals: one upgrade at a time.
    with _UPGRADE_LOCK, engine.connect() as connection:
        # Writers queue up (SQLite BEGIN IMMEDIATE, a PostgreSQL advisory lock), so two
        # programs opening a fresh database together do not both create the tables.
        connection.execution_options(**{WRITE_OPTION: True})
        with connection.begin():
            if connection.dialect.name == "postgresql":
                lock = text("SELECT pg_advisory_xact_lock(:key)")
                connection.execute(lock, {"key": _PG_LOCK_KEY})
            # Someone else may have upgraded while this one waited.
            _refuse_unknown(scripts, MigrationContext.configure(connection).get_current_revision())
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    return head


def _refuse_unknown(scripts: ScriptDirectory, stamped: str | None) -> None:
    if stamped is None:
        return
    try:
        scripts.get_revision(stamped)
    except CommandError:
        raise NewerSchemaError(
            f"the database has schema revision {stamped!r}, newer than this version of "
            f"timeline knows (up to {scripts.get_current_head()!r}); update timeline "
            "to open it"
        ) from None
