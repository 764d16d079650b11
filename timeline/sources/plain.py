"""Plain-text articles (.txt, .md) and their optional sidecar ``NAME.meta.json``."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

from timeline.model import Article
from timeline.sources.assemble import ArticleMeta, dated_article
from timeline.sources.dates import parse_published
from timeline.sources.errors import SourceError
from timeline.sources.reading import parse_json, read_text_file

SIDECAR_SUFFIX = ".meta.json"
_TEXT_FIELDS: tuple[Literal["title", "url", "outlet", "language"], ...] = (
    "title", "url", "outlet", "language")
MAX_HEADLINE = 150


def sidecar_path(path: Path) -> Path:
    """Return where the sidecar of ``path`` lives: the same stem + ``.meta.json``."""
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: Path) -> tuple[ArticleMeta, datetime | None]:
    """Return (text fields, published) from the sidecar of ``path``; empty when absent.

    Raises SourceError naming the sidecar for bad JSON, a non-object, a field of the
    wrong type or a bad date.
    """
    sidecar = sidecar_path(path)
    if not sidecar.is_file():
        return {}, None
    name = f"{path} (sidecar {sidecar.name})"
    text = read_text_file(sidecar, name)
    data = parse_json(text, name)
    if not isinstance(data, dict):
        raise SourceError(name, "the sidecar must hold a JSON object")
    return metadata_fields(data, name), published_field(data, name)


def metadata_fields(data: Mapping[str, Any], name: str) -> ArticleMeta:
    """Return the optional string fields (title, url, outlet, language) present in ``data``."""
    fields: ArticleMeta = {}
    for key in _TEXT_FIELDS:
        value = data.get(key)
        if value is not None and not isinstance(value, str):
            raise SourceError(name, f"{key!r} must be a string, not {type(value).__name__}")
        if key in data:
            fields[key] = value
    return fields


def published_field(data: Mapping[str, Any], name: str) -> datetime | None:
    """Return the parsed ``published`` field of ``data`` (None when absent or null)."""
    value = data.get("published")
    if value is None:
        return None
    if not isinstance(value, str):
        raise SourceError(name, f"'published' must be a date string, not {type(value).__name__}")
    try:
        return parse_published(value)
    except ValueError as error:
        raise SourceError(name, f"'published': {error}") from None


def headline_of(text: str) -> str | None:
    """Return the first line when it reads as a headline (short, no closing full
    stop, not a dateline), without Markdown's leading #, else None."""
    first = text.lstrip().split("\n", 1)[0].strip()
    first = first.lstrip("#").strip()
    if not first or len(first) > MAX_HEADLINE or first[-1] in ".!?:-_\u2014" or first.isupper():
        return None
    return first


def load_plain(path: Path, published: datetime | None) -> Article:
    """Return the article in a .txt/.md file, its metadata from the sidecar if any;
    without a sidecar title, a headline on the first line is the title."""
    text = read_text_file(path)
    fields, sidecar_published = read_sidecar(path)
    if "title" not in fields and headline_of(text) and "\n" in text.strip():
        fields["title"] = headline_of(text)
    return dated_article(
        text,
        str(path),
        cli=published,
        own=sidecar_published,
        own_source="sidecar",
        source_path=str(path),
        **fields,
    )
