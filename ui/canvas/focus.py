"""Where the first view of the canvas looks: the stretch where the events are dense.

A story of a week with one "1898" and one "2019" in it would otherwise be fitted over a
century, every event of the week in one pixel. Qt-free, so it is tested without a window.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

# The share of events the first view holds at least, and the smallest span it shows.
DENSE_SHARE = 0.8
MIN_SPAN = timedelta(days=1)


def dense_span(starts: Sequence[datetime], share: float = DENSE_SHARE
               ) -> tuple[datetime, datetime] | None:
    """Return the shortest [first, last] stretch holding ``share`` of ``starts`` (padded
    by a twentieth on each side), or None when there are none. The events outside it
    are still drawn; the canvas says that more lies outside."""
    if not starts:
        return None
    ordered = sorted(starts)
    count = len(ordered)
    keep = max(1, min(count, round(count * share)))
    best = min(range(count - keep + 1), key=lambda i: ordered[i + keep - 1] - ordered[i])
    first, last = ordered[best], ordered[best + keep - 1]
    span = max(last - first, MIN_SPAN)
    pad = span / 20
    try:
        return first - pad, first + span + pad
    except OverflowError:
        return first, first + span
