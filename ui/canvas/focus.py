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


def dense_span(spans: Sequence[tuple[datetime, datetime]], share: float = DENSE_SHARE
               ) -> tuple[datetime, datetime] | None:
    """Return the shortest stretch holding ``share`` of the (start, end) ``spans``, from
    the first start to the last end among them, padded by a twentieth on each side; None
    when there are none. The events outside it are still drawn."""
    if not spans:
        return None
    ordered = sorted(spans)
    count = len(ordered)
    # Whole events only: a handful are all kept (a stray needs a crowd to stray from).
    keep = count - int(count * (1 - share))
    best = min(range(count - keep + 1),
               key=lambda i: ordered[i + keep - 1][0] - ordered[i][0])
    kept = ordered[best:best + keep]
    first = kept[0][0]
    last = max(max(start, end) for start, end in kept)
    span = max(last - first, MIN_SPAN)
    pad = span / 20
    try:
        return first - pad, first + span + pad
    except OverflowError:
        return first, first + span
