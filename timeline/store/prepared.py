"""An analysed article in the form the store writes it, made before the write.

Everything about an article's rows that does not depend on what is stored already (its
dedupe keys, its mentions' and events' column values, its events' clause signatures
for the grouping into stories) is computed here, in plain values that travel cheaply
between processes: a parallel ingest's workers prepare, and its one writer only
inserts and groups. A single process prepares and writes the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from timeline.model import Article, Event, Granularity, Mention
from timeline.store.convert import (
    EVENT_VALUE_COLUMNS,
    MENTION_COLUMNS,
    content_hash,
    enum_value,
)
from timeline.store.errors import StoreError
from timeline.store.fingerprint import text_fingerprint
from timeline.stories.signature import Signature, signature_of

# The columns of the prepared rows, in order (the article id is the writer's to add).
MENTION_FIELDS = MENTION_COLUMNS
EVENT_FIELDS = EVENT_VALUE_COLUMNS
ARTICLE_FIELDS = ("text", "title", "url", "outlet", "language", "published", "dct_source",
                  "source_path")


@dataclass(frozen=True)
class GroupingKey:
    """What the grouping into stories needs of one event, but for the ids the store
    gives: its interval, granularity, title and clause signature, and whether its date
    was inferred (never grouped)."""

    earliest: datetime | None
    latest: datetime | None
    granularity: Granularity
    title: str
    signature: Signature
    inferred: bool


@dataclass(frozen=True)
class PreparedArticle:
    """An article ready to insert: its dedupe keys (content hash, text fingerprint),
    its row's values, and its mentions' and events' rows as tuples of column values
    (MENTION_FIELDS, EVENT_FIELDS), with a GroupingKey per event."""

    digest: str
    fingerprint: str
    article: tuple[Any, ...]
    mentions: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    grouping: list[GroupingKey]
    name: str

    @property
    def published(self) -> datetime | None:
        """Return the article's publication date as the store keeps it (naive)."""
        published = self.article[ARTICLE_FIELDS.index("published")]
        return _naive(published)


def dedupe_keys(text: str, name: str = "pasted") -> tuple[str, str]:
    """Return the (content hash, text fingerprint) of ``text``; raises StoreError for a
    text no database stores (a lone surrogate)."""
    try:
        digest = content_hash(text)
    except UnicodeEncodeError as error:
        raise StoreError(
            f"article {name!r} was not stored: its text is not valid Unicode "
            f"({error.object[error.start]!r} at character {error.start})") from None
    return digest, text_fingerprint(text)


def prepare_article(article: Article, mentions: list[Mention], events: list[Event],
                    keys: tuple[str, str] | None = None) -> PreparedArticle:
    """Return the PreparedArticle of ``article`` with these mentions and events
    (``keys``: its dedupe_keys when already computed); raises StoreError when its text
    cannot be stored."""
    name = article.title or article.source_path or "pasted"
    if keys is None:
        keys = (article.content_hash, text_fingerprint(article.text)) if (
            article.content_hash) else dedupe_keys(article.text, name)
    return PreparedArticle(
        digest=keys[0],
        fingerprint=keys[1],
        article=tuple(getattr(article, field) for field in ARTICLE_FIELDS),
        mentions=[tuple(enum_value(getattr(mention, field)) for field in MENTION_FIELDS)
                  for mention in mentions],
        events=[tuple(enum_value(getattr(event, field)) for field in EVENT_FIELDS)
                for event in events],
        grouping=[grouping_key(event) for event in events],
        name=article.title or article.source_path or keys[0][:12],
    )


def grouping_key(event: Event) -> GroupingKey:
    """Return the GroupingKey of ``event``, as the store would read it back."""
    title = event.title or ""
    return GroupingKey(
        _naive(event.earliest), _naive(event.latest), event.granularity, title,
        signature_of(title),
        # A date guessed from the narrative, or "now", says nothing of when a happening was.
        bool(event.inferred) or event.timex_value == "PRESENT_REF",
    )


def _naive(moment: datetime | None) -> datetime | None:
    # The columns hold naive datetimes: what a read gives back.
    return moment.replace(tzinfo=None) if moment is not None and moment.tzinfo else moment
