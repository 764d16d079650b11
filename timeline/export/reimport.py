"""Putting a JSON export back into a database, with the analyst's work as it was.

A ``--format json`` export holds every event's full record (status, corrected dates,
note, reviewed_at, version) and every article's full text and metadata, so
:func:`restore_export` can rebuild them in another database without re-tagging: each
article goes in with its exported events through ``Repository.add_article``, in one
transaction per article. What does not travel: the tagger's mentions (given back by
re-tagging each article: ``mentions_of``) and the audit trail (the export carries the
current state, not its history). An article whose text is already in the target database is skipped
whole, as ingest does, so a restore never merges into events that exist.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from timeline.export.json_writer import EXPORT_FORMAT, EXPORT_VERSION
from timeline.model import Article, Event, Granularity, Mention, Status
from timeline.store import Repository


class ExportFormatError(ValueError):
    """A file that is not a readable JSON export; the message is one line."""


@dataclass(frozen=True)
class RestoreSummary:
    """What restore_export did: articles added, articles already present, events added."""

    added: int
    already: int
    events: int


def is_export_document(data: object) -> bool:
    """Return True when ``data`` (parsed JSON) is a timeline JSON export."""
    return isinstance(data, Mapping) and data.get("format") == EXPORT_FORMAT


def _moment(value: str | None, where: str) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ExportFormatError(f"{where}: not an ISO date: {value!r}") from None


def _article(record: Mapping, where: str) -> Article:
    if not isinstance(record.get("text"), str):
        raise ExportFormatError(f"{where}: the article has no text")
    return Article(
        text=record["text"], published=_moment(record.get("published"), where),
        title=record.get("title"), url=record.get("url"), outlet=record.get("outlet"),
        language=record.get("language"), source_path=record.get("source_path"),
        dct_source=record.get("dct_source"), content_hash=record.get("content_hash"),
    )


def _event(item: Mapping, where: str) -> Event:
    try:
        return Event(
            title=item["title"], description=item["description"],
            char_start=item["char_start"], char_end=item["char_end"],
            expression=item.get("expression"), expr_start=item.get("expr_start"),
            expr_end=item.get("expr_end"), timex_type=item.get("timex_type"),
            timex_value=item.get("timex_value"), mod=item.get("mod"),
            earliest=_moment(item.get("start"), where), latest=_moment(item.get("end"), where),
            granularity=Granularity(item["granularity"]), confidence=float(item["confidence"]),
            explanation=item.get("tagger_explanation", item.get("explanation")) or "", anchor=item.get("anchor"),
            inferred=bool(item.get("inferred", False)),
            open_ended=bool(item.get("open_ended", False)), status=Status(item["status"]),
            note=item.get("analyst_note"), version=int(item.get("version") or 1),
            reviewed_at=_moment(item.get("reviewed_at"), where),
        )
    except (KeyError, TypeError, ValueError) as error:
        if isinstance(error, ExportFormatError):
            raise
        raise ExportFormatError(f"{where}: bad or missing field ({error})") from None


def read_export(data: object, source: str = "export") -> list[tuple[Article, list[Event]]]:
    """Return each exported article with its exported events (ids left to the database).

    Raises ExportFormatError, naming ``source``, when ``data`` is not a readable export.
    """
    if not is_export_document(data):
        raise ExportFormatError(f"{source}: not a timeline JSON export")
    if data.get("version") != EXPORT_VERSION:
        raise ExportFormatError(
            f"{source}: export version {data.get('version')!r}; this app reads {EXPORT_VERSION}")
    try:
        records = {record["id"]: record for record in data["articles"]}
        items = list(data["events"])
    except (KeyError, TypeError):
        raise ExportFormatError(f"{source}: the export has no articles or events list") from None
    articles = {article_id: (_article(record, f"{source}: article {article_id}"), [])
                for article_id, record in records.items()}
    for number, item in enumerate(items, start=1):
        where = f"{source}: event {item.get('event_id', number) if isinstance(item, Mapping) else number}"
        if not isinstance(item, Mapping) or item.get("article_id") not in articles:
            raise ExportFormatError(f"{where}: its article is not in the export")
        articles[item["article_id"]][1].append(_event(item, where))
    return list(articles.values())


def load_export_file(path: str | Path) -> list[tuple[Article, list[Event]]] | None:
    """Return the articles and events of the JSON export at ``path``, or None when the
    file is JSON of another kind (an article feed, say) for the ordinary loaders.

    Raises ExportFormatError when the file cannot be read or is a broken export.
    """
    source = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ExportFormatError(f"{source}: cannot read the export ({error})") from None
    return read_export(data, source) if is_export_document(data) else None


def restore_export(
    repository: Repository,
    path: str | Path,
    *,
    mentions_of: Callable[[Article], list[Mention]] | None = None,
) -> RestoreSummary:
    """Put the JSON export at ``path`` into ``repository``; return what was added.

    ``mentions_of`` (say, the tagger) gives each article its mentions back; without it
    articles go in with none. Raises ExportFormatError for a file that is not a readable
    export (nothing is written then) and StoreError when the database refuses an article.
    """
    exported = load_export_file(path)
    if exported is None:
        raise ExportFormatError(f"{path}: not a timeline JSON export")
    added = already = events = 0
    for article, article_events in exported:
        mentions = mentions_of(article) if mentions_of is not None else []
        outcome = repository.add_article(article, mentions, article_events)
        added += outcome.added
        already += not outcome.added
        events += outcome.events
    return RestoreSummary(added=added, already=already, events=events)
