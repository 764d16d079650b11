"""A narrow covering index for the day window's ids and counts on SQLite.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02

The R*Tree of 0005 finds a day's candidates at once, but checking their exact bounds
and status read each candidate's row of the wide events table (3,000 random row reads
for a day among 10^6 events). ``ix_events_span_reach`` holds (reach class, earliest,
latest, status) for each dated event, where the class is the event's length rounded up
to a power of two days (timeline.store.spans): a window reads one short range of it per
class and never the table. SQLite keeps the index itself, for the rows already stored
too; the expression is the one timeline.store.spans repeats in its queries. PostgreSQL
keeps its GiST index of 0005, which already answers in well under a millisecond.
"""

from __future__ import annotations

from alembic import op

from timeline.store.spans import REACH_INDEX, SQLITE_REACH

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"CREATE INDEX {REACH_INDEX} ON events "
                   f"({SQLITE_REACH}, earliest, latest, status) WHERE earliest IS NOT NULL")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute(f"DROP INDEX {REACH_INDEX}")
