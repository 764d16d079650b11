"""How the window gets and holds its events (ui.state.held, ui.state.story_view).

The store worker lists the store once, the span in view first (shown at once), then
the rest in chunks; the computing thread lays out and cuts filtered views from the one
held listing; the GUI thread only swaps the results in. A filter asks the store for ids
only; clearing it asks nothing; an import lists only the ids above the last one held.
The Stories layout lists the same way, its stories after the events (those of the span
in view with the first part); a filtered Stories view still lists through
ui.state.listing.load_view, and an import there lists the store again (an import can
change the stories already held).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from timeline.gc_pause import gc_paused
from ui.canvas.layout import CanvasLayout, build_layout, with_extent
from ui.state.filters import EventFilter
from ui.state.held import CHUNK, HeldListing, settle, view_of, visible_span
from ui.state.listing import ARTICLES, AUTO_STORIES_ARTICLES, STORIES, LoadedView, article_label
from ui.state.story_view import stories_view
from ui.tasks import TaskContext

if TYPE_CHECKING:
    from ui.main_window import MainWindow

# The table's sort keys of every column come with listings up to this size only (the
# Timeline17 collection's 79,000 events keep them): for a million events they cost more
# memory than the listing, and the table then sorts by time only.
SORT_KEYS_UP_TO = 200_000
SortKeys = dict[int, dict[int, Any]]


class ListingFlow:
    """The article lanes' listing of one window."""

    def __init__(self, window: MainWindow, sort_keys: Callable[..., SortKeys]) -> None:
        self.window = window
        self.held: HeldListing | None = None
        self._sort_keys_for = sort_keys
        self._sort_keys: SortKeys = {}
        # The whole listing's view per layout and hide-rejected setting: clearing a
        # filter swaps it back in without laying anything out.
        self._full_views: dict[tuple[str, bool], LoadedView] = {}
        # While the whole store is being listed: a new filter waits for it (listing a
        # million events again for each keystroke would never end), as does an import.
        self._listing = False
        self._append_after = False

    # --- the three ways a listing changes --------------------------------------------

    def reload(self, event_filter: EventFilter, *, layout: str | None,
               fit: bool) -> bool:
        """List the store (first time), or show ``event_filter``'s events from the held
        listing; returns False when a filtered Stories view is to be listed through
        ui.state.listing.load_view instead."""
        if self._listing:
            return True  # the listing on its way shows the filter of when it lands
        if layout == STORIES and not event_filter.is_empty():
            return False
        held = self.held
        if held is None or not held.complete:
            self._list_all(event_filter, layout=layout, fit=fit)
        elif layout == STORIES and held.stories is None:
            self._list_stories(held)
        else:
            self._show_filtered(event_filter, fit=fit)
        return True

    def forget(self) -> None:
        """Drop the held listing (the next reload lists the store again)."""
        self.held = None
        self._full_views.clear()
        self._listing = False  # a listing on its way is replaced by the next one

    def append_new(self, event_filter: EventFilter, *, layout: str | None, fit: bool) -> None:
        """Add the events stored since the last listing (an import) and show them; with
        none held yet, list them all (``layout`` and ``fit`` as for reload)."""
        held = self.held
        if self._listing:
            self._append_after = True  # once the listing on its way has landed
            return
        if held is None or not held.complete:
            self._list_all(event_filter, layout=layout, fit=fit)
            return
        query = event_filter.query_kwargs()
        last_id = held.last_id
        small = len(held.confidences) <= SORT_KEYS_UP_TO
        sort_keys_for = self._sort_keys_for

        def read(repo: Any, context: TaskContext) -> tuple[Any, ...]:
            articles = repo.list_article_heads()
            new = repo.list_event_heads(after_id=last_id)
            context.check()
            ids = None if event_filter.is_empty() else repo.list_event_ids(**query)
            # The new events' sort keys only: the held ones' stay as they are.
            keys = (sort_keys_for(repo.get_events([head.id for head in new]),
                                  {a.id: article_label(a) for a in articles})
                    if small else {})
            return articles, new, ids, keys

        def merged(found: tuple[Any, ...]) -> None:
            articles, new, ids, keys = found
            if small:
                self._sort_keys = {column: {**self._sort_keys.get(column, {}), **by_id}
                                   for column, by_id in keys.items()}
            self._full_views.clear()

            def merge(_context: TaskContext) -> LoadedView:
                held.set_articles(articles)
                added = held.add(new, ordered=True)
                view = self._view(held, ids)
                view.added = added
                return view

            self._compute(merge, lambda view: self._apply(view, fit=False, full=ids is None))

        self.window.gateway.submit(read, key="load", on_done=merged, on_error=self._failed)

    def set_hide_rejected(self, hide: bool) -> None:
        """Hide (or show) rejected events, the layout made on the computing thread."""
        canvas = self.window.canvas
        if canvas.layout_ready_for(hide):
            canvas.set_hide_rejected(hide)
            return
        rows = canvas.events()
        lane_order = canvas.canvas_layout().lane_order

        def lay_out(_context: TaskContext) -> CanvasLayout:
            with gc_paused(freeze=True):  # no collector walks holding the GIL (held.view_of)
                return with_extent(build_layout(rows, hide, lane_order))

        def apply(layout: CanvasLayout) -> None:
            self.window.canvas.set_hide_rejected(hide, layout)

        self.window.tasks.submit(lay_out, compute=True, key="hide-rejected", on_done=apply,
                                 on_error=self._failed)

    def event_changed(self, event_id: int, status: str, row: Any) -> None:
        """Keep the held listing in step with one saved event (its status, and its
        canvas row: None when it has no bound)."""
        held = self.held
        self._full_views.clear()
        if held is None:
            return

        def replace(_context: TaskContext) -> None:
            held.replace(event_id, status, row)

        self.window.tasks.submit(replace, compute=True)

    # --- the steps ------------------------------------------------------------------

    def _list_all(self, event_filter: EventFilter, *, layout: str | None, fit: bool) -> None:
        window = self.window
        query = event_filter.query_kwargs()
        hide = window.settings.hide_rejected()
        in_view = window.canvas.span_in_view() if not fit else None
        zoomed = {"first": False}  # the first part zoomed in: the rest does not move it
        sort_keys_for = self._sort_keys_for

        def read(repo: Any, context: TaskContext) -> Any:
            articles = repo.list_article_heads()
            stories = layout == STORIES or (layout is None
                                            and len(articles) > AUTO_STORIES_ARTICLES)
            if stories and not event_filter.is_empty():
                return STORIES  # a filtered Stories view: listed through load_view
            held = HeldListing()
            held.set_articles(articles)
            span = in_view or visible_span(
                lambda ranks: repo.earliest_at_ranks(ranks, **query))
            if span is not None:
                first = dict(query, start=_later(query["start"], span[0]),
                             end=_earlier(query["end"], span[1]))
                held.add(repo.list_event_heads(**first))
                held.sort()
                context.check()
                if stories:
                    part = stories_view(held, repo.list_stories(start=span[0], end=span[1]),
                                        hide_rejected=hide, partial=True, with_dense=False)
                else:
                    part = view_of(held, None, hide_rejected=hide, with_dense=False)
                context.deliver((part, span))
            total = repo.count_events()
            after = 0
            with gc_paused(freeze=True):  # see held.view_of: the rows stay
                while chunk := repo.list_event_heads(after_id=after, limit=CHUNK):
                    context.check()
                    held.add(chunk)
                    after = chunk[-1].id
                    context.progress(len(held.confidences), total, "Listing events")
                held.sort()
            held.complete = True
            if stories:
                held.stories = _all_stories(repo, context)
            ids = None if event_filter.is_empty() else repo.list_event_ids(**query)
            keys = ({} if total > SORT_KEYS_UP_TO else
                    sort_keys_for(repo.list_events(), held.labels))
            return held, ids, keys

        def listed(found: Any) -> None:
            self._listing = False
            if found == STORIES:
                window.layout_mode = STORIES
                window.show_listing()  # a filtered Stories view (the listing held is kept)
                return
            held, ids, keys = found
            self.held, self._sort_keys = held, keys
            self._full_views.clear()
            if self._append_after:
                self._append_after = False
                self.append_new(window.current_filter(), layout=ARTICLES, fit=False)
                return
            again = fit and not zoomed["first"]
            if window.current_filter() != event_filter:  # changed while it was listed
                if window.layout_mode == STORIES:
                    window.show_listing()  # from the held listing, or through load_view
                else:
                    self._show_filtered(window.current_filter(), fit=again)
                return
            if held.stories is not None:
                self._compute(lambda _context: self._stories_view(held, dense=again),
                              lambda view: self._apply(view, fit=again, full=True))
                return
            self._compute(lambda _context: self._view(held, ids, dense=again),
                          lambda view: self._apply(view, fit=again, full=ids is None))

        def first_part(part: tuple[LoadedView, tuple[datetime, datetime]]) -> None:
            view, span = part
            window.apply_listing(view, fit=False, partial=True)
            if fit:
                zoomed["first"] = True
                window.canvas.zoom_to(*span)

        def failed(error: BaseException) -> None:
            self._listing = False
            self._failed(error)

        self._listing = True
        window.gateway.submit(read, key="load", on_done=listed, on_error=failed,
                              on_partial=first_part, on_progress=self._progress)

    def _list_stories(self, held: HeldListing) -> None:
        """List the stories of the store once the events are held (the Stories layout
        chosen after the article lanes), then show them."""
        def read(repo: Any, context: TaskContext) -> list[Any]:
            return _all_stories(repo, context)

        def listed(stories: list[Any]) -> None:
            self._listing = False
            held.stories = stories
            self.window.show_listing()

        def failed(error: BaseException) -> None:
            self._listing = False
            self._failed(error)

        self._listing = True
        self.window.gateway.submit(read, key="load", on_done=listed, on_error=failed,
                                   on_progress=self._progress)

    def _show_filtered(self, event_filter: EventFilter, *, fit: bool) -> None:
        held = self.held
        assert held is not None
        hide = self.window.settings.hide_rejected()
        if event_filter.is_empty():
            layout = STORIES if self.window.layout_mode == STORIES else ARTICLES
            kept = self._full_views.get((layout, hide))
            if kept is not None:
                self._apply(kept, fit=fit, full=True)  # nothing to ask or lay out
                return
            if layout == STORIES:
                self._compute(lambda _context: self._stories_view(held, dense=fit),
                              lambda view: self._apply(view, fit=fit, full=True))
                return
            self._compute(lambda _context: self._view(held, None, dense=fit),
                          lambda view: self._apply(view, fit=fit, full=True))
            return
        query = event_filter.query_kwargs()

        def ids_of(repo: Any, _context: TaskContext) -> list[int]:
            return list(repo.list_event_ids(**query))

        def cut(ids: list[int]) -> None:
            self._compute(lambda _context: self._view(held, ids, dense=fit),
                          lambda view: self._apply(view, fit=fit, full=False))

        self.window.gateway.submit(ids_of, key="load", on_done=cut, on_error=self._failed)

    def _view(self, held: HeldListing, ids: list[int] | None, *, dense: bool = False
              ) -> LoadedView:
        view = view_of(held, ids, hide_rejected=self.window.settings.hide_rejected(),
                       with_dense=dense)
        view.sort_keys = self._sort_keys
        return view

    def _stories_view(self, held: HeldListing, *, dense: bool) -> LoadedView:
        view = stories_view(held, held.stories or [],
                            hide_rejected=self.window.settings.hide_rejected(),
                            with_dense=dense)
        view.sort_keys = self._sort_keys
        return view

    def _compute(self, body: Callable[[TaskContext], LoadedView],
                 then: Callable[[LoadedView], None]) -> None:
        self.window.tasks.submit(body, compute=True, key="load-view", on_done=then,
                                 on_error=self._failed)

    def _apply(self, view: LoadedView, *, fit: bool, full: bool) -> None:
        if full and view.canvas_layout is not None:
            self._full_views = {(view.layout, view.canvas_layout.hide_rejected): view}
        self.window.apply_listing(view, fit=fit)
        settle()

    def _progress(self, done: int, total: int, label: str) -> None:
        of = f" of {total:,}" if total else ""
        self.window.progress_label.setText(f"{label}… {done:,}{of}")

    def _failed(self, error: BaseException) -> None:
        self.window.notice(f"Could not list events: {error}", warning=True)


def _all_stories(repo: Any, context: TaskContext) -> list[Any]:
    """Return every story of the store, read in chunks by id (progress told)."""
    stories: list[Any] = []
    after = 0
    with gc_paused(freeze=True):  # see held.view_of: the stories stay
        while chunk := repo.list_stories_after(after, limit=CHUNK):
            context.check()
            stories += chunk
            after = chunk[-1].id
            context.progress(len(stories), 0, "Listing stories")  # how many: not asked
    return stories


def _later(bound: datetime | None, other: datetime) -> datetime:
    return other if bound is None else max(bound, other)


def _earlier(bound: datetime | None, other: datetime) -> datetime:
    return other if bound is None else min(bound, other)
