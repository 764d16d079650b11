"""One listing of the events the window shows, made on the worker thread.

Everything here is plain data and Qt-free work: the events the filter lets through,
their canvas rows and lane layout, the table's sort keys and the J/K walk orders. The
window only swaps the result in on the main thread, so a 100,000-event listing costs
it a few tens of milliseconds.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from timeline.model import Article, Event, Status
from ui.canvas.data import CanvasEvent
from ui.canvas.focus import dense_span
from ui.canvas.lane_names import lane_names
from ui.canvas.layout import CanvasLayout, build_layout
from ui.state.canvas_rows import to_canvas_event
from ui.state.navigation import CONFIDENCE_ORDER, review_order
from ui.stories.marks import STORY_LANES, StoryMarks, story_marks

STORIES, ARTICLES = "stories", "articles"  # the canvas's two layouts
# Past this many articles the canvas opens on the Stories layout (until the analyst
# chooses one): a few articles read best lane by lane.
AUTO_STORIES_ARTICLES = 3

# {column: {event id: key}} from the events and the article labels: the review table's
# sort keys, given by the table (ui.models.event_table.sort_keys_for) so this module
# stays Qt-free.
SortKeys = Callable[[Sequence[Event], dict[int, str]], dict[int, dict[int, Any]]]


@dataclass
class LoadedView:
    """What one listing brings back from the worker."""

    ids: list[int]  # in time order
    canvas_events: list[CanvasEvent]
    statuses: dict[int, str]
    confidences: dict[int, float]
    articles: list[Article]
    article_labels: dict[int, str] = field(default_factory=dict)  # article id -> lane name
    sort_keys: dict[int, dict[int, Any]] = field(default_factory=dict)
    canvas_layout: CanvasLayout | None = None
    walk_orders: dict[str, list[int]] = field(default_factory=dict)  # J/K orders by mode
    reviewed: int = 0
    total: int = 0
    layout: str = ARTICLES
    story_marks: StoryMarks | None = None  # the Stories layout's marks and their events
    # Where the first view looks: the stretch most events are in.
    dense: tuple[datetime, datetime] | None = None
    # Made by the worker so that the GUI thread builds no big dict: the canvas rows by
    # id, and each id's row in time order (handed over, not copied, when given).
    rows_by_id: dict[int, CanvasEvent] | None = None
    row_of: dict[int, int] | None = None
    # An import's new canvas rows when only they were added (where the canvas goes next,
    # found without a walk over every row on the GUI thread).
    added: list[CanvasEvent] | None = None


def article_label(article: Article | None, article_id: int | None = None) -> str:
    """Return the name an article goes by in the table and on the canvas's lanes."""
    if article is not None and article.title:
        return article.title
    return f"article {article.id if article is not None else article_id}"


def load_view(repo: Any, query: Mapping[str, Any], *, hide_rejected: bool,
              check: Callable[[], None] = lambda: None,
              sort_keys: SortKeys | None = None, layout: str | None = ARTICLES) -> LoadedView:
    """Return the LoadedView of the events ``query`` (list_events keywords) lets through;
    ``check()`` is called between steps and may raise to stop early; ``sort_keys`` makes
    the table's sort keys (none without it). ``layout`` STORIES draws one mark per story
    of those events (the table still lists the events); None chooses by the number of
    articles."""
    events = repo.list_events(**query)
    check()
    articles = repo.list_articles()
    if layout is None:
        layout = STORIES if len(articles) > AUTO_STORIES_ARTICLES else ARTICLES
    # One lane per article (two with one title are two lanes), named with outlet and date.
    labels = lane_names(articles, article_label)
    statuses = {e.id: Status(e.status).value for e in events}
    marks = None
    if layout == STORIES:
        stories = repo.list_stories(start=query.get("start"), end=query.get("end"))
        check()
        marks = story_marks(stories, statuses)
        canvas_events = marks.marks
    else:
        canvas_events = [row for row in (to_canvas_event(e, labels.get(e.article_id, ""))
                                         for e in events) if row is not None]
    check()
    ids = [e.id for e in events]
    confidences = {e.id: e.confidence for e in events}
    reviewed, total = repo.review_progress()
    return LoadedView(
        layout=layout,
        story_marks=marks,
        dense=dense_span([(row.start, row.end) for row in canvas_events]),
        ids=ids,
        canvas_events=canvas_events,
        statuses=statuses,
        confidences=confidences,
        articles=articles,
        article_labels=labels,
        sort_keys=sort_keys(events, labels) if sort_keys is not None else {},
        canvas_layout=build_layout(canvas_events, hide_rejected,
                                   STORY_LANES if layout == STORIES else ()),
        walk_orders={CONFIDENCE_ORDER: review_order(ids, confidences, CONFIDENCE_ORDER)},
        reviewed=reviewed,
        total=total,
    )
