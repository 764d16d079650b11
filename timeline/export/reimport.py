"""Reading a JSON export back: its articles with the analyst's work as it was.

A ``--format json`` export holds every event's full record (status, corrected dates,
note, reviewed_at, version) and every article's full text and metadata, so
:func:`read_export` gives them back without re-tagging; ``timeline ingest FILE.json``
(timeline.pipeline) stores each article with its exported events in one transaction.
What does not travel: the tagger's mentions (the pipeline finds them again by
tagging) and the audit trail (the export carries the current state, not its history).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from datetime import datetime
from typing import Any

from timeline.export.json_writer import EXPORT_FORMAT, EXPORT_VERSION
from timeline.model import Article, Event, Granularity, Status, as_datetime
from timeline.sources.assemble import unstorable_reason

# What an integer column holds on every backend; a bigger number (an edited export)
# would make the driver raise OverflowError in the middle of the ingest.
STORABLE_INTEGERS = range(-(2**63), 2**63)


class ExportFormatError(ValueError):
    """A file that is not a readable JSON export; the message is one line."""


def is_export_document(data: object) -> bool:
    """Return True when ``data`` (parsed JSON) is a timeline JSON export."""
    return isinstance(data, Mapping) and data.get("format") == EXPORT_FORMAT


def _moment(value: object, where: str) -> datetime | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except (TypeError, ValueError):
        raise ExportFormatError(f"{where}: not an ISO date: {value!r}") from None
    # The store keeps naive times; an offset written in by hand would be dropped on
    # SQLite but shift the time on PostgreSQL.
    return as_datetime(moment)


# What each field must hold, as the message names it.
_KIND_NAMES = {str: "text", int: "a whole number", (int, float): "a number", bool: "true or false"}


def _typed(record: Mapping, key: str, kind: type | tuple[type, ...], where: str, *,
           required: bool = False) -> Any:
    # A value of the wrong JSON type would be stored as it is on SQLite (a number as a
    # title) and refused by PostgreSQL: refused here on both, naming the field.
    value = record.get(key)
    if value is None and not required:
        return None
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        found = "missing" if key not in record else f"{type(value).__name__}"
        raise ExportFormatError(f"{where}: {key!r} must be {_KIND_NAMES[kind]} ({found})")
    if isinstance(value, int) and not isinstance(value, bool) and value not in STORABLE_INTEGERS:
        raise ExportFormatError(f"{where}: {key!r} is out of range ({value} is past what a "
                                "database holds, -2**63 to 2**63-1)")
    if isinstance(value, str) and (reason := unstorable_reason(value)) is not None:
        # The same check as every loaded article: no NUL, no lone surrogate.
        raise ExportFormatError(f"{where}: {key!r} holds {reason}")
    return value


def _article(record: Mapping, where: str) -> Article:
    text_of = {key: _typed(record, key, str, where) for key in (
        "title", "url", "outlet", "language", "source_path", "dct_source", "content_hash")}
    return Article(text=_typed(record, "text", str, where, required=True),
                   published=_moment(record.get("published"), where), **text_of)


def _event(item: Mapping, where: str) -> Event:
    text_of = {key: _typed(item, key, str, where) for key in (
        "expression", "timex_type", "timex_value", "mod", "anchor")}
    number_of = {key: _typed(item, key, int, where) for key in ("expr_start", "expr_end")}
    try:
        return Event(
            title=_typed(item, "title", str, where, required=True),
            description=_typed(item, "description", str, where, required=True),
            char_start=_typed(item, "char_start", int, where, required=True),
            char_end=_typed(item, "char_end", int, where, required=True),
            earliest=_moment(item.get("start"), where), latest=_moment(item.get("end"), where),
            granularity=Granularity(item["granularity"]),
            confidence=float(_typed(item, "confidence", (int, float), where, required=True)),
            # The tagger's own text; "explanation" is what the export showed.
            explanation=_typed(item, "tagger_explanation" if "tagger_explanation" in item
                               else "explanation", str, where) or "",
            inferred=_typed(item, "inferred", bool, where) or False,
            open_ended=_typed(item, "open_ended", bool, where) or False,
            status=Status(item["status"]),
            note=_typed(item, "analyst_note", str, where),
            version=_typed(item, "version", int, where) or 1,
            reviewed_at=_moment(item.get("reviewed_at"), where),
            **text_of, **number_of,
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
        article_id = item.get("article_id") if isinstance(item, Mapping) else None
        if not isinstance(article_id, Hashable) or article_id not in articles:
            raise ExportFormatError(f"{where}: its article is not in the export")
        articles[article_id][1].append(_event(item, where))
    return list(articles.values())
