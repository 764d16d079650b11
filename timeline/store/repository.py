"""The Repository: every read and write the app makes, in dataclasses from timeline.model."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from threading import Lock
from typing import Unpack

from sqlalchemy import Connection, Engine, case, func, insert, select
from sqlalchemy import exc as sa_exc
from sqlalchemy import text as sql_text

from timeline.model import Article, Event, Granularity, Mention, Status, stored_id
from timeline.store import convert, field_reads, heads, queries, stories
from timeline.store.access import (
    cannot_write,
    first_line,
    open_for_reading,
    read_only_refusal,
    refuse_foreign,
)
from timeline.store.convert import ARTICLE_COLUMNS, MENTION_COLUMNS, AnyRow
from timeline.store.db import (
    WRITE_OPTION,
    default_database_url,
    make_engine,
    shown_url,
    sqlite_file,
)
from timeline.store.errors import (
    DatabaseUnavailableError,
    NotFoundError,
    ReadOnlyDatabaseError,
    StoreError,
)
from timeline.store.migrate import upgrade_to_head
from timeline.store.prepared import (
    ARTICLE_FIELDS,
    EVENT_FIELDS,
    MENTION_FIELDS,
    PreparedArticle,
    dedupe_keys,
    prepare_article,
)
from timeline.store.queries import EVENTS
from timeline.store.removal import RemovalOperations
from timeline.store.review import ReviewOperations
from timeline.store.schema import ArticleRow, MentionRow
from timeline.store.spans import on_window_index
from timeline.store.story_review import StoryOperations
from timeline.stories.grouping import StoryIndex

ARTICLES = ArticleRow.__table__
MENTIONS = MentionRow.__table__
# Ids in one IN list, well within every backend's limit on bound parameters.
IDS_PER_QUERY = 500
# Any fixed number (not the migration's): the PostgreSQL advisory lock writers that
# group events into stories hold until they commit.
_STORY_LOCK_KEY = 7_310_102


@dataclass(frozen=True)
class IngestOutcome:
    """What add_article did: the article's id, whether it was new, how many events went in."""

    article_id: int
    added: bool
    events: int


def open_repository(url: str | None = None, *, read_only: bool | None = False) -> Repository:
    """Return a Repository on ``url`` (None: the default SQLite file).

    ``url`` is a SQLAlchemy URL or a plain path to a SQLite file. Writing (the
    default) creates the database when needed and brings its schema to the newest
    revision (Alembic); ``read_only=True`` does neither (access.open_for_reading);
    ``read_only=None`` writes when the database allows it, else opens it read-only
    (``Repository.read_only`` tells which). Another program's database is refused
    before anything is written to it.

    Raises NewerSchemaError for a database from a newer app, ReadOnlyDatabaseError
    when writing was asked for and is not possible, StoreError when the database
    cannot be opened.
    """
    url = database_url(url)
    if read_only is None:
        try:
            return open_repository(url)
        except ReadOnlyDatabaseError:
            return open_repository(url, read_only=True)
    if read_only:
        return Repository(open_for_reading(url), url, read_only=True)
    refuse_foreign(url)
    path = sqlite_file(url)
    if path is not None and path.exists() and not os.access(path, os.W_OK):
        # SQLite would open it read-only without a word, and fail at the first write.
        raise ReadOnlyDatabaseError(f"cannot write database {shown_url(url)}: the file is "
                                    "read-only here")
    try:
        engine = make_engine(url)
    except OSError as error:  # the SQLite file's folder cannot be made
        raise StoreError(f"cannot open database {shown_url(url)}: {error}") from None
    try:
        upgrade_to_head(engine)
    except StoreError:
        engine.dispose()
        raise
    except (sa_exc.SQLAlchemyError, OSError) as error:
        engine.dispose()
        path = sqlite_file(url)
        if cannot_write(error) and (path is None or path.exists()):
            raise read_only_refusal(url, error) from None
        raise StoreError(
            f"cannot open database {shown_url(url)}: {_first_line(error)}"
        ) from None
    repository = Repository(engine, url)
    try:
        repository.group_ungrouped()
    except StoreError:
        repository.close()
        raise
    return repository


def database_url(url_or_path: str | None) -> str:
    """Return a SQLAlchemy URL: the default for None, a SQLite URL for a plain file path."""
    if not url_or_path:
        return default_database_url()
    if "://" not in url_or_path:
        return f"sqlite:///{Path(url_or_path).expanduser().resolve()}"
    return url_or_path


_first_line = first_line


def _failure(action: str, error: BaseException) -> StoreError:
    # The database itself failing (gone, full, locked) is told apart from a refused
    # row, so an ingest can stop instead of failing every article the same way.
    unavailable = isinstance(error, sa_exc.OperationalError | sa_exc.InterfaceError) or (
        isinstance(error, sa_exc.DBAPIError) and error.connection_invalidated)
    kind = DatabaseUnavailableError if unavailable else StoreError
    return kind(f"{action}: {_first_line(error)}")


def _queue_story_writers(connection: Connection) -> None:
    """Make writers that group events take turns until commit (PostgreSQL; SQLite's
    BEGIN IMMEDIATE already does): two ingests grouping at once would each extend a
    story from what they saw, and the later row would drop the other's event."""
    if connection.dialect.name == "postgresql":
        connection.execute(sql_text("SELECT pg_advisory_xact_lock(:key)"), {"key": _STORY_LOCK_KEY})


def _stored_id(connection: Connection, digest: str, fingerprint: str | None) -> int | None:
    """Return the id of the stored article with this content hash, else the first
    stored of those with this text fingerprint (a database may hold several), else
    None: one statement, asked once or twice an article by an ingest."""
    exact = select(ARTICLES.c.id).where(ARTICLES.c.content_hash == digest).scalar_subquery()
    if fingerprint is None:
        found: int | None = connection.execute(select(exact)).scalar()
        return found
    near = (select(func.min(ARTICLES.c.id)).where(ARTICLES.c.text_fingerprint == fingerprint)
            .scalar_subquery())
    found = connection.execute(select(func.coalesce(exact, near))).scalar()
    return found


class Repository(ReviewOperations, StoryOperations, RemovalOperations):
    """Reads and writes of one database; usable as a context manager (closes on exit)."""

    def __init__(self, engine: Engine, url: str, *, read_only: bool = False) -> None:
        self._engine = engine
        self._url = url
        # The stories near the dates last grouped, kept between articles of an ingest.
        self._story_index = StoryIndex()
        self._story_lock = Lock()
        self._last_event_id: int | None = None
        self._read_only = read_only

    @property
    def read_only(self) -> bool:
        """True when the database was opened for reading only: every write is refused."""
        return self._read_only

    def _refuse_if_read_only(self) -> None:
        if self._read_only:
            raise ReadOnlyDatabaseError(
                f"{shown_url(self._url)} is open read-only; nothing was changed")

    @property
    def url(self) -> str:
        """The database URL this repository was opened on."""
        return self._url

    def close(self) -> None:
        """Close every connection of this repository."""
        self._engine.dispose()

    def __enter__(self) -> Repository:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @contextmanager
    def _reading(self) -> Iterator[Connection]:
        try:
            with self._engine.connect() as connection:
                yield connection
        except sa_exc.SQLAlchemyError as error:
            raise _failure("database read failed", error) from None
        except OverflowError as error:  # a number past what a column holds
            raise StoreError(f"database read failed: {error}") from None

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """Yield a connection in a write transaction: committed on exit, rolled back on error."""
        self._refuse_if_read_only()
        try:
            with self._engine.connect() as connection:
                connection.execution_options(**{WRITE_OPTION: True})
                with connection.begin():
                    yield connection
        except sa_exc.SQLAlchemyError as error:
            raise _failure("database write failed", error) from None
        except OverflowError as error:  # a number past what a column holds
            raise StoreError(f"database write failed: {error}") from None

    # Articles -----------------------------------------------------------------

    def add_article(
        self, article: Article, mentions: list[Mention], events: list[Event]
    ) -> IngestOutcome:
        """Store the article with its mentions and events in one transaction.

        Returns IngestOutcome(article_id, added, events). An article whose content hash
        is already stored is not written again (added=False, events=0). Raises
        StoreError, with nothing of the article left behind, when any row is refused.
        """
        self._refuse_if_read_only()
        return self.add_prepared(prepare_article(article, mentions, events))

    def add_prepared(self, prepared: PreparedArticle) -> IngestOutcome:
        """Store an article prepared by prepare_article, as add_article does, and return
        its IngestOutcome (the writing half of add_article: a parallel ingest's workers
        prepare, its writer calls this)."""
        self._refuse_if_read_only()
        digest = prepared.digest
        try:
            with self._story_lock, self._engine.connect() as connection:
                connection.execution_options(**{WRITE_OPTION: True})
                with connection.begin():
                    _queue_story_writers(connection)
                    # Checked inside the write transaction: no other writer can store
                    # the same text between the check and the insert.
                    existing = _stored_id(connection, digest, prepared.fingerprint)
                    if existing is not None:
                        return IngestOutcome(article_id=existing, added=False, events=0)
                    newest = self._notice_other_writers(connection)
                    article_id = connection.execute(
                        insert(ARTICLES).returning(ARTICLES.c.id),
                        {**dict(zip(ARTICLE_FIELDS, prepared.article, strict=True)),
                         "content_hash": digest, "text_fingerprint": prepared.fingerprint},
                    ).scalar_one()
                    # Core inserts of values prepared before the write: building and
                    # flushing an ORM row per event was half of what a writer spent.
                    if prepared.mentions:
                        connection.execute(insert(MENTIONS), [
                            dict(zip(MENTION_FIELDS, row, strict=True), article_id=article_id)
                            for row in prepared.mentions])
                    event_ids = self._insert_grouped(connection, prepared, article_id, newest)
                    self._last_event_id = max(event_ids) if event_ids else newest
        except sa_exc.IntegrityError as error:
            # Another writer may have stored the same text since the check above.
            existing = self._article_id_by_hash(digest)
            if existing is not None:
                return IngestOutcome(article_id=existing, added=False, events=0)
            raise StoreError(
                f"article {prepared.name!r} was not stored: {_first_line(error)}"
            ) from None
        except sa_exc.SQLAlchemyError as error:
            self._story_index.forget()
            raise _failure("database write failed", error) from None
        except (OverflowError, UnicodeEncodeError) as error:
            self._story_index.forget()
            # A value no column holds (a number past 2**63, a lone surrogate): this
            # article's fault, refused in one line with nothing of it stored.
            raise StoreError(
                f"article {prepared.name!r} was not "
                f"stored: a value the database cannot hold ({type(error).__name__}: "
                f"{_first_line(error)})") from None
        except BaseException:
            # The transaction rolled back: the index may hold stories that are not stored.
            self._story_index.forget()
            raise
        return IngestOutcome(article_id=article_id, added=True, events=len(event_ids))

    def stored_article_id(self, text: str, keys: tuple[str, str] | None = None) -> int | None:
        """Return the id of the stored article with this text, else None: the same text
        exactly, or but for markup, case and whitespace (the check add_article makes,
        for a caller to skip work before it). ``keys``: the text's dedupe_keys, when
        already computed."""
        digest, fingerprint = keys if keys is not None else dedupe_keys(text)
        return self._article_id_by_hash(digest, fingerprint)

    def _insert_grouped(self, connection: Connection, prepared: PreparedArticle,
                        article_id: int, newest: int | None) -> list[int]:
        """Insert the prepared article's events, each with its story, and return their
        ids in order."""
        rows = [dict(zip(EVENT_FIELDS, row, strict=True), article_id=article_id)
                for row in prepared.events]
        if connection.dialect.name != "sqlite" or not rows:
            event_ids = stories.insert_in_order(connection, EVENTS, rows, newest) if rows else []
            # The events' members from what was inserted, not read back.
            stories.group_members(connection, self._story_index, stories.new_members(
                article_id, event_ids, prepared.grouping, prepared.published))
            return event_ids
        # SQLite numbers new rows from the largest id, and the write transaction holds
        # the file's lock: the events' ids are known before they are inserted, so they
        # are grouped first and inserted with their story ids (an update of every new
        # event after the insert cost the writer a statement a row).
        first = (newest or 0) + 1
        expected = list(range(first, first + len(rows)))
        assignment = stories.place_members(connection, self._story_index, stories.new_members(
            article_id, expected, prepared.grouping, prepared.published))
        for event_id, row in zip(expected, rows, strict=True):
            row["story_id"] = assignment[event_id]
        event_ids = stories.insert_in_order(connection, EVENTS, rows, newest)
        if event_ids != expected:  # cannot be while the transaction holds the lock
            raise RuntimeError(f"events numbered {event_ids[:3]}..., not from {first}")
        return event_ids

    # Stories ------------------------------------------------------------------

    def _notice_other_writers(self, connection: Connection) -> int | None:
        """Drop the story index when events came from another writer since the last
        grouping here (the index would not know their stories); return the newest
        event's id."""
        newest: int | None = connection.execute(select(func.max(EVENTS.c.id))).scalar()
        if newest != self._last_event_id:
            self._story_index.forget()
        return newest

    def _group(self, connection: Connection, rows: list[AnyRow]) -> None:
        stories.group_events(connection, self._story_index, rows)
        self._last_event_id = connection.execute(select(func.max(EVENTS.c.id))).scalar()

    def group_ungrouped(self) -> int:
        """Give every event without a story one (events stored before stories existed,
        or left by a change of publication date), article by article, in the order
        they were stored; returns how many events were grouped."""
        grouped = 0
        while True:
            with self._story_lock, self._writing() as connection:
                _queue_story_writers(connection)
                rows = stories.ungrouped_rows(connection)[:5000]
                if not rows:
                    return grouped
                self._notice_other_writers(connection)
                # Whole articles at a time: an article does not disagree with itself.
                last_article = rows[-1][1]
                batch = [row for row in rows if row[1] != last_article] or rows
                by_article: dict[int, list[AnyRow]] = {}
                for row in batch:
                    by_article.setdefault(row[1], []).append(row)
                for article_rows in by_article.values():
                    self._group(connection, article_rows)
                grouped += len(batch)

    def _article_id_by_hash(self, digest: str, fingerprint: str | None = None) -> int | None:
        with self._reading() as connection:
            return _stored_id(connection, digest, fingerprint)

    def list_articles(self) -> list[Article]:
        """Return every stored article (ids set), in the order they were stored."""
        with self._reading() as connection:
            rows = connection.execute(
                select(*(ARTICLES.c[name] for name in ARTICLE_COLUMNS)).order_by(ARTICLES.c.id)
            )
            return [convert.article_from_row(row) for row in rows]

    def get_article(self, article_id: int) -> Article:
        """Return the article ``article_id``; raises NotFoundError when there is none."""
        if article_id not in queries.STORABLE_INTEGERS:
            raise NotFoundError(f"no article with id {article_id}")
        with self._reading() as connection:
            row = connection.execute(
                select(*(ARTICLES.c[name] for name in ARTICLE_COLUMNS)).where(
                    ARTICLES.c.id == article_id
                )
            ).first()
        if row is None:
            raise NotFoundError(f"no article with id {article_id}")
        return convert.article_from_row(row)

    def get_articles(self, ids: Iterable[int]) -> dict[int, Article]:
        """Return the articles with these ids by id (missing ids left out)."""
        wanted = sorted(set(queries.storable_ids(ids)))
        found: dict[int, Article] = {}
        with self._reading() as connection:
            # Chunks keep the IN list within every backend's parameter limit.
            for offset in range(0, len(wanted), IDS_PER_QUERY):
                rows = connection.execute(
                    select(*(ARTICLES.c[name] for name in ARTICLE_COLUMNS)).where(
                        ARTICLES.c.id.in_(wanted[offset : offset + IDS_PER_QUERY]))
                )
                found.update((row.id, convert.article_from_row(row)) for row in rows)
        return found

    def article_mentions(self, article_id: int) -> list[Mention]:
        """Return the article's temporal mentions in text order."""
        with self._reading() as connection:
            rows = connection.execute(
                select(*(MENTIONS.c[name] for name in MENTION_COLUMNS))
                .where(MENTIONS.c.article_id == article_id)
                .order_by(MENTIONS.c.start, MENTIONS.c.id)
            )
            return [convert.mention_from_row(row) for row in rows]

    # Events -------------------------------------------------------------------

    def list_events(
        self,
        *,
        start: datetime | None = None,
        end: datetime | None = None,
        statuses: Iterable[Status] | None = None,
        article_ids: Iterable[int] | None = None,
        text: str | None = None,
        min_confidence: float | None = None,
        min_precision: Granularity | None = None,
    ) -> list[Event]:
        """Return the events matching the filters, by (earliest, latest, id), open-ended last.

        With ``start``/``end`` only events overlapping [start, end) come back, and no
        open-ended ones. ``text`` matches title, description or expression, any case;
        ``min_precision`` keeps events dated that precisely or finer.
        """
        clauses = queries.event_filters(
            start=start,
            end=end,
            statuses=statuses,
            article_ids=article_ids,
            text=text,
            min_confidence=min_confidence,
            min_precision=min_precision,
        )
        query = queries.events_in_time_order(clauses)
        with self._reading() as connection:
            return queries.fetch_events(connection, query)

    def event_field_batches(
        self, names: Sequence[str], rows_per_batch: int = queries.ROWS_PER_FETCH,
        **filters: Unpack[queries.EventFilters],
    ) -> Iterator[field_reads.FieldBatch]:
        """Yield the events list_events would return, in its order, as batches of at
        most ``rows_per_batch``: {field: values} for the Event fields ``names`` (and
        field_reads.STORY_SOURCES, the story's count of reporting articles), no Event
        made (timeline.store.field_reads). The database stays open for reading until
        the iterator is exhausted or closed."""
        clauses = queries.event_filters(**filters)
        with self._reading() as connection:
            yield from field_reads.field_batches(connection, clauses, names, rows_per_batch)

    def article_headings(self, ids: Iterable[int]) -> dict[int, Article]:
        """Return {id: Article} for the stored ones of ``ids``, every field but the
        text read (text is ""): what an export's article columns show."""
        wanted = sorted(set(queries.storable_ids(ids)))
        columns = [ARTICLES.c[name] for name in ARTICLE_COLUMNS if name != "text"]
        found: dict[int, Article] = {}
        with self._reading() as connection:
            for offset in range(0, len(wanted), IDS_PER_QUERY):
                chunk = wanted[offset:offset + IDS_PER_QUERY]
                rows = connection.execute(select(*columns).where(ARTICLES.c.id.in_(chunk)))
                found.update((row.id, Article(text="", **row._asdict())) for row in rows)
        return found

    def list_event_heads(self, *, after_id: int | None = None, limit: int | None = None,
                         **filters: Unpack[queries.EventFilters]) -> list[heads.EventHead]:
        """Return the EventHeads (no sentence, no explanation) of the events matching the
        list_events filters, by id: those after ``after_id``, at most ``limit``."""
        clauses = queries.event_filters(**filters)
        with self._reading() as connection:
            return heads.fetch_event_heads(connection, clauses, after_id=after_id, limit=limit)

    def list_event_ids(self, **filters: Unpack[queries.EventFilters]) -> list[int]:
        """Return the ids of the events matching the list_events filters, in its order."""
        clauses = queries.event_filters(**filters)
        with self._reading() as connection:
            return heads.fetch_event_ids(connection, clauses)

    def earliest_at_ranks(self, ranks: Callable[[int], Sequence[int]],
                          **filters: Unpack[queries.EventFilters]) -> list[datetime | None]:
        """Return the earliest bound at each rank (0 first, in time order) among the
        matching events that have one; ``ranks(count)`` names the ranks once that count
        is known. None past the last."""
        clauses = queries.event_filters(**filters)
        with self._reading() as connection:
            count = heads.count_dated(connection, clauses)
            return heads.earliest_at_ranks(connection, clauses, ranks(count))

    def list_article_heads(self) -> list[Article]:
        """Return every stored article without its text (``text`` ""), by id."""
        with self._reading() as connection:
            return heads.fetch_article_heads(connection)

    def count_events(self, **filters: Unpack[queries.EventFilters]) -> int:
        """Return how many events match the list_events filters."""
        clauses = queries.event_filters(**filters)
        with self._reading() as connection:
            query, parameters = on_window_index(
                connection.dialect.name, select(func.count()).select_from(EVENTS), clauses)
            return int(connection.execute(query, parameters).scalar_one())

    def review_progress(self, **filters: Unpack[queries.EventFilters]) -> tuple[int, int]:
        """Return (reviewed, total) over the events matching the list_events filters."""
        clauses = queries.event_filters(**filters)
        reviewed = func.coalesce(
            func.sum(case((EVENTS.c.status != Status.UNREVIEWED.value, 1), else_=0)), 0
        )
        with self._reading() as connection:
            row = connection.execute(
                select(reviewed, func.count()).select_from(EVENTS).where(*clauses)
            ).one()
        return int(row[0]), int(row[1])

    def get_event(self, event_id: int) -> Event:
        """Return the event ``event_id``; raises NotFoundError when there is none."""
        with self._reading() as connection:
            return queries.fetch_event(connection, event_id)

    def get_events(self, ids: Sequence[int]) -> list[Event]:
        """Return the events with these ids, in the order of ``ids`` (missing ids skipped)."""
        found: dict[int, Event] = {}
        storable = queries.storable_ids(ids)
        with self._reading() as connection:
            # Chunks keep the IN list within every backend's parameter limit.
            for offset in range(0, len(storable), IDS_PER_QUERY):
                chunk = storable[offset : offset + IDS_PER_QUERY]
                query = select(*queries.EVENT_SELECT_COLUMNS).where(EVENTS.c.id.in_(chunk))
                for event in queries.fetch_events(connection, query):
                    found[stored_id(event)] = event
        return [found[event_id] for event_id in ids if event_id in found]
