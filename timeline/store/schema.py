"""The tables, as one typed SQLAlchemy declarative model.

Datetimes are naive: event times are calendar times in the article's frame, and the
review stamps (``reviewed_at``, ``reviews.at``) are naive UTC. Enum-like columns hold
the enum's string value (status with a CHECK), which migrates more easily than native
enums. Free text has no length limit, so PostgreSQL refuses nothing SQLite would keep.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from timeline.model import Status

# Stable constraint names, so that batch migrations on SQLite can find them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

STATUS_VALUES = ", ".join(f"'{status.value}'" for status in Status)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    if TYPE_CHECKING:
        # Every row class here is mapped to a plain Table (no joins or selects), so
        # ``Row.__table__`` is usable in insert/update/delete.
        __table__: ClassVar[Table]


class ArticleRow(Base):
    __tablename__ = "articles"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    language: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(DateTime)
    dct_source: Mapped[str | None] = mapped_column(Text)
    source_path: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Recognises the same text in another format (timeline.store.fingerprint).
    text_fingerprint: Mapped[str | None] = mapped_column(String(64), index=True)


class MentionRow(Base):
    __tablename__ = "mentions"
    __table_args__ = (CheckConstraint('"start" <= "end"', name="offsets"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    text: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(Text)
    value: Mapped[str] = mapped_column(Text)
    mod: Mapped[str | None] = mapped_column(Text)
    earliest: Mapped[datetime | None] = mapped_column(DateTime)
    latest: Mapped[datetime | None] = mapped_column(DateTime)
    granularity: Mapped[str] = mapped_column(String(16))
    anchor: Mapped[str] = mapped_column(Text)
    explanation: Mapped[str] = mapped_column(Text)
    confidence: Mapped[float] = mapped_column(Float)
    event_relative: Mapped[bool] = mapped_column(Boolean, default=False)


class StoryRow(Base):
    """A story: its date (the chosen reading, else the one most sources give) and
    what the listing filters on, kept up to date as its events come and go."""

    __tablename__ = "stories"
    __table_args__ = (
        CheckConstraint("version >= 1", name="version"),
        Index("ix_stories_interval", "earliest", "latest", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    earliest: Mapped[datetime | None] = mapped_column(DateTime)
    latest: Mapped[datetime | None] = mapped_column(DateTime)
    granularity: Mapped[str] = mapped_column(String(16))
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)
    sources: Mapped[int] = mapped_column(Integer, default=0)
    events: Mapped[int] = mapped_column(Integer, default=0)
    chosen_earliest: Mapped[datetime | None] = mapped_column(DateTime)
    chosen_latest: Mapped[datetime | None] = mapped_column(DateTime)
    version: Mapped[int] = mapped_column(Integer, default=1)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint("char_start <= char_end", name="offsets"),
        CheckConstraint(
            "earliest IS NULL OR latest IS NULL OR earliest <= latest", name="interval"
        ),
        CheckConstraint("confidence >= 0 AND confidence <= 1", name="confidence"),
        CheckConstraint(f"status IN ({STATUS_VALUES})", name="status"),
        CheckConstraint("version >= 1", name="version"),
        # The window query: earliest < end AND latest > start, ordered by time.
        Index("ix_events_interval", "earliest", "latest", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(Text)
    description: Mapped[str] = mapped_column(Text)
    char_start: Mapped[int] = mapped_column(Integer)
    char_end: Mapped[int] = mapped_column(Integer)
    expression: Mapped[str | None] = mapped_column(Text)
    expr_start: Mapped[int | None] = mapped_column(Integer)
    expr_end: Mapped[int | None] = mapped_column(Integer)
    timex_type: Mapped[str | None] = mapped_column(Text)
    timex_value: Mapped[str | None] = mapped_column(Text)
    mod: Mapped[str | None] = mapped_column(Text)
    earliest: Mapped[datetime | None] = mapped_column(DateTime)
    latest: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    granularity: Mapped[str] = mapped_column(String(16))
    confidence: Mapped[float] = mapped_column(Float)
    explanation: Mapped[str] = mapped_column(Text)
    anchor: Mapped[str | None] = mapped_column(Text)
    inferred: Mapped[bool] = mapped_column(Boolean, default=False)
    open_ended: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default=Status.UNREVIEWED.value, index=True)
    note: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)
    reviewed_at: Mapped[datetime | None] = mapped_column(DateTime)
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("stories.id", ondelete="SET NULL"), index=True
    )


class ReviewRow(Base):
    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    event_id: Mapped[int | None] = mapped_column(
        ForeignKey("events.id", ondelete="CASCADE"), index=True
    )
    actor: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
    field: Mapped[str] = mapped_column(Text)
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    story_id: Mapped[int | None] = mapped_column(
        ForeignKey("stories.id", ondelete="CASCADE"), index=True
    )


class ArticleRemovalRow(Base):
    """The audit record of an article taken out: its rows are gone, this says what they
    were. ``at`` is naive UTC like the review stamps."""

    __tablename__ = "article_removals"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(Text)
    outlet: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[datetime | None] = mapped_column(DateTime)
    source_path: Mapped[str | None] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    events: Mapped[int] = mapped_column(Integer)
    reviewed_events: Mapped[int] = mapped_column(Integer)
    reviews: Mapped[int] = mapped_column(Integer)
    actor: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(DateTime)
