"""HTML articles: main text by trafilatura, publication date by htmldate.

Both parse the markup with lxml; no script is ever run and nothing is fetched.
"""

from __future__ import annotations

import logging
import re
from datetime import datetime
from pathlib import Path

from timeline.model import Article
from timeline.sources.assemble import ArticleMeta, dated_article
from timeline.sources.dates import parse_published
from timeline.sources.errors import SourceError
from timeline.sources.plain import read_sidecar
from timeline.sources.reading import decode_text, read_bytes

# Their warnings ("discarding data", "empty HTML tree") would reach the terminal
# through logging's last-resort handler; our own one-line messages say what matters.
for _library in ("trafilatura", "htmldate"):
    logging.getLogger(_library).addHandler(logging.NullHandler())
    logging.getLogger(_library).propagate = False

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", re.I)


def decode_html(raw: bytes, name: str) -> str:
    """Return the page's text: UTF-8, else the charset its <meta> declares."""
    try:
        return decode_text(raw, name)
    except SourceError:
        declared = _CHARSET.search(raw[:4096])
        if declared is None or b"\x00" in raw:
            raise
        try:
            return decode_text(raw.decode(declared.group(1).decode("ascii")).encode(), name)
        except (LookupError, UnicodeDecodeError):
            raise SourceError(name, "cannot decode the page with its declared charset") from None


def page_published(page: str) -> datetime | None:
    """Return the publication date htmldate reads from the page's markup, else None."""
    import htmldate

    # extensive_search=False: only metadata and dated markup, not guesses from any
    # date-looking string in the body (the dateline step handles the body).
    found = htmldate.find_date(page, extensive_search=False, original_date=True)
    if not found:
        return None
    try:
        return parse_published(found)
    except ValueError:
        return None


def load_html(path: Path, published: datetime | None) -> Article:
    """Return the main article of an .html/.htm page, with title, URL, outlet and date."""
    import trafilatura

    name = str(path)
    page = decode_html(read_bytes(path, name), name)
    text = trafilatura.extract(page, include_comments=False, include_tables=False)
    if not text or not text.strip():
        raise SourceError(name, "no article text found in the page")
    metadata = trafilatura.extract_metadata(page)
    fields: ArticleMeta = {}
    if metadata is not None:  # the page's own fields, those it fills
        if metadata.title:
            fields["title"] = metadata.title
        if metadata.url:
            fields["url"] = metadata.url
        if metadata.sitename:
            fields["outlet"] = metadata.sitename
    sidecar_fields, sidecar_published = read_sidecar(path)
    fields.update(sidecar_fields)
    if published is None and sidecar_published is None:
        own, own_source = page_published(page), "html"
    else:
        own, own_source = sidecar_published, "sidecar"
    return dated_article(
        text, name, cli=published, own=own, own_source=own_source, source_path=name, **fields
    )
