"""TimeML (.tml) articles: the text of <TEXT> with every tag removed, the DCT from <DCT>."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from datetime import datetime
from pathlib import Path

from timeline.model import Article
from timeline.sources.assemble import dated_article
from timeline.sources.dates import parse_published
from timeline.sources.errors import SourceError
from timeline.sources.plain import read_sidecar
from timeline.sources.reading import read_text_file

# The same stripping as the TempEval-3 input tool, so offsets match the scorer's text.
_TEXT_ELEMENT = re.compile(r"<TEXT[^>]*>(.*?)</TEXT>", re.S)
_ANY_TAG = re.compile(r"</?[A-Za-z0-9_]+[^>]*>")
_DCT_VALUE = re.compile(r"<DCT[^>]*>.*?<TIMEX3[^>]*?\svalue=\"([^\"]*)\"", re.S)
_TITLE = re.compile(r"<TITLE[^>]*>(.*?)</TITLE>", re.S)


def timeml_text(document: str) -> str:
    """Return the article text of a TimeML document (tags stripped, entities decoded).

    Raises ValueError when the document is not well-formed XML or has no <TEXT>.
    """
    try:
        ElementTree.fromstring(document)
    except ElementTree.ParseError as error:
        raise ValueError(f"malformed TimeML ({error})") from None
    match = _TEXT_ELEMENT.search(document)
    if match is None:
        raise ValueError("malformed TimeML (no <TEXT> element)")
    return html.unescape(_ANY_TAG.sub("", match.group(1)))


def timeml_dct(document: str) -> datetime | None:
    """Return the creation time from the <DCT> element's TIMEX3 value, else None.

    Raises ValueError when the value is not a date.
    """
    match = _DCT_VALUE.search(document)
    if match is None:
        return None
    try:
        return parse_published(match.group(1))
    except ValueError:
        raise ValueError(f"malformed TimeML (DCT value {match.group(1)!r} is not a date)") from None


def load_timeml(path: Path, published: datetime | None) -> Article:
    """Return the article held in a .tml file (sidecar metadata still applies)."""
    name = str(path)
    document = read_text_file(path)
    try:
        text = timeml_text(document)
        dct = timeml_dct(document)
    except ValueError as error:
        raise SourceError(name, str(error)) from None
    if not text.strip():
        raise SourceError(name, "its <TEXT> is empty")
    fields, sidecar_published = read_sidecar(path)
    if "title" not in fields:
        title = _TITLE.search(document)
        if title:
            fields["title"] = html.unescape(_ANY_TAG.sub("", title.group(1))).strip() or None
    own, own_source = (sidecar_published, "sidecar") if sidecar_published else (dct, "timeml")
    return dated_article(
        text, name, cli=published, own=own, own_source=own_source, source_path=name, **fields
    )
