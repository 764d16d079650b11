"""Reading a JSON export back: its articles with the analyst's work as it was.

A ``--format json`` export holds every event's full record (status, corrected dates,
note, reviewed_at, version) and every article's full text and metadata, so
:func:`read_export` gives them back without re-tagging; ``timeline ingest FILE.json``
(timeline.pipeline) stores each article with its exported events in one transaction.
What does not travel: the tagger's mentions (the pipeline finds them again by
tagging) and the audit trail (the export carries the current state, not its history).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from timeline.export.json_writer import EXPORT_FORMAT, EXPORT_VERSION
from timeline.model import Article, Event, Granularity, Status


class ExportFormatError(ValueError):
    """A file that is not a readable JSON export; the message is one line."""


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
