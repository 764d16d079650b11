"""Bench: the review table and the window's listing at 100,000 events.

    taskset -c 0 .venv/bin/python bench/review_table.py [--events 100000] [--db FILE]

Fills a SQLite file through the store API (1,000 events an article, mixed statuses),
then times, best of 3: the window's background listing (list_events + canvas rows),
handing 100,000 ids to the table model and drawing its first screen of rows (lazy),
a jump three fifths down (row 60,000), a sort by confidence, the next-unreviewed step in
lowest-confidence order, the canvas given the listing with and without a layout built
beforehand (the worker builds it), and the whole MainWindow from reload() to the `loaded`
signal, with the part of it spent on the main thread, and an accept + undo (two saves,
made by the store worker: the part on the main thread, and until both landed). As a peer
in the same run, an eager table: every row fetched and formatted up front. Last line: JSON.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from timeline.model import Article, Event, Granularity, Status  # noqa: E402
from timeline.store import open_repository  # noqa: E402
from ui.state.canvas_rows import to_canvas_event  # noqa: E402
from ui.models.event_table import COLUMNS, CONFIDENCE, EventTableModel, sort_keys_for  # noqa: E402
from ui.state.navigation import CONFIDENCE_ORDER  # noqa: E402
from ui.review.walk import ReviewWalk  # noqa: E402

PER_ARTICLE = 1000
SCREEN_ROWS = 40
STATUS_MIX = [Status.UNREVIEWED] * 3 + [Status.ACCEPTED, Status.REJECTED]


def fill(path: Path, total: int) -> None:
    rng = random.Random(7)
    with open_repository(str(path)) as repo:
        for number in range(total // PER_ARTICLE):
            events = []
            for i in range(PER_ARTICLE):
                day = datetime(1990, 1, 1) + timedelta(days=rng.randrange(12_000))
                events.append(Event(
                    title=f"Event {number}-{i}: talks resume",
                    description="Officials said talks resume.",
                    char_start=0, char_end=30, expression="on Sunday", expr_start=10, expr_end=19,
                    timex_type="DATE", timex_value=day.date().isoformat(), mod=None,
                    earliest=day, latest=day + timedelta(days=1), granularity=Granularity.DAY,
                    confidence=rng.random(), explanation="bench",
                    status=rng.choice(STATUS_MIX)))
            article = Article(text=f"Article {number}. " * 20, published=datetime(2023, 9, 12),
                              title=f"Article {number}")
            repo.add_article(article, [], events)


def best_of(repeat, work):
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = work()
        best = min(best, time.perf_counter() - started)
    return best, result


def screen(model: EventTableModel, first_row: int) -> None:
    for row in range(first_row, first_row + SCREEN_ROWS):
        for column in range(len(COLUMNS)):
            model.data(model.index(row, column))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path)
    options = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as scratch:
        path = options.db or Path(scratch) / "bench.sqlite3"
        if not path.exists():
            started = time.perf_counter()
            fill(path, options.events)
            print(f"filled {options.events} events in {time.perf_counter() - started:.1f} s")
        repo = open_repository(str(path))
        figures = {}

        def listing():
            events = repo.list_events()
            titles = {a.id: a.title for a in repo.list_articles()}
            rows = [to_canvas_event(e, titles[e.article_id]) for e in events]
            return [e.id for e in events], events, rows, sort_keys_for(events, titles)

        figures["list_events_s"], events = best_of(3, repo.list_events)
        figures["worker_listing_s"], (ids, events, canvas_rows, sort_keys) = best_of(3, listing)

        def lazy_first_screen():
            model = EventTableModel(repo.get_events)
            model.set_ids(ids, sort_keys)
            screen(model, 0)
            return model

        figures["lazy_set_ids_and_first_screen_s"], model = best_of(3, lazy_first_screen)
        # Three fifths down: 60,000 of 100,000.
        figures["jump_to_row_60pct_s"], _ = best_of(3, lambda: screen(model, len(ids) * 3 // 5))

        def eager_table():
            fetched = []
            for first in range(0, len(ids), 2000):
                fetched.extend(repo.get_events(ids[first:first + 2000]))
            scratch_model = EventTableModel(lambda wanted: [])
            return [[scratch_model._display(e, c) for c in range(len(COLUMNS))] for e in fetched]

        figures["eager_peer_all_rows_s"], _ = best_of(3, eager_table)
        figures["sort_by_confidence_keys_from_worker_s"], _ = best_of(
            3, lambda: model.sort(CONFIDENCE, Qt.SortOrder.AscendingOrder))
        unkeyed = EventTableModel(repo.get_events)
        unkeyed.set_ids(ids)
        figures["sort_by_confidence_fetching_keys_s"], _ = best_of(
            1, lambda: unkeyed.sort(CONFIDENCE, Qt.SortOrder.AscendingOrder))
        walk = ReviewWalk()
        walk.reset(ids, {e.id: e.status.value for e in events},
                   {e.id: e.confidence for e in events})
        figures["first_next_unreviewed_confidence_order_s"], _ = best_of(
            1, lambda: walk.next_unreviewed(ids[500], CONFIDENCE_ORDER))
        figures["next_unreviewed_confidence_order_s"], _ = best_of(
            3, lambda: walk.next_unreviewed(ids[500], CONFIDENCE_ORDER))

        # The canvas given the listing: laying out its lanes on the main thread (the peer)
        # against swapping in a layout the worker built (what the window does).
        from ui.canvas.layout import build_layout
        from ui.canvas.view import TimelineCanvas

        canvas = TimelineCanvas()
        figures["canvas_set_events_laying_out_s"], _ = best_of(
            3, lambda: canvas.set_events(canvas_rows))
        figures["worker_build_layout_s"], prebuilt = best_of(3, lambda: build_layout(canvas_rows))
        figures["canvas_set_events_prebuilt_s"], _ = best_of(
            3, lambda: canvas.set_events(canvas_rows, layout=prebuilt))
        canvas.deleteLater()

        from ui.main_window import MainWindow

        settings = QSettings(str(Path(scratch) / "bench.ini"), QSettings.Format.IniFormat)
        window = MainWindow(repo, settings=settings)
        window.resize(1400, 900)
        window.show()

        def window_reload():
            loop = QEventLoop()
            window.loaded.connect(loop.quit)
            QTimer.singleShot(120_000, loop.quit)
            window.reload()
            loop.exec()
            window.loaded.disconnect(loop.quit)
            app.processEvents()  # the first paint of table and canvas
            return window.model.rowCount()

        figures["window_reload_to_loaded_s"], shown = best_of(3, window_reload)
        applied = {}
        original_apply = window._apply_loaded

        def timed_apply(view):
            started = time.perf_counter()
            original_apply(view)
            applied["s"] = min(applied.get("s", float("inf")), time.perf_counter() - started)

        window._apply_loaded = timed_apply
        best_of(3, window_reload)
        figures["window_apply_on_main_thread_s"] = applied["s"]
        # A review change is queued on the main thread and saved by the store worker; the
        # undo stack moves once each save has landed. Timed: the key path on the main
        # thread (accept, then undo), and until both saves have landed.
        window.select_event(ids[len(ids) // 2])
        on_main, landed = [], []
        for _ in range(5):
            started = time.perf_counter()
            window.review.accept()
            window.session.undo()
            on_main.append(time.perf_counter() - started)
            while not window.session.is_settled():
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
            landed.append(time.perf_counter() - started)
        figures["accept_and_undo_on_main_thread_s"] = min(on_main)
        figures["accept_and_undo_saved_s"] = min(landed)
        window.close()
        repo.close()
    # Ratios from the unrounded times: a fast step can round to 0.0000 s.
    ratios = {
        "canvas_main_thread_saved_ratio": figures["canvas_set_events_laying_out_s"]
        / max(figures["canvas_set_events_prebuilt_s"], 1e-9),
        "eager_over_lazy": figures["eager_peer_all_rows_s"]
        / max(figures["lazy_set_ids_and_first_screen_s"], 1e-9),
    }
    figures = {name: round(value, 4) for name, value in figures.items()}
    figures["events"] = len(ids)
    figures["rows_shown"] = shown
    figures.update({name: round(value, 1) for name, value in ratios.items()})
    for name, value in figures.items():
        print(f"{name:40} {value}")
    print(json.dumps(figures))
    return 0


if __name__ == "__main__":
    sys.exit(main())
