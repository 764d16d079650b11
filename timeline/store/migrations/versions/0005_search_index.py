"""Search and interval indexes: full text of title, sentence and expression, and the
events' spans, so the text filter and the day window read an index, not the table.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02

SQLite: an external-content FTS5 table ``events_fts`` and an R*Tree ``events_span``
(days from 2000-01-01 of earliest and latest), both kept in step with ``events`` by
triggers, so every path that writes events (add, edit, review, delete, cascade) updates
them. PostgreSQL: expression indexes (GIN over a 'simple' tsvector, GiST over a
tsrange) that the server keeps itself. Both are filled for the rows already stored.
The expressions here and in timeline.store.search / timeline.store.spans are one and
the same text: the planners match an expression index only on an identical expression.
"""

from __future__ import annotations

from alembic import op

from timeline.store.search import PG_DOCUMENT, SQLITE_TOKENIZER
from timeline.store.spans import PG_SPAN, SQLITE_DAY

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SQLITE_UPGRADE = [
    f"""CREATE VIRTUAL TABLE events_fts USING fts5(
        title, description, expression, content='events', content_rowid='id',
        tokenize="{SQLITE_TOKENIZER}")""",
    """CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, title, description, expression)
        VALUES (new.id, new.title, new.description, new.expression);
    END""",
    """CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, title, description, expression)
        VALUES ('delete', old.id, old.title, old.description, old.expression);
    END""",
    """CREATE TRIGGER events_fts_update AFTER UPDATE OF title, description, expression
    ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, title, description, expression)
        VALUES ('delete', old.id, old.title, old.description, old.expression);
        INSERT INTO events_fts(rowid, title, description, expression)
        VALUES (new.id, new.title, new.description, new.expression);
    END""",
    "INSERT INTO events_fts(events_fts) VALUES ('rebuild')",
    # An event with no earliest bound is never in a window; one with no latest bound
    # reaches on for ever (1e30 days). R*Tree keeps 32-bit floats rounded outwards, so
    # the index finds a superset and the exact bounds are checked on the row.
    "CREATE VIRTUAL TABLE events_span USING rtree(id, first_day, last_day)",
    f"""CREATE TRIGGER events_span_insert AFTER INSERT ON events
    WHEN new.earliest IS NOT NULL BEGIN
        INSERT INTO events_span(id, first_day, last_day) VALUES (
            new.id, {SQLITE_DAY.format(column="new.earliest")},
            coalesce({SQLITE_DAY.format(column="new.latest")}, 1e30));
    END""",
    """CREATE TRIGGER events_span_delete AFTER DELETE ON events BEGIN
        DELETE FROM events_span WHERE id = old.id;
    END""",
    f"""CREATE TRIGGER events_span_update AFTER UPDATE OF earliest, latest ON events BEGIN
        DELETE FROM events_span WHERE id = old.id;
        INSERT INTO events_span(id, first_day, last_day)
        SELECT new.id, {SQLITE_DAY.format(column="new.earliest")},
               coalesce({SQLITE_DAY.format(column="new.latest")}, 1e30)
        WHERE new.earliest IS NOT NULL;
    END""",
    f"""INSERT INTO events_span(id, first_day, last_day)
    SELECT id, {SQLITE_DAY.format(column="earliest")},
           coalesce({SQLITE_DAY.format(column="latest")}, 1e30)
    FROM events WHERE earliest IS NOT NULL""",
]

SQLITE_DOWNGRADE = [
    "DROP TRIGGER events_span_update",
    "DROP TRIGGER events_span_delete",
    "DROP TRIGGER events_span_insert",
    "DROP TABLE events_span",
    "DROP TRIGGER events_fts_update",
    "DROP TRIGGER events_fts_delete",
    "DROP TRIGGER events_fts_insert",
    "DROP TABLE events_fts",
]

POSTGRESQL_UPGRADE = [
    f"CREATE INDEX ix_events_fulltext ON events USING gin ({PG_DOCUMENT})",
    f"CREATE INDEX ix_events_span ON events USING gist ({PG_SPAN})",
]

POSTGRESQL_DOWNGRADE = [
    "DROP INDEX ix_events_span",
    "DROP INDEX ix_events_fulltext",
]


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    statements = {"sqlite": SQLITE_UPGRADE, "postgresql": POSTGRESQL_UPGRADE}.get(dialect, [])
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    statements = {"sqlite": SQLITE_DOWNGRADE, "postgresql": POSTGRESQL_DOWNGRADE}.get(dialect, [])
    for statement in statements:
        op.execute(statement)
