"""Where J (next unreviewed) and K (previous) go: plain functions over ids.

Two orders: time order (as the store lists events) or lowest confidence first
(ties in time order). Qt-free so it is tested without a window.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ui.canvas.sorting import sorted_in_slices

TIME_ORDER = "time"
CONFIDENCE_ORDER = "confidence"


def review_order(ids_in_time_order: Sequence[int], confidence: Mapping[int, float],
                 mode: str) -> list[int]:
    """Return the ids in the order the analyst walks them."""
    if mode == CONFIDENCE_ORDER:
        # Stable: equal confidences keep their time order. In slices, so that a million
        # ids sorted on a worker do not hold the GIL (and the GUI thread) for seconds.
        return sorted_in_slices(list(ids_in_time_order), key=lambda i: confidence.get(i, 1.0))
    return list(ids_in_time_order)


def next_unreviewed(order: Sequence[int], unreviewed: set[int] | frozenset[int],
                    current: int | None) -> int | None:
    """Return the first unreviewed id after ``current`` (wrapping round), or None."""
    if not order:
        return None
    start = order.index(current) + 1 if current in order else 0
    for offset in range(len(order)):
        candidate = order[(start + offset) % len(order)]
        if candidate in unreviewed and candidate != current:
            return candidate
    return None


def previous(order: Sequence[int], current: int | None) -> int | None:
    """Return the id before ``current`` in ``order`` (None at the start)."""
    if current not in order:
        return order[-1] if order else None
    index = order.index(current)
    return order[index - 1] if index > 0 else None
