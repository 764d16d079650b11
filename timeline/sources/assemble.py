"""Turning loaded text plus metadata into an Article, with the DCT chosen in a fixed order."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from timeline.model import Article
from timeline.sources.dates import find_dateline, find_filename_date
from timeline.sources.errors import MissingDateError, SourceError

HOW_TO_DATE = "give it with --date YYYY-MM-DD or a sidecar NAME.meta.json with \"published\""
# A JSON entry has no sidecar of its own: the date goes in the entry.
HOW_TO_DATE_JSON = "give it with --date YYYY-MM-DD or a \"published\" field in the entry"


def check_text(text: str, name: str) -> None:
    """Raise SourceError when ``text`` is not usable article text (binary or blank)."""
    if "\x00" in text:
        raise SourceError(name, "binary data (it contains NUL characters), not text")
    if not text.strip():
        raise SourceError(name, "empty text")


def dated_article(
    text: str,
    name: str,
    *,
    cli: datetime | None = None,
    own: datetime | None = None,
    own_source: str | None = None,
    **meta,
) -> Article:
    """Return an Article whose ``published`` comes from, in order: the command line,
    the file's own metadata (sidecar, HTML, TimeML, JSON field), a dateline in the
    text, a date in the file name. Raises MissingDateError when none gives one."""
    file_name = Path(meta["source_path"]).name if meta.get("source_path") else ""
    filename_date = find_filename_date(file_name) if file_name else None
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
    return Article(text=text, published=published, dct_source=dct_source, **meta)
