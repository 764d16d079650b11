"""Sorting a million items on a worker thread without stalling the GUI thread.

``sorted`` and ``list.sort`` compare in C and hold the GIL from the first comparison to
the last: a million time keys take a second or more, and the GUI thread, which needs
the GIL to paint, waits that long. Sorting slices (a few milliseconds each) and
merging them with heapq.merge (a Python generator, so the GIL is handed over between
items) gives the same order, stable as ``sorted`` is, with no long hold.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from heapq import merge
from typing import Any, TypeVar

T = TypeVar("T")

# Up to this many items one ``sorted`` call holds the GIL briefly enough (tens of ms).
SLICE = 20_000


def sorted_in_slices(items: Iterable[T], key: Callable[[T], Any] | None = None) -> list[T]:
    """Return ``items`` sorted (stably, as ``sorted(items, key=key)``), sorting slices of
    SLICE items and merging them so that no single call holds the GIL for long."""
    whole = items if isinstance(items, list) else list(items)
    order: Any = key  # sorted's overloads want comparable items when there is no key
    if len(whole) <= SLICE:
        return sorted(whole, key=order)
    slices = [sorted(whole[start:start + SLICE], key=order)
              for start in range(0, len(whole), SLICE)]
    # heapq.merge keeps equal items in the order of the slices: stable, as sorted is.
    return list(merge(*slices, key=key))
