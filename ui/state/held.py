"""The one listing the window holds (its events in both layouts; the Stories layout's
marks are cut from it in ui.state.story_view), and the article lanes' views cut from it.

Qt-free work for the worker threads. The whole store is listed once, in chunks (the
span in view first), as canvas rows without sentences or article texts; a filter is a
list of ids the store names, and its view shares the held rows (no second copy).
Clearing the filter shows the held listing again without asking the store; an import
adds what is new. Every layout is built here, off the GUI thread; the window only
swaps the result in.
"""

from __future__ import annotations

import gc
from bisect import insort
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from timeline.gc_pause import gc_paused
from timeline.model import Article, Granularity, Status, Story
from ui.canvas.data import OPEN_AFTER, OPEN_BEFORE, CanvasEvent
from ui.canvas.focus import dense_span
from ui.canvas.lane_names import lane_names
from ui.canvas.layout import build_layout, with_extent
from ui.canvas.sorting import sorted_in_slices
from ui.state.listing import ARTICLES, LoadedView, article_label
from ui.state.navigation import CONFIDENCE_ORDER, review_order

# The first chunk: about this many events around the middle of the listing (a few
# weeks of a million over 35 years: quick to read and lay out), or the
# span in view; the rest comes in chunks of CHUNK by id.
FIRST_EVENTS = 5_000
CHUNK = 100_000
_FAR = datetime.min


class Head(Protocol):
    """What the listing reads of an event (timeline.store's EventHead)."""

    @property
    def id(self) -> int: ...
    @property
    def article_id(self) -> int: ...
    @property
    def title(self) -> str: ...
    @property
    def expression(self) -> str | None: ...
    @property
    def earliest(self) -> datetime | None: ...
    @property
    def latest(self) -> datetime | None: ...
    @property
    def granularity(self) -> Granularity: ...
    @property
    def status(self) -> Status: ...
    @property
    def confidence(self) -> float: ...
    @property
    def mod(self) -> str | None: ...


def canvas_row(head: Head, label: str) -> CanvasEvent | None:
    """Return the canvas row of an EventHead (None when it has no bound at all)."""
    earliest, latest = head.earliest, head.latest
    start = earliest if earliest is not None else latest
    end = latest if latest is not None else earliest
    if start is None or end is None:
        return None
    open_side = OPEN_AFTER if latest is None else OPEN_BEFORE if earliest is None else ""
    # No date text (date_display stays ""): nothing in the window reads it from a held
    # row (the table, the inspector and the tooltips format their own), and made for
    # every event it was a string of about 70 bytes each (70 MB at a million) and a
    # tenth of the listing's time.
    return CanvasEvent(
        id=head.id, start=start, end=end, granularity=head.granularity.value,
        status=head.status.value, title=head.title, group=label,
        expression=head.expression or "", source=label, open_side=open_side,
    )


def time_key(row: CanvasEvent) -> tuple[bool, datetime, bool, datetime, int]:
    """Return the store's time order of a canvas row: (earliest, latest, id), a missing
    bound last."""
    no_start, no_end = row.open_side == OPEN_BEFORE, row.open_side == OPEN_AFTER
    return (no_start, _FAR if no_start else row.start, no_end, _FAR if no_end else row.end,
            row.id)


@dataclass
class HeldListing:
    """Every event of the store as the lanes draw it, in time order."""

    rows: list[CanvasEvent] = field(default_factory=list)
    undated: dict[int, str] = field(default_factory=dict)  # listed, not drawn: status
    confidences: dict[int, float] = field(default_factory=dict)
    articles: list[Article] = field(default_factory=list)  # without their texts
    labels: dict[int, str] = field(default_factory=dict)
    last_id: int = 0  # the highest event id listed: an import adds ids above it
    complete: bool = False
    # Every story, by id, once the Stories layout has listed them (None: not yet).
    stories: list[Story] | None = None

    def add(self, heads: Iterable[Head], *, ordered: bool = False) -> list[CanvasEvent]:
        """Add EventHeads (no id held twice); returns their canvas rows. Unless
        ``ordered``, the caller sorts ``rows`` by time_key afterwards."""
        added: list[CanvasEvent] = []
        labels, confidences = self.labels, self.confidences
        with gc_paused(freeze=True):
            for head in heads:
                event_id = head.id
                if event_id in confidences:
                    continue
                confidences[event_id] = head.confidence
                self.last_id = max(self.last_id, event_id)
                article_id = head.article_id
                label = labels.get(article_id)
                if label is None:
                    label = labels[article_id] = article_label(None, article_id)
                row = canvas_row(head, label)
                if row is None:
                    self.undated[event_id] = head.status.value
                    continue
                added.append(row)
                if ordered:
                    insort(self.rows, row, key=time_key)
            if not ordered:
                self.rows += added
        return added

    def replace(self, event_id: int, status: str, row: CanvasEvent | None) -> None:
        """Put a saved event's new canvas row (None: it has no bound) and status in
        place of the held one, in time order; returns nothing."""
        if event_id not in self.confidences:
            return
        self.rows = [held for held in self.rows if held.id != event_id]
        self.undated.pop(event_id, None)
        if row is None:
            self.undated[event_id] = status
        else:
            insort(self.rows, row, key=time_key)

    def sort(self) -> None:
        """Put ``rows`` in time order (after chunks came by id)."""
        with gc_paused(freeze=True):  # in slices: one sort of a million would stall the GUI
            self.rows = sorted_in_slices(self.rows, key=time_key)

    def set_articles(self, articles: Sequence[Article]) -> None:
        """Hold the articles (text-less) and their lane names (unique: two articles of
        one title are two lanes)."""
        self.articles = list(articles)
        self.labels.update(lane_names(self.articles, article_label))


def visible_span(ranks: Callable[[Callable[[int], Sequence[int]]], list[datetime | None]],
                 ) -> tuple[datetime, datetime] | None:
    """Return the span the first view shows: about FIRST_EVENTS events around the middle
    of the listing, found with ``ranks`` (Repository.earliest_at_ranks with the
    filters bound); None when there are no more than that (all are listed at once)."""
    def around_middle(count: int) -> list[int]:
        if count <= FIRST_EVENTS:
            return []  # all of it is quick to list: the first view is where it is dense
        middle = count // 2
        return [middle - FIRST_EVENTS // 2, middle + FIRST_EVENTS // 2]

    found = ranks(around_middle)
    if len(found) < 2 or found[0] is None or found[1] is None:
        return None
    first, last = found[0], found[1]
    return first, max(last, first + timedelta(days=1))


def view_of(held: HeldListing, ids: Sequence[int] | None, *, hide_rejected: bool,
            with_dense: bool = True) -> LoadedView:
    """Return the LoadedView of ``ids`` (None: every held event) from the held rows,
    its lane layout built here: the rows are shared, not copied. ``reviewed`` and
    ``total`` count the held events (the store's totals, since all are held)."""
    # Millions of small objects are made here: with the collector on, its passes over
    # every live object would hold the GIL, and so the GUI thread, for a second each.
    with gc_paused(freeze=True):
        return _view_of(held, ids, hide_rejected=hide_rejected, with_dense=with_dense)


def _view_of(held: HeldListing, ids: Sequence[int] | None, *, hide_rejected: bool,
             with_dense: bool) -> LoadedView:
    if ids is None:
        rows = list(held.rows)  # the list, not the rows: the worker may go on adding
        listed = [row.id for row in rows] + list(held.undated)
    else:
        wanted = set(ids)
        rows = [row for row in held.rows if row.id in wanted]
        listed = list(ids)
    confidences = held.confidences if ids is None else {
        event_id: held.confidences[event_id] for event_id in listed
        if event_id in held.confidences}
    statuses = {row.id: row.status for row in rows}
    statuses.update((i, s) for i, s in held.undated.items() if ids is None or i in wanted)
    unreviewed = Status.UNREVIEWED.value
    reviewed = sum(row.status != unreviewed for row in held.rows) + sum(
        status != unreviewed for status in held.undated.values())
    return LoadedView(
        ids=listed, canvas_events=rows, statuses=statuses, confidences=confidences,
        articles=held.articles, article_labels=held.labels,
        canvas_layout=with_extent(build_layout(rows, hide_rejected)),
        walk_orders={CONFIDENCE_ORDER: review_order(listed, confidences, CONFIDENCE_ORDER)},
        reviewed=reviewed, total=len(held.rows) + len(held.undated), layout=ARTICLES,
        dense=dense_span([(row.start, row.end) for row in rows]) if with_dense else None,
        rows_by_id={row.id: row for row in rows},
        row_of={event_id: row for row, event_id in enumerate(listed)},
    )


def settle() -> None:
    """Freeze what is alive now (the held listing, its layout) out of the collector's
    walks; returns nothing. The GUI thread's collections would otherwise walk a million
    rows now and then, each walk a stall of a second."""
    gc.freeze()
