"""What the review walk needs to know about the listed events: order, status, confidence.

Kept from the last listing and updated after each change, so J/K never query the store.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from timeline.model import Event, Status
from ui.state import navigation


class ReviewWalk:
    """The listed ids in time order with each one's status and confidence."""

    def __init__(self) -> None:
        self.order_in_time: list[int] = []
        self.statuses: dict[int, str] = {}
        self.confidences: dict[int, float] = {}
        self._orders: dict[str, list[int]] = {}  # walk orders, kept until the next listing

    def reset(self, ids: Sequence[int], statuses: Mapping[int, str],
              confidences: Mapping[int, float],
              orders: Mapping[str, list[int]] | None = None, *, copy: bool = True) -> None:
        """Replace everything with a new listing; ``orders`` are walk orders by mode
        already worked out (by the worker), the others are made when first walked.
        Without ``copy`` the listing's list and dicts are kept as they are (the
        caller hands them over: a million-event copy stalls the GUI thread)."""
        self.order_in_time = list(ids) if copy or not isinstance(ids, list) else ids
        self.statuses = (dict(statuses) if copy or not isinstance(statuses, dict)
                         else statuses)
        self.confidences = (dict(confidences) if copy or not isinstance(confidences, dict)
                            else confidences)
        self._orders = dict(orders or {})

    def update(self, event: Event) -> None:
        """Record a changed event's status (ignored when it is not listed)."""
        if event.id in self.statuses:
            self.statuses[event.id] = Status(event.status).value

    def unreviewed(self) -> set[int]:
        """Return the ids still unreviewed."""
        return {i for i, status in self.statuses.items() if status == Status.UNREVIEWED.value}

    def next_unreviewed(self, current: int | None, mode: str) -> int | None:
        """Return the next unreviewed id after ``current`` in the walk order ``mode``."""
        return navigation.next_unreviewed(self._order(mode), self.unreviewed(), current)

    def previous(self, current: int | None, mode: str) -> int | None:
        """Return the id before ``current`` in the walk order ``mode``."""
        return navigation.previous(self._order(mode), current)

    def _order(self, mode: str) -> list[int]:
        # A review changes status, never confidence: the order holds until the next listing.
        if mode not in self._orders:
            self._orders[mode] = navigation.review_order(self.order_in_time, self.confidences, mode)
        return self._orders[mode]
