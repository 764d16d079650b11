"""The Stories layout listed as the article lanes are (ui.listing_flow, ui.state.story_view),
on a real SQLite file: the span in view first with its stories' marks, the rest of the
events and the stories in chunks, never every event and story in one read; a cleared
filter shows the held marks again without the store."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.ui.listing_windows import open_listing_window
from tests.ui.waiting import settle
from ui.state.filters import EventFilter
from ui.state.listing import STORIES

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _window(qtbot, repo, settings, layout="stories"):
    return open_listing_window(qtbot, repo, settings, layout)


def _watch_applied(window):
    applied = []
    real_apply = window.apply_listing

    def watched_apply(view, **options):
        real_apply(view, **options)
        applied.append((options.get("partial", False), view.layout,
                        {mark.id for mark in view.canvas_events},
                        len(window.canvas.canvas_layout().events)))

    window.apply_listing = watched_apply
    return applied


def test_the_stories_layout_shows_the_span_in_view_first(qtbot, repo, settings, add_article,
                                                         small_chunks, calls):
    add_article(60)  # one event a day from 2020-01-01, each its own story
    window = _window(qtbot, repo, settings)
    applied = _watch_applied(window)
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.reload()
    settle(qtbot, window)
    partial, layout, first_marks, first_drawn = applied[0]
    assert partial and layout == STORIES
    assert 0 < len(first_marks) < 60 and first_drawn == len(first_marks)
    # The first part is the middle of the listing, and the view shows it.
    shown_start, shown_end = window.canvas.span_in_view()
    middle = datetime(2020, 1, 1) + timedelta(days=30)
    assert shown_start <= middle <= shown_end and shown_end - shown_start < timedelta(days=40)
    # Then every story, read by id in chunks, never all of them in one read.
    story_reads = [(name, kwargs) for name, kwargs in calls.arguments
                   if name.startswith("list_stories")]
    assert story_reads[0][0] == "list_stories" and story_reads[0][1]["start"] is not None
    chunked = [kwargs for name, kwargs in story_reads if name == "list_stories_after"]
    assert len(chunked) == 5 and all(kwargs["limit"] == 15 for kwargs in chunked)
    assert calls["list_articles"] == 0  # the read that brings texts
    last = applied[-1]
    assert last[0] is False and last[1] == STORIES
    assert last[2] == {story.event_ids[0] for story in repo.list_stories()}
    assert len(window.canvas.canvas_layout().events) == len(repo.list_stories())
    assert window.shown_count() == 60
    assert window.marks is not None and window.layout_mode == STORIES


def test_many_articles_open_on_stories_through_the_chunks(qtbot, repo, settings, add_article,
                                                          small_chunks, calls):
    for number in range(4):  # more than AUTO_STORIES_ARTICLES: no layout saved, Stories
        add_article(15, title=f"Article {number}", start=datetime(2020 + number, 1, 1),
                    text_prefix=f"Told {number}: ")
    settings.remove("view/layout")
    window = _window(qtbot, repo, settings, layout=None)
    applied = _watch_applied(window)
    first_parts = []
    window.firstPartShown.connect(lambda: first_parts.append(window.layout_mode))
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.reload()
    settle(qtbot, window)
    assert first_parts == [STORIES]  # what --screenshot waits for came, in Stories
    assert applied[0][0] and applied[-1][1] == STORIES
    assert calls["list_stories_after"] >= 2  # chunks of 15 stories, then an empty read
    assert len(window.canvas.canvas_layout().events) == len(repo.list_stories())


def test_clearing_a_filter_in_stories_asks_the_store_nothing(qtbot, repo, settings,
                                                             add_article, calls):
    add_article(30, title="First")
    add_article(30, title="Second", start=datetime(2021, 1, 1), text_prefix="Later: ")
    window = _window(qtbot, repo, settings)
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.reload()
    settle(qtbot, window)
    all_marks = {mark.id for mark in window.canvas.canvas_layout().events}
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.set_filter(EventFilter(text="Event number 1"))
    settle(qtbot, window)
    assert 0 < len(window.canvas.canvas_layout().events) < len(all_marks)
    calls.clear()
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.set_filter(EventFilter())
    settle(qtbot, window)
    assert {mark.id for mark in window.canvas.canvas_layout().events} == all_marks
    assert sum(calls.values()) == calls["get_events"], calls


def test_a_review_in_stories_reaches_the_held_listing(qtbot, repo, settings, add_article):
    add_article(5)
    window = _window(qtbot, repo, settings)
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.reload()
    settle(qtbot, window)
    first = window.walk.order_in_time[0]
    window.select_event(first)
    qtbot.waitUntil(lambda: window.current_event() is not None, timeout=10_000)
    window.actions_by_name["accept"].trigger()
    held = window.listing.held
    assert held is not None
    qtbot.waitUntil(lambda: {row.id: row.status for row in held.rows}[first] == "accepted",
                    timeout=10_000)
    # The article lanes drawn from the held listing show it accepted, without a new read.
    window.set_canvas_layout("articles")
    qtbot.waitUntil(lambda: window.canvas.canvas_layout().events
                    and window.canvas.canvas_layout().events[0].group != "1 source",
                    timeout=10_000)
    settle(qtbot, window)
    statuses = {row.id: row.status for row in window.canvas.canvas_layout().events}
    assert statuses[first] == "accepted"


def test_stories_chosen_after_the_lanes_list_only_the_stories(qtbot, repo, settings,
                                                              add_article, calls):
    add_article(20)
    window = _window(qtbot, repo, settings, layout="articles")
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.reload()
    settle(qtbot, window)
    assert window.marks is None
    calls.arguments.clear()
    calls.clear()
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.set_canvas_layout(STORIES)
    settle(qtbot, window)
    assert window.marks is not None
    assert {mark.id for mark in window.canvas.canvas_layout().events} == {
        story.event_ids[0] for story in repo.list_stories()}
    # The events held are not listed again: only the stories are read.
    assert calls["list_event_heads"] == 0 and calls["list_stories_after"] >= 1
    assert window.shown_count() == 20
