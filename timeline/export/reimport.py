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
from dataclasses import MISSING, fields
from datetime import datetime
from typing import Any, TypeGuard

from timeline.export.columns import (
    CSV,
    FLAG,
    MOMENT_KINDS,
    NUMBER,
    RECORD,
    TEXT,
    WHOLE,
    Column,
    Kind,
    Reads,
)
from timeline.export.json_writer import EXPORT_FORMAT, EXPORT_VERSION
from timeline.model import Article, Event, as_datetime
from timeline.sources.assemble import unstorable_reason

# What an integer column holds on every backend; a bigger number (an edited export)
# would make the driver raise OverflowError in the middle of the ingest.
STORABLE_INTEGERS = range(-(2**63), 2**63)


class ExportFormatError(ValueError):
    """A file that is not a readable JSON export; the message is one line."""


def is_export_document(data: object) -> TypeGuard[Mapping[str, Any]]:
    """Return True when ``data`` (parsed JSON) is a timeline JSON export."""
    return isinstance(data, Mapping) and data.get("format") == EXPORT_FORMAT


def _moment(value: object, where: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ExportFormatError(f"{where}: not an ISO date: {value!r}")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ExportFormatError(f"{where}: not an ISO date: {value!r}") from None
    # The store keeps naive times; an offset written in by hand would be dropped on
    # SQLite but shift the time on PostgreSQL.
    return as_datetime(moment)


# What each field must hold, as the message names it.
_KIND_NAMES = {str: "text", int: "a whole number", (int, float): "a number", bool: "true or false"}


def _typed(record: Mapping[str, Any], key: str, kind: type | tuple[type, ...], where: str, *,
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


def _article(record: Mapping[str, Any], where: str) -> Article:
    text_of = {key: _typed(record, key, str, where) for key in (
        "title", "url", "outlet", "language", "source_path", "dct_source", "content_hash")}
    return Article(text=_typed(record, "text", str, where, required=True),
                   published=_moment(record.get("published"), where), **text_of)


# What each kind of column must hold in JSON, for the check before it is stored.
_JSON_TYPES: dict[Kind, type | tuple[type, ...]] = {
    TEXT: str, WHOLE: int, NUMBER: (int, float), FLAG: bool}
# The columns a re-import puts back, by their event field; the ids are the database's.
_RESTORED = tuple(column for column in CSV + RECORD
                  if column.reads is Reads.FIELD and column.restored)
_DEFAULTS = {field.name for field in fields(Event)
             if field.default is not MISSING or field.default_factory is not MISSING}


def _restored_value(column: Column, item: Mapping[str, Any], where: str) -> Any:
    kind = column.kind
    if kind in MOMENT_KINDS:
        return _moment(item.get(column.name), where)
    if kind.choices is not None:
        return kind.choices(item[column.name])  # KeyError or ValueError: named below
    value = _typed(item, column.name, _JSON_TYPES[kind], where, required=column.required)
    return float(value) if kind is NUMBER and value is not None else value


def _event(item: Mapping[str, Any], where: str) -> Event:
    try:
        values = {column.get: _restored_value(column, item, where) for column in _RESTORED}
        if "tagger_explanation" not in item:  # an export that showed only one explanation
            values["explanation"] = _typed(item, "explanation", str, where)
        # A field left out (or null) takes the Event's default; one without a default
        # (expression, the TIMEX3 fields) is None, as stored.
        values = {name: value for name, value in values.items()
                  if value is not None or name not in _DEFAULTS}
        values["explanation"] = values.get("explanation") or ""
        return Event(**values)
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
    articles: dict[Hashable, tuple[Article, list[Event]]] = {
        article_id: (_article(record, f"{source}: article {article_id}"), [])
        for article_id, record in records.items()}
    for number, item in enumerate(items, start=1):
        shown_id = item.get("event_id", number) if isinstance(item, Mapping) else number
        where = f"{source}: event {shown_id}"
        article_id = item.get("article_id") if isinstance(item, Mapping) else None
        if not isinstance(article_id, Hashable) or article_id not in articles:
            raise ExportFormatError(f"{where}: its article is not in the export")
        articles[article_id][1].append(_event(item, where))
    return list(articles.values())
