"""Alembic environment: run by timeline.store.migrate on a connection it hands over.

There is no alembic.ini; the Config is built in code, and the caller's open
connection arrives in ``config.attributes["connection"]``.
"""

from __future__ import annotations

from alembic import context

from timeline.store.schema import Base

config = context.config
target_metadata = Base.metadata


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("timeline migrations run through timeline.store.migrate only")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things in place: copy-and-move tables instead.
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
