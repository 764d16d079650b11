"""The text fingerprint that recognises one story stored twice in two formats.

The content hash tells exactly the same text; the same article as a .txt and as a .tml
differs in markup and whitespace only (line breaks, a tag left in, "&amp;"), and went
in twice. The fingerprint hashes the text with those differences taken out.
"""

from __future__ import annotations

import hashlib
import html
import re
import unicodedata

_MARKUP = re.compile(r"<[^<>]{0,2000}>")


def normalized_text(text: str) -> str:
    """Return ``text`` with markup tags removed, entities read, Unicode compatibility
    forms folded (NFKC), case folded and whitespace collapsed to single spaces."""
    plain = html.unescape(_MARKUP.sub(" ", text))
    return " ".join(unicodedata.normalize("NFKC", plain).casefold().split())


def text_fingerprint(text: str) -> str:
    """Return the sha256 hex digest of ``normalized_text(text)`` (UTF-8): equal for two
    texts that differ only in markup, case and whitespace."""
    return hashlib.sha256(normalized_text(text).encode("utf-8", "surrogatepass")).hexdigest()
