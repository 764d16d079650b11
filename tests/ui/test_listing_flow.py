"""How the window gets and holds its events in the article lanes (ui.listing_flow), on
a real SQLite file: the span in view first and the rest in chunks, one held listing that
a cleared filter shows again without the store, an import appended, Hide rejected laid
out off the GUI thread, and no article texts in the listing."""

from __future__ import annotations

import threading
from datetime import datetime, timedelta

import pytest

import ui.listing_flow as flow_module
from tests.ui.listing_windows import open_listing_window
from tests.ui.waiting import settle
from ui.app import SEEDS
from ui.state.filters import EventFilter

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

def _window(qtbot, repo, settings):
    return open_listing_window(qtbot, repo, settings, "articles")


def _listed(qtbot, window):
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.reload()
    settle(qtbot, window)


def test_the_span_in_view_is_shown_before_the_rest_arrives(qtbot, repo, settings, add_article,
                                                           small_chunks, calls):
    add_article(60)  # one event a day from 2020-01-01
    window = _window(qtbot, repo, settings)
    applied = []
    real_apply = window.apply_listing

    def watched_apply(view, **options):
        applied.append((options.get("partial", False), [row.id for row in view.canvas_events],
                        len(window.canvas.canvas_layout().events)))
        real_apply(view, **options)
        applied[-1] = applied[-1][:2] + (len(window.canvas.canvas_layout().events),)

    window.apply_listing = watched_apply
    _listed(qtbot, window)
    partial, first_ids, first_drawn = applied[0]
    assert partial and 0 < len(first_ids) < 60
    assert first_drawn == len(first_ids)  # drawn before the rest was listed
    # The first part is the middle of the listing, and the view shows it.
    shown_start, shown_end = window.canvas.span_in_view()
    middle = datetime(2020, 1, 1) + timedelta(days=30)
    assert shown_start <= middle <= shown_end and shown_end - shown_start < timedelta(days=40)
    assert applied[-1][0] is False and len(applied[-1][1]) == 60
    assert len(window.canvas.canvas_layout().events) == 60
    # The rest came by id in chunks: 60 events in chunks of 15, then an empty read.
    chunked = [kwargs for name, kwargs in calls.arguments
               if name == "list_event_heads" and kwargs.get("limit") == 15]
    assert len(chunked) == 5
    assert window.shown_count() == 60


def test_clearing_the_filter_asks_the_store_nothing(qtbot, repo, settings, add_article, calls):
    add_article(30, title="First")
    add_article(30, title="Second", start=datetime(2021, 1, 1), text_prefix="Later: ")
    window = _window(qtbot, repo, settings)
    _listed(qtbot, window)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.set_filter(EventFilter(text="Event number 1"))
    assert 0 < window.shown_count() < 60
    calls.clear()
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.set_filter(EventFilter())
    settle(qtbot, window)
    assert window.shown_count() == 60
    assert len(window.canvas.canvas_layout().events) == 60
    # Only the table's page of rows in sight is read (it holds ids, not rows).
    assert sum(calls.values()) == calls["get_events"], calls


def test_an_import_appends_without_listing_again(qtbot, repo, settings, add_article, calls):
    add_article(20)
    window = _window(qtbot, repo, settings)
    _listed(qtbot, window)
    held_rows = {row.id: row for row in window.canvas.events()}
    last_id = max(held_rows)
    calls.arguments.clear()
    calls.clear()
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.transfer.import_paths([SEEDS])
    settle(qtbot, window)
    heads = [kwargs for name, kwargs in calls.arguments if name == "list_event_heads"]
    assert heads == [{"after_id": last_id}]  # only what is new
    assert calls["list_events"] == 0 and calls["list_articles"] == 0
    after = {row.id: row for row in window.canvas.events()}
    assert len(after) > len(held_rows)
    # The rows held before are the same objects: nothing was listed or made again.
    assert all(after[event_id] is row for event_id, row in held_rows.items())
    assert window.shown_count() == repo.count_events()


def test_hide_rejected_is_laid_out_off_the_gui_thread(qtbot, repo, settings, add_article,
                                                      monkeypatch):
    add_article(12)
    event = repo.list_events()[0]
    repo.reject(event.id, expected_version=event.version)
    window = _window(qtbot, repo, settings)
    _listed(qtbot, window)
    threads = []
    real_build_layout = flow_module.build_layout

    def watched_build_layout(events, hide_rejected=False, lane_order=()):
        threads.append(threading.current_thread())
        return real_build_layout(events, hide_rejected, lane_order)  # the real one, watched

    monkeypatch.setattr(flow_module, "build_layout", watched_build_layout)
    window.actions_by_name["hideRejected"].trigger()
    qtbot.waitUntil(lambda: window.canvas.canvas_layout().hide_rejected, timeout=10_000)
    assert threads and all(thread is not threading.main_thread() for thread in threads)
    assert event.id not in {row.id for row in window.canvas.canvas_layout().events}
    assert len(window.canvas.canvas_layout().events) == 11


def test_the_listing_carries_no_article_text(qtbot, repo, settings, add_article, calls):
    article_id = add_article(5)
    window = _window(qtbot, repo, settings)
    _listed(qtbot, window)
    assert calls["list_articles"] == 0  # the read that brings texts
    assert window.articles[article_id].text == ""
    assert window.listing.held is not None
    assert {type(row).__name__ for row in window.listing.held.rows} == {"CanvasEvent"}
    # Selected, the event's source text is read and shown.
    first = window.walk.order_in_time[0]
    window.select_event(first)
    qtbot.waitUntil(lambda: "Event number 0" in window.source_pane.highlighted_sentence(),
                    timeout=10_000)


def test_a_filter_set_while_listing_waits_for_the_listing(qtbot, repo, settings, add_article,
                                                          small_chunks, calls):
    add_article(60)
    window = _window(qtbot, repo, settings)
    window.reload()
    window.set_filter(EventFilter(text="Event number 1"))  # before the listing has landed
    qtbot.waitUntil(lambda: window.shown_count() == 11 and not window.tasks.is_busy(),
                    timeout=60_000)
    # The store was listed once, not again for the filter: 60 events in chunks of 15.
    chunked = [kwargs for name, kwargs in calls.arguments
               if name == "list_event_heads" and kwargs.get("limit") == 15]
    assert len(chunked) == 5
    assert {row.id for row in window.canvas.canvas_layout().events} == set(
        repo.list_event_ids(text="Event number 1"))
