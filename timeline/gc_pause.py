"""Holding off Python's cyclic garbage collector while many objects are made or read.

Making or writing 10^5 events sets off collections whose older generations walk every
live object, which cost more than the work itself. The store (making events from rows)
and the CSV export (writing them) both pause it. The module imports nothing but ``gc`` and
``threading`` so that loading timeline.export does not load the store or SQLAlchemy.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

# Pauses on several threads at once (the store worker reading, the computing thread
# laying out) share one count: the collector comes back on when the last one ends, not
# when the first does while another is still making a million objects.
_pauses = 0
_enabled_before = False
_freeze_at_end = False
_lock = threading.Lock()


@contextmanager
def gc_paused(*, freeze: bool = False) -> Iterator[None]:
    """Hold off the cyclic garbage collector while the block runs; yields nothing.

    Every few hundred new containers the collector runs, and its older generations
    walk every live object: making 10^5 events (each an instance and its dict) set off
    enough of those walks to cost more than making the events, and writing them set off
    walks of all the caller's events again. The callers make no reference cycles, so
    nothing is left for the collector to find afterwards. The collector is turned back
    on only if it was on, also when the block raises, and only once no other thread's
    block still runs (a walk of millions of objects holds the GIL, and so every other
    thread, for seconds).

    With ``freeze`` (a listing the window keeps), what is alive when the last pause ends
    is frozen out of the collector's walks (gc.freeze, no walk): re-enabled, the
    collector would otherwise walk the million objects made meanwhile at its next young
    collection, holding the GIL for seconds.
    """
    global _pauses, _enabled_before, _freeze_at_end  # noqa: PLW0603 (one count a process)
    with _lock:
        if _pauses == 0:
            _enabled_before = gc.isenabled()
            _freeze_at_end = False
            gc.disable()
        _pauses += 1
        _freeze_at_end = _freeze_at_end or freeze
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0:
                if _freeze_at_end:
                    gc.freeze()
                if _enabled_before:
                    gc.enable()


def settle_as_long_lived() -> None:
    """Put every object the collector tracks in its oldest generation, without a walk.

    Returns nothing. A long list of events just made is young to the collector: its next
    young-generation collection, and the middle one after it, would each walk all of
    them (an instance and a dict an event) before they reach the old generation, where
    they belong. Freeze and unfreeze move everything there at once; nothing is collected
    any later than the next full collection. Skipped when the program has frozen objects
    of its own.
    """
    if gc.get_freeze_count() == 0:
        gc.freeze()
        gc.unfreeze()
