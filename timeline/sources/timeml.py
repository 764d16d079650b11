"""TimeML (.tml) articles: the text of <TEXT> with every tag removed, the DCT from <DCT>."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ElementTree
from datetime import datetime
from pathlib import Path

import defusedxml.ElementTree as SafeElementTree
from defusedxml import DefusedXmlException

from timeline.model import Article
from timeline.sources.assemble import dated_article
from timeline.sources.dates import parse_published
from timeline.sources.errors import SourceError
from timeline.sources.plain import read_sidecar
from timeline.sources.reading import read_text_file

# The same stripping as the TempEval-3 input tool, so offsets match the scorer's text.
_TEXT_OPEN = re.compile(r"<TEXT[^>]*>")
_TEXT_CLOSE = "</TEXT>"
_ANY_TAG = re.compile(r"</?[A-Za-z0-9_]+[^>]*>")


def parse_timeml(document: str) -> ElementTree.Element:
    """Return the document's root element; ValueError when it is not well-formed XML
    or declares entities.

    An article file never needs a DTD entity, and expat lets one expand a hundredfold
    (a 9 MB file made a 270 MB title), so any <!ENTITY> is refused, as are external
    references: a hostile file can neither grow nor make this read anything else."""
    try:
        root: ElementTree.Element = SafeElementTree.fromstring(
            document, forbid_dtd=False, forbid_entities=True, forbid_external=True)
        return root
    except ElementTree.ParseError as error:
        raise ValueError(f"malformed TimeML ({error})") from None
    except DefusedXmlException:
        raise ValueError("TimeML that declares XML entities (<!ENTITY>), which an "
                         "article file never needs; refused") from None


def timeml_text(document: str) -> str:
    """Return the article text of a TimeML document (tags stripped, entities decoded).

    Raises ValueError when the document is not well-formed XML or has no <TEXT>.
    """
    parse_timeml(document)
    return _text_of(document)


def _text_of(document: str) -> str:
    # The first <TEXT ...> up to the next </TEXT>: what te3input's non-greedy search
    # finds, found in linear time (a regex scan from every <TEXT could be quadratic).
    opening = _TEXT_OPEN.search(document)
    closing = document.find(_TEXT_CLOSE, opening.end()) if opening else -1
    if opening is None or closing < 0:
        raise ValueError("malformed TimeML (no <TEXT> element)")
    return html.unescape(_ANY_TAG.sub("", document[opening.end():closing]))


def timeml_dct(document: str | ElementTree.Element) -> datetime | None:
    """Return the creation time from the <DCT> element's TIMEX3 value, else None.

    ``document`` is the TimeML text or its parsed root. Raises ValueError when the
    document is malformed or the value is not a date.
    """
    root = parse_timeml(document) if isinstance(document, str) else document
    timex = root.find(".//DCT/TIMEX3")
    value = timex.get("value") if timex is not None else None
    if value is None:
        return None
    try:
        return parse_published(value)
    except ValueError:
        raise ValueError(f"malformed TimeML (DCT value {value!r} is not a date)") from None


def load_timeml(path: Path, published: datetime | None) -> Article:
    """Return the article held in a .tml file (sidecar metadata still applies)."""
    name = str(path)
    document = read_text_file(path)
    try:
        root = parse_timeml(document)
        text = _text_of(document)
        dct = timeml_dct(root)
    except ValueError as error:
        raise SourceError(name, str(error)) from None
    if not text.strip():
        raise SourceError(name, "its <TEXT> is empty")
    fields, sidecar_published = read_sidecar(path)
    title = root.find(".//TITLE")
    if "title" not in fields and title is not None:
        fields["title"] = " ".join("".join(title.itertext()).split()) or None
    own, own_source = (sidecar_published, "sidecar") if sidecar_published else (dct, "timeml")
    return dated_article(
        text, name, cli=published, own=own, own_source=own_source, source_path=name, **fields
    )
