"""The Stories layout's view of the held listing: one mark per story, or per reading.

Qt-free work for the worker threads, as ui.state.held is for the article lanes: the
events come from the held listing (the table lists them, the walk goes through them),
the marks from the stories listed with it, the first part's before the rest.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.gc_pause import gc_paused
from timeline.model import Status, Story
from ui.canvas.focus import dense_span
from ui.canvas.layout import build_layout, with_extent
from ui.state.held import HeldListing
from ui.state.listing import STORIES, LoadedView
from ui.state.navigation import CONFIDENCE_ORDER, review_order
from ui.stories.marks import STORY_LANES, story_marks


class _SoFar(dict[int, str]):
    """The statuses of the events listed so far, for a first part's marks: an event
    still to come counts as listed (its story is drawn), unreviewed until it is."""

    def __contains__(self, _event_id: object) -> bool:
        return True


def stories_view(held: HeldListing, stories: Sequence[Story], *, hide_rejected: bool,
                 partial: bool = False, with_dense: bool = True) -> LoadedView:
    """Return the Stories layout's LoadedView of every held event and the marks of
    ``stories``, its lanes laid out here. ``partial``: the listing's first part, whose
    stories may have events not held yet (drawn, as unreviewed, until they are)."""
    with gc_paused(freeze=True):  # as in held.view_of: many small objects
        rows = list(held.rows)  # the list, not the rows: the worker may go on adding
        listed = [row.id for row in rows] + list(held.undated)
        statuses = {row.id: row.status for row in rows}
        statuses.update(held.undated)
        marks = story_marks(list(stories), _SoFar(statuses) if partial else statuses)
        unreviewed = Status.UNREVIEWED.value
        reviewed = sum(status != unreviewed for status in statuses.values())
        return LoadedView(
            ids=listed, canvas_events=marks.marks, statuses=statuses,
            confidences=held.confidences, articles=held.articles, article_labels=held.labels,
            canvas_layout=with_extent(build_layout(marks.marks, hide_rejected, STORY_LANES)),
            walk_orders={CONFIDENCE_ORDER: review_order(listed, held.confidences,
                                                        CONFIDENCE_ORDER)},
            reviewed=reviewed, total=len(listed), layout=STORIES, story_marks=marks,
            dense=(dense_span([(mark.start, mark.end) for mark in marks.marks])
                   if with_dense else None),
            rows_by_id={mark.id: mark for mark in marks.marks},
            row_of={event_id: row for row, event_id in enumerate(listed)},
        )
