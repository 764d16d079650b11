"""Stories: events that report one happening, with their readings; audit rows of a story.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-02

Events stored before this revision have no story; the repository groups them when it
opens the database (timeline.store.stories.group_ungrouped).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "stories",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("earliest", sa.DateTime(), nullable=True),
        sa.Column("latest", sa.DateTime(), nullable=True),
        sa.Column("granularity", sa.String(length=16), nullable=False),
        sa.Column("conflict", sa.Boolean(), nullable=False),
        sa.Column("sources", sa.Integer(), nullable=False),
        sa.Column("events", sa.Integer(), nullable=False),
        sa.Column("chosen_earliest", sa.DateTime(), nullable=True),
        sa.Column("chosen_latest", sa.DateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("version >= 1", name=op.f("ck_stories_version")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stories")),
    )
    op.create_index("ix_stories_interval", "stories", ["earliest", "latest", "id"])
    with op.batch_alter_table("events") as batch:
        batch.add_column(sa.Column("story_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_events_story_id_stories"), "stories", ["story_id"], ["id"],
            ondelete="SET NULL",
        )
        batch.create_index(op.f("ix_events_story_id"), ["story_id"])
    with op.batch_alter_table("reviews") as batch:
        batch.alter_column("event_id", existing_type=sa.Integer(), nullable=True)
        batch.add_column(sa.Column("story_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_reviews_story_id_stories"), "stories", ["story_id"], ["id"],
            ondelete="CASCADE",
        )
        batch.create_index(op.f("ix_reviews_story_id"), ["story_id"])


def downgrade() -> None:
    with op.batch_alter_table("reviews") as batch:
        batch.drop_index(op.f("ix_reviews_story_id"))
        batch.drop_constraint(op.f("fk_reviews_story_id_stories"), type_="foreignkey")
        batch.drop_column("story_id")
    op.execute("DELETE FROM reviews WHERE event_id IS NULL")
    with op.batch_alter_table("reviews") as batch:
        batch.alter_column("event_id", existing_type=sa.Integer(), nullable=False)
    with op.batch_alter_table("events") as batch:
        batch.drop_index(op.f("ix_events_story_id"))
        batch.drop_constraint(op.f("fk_events_story_id_stories"), type_="foreignkey")
        batch.drop_column("story_id")
    op.drop_index("ix_stories_interval", table_name="stories")
    op.drop_table("stories")
