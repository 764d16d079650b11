"""Articles' text fingerprint: the same story as .txt and .tml is recognised at import.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02

Stored articles get their fingerprint here, computed from their text with the function
the app uses (timeline.store.fingerprint), so a later import of a near-duplicate of an
article stored before this revision is recognised too. Not unique: a database may
already hold such pairs, and they are kept.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from timeline.store.fingerprint import text_fingerprint

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# Articles read and updated per round trip while filling the column.
BATCH = 500


def upgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.add_column(sa.Column("text_fingerprint", sa.String(length=64), nullable=True))
        batch.create_index("ix_articles_text_fingerprint", ["text_fingerprint"])
    articles = sa.table("articles", sa.column("id", sa.Integer()), sa.column("text", sa.Text()),
                        sa.column("text_fingerprint", sa.String(64)))
    connection = op.get_bind()
    last_id = 0
    while True:
        rows = connection.execute(
            sa.select(articles.c.id, articles.c.text).where(articles.c.id > last_id)
            .order_by(articles.c.id).limit(BATCH)).all()
        if not rows:
            return
        connection.execute(
            articles.update().where(articles.c.id == sa.bindparam("row_id"))
            .values(text_fingerprint=sa.bindparam("fingerprint")),
            [{"row_id": row_id, "fingerprint": text_fingerprint(text)} for row_id, text in rows])
        last_id = rows[-1][0]


def downgrade() -> None:
    with op.batch_alter_table("articles") as batch:
        batch.drop_index("ix_articles_text_fingerprint")
        batch.drop_column("text_fingerprint")
