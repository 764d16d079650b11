"""Where the first view of the canvas looks: the stretch where the events are dense.

A story of a week with one "1898" and one "2019" in it would otherwise be fitted over a
century, every event of the week in one pixel. Qt-free, so it is tested without a window.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
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


def filtered_span(dense: tuple[datetime, datetime] | None, start: datetime | None,
                  end: datetime | None) -> tuple[datetime, datetime] | None:
    """Return the stretch to show for a date filter [start, end): the filter's own range
    (a little padded, so events at its edges keep their whole glyph), the dense stretch
    cut at the one bound set, or ``dense`` itself without a date filter; None when there
    is nothing to show. Events of a coarse date ("the 20th century") overlap any filter,
    so the dense stretch alone would show their century, not the days asked for."""
    if start is None and end is None:
        return dense
    if start is not None and end is not None:
        first, last = min(start, end), max(start, end)
    elif start is not None:
        first = start
        last = dense[1] if dense is not None and dense[1] > start else start + 30 * MIN_SPAN
    else:
        assert end is not None  # one of the two is set
        last = end
        first = dense[0] if dense is not None and dense[0] < end else end - 30 * MIN_SPAN
    pad = max(last - first, MIN_SPAN) / 40
    try:
        return first - pad, last + pad
    except OverflowError:
        return first, last


def dense_days(sorted_starts: Sequence[float],
               rows: Iterable[tuple[Sequence[float], Sequence[float]]],
               share: float = DENSE_SHARE) -> tuple[float, float] | None:
    """Return dense_span's stretch for a laid-out canvas, in canvas days: the shortest
    stretch of starts holding ``share`` of the events, widened to the events within half
    its length of it, to the last end among them, padded by a twentieth; None when there
    are none. ``rows`` are (starts, ends) of rows in which both are sorted (as in a
    CanvasLayout), so the last end takes a bisect per row, and Fit all stays quick at
    100,000 events."""
    count = len(sorted_starts)
    if not count:
        return None
    keep = count - int(count * (1 - share))
    best = min(range(count - keep + 1),
               key=lambda i: sorted_starts[i + keep - 1] - sorted_starts[i])
    first, last_start = sorted_starts[best], sorted_starts[best + keep - 1]
    # Neighbours just outside the share are no strays: take in those within half the
    # stretch of its edges (a week's last day stays in; "1898" does not).
    reach = max(last_start - first, 1.0) / 2
    first = sorted_starts[bisect_left(sorted_starts, first - reach)]
    last_start = sorted_starts[bisect_right(sorted_starts, last_start + reach) - 1]
    last = last_start
    for starts, ends in rows:
        # In a row ends grow with starts: the last event starting by last_start ends latest.
        index = bisect_right(starts, last_start) - 1
        if index >= 0 and starts[index] >= first:
            last = max(last, ends[index])
    span = max(last - first, MIN_SPAN / timedelta(days=1))
    return first - span / 20, first + span + span / 20
