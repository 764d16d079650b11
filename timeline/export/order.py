"""The order every export and the review table list events in: by start, then end."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from timeline.model import Event

_EARLIEST_POSSIBLE = datetime.min


def time_order_key(event: Event) -> tuple[bool, datetime, bool, datetime, int]:
    """Sort key: earliest, latest, id, as the store lists them: a missing bound sorts
    after every known one, so events with no start, then those with no end (open-ended
    "after the forum"), come last among their equals."""
    return (
        event.earliest is None,
        event.earliest or _EARLIEST_POSSIBLE,
        event.latest is None,
        event.latest or _EARLIEST_POSSIBLE,
        event.id if event.id is not None else -1,
    )


def in_time_order(events: Iterable[Event]) -> list[Event]:
    """Return the events sorted by :func:`time_order_key` (stable for equal keys)."""
    return sorted(events, key=time_order_key)
