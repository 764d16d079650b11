"""Tagging a text: every temporal expression found (``detect``) and resolved against
the document's creation time (``resolve``)."""

from __future__ import annotations

from datetime import date, datetime

from timeline.model import Mention, as_datetime
from timeline.temporal.detect import detect
from timeline.temporal.ranges import forward_ranges
from timeline.temporal.resolve import Resolver
from timeline.temporal.until import open_until

# Arithmetic on dates near year 1 or 9999 overflows; such an expression is left out.
UNRESOLVABLE = (ValueError, OverflowError)


def tag(text: str, dct: datetime | date) -> list[Mention]:
    """Return the temporal expressions of ``text`` resolved against the document date.

    Mentions are sorted by start, never overlap, and their offsets index ``text``.
    """
    resolver = Resolver(text, as_datetime(dct))
    mentions: list[Mention] = []
    for detection in detect(text):
        try:
            mention = resolver.resolve(detection)
        except UNRESOLVABLE:
            continue
        if mention is not None:
            mentions.append(mention)
    return open_until(text, forward_ranges(text, mentions))
