"""Ingest orchestration: load -> tag -> events -> store, one transaction per article.

Plain functions over plain data, so the command line and the desktop app's worker
thread drive the same code; progress is reported through a callback and a cancel
callable is checked between articles. A .json file that is this app's own JSON
export goes back in with its events as the analyst left them (status, corrected
dates, notes), not re-read from the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias

from timeline.events import extract_events
from timeline.export.json_writer import EXPORT_FORMAT
from timeline.export.reimport import ExportFormatError, is_export_document, read_export
from timeline.model import Article, Event, Mention
from timeline.sources import SourceError, collect_files, iter_articles
from timeline.sources.feeds import json_value_articles, read_json_file
from timeline.sources.plain import SIDECAR_SUFFIX
from timeline.sources.reading import MAX_BYTES, opening_bytes

if TYPE_CHECKING:  # the store's libraries load only when an article is stored
    from timeline.store import PublishedChange, Repository
    from timeline.store.prepared import PreparedArticle

# A JSON export of 100,000 events runs to about 80 MB, past the cap for an article
# file; a file that opens as an export may be this large instead.
EXPORT_MAX_BYTES = 1024 * 1024 * 1024
_EXPORT_OPENING = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"format"\s*:\s*"'
                             + re.escape(EXPORT_FORMAT.encode()) + rb'"')

Progress = Callable[[int, int, str], None]
# After this many articles in a row fail for the database's sake (server gone, disk
# full), the rest would fail the same way: the ingest stops and says how many are left.
DATABASE_FAILURES_IN_A_ROW = 3


@dataclass
class IngestSummary:
    """What an ingest did: articles added, already stored, refused (name, reason),
    events stored, files left out of folders as not articles (``skipped``), and
    whether it stopped early because it was cancelled, or (``stopped``, one line)
    because the database kept failing (or a worker process died: ``stopped_by``
    says which), with ``left`` files not read; ``other_shards`` counts the articles
    (the files, for one-article files) left to the other shards of a shared load."""

    added: int = 0
    already: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    events: int = 0
    cancelled: bool = False
    article_ids: list[int] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)
    stopped: str | None = None
    left: int = 0
    database_failures_in_a_row: int = 0
    # (name, what it was recognised as): "already there (same text as ...)".
    same_text: list[tuple[str, str]] = field(default_factory=list)
    stopped_by: str = "the database kept failing"
    other_shards: int = 0


def analyse(article: Article) -> tuple[list[Mention], list[Event]]:
    """Return the article's resolved mentions and the events built on them."""
    mentions = mentions_of(article)
    return mentions, extract_events(article, mentions)


def mentions_of(article: Article) -> list[Mention]:
    """Return the article's temporal mentions resolved against its publication date."""
    from timeline.temporal import tag

    if article.published is None:
        raise ValueError("the article has no publication date to resolve its times against")
    return tag(article.text, article.published)


def ingest_article(
    article: Article, repo: Repository, summary: IngestSummary | None = None,
    events: list[Event] | None = None,
) -> IngestSummary:
    """Tag one loaded (or pasted) article, store it with its events in one
    transaction, and return ``summary`` (a new one when None) updated with the outcome.

    ``events`` given (an export's, as reviewed) are stored as they are, with the
    article's mentions found again; otherwise the events are built from the mentions.
    An article already stored (same text) is recognised before it is tagged. A
    failure to analyse or store it is recorded in ``summary.refused``, not raised;
    ``summary.database_failures_in_a_row`` counts the database's own failures.
    """
    summary = summary if summary is not None else IngestSummary()
    keys = dedupe_keys_of(article)
    if settle_if_stored(article, repo, summary, keys):
        return summary
    analysed = analyse_for_store(article, events, keys)
    return store_analysed(article, analysed, repo, summary)


def dedupe_keys_of(article: Article) -> tuple[str, str] | None:
    """Return the article's (content hash, text fingerprint), computed once for the
    stored check and the write; None for a text no database stores (the store says why)."""
    from timeline.store import StoreError
    from timeline.store.prepared import dedupe_keys

    try:
        return dedupe_keys(article.text)
    except StoreError:
        return None


def article_name(article: Article) -> str:
    """Return the name an ingest gives the article in its messages."""
    return article.source_path or article.title or "pasted article"


def settle_if_stored(article: Article, repo: Repository, summary: IngestSummary,
                     keys: tuple[str, str] | None = None) -> bool:
    """Return True when the article needs no tagging: already stored (counted in
    ``summary``), or the store could not be asked (refused in ``summary``). ``keys``:
    the text's dedupe keys (dedupe_keys_of), when already computed."""
    from timeline.store import StoreError

    try:
        # Tagging costs far more than this lookup: a rerun over stored articles is quick.
        stored_id = repo.stored_article_id(article.text, keys)
    except StoreError as error:
        _refused_by_store(summary, article_name(article), error)
        return True
    if stored_id is None:
        return False
    summary.database_failures_in_a_row = 0
    summary.article_ids.append(stored_id)
    summary.already += 1
    summary.same_text.append((article_name(article), _stored_name(repo, stored_id)))
    return True


# What a worker hands the writer for one article.
Analysed: TypeAlias = "PreparedArticle | str"


def analyse_for_store(article: Article, events: list[Event] | None = None,
                      keys: tuple[str, str] | None = None) -> PreparedArticle | str:
    """Return the article analysed and prepared for the store (a PreparedArticle: its
    rows as plain values, what a worker process hands the writer), or the reason it
    could not be analysed. ``events`` given (an export's) are kept and only the
    mentions found again; ``keys``: the text's dedupe keys, when already computed."""
    from timeline.store import StoreError
    from timeline.store.prepared import prepare_article

    try:
        if events is None:
            mentions, events = analyse(article)
        else:
            # An export's article without a date has no mentions to find again.
            mentions = mentions_of(article) if article.published is not None else []
    except Exception as error:  # a tagger bug must not stop the other articles
        return f"could not be analysed ({error!r})"
    try:
        return prepare_article(article, mentions, events, keys)
    except StoreError as error:  # a text no database stores
        return str(error)


def store_analysed(
    article: Article, analysed: PreparedArticle | str, repo: Repository,
    summary: IngestSummary,
) -> IngestSummary:
    """Store the article with what analyse_for_store returned in one transaction and
    return ``summary`` updated (added, already there, or refused with the reason)."""
    from timeline.store import StoreError

    name = article_name(article)
    if isinstance(analysed, str):
        summary.refused.append((name, analysed))
        return summary
    try:
        outcome = repo.add_prepared(analysed)
    except StoreError as error:
        _refused_by_store(summary, name, error)
        return summary
    summary.database_failures_in_a_row = 0
    summary.article_ids.append(outcome.article_id)
    if outcome.added:
        summary.added += 1
        summary.events += outcome.events
    else:
        summary.already += 1
        summary.same_text.append((name, _stored_name(repo, outcome.article_id)))
    return summary


def _stored_name(repo: Repository, article_id: int) -> str:
    """Return how the stored article ``article_id`` is named to a person: its title,
    else its file, else its number."""
    from timeline.store import StoreError

    try:
        stored = repo.get_article(article_id)
    except StoreError:
        return f"article {article_id}"
    return stored.title or stored.source_path or f"article {article_id}"


def already_line(name: str, stored: str) -> str:
    """Return the line that says ``name`` was not stored again: "NAME: already there
    (same text as STORED)"."""
    return f"{name}: already there (same text as {stored})"


def _refused_by_store(summary: IngestSummary, name: str, error: Exception) -> None:
    from timeline.store import DatabaseUnavailableError

    summary.refused.append((name, str(error)))
    if isinstance(error, DatabaseUnavailableError):
        summary.database_failures_in_a_row += 1
    else:
        summary.database_failures_in_a_row = 0


def ingest_paths(
    paths: Iterable[Path | str],
    repo: Repository,
    *,
    published: datetime | None = None,
    progress: Progress | None = None,
    cancel: Callable[[], bool] | None = None,
) -> IngestSummary:
    """Load every article under ``paths`` into ``repo`` and return an IngestSummary.

    Each article is tagged, turned into events and stored in its own transaction, so
    an interruption leaves only whole articles behind and a rerun adds the rest
    (stored ones are recognised by content hash). ``progress(done, total, name)`` is
    called once before the first file (done=0, name="") and after each file;
    ``cancel()`` is checked before each article. After DATABASE_FAILURES_IN_A_ROW
    articles in a row fail for the database's sake, it stops: ``summary.stopped``
    says why and ``summary.left`` how many files were not read.
    """
    summary = IngestSummary()
    files = [file for path in paths for file in collect_files(Path(path), summary.skipped)]
    if progress is not None:
        progress(0, len(files), "")  # the total is known before the first article
    for done, file in enumerate(files, start=1):
        for loaded, exported_events in articles_in_file(file, published):
            if cancel is not None and cancel():
                summary.cancelled = True
                return summary
            if isinstance(loaded, SourceError):
                summary.refused.append((loaded.name, loaded.reason))
                continue
            ingest_article(loaded, repo, summary, exported_events)
            if stop_if_database_failing(summary, len(files) - done):
                return summary
        if progress is not None:
            progress(done, len(files), file.name if isinstance(file, SourceError) else str(file))
    return summary


def stop_if_database_failing(summary: IngestSummary, left: int) -> bool:
    """Return True (and set ``summary.stopped`` and ``summary.left``) once the database
    has failed for DATABASE_FAILURES_IN_A_ROW articles in a row; ``left`` files are unread."""
    if summary.database_failures_in_a_row < DATABASE_FAILURES_IN_A_ROW:
        return False
    summary.left = left
    last_reason = summary.refused[-1][1]
    summary.stopped = (
        f"stopped: the database failed for {DATABASE_FAILURES_IN_A_ROW} articles "
        f"in a row ({last_reason}); {left} file{'s' if left != 1 else ''} not read; "
        "run it again once the database works")
    return True


def articles_in_file(
    file: Path | SourceError, published: datetime | None
) -> Iterator[tuple[Article | SourceError, list[Event] | None]]:
    """Yield each article of ``file`` (or the SourceError in its place) with the events
    an export gives it, None for the events of an article still to be tagged."""
    if isinstance(file, SourceError):
        yield file, None
        return
    if file.suffix.lower() != ".json" or file.name.endswith(SIDECAR_SUFFIX):
        for loaded in iter_articles(file, published):
            yield loaded, None
        return
    opens_as_export = _EXPORT_OPENING.match(opening_bytes(file)) is not None
    limit = EXPORT_MAX_BYTES if opens_as_export else MAX_BYTES
    try:
        data = read_json_file(file, max_bytes=limit)  # read once, export or articles
    except SourceError as error:
        yield error, None
        return
    if not is_export_document(data):
        for loaded in json_value_articles(file, data, published):
            yield loaded, None
        return
    try:
        exported = read_export(data, str(file))
    except ExportFormatError as error:
        # A broken export is refused whole: half of an analyst's work is worse than none.
        reason = str(error).removeprefix(f"{file}: ")
        yield SourceError(str(file), f"a timeline export that cannot be read: {reason}"), None
        return
    for article, events in exported:
        # The dedupe key is computed from the text, never taken from the file: an edited
        # text under its old hash would pass for the article it was, or be stored twice.
        yield replace(article, content_hash=None), events


def change_publication_date(
    repo: Repository, article_id: int, new_published: datetime, *, actor: str | None = None,
    dry_run: bool = False,
) -> PublishedChange:
    """Re-resolve a stored article against ``new_published`` and return the store's
    PublishedChange (moved, added, removed, kept_reviewed); ``dry_run`` changes nothing.

    Events an analyst has reviewed are kept as they are and listed in kept_reviewed.
    """
    article = replace(repo.get_article(article_id), published=new_published)
    mentions, events = analyse(article)
    return repo.apply_published_change(
        article_id, new_published, mentions, events, actor=actor, dry_run=dry_run
    )
