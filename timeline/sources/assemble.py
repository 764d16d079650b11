"""Turning loaded text plus metadata into an Article, with the DCT chosen in a fixed order."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import TypedDict, Unpack

from timeline.model import Article
from timeline.sources.dates import find_dateline, find_filename_date
from timeline.sources.errors import MissingDateError, SourceError
from timeline.sources.naming import fallback_title
from timeline.sources.outlets import dateline_outlet

HOW_TO_DATE = "give it with --date YYYY-MM-DD or a sidecar NAME.meta.json with \"published\""
# A JSON entry has no sidecar of its own: the date goes in the entry.
HOW_TO_DATE_JSON = "give it with --date YYYY-MM-DD or a \"published\" field in the entry"


# Metadata fields (title, outlet, URL, language) are a line or a link; past this many
# characters the field is an attack or a mistake (a title built from expanded entities).
# A very long URL (10 KB of tracking parameters) is still under it.
MAX_FIELD_CHARS = 64 * 1024
METADATA_FIELDS = ("title", "url", "outlet", "language")


def unstorable_reason(text: str) -> str | None:
    """Return why ``text`` cannot be stored as text (a NUL, or a lone surrogate such as
    a JSON ``"\\ud800"`` escape, which no UTF-8 database takes), else None."""
    if "\x00" in text:
        return "binary data (it contains NUL characters), not text"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        return (f"text that is not valid Unicode (a lone surrogate "
                f"{text[error.start]!r} at character {error.start})")
    return None


def check_text(text: str, name: str) -> None:
    """Raise SourceError when ``text`` is not usable article text (binary, not valid
    Unicode, or blank)."""
    reason = unstorable_reason(text)
    if reason is not None:
        raise SourceError(name, reason)
    if not text.strip():
        raise SourceError(name, "empty text")


class ArticleMeta(TypedDict, total=False):
    """The metadata fields a loader found for an article (METADATA_FIELDS)."""

    title: str | None
    url: str | None
    outlet: str | None
    language: str | None


def check_metadata(meta: Mapping[str, object], name: str) -> None:
    """Raise SourceError when a metadata field of ``meta`` (title, url, outlet,
    language) cannot be stored or is longer than MAX_FIELD_CHARS."""
    for key in METADATA_FIELDS:
        value = meta.get(key)
        if not isinstance(value, str):
            continue
        if len(value) > MAX_FIELD_CHARS:
            raise SourceError(name, f"its {key} is too long ({len(value):,} characters; "
                              f"the limit is {MAX_FIELD_CHARS:,})")
        reason = unstorable_reason(value)
        if reason is not None:
            raise SourceError(name, f"its {key} holds {reason}")


def dated_article(
    text: str,
    name: str,
    *,
    cli: datetime | None = None,
    own: datetime | None = None,
    own_source: str | None = None,
    source_path: str | None = None,
    **meta: Unpack[ArticleMeta],
) -> Article:
    """Return an Article whose ``published`` comes from, in order: the command line,
    the file's own metadata (sidecar, HTML, TimeML, JSON field), a dateline in the
    text, a date in the file name. Without a title it is named by its file or its first
    words (``fallback_title``); without an outlet, it takes the agency its dateline
    names ("(Reuters)", ``dateline_outlet``). Raises MissingDateError when none gives one, and
    SourceError when the text or a metadata field cannot be stored (see check_text,
    check_metadata): every loader comes through here, so none can let one pass."""
    check_text(text, name)
    check_metadata(meta, name)
    file_name = Path(source_path).name if source_path else ""
    filename_date = find_filename_date(file_name) if file_name else None
    published: datetime | None
    dct_source: str | None
    if cli is not None:
        published, dct_source = cli, "cli"
    elif own is not None:
        published, dct_source = own, own_source
    else:
        published, note = find_dateline(
            text, filename_date.year if filename_date else None
        )
        dct_source = "dateline"
        if published is None and filename_date is not None:
            published, dct_source = filename_date, "filename"
        if published is None:
            seen = f" ({note})" if note else ""
            how = HOW_TO_DATE_JSON if own_source == "json" else HOW_TO_DATE
            raise MissingDateError(name, f"no publication date found{seen}; {how}")
    if not meta.get("title"):
        meta["title"] = fallback_title(text, source_path)
    if not meta.get("outlet"):
        meta["outlet"] = dateline_outlet(text)
    return Article(text=text, published=published, dct_source=dct_source,
                   source_path=source_path, **meta)
