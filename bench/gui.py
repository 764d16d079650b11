"""Benchmark of the whole window on a large database: first paint, memory, GUI stalls.

    .venv/bin/python bench/gui.py [--events 100000 1000000] [--layout articles]

For each size a synthetic store is built once (cached as bench/out/gui-N.sqlite3: 50
events an article, 35 years, a tenth of them rejected, articles of about 2 KB) with the
same event mix as bench/store_query.py, written straight through sqlite3 so that a
million events take a minute, not the hours ingest would. The real window is then
started in a child process (offscreen, its own HOME and settings), and the child prints:

- start to first events painted: from the child's first line to the first canvas paint
  with events laid out (window_made_s: of which imports, opening the store and making
  the widgets, before any listing starts);
- listed: the time until the whole listing is in (the worker idle);
- peak memory: the child's maximum RSS (resource.getrusage);
- the longest GUI-thread stall: a QTimer ticking every 10 ms on the GUI thread records
  the largest gap between ticks, per phase: start, a text filter set, the text filter
  cleared (and how long until the events are back), Hide rejected, and an import of
  the bundled seeds (until its events are shown).

The last line printed per size is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

EVENTS_PER_ARTICLE = 50
ARTICLE_TEXT = ("The council met on Sunday and voted on the plan. " * 40).strip()


def build_store(path: Path, total: int) -> None:
    """Write a database of ``total`` events to ``path`` (schema by the store, rows by
    sqlite3 in bulk); returns nothing."""
    from bench.store_query import make_event
    from timeline.store import open_repository

    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    open_repository(f"sqlite:///{partial}").close()  # the schema, at Alembic's head
    rng = random.Random(20230912)
    connection = sqlite3.connect(partial)
    connection.execute("PRAGMA synchronous=OFF")
    published = "1990-01-01 00:00:00.000000"
    articles = []
    for number in range(total // EVENTS_PER_ARTICLE):
        text = f"Generated article {number}. {ARTICLE_TEXT}"
        articles.append((number + 1, text, f"Article {number}", None, f"Outlet {number % 40}",
                         "en", published, "metadata", None, f"{number:064x}"))
    connection.executemany(
        "INSERT INTO articles (id, text, title, url, outlet, language, published, dct_source,"
        " source_path, content_hash) VALUES (?,?,?,?,?,?,?,?,?,?)", articles)
    batch = []
    for number in range(total):
        event = make_event(rng, number)
        status = "rejected" if number % 10 == 3 else ("accepted" if number % 10 < 3
                                                      else "unreviewed")
        batch.append((
            number + 1, number // EVENTS_PER_ARTICLE + 1, event.title, event.description,
            event.char_start, event.char_end, event.expression, event.expr_start,
            event.expr_end, event.timex_type, event.timex_value, event.mod,
            _sql_time(event.earliest), _sql_time(event.latest), event.granularity.value,
            event.confidence, event.explanation, event.anchor, 0, 0, status, None, 1, None,
            number + 1,
        ))
        if len(batch) == 50_000:
            _insert_stories(connection, batch)
            _insert_events(connection, batch)
            batch = []
    _insert_stories(connection, batch)
    _insert_events(connection, batch)
    connection.commit()
    connection.close()
    partial.rename(path)


def _sql_time(moment: datetime | None) -> str | None:
    return None if moment is None else moment.isoformat(sep=" ", timespec="microseconds")


def _insert_stories(connection: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    # One story an event, so that opening the store finds nothing to group (grouping a
    # million events at the first start is the ingest's work, not the window's).
    connection.executemany(
        "INSERT INTO stories (id, title, earliest, latest, granularity, conflict, sources,"
        " events, version) VALUES (?,?,?,?,?,0,1,1,1)",
        [(row[0], row[2], row[12], row[13], row[14]) for row in rows])


def _insert_events(connection: sqlite3.Connection, rows: list[tuple[object, ...]]) -> None:
    connection.executemany(
        "INSERT INTO events (id, article_id, title, description, char_start, char_end,"
        " expression, expr_start, expr_end, timex_type, timex_value, mod, earliest, latest,"
        " granularity, confidence, explanation, anchor, inferred, open_ended, status, note,"
        " version, reviewed_at, story_id) VALUES (" + ",".join("?" * 25) + ")", rows)


class StackSampler:
    """Every thread's stack each ``interval`` seconds, with the time (a bench aid, to
    see what ran around a GUI-thread stall: a stall with no samples inside it is the GIL
    held by one long C call or collector walk, not Python work)."""

    def __init__(self, interval: float = 0.01) -> None:
        import threading

        self.interval = interval
        from collections import deque

        # The last few seconds only: the bench keeps what lies around each new worst gap.
        self.samples: deque[tuple[float, dict[str, list[str]]]] = deque(maxlen=500)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="sampler", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        import threading
        import traceback

        me = threading.get_ident()
        while not self._stop.wait(self.interval):
            names = {thread.ident: thread.name for thread in threading.enumerate()}
            stacks = {
                names.get(ident, str(ident)): [
                    f"{Path(f.filename).name}:{f.lineno} {f.name}"
                    for f in traceback.extract_stack(frame)[-12:]]
                for ident, frame in sys._current_frames().items() if ident != me}  # noqa: SLF001
            self.samples.append((time.perf_counter(), stacks))

    def around(self, began: float, ended: float) -> list[tuple[float, dict[str, list[str]]]]:
        """Return the samples from just before ``began`` to just after ``ended``."""
        return [s for s in self.samples if began - 0.03 <= s[0] <= ended + 0.03]


def _report_stall(samples: list[tuple[float, dict[str, list[str]]]], name: str,
                  gap: tuple[float, float], out: Path) -> None:
    with out.open("a") as report:
        began, ended = gap
        report.write(f"=== {name}: stall {1000 * (ended - began):.0f} ms ===\n")
        for moment, stacks in samples:
            report.write(f"--- t={1000 * (moment - began):+.0f} ms\n")
            for thread, frames in stacks.items():
                report.write(f"  [{thread}]\n")
                report.writelines(f"    {line}\n" for line in frames)


def child(db: Path, layout: str, key_dates: bool = False,
          profile: Path | None = None) -> int:
    """Run the window on ``db``, print one JSON line of figures; returns the exit code.
    With ``profile``, the stacks around each phase's longest stall are written there
    and the largest memory holders after the listing (by tracemalloc) as well."""
    started = time.perf_counter()
    if profile is not None and os.environ.get("BENCH_TRACEMALLOC"):
        import tracemalloc
        tracemalloc.start(4)
    sampler = StackSampler() if profile is not None else None
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import resource

    from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from ui.app import ORGANIZATION, SEEDS, application, open_window
    from ui.gateway import open_store
    from ui.state.filters import EventFilter

    QApplication.setOrganizationName(ORGANIZATION)
    settings = QSettings(str(Path(os.environ["HOME"]) / "timeline.ini"),
                         QSettings.Format.IniFormat)
    settings.setValue("view/layout", layout)
    settings.setValue("view/hide_rejected", "false")
    app = application()
    figures: dict[str, object] = {"events": None}
    phase = {"name": "start", "stall": 0.0}
    stalls: dict[str, float] = {}
    last_tick = [time.perf_counter()]
    worst_gap = [(0.0, 0.0)]
    kept: list[list[tuple[float, dict[str, list[str]]]]] = [[]]
    capture = [False]

    # The GUI thread's own CPU time in each phase's longest gap: a gap mostly of CPU
    # is work on the GUI thread; one with little is waiting (the GIL held by a worker,
    # or the machine's other processes running).
    stall_cpu: dict[str, float] = {}
    last_cpu = [time.thread_time()]
    worst_cpu = [0.0]

    def tick() -> None:
        now = time.perf_counter()
        cpu = time.thread_time()
        if now - last_tick[0] > float(phase["stall"]):
            worst_cpu[0] = cpu - last_cpu[0]
        last_cpu[0] = cpu
        if sampler is not None and capture[0] and now > worst_gap[0][1] + 0.05:
            kept[0] = sampler.around(*worst_gap[0])
            capture[0] = False
        if now - last_tick[0] > float(phase["stall"]):
            worst_gap[0] = (last_tick[0], now)
            capture[0] = True
        phase["stall"] = max(float(phase["stall"]), now - last_tick[0])
        last_tick[0] = now

    ticker = QTimer()
    ticker.setInterval(10)
    ticker.timeout.connect(tick)
    ticker.start()

    def begin(name: str) -> None:
        stalls[str(phase["name"])] = round(float(phase["stall"]) * 1000)
        stall_cpu[str(phase["name"])] = round(worst_cpu[0] * 1000)
        worst_cpu[0] = 0.0
        if sampler is not None and profile is not None:
            if capture[0]:
                kept[0] = sampler.around(*worst_gap[0])
            _report_stall(kept[0], str(phase["name"]), worst_gap[0], profile)
        worst_gap[0], kept[0], capture[0] = (0.0, 0.0), [], False
        phase.update(name=name, stall=0.0)
        # The figures so far, should a later phase not end before the parent's timeout.
        figures["stall_ms"] = stalls
        figures["stall_gui_cpu_ms"] = stall_cpu
        figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
        print(json.dumps(figures), flush=True)
        last_tick[0], last_cpu[0] = time.perf_counter(), time.thread_time()

    repo = open_store(f"sqlite:///{db}")
    window = open_window(repo, settings)
    if not key_dates:
        # The Key dates dock summarises every listed event again on the worker: measured
        # apart (--key-dates), it would hide what the listing itself costs.
        window.key_dates.dock.hide()
        pending = window.tasks._latest_by_key.get("keydates")  # noqa: SLF001 (bench)
        if pending is not None:
            pending.cancel()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
            if (event.type() == QEvent.Type.Paint and "first_paint_s" not in figures
                    and window.canvas.canvas_layout().events):
                figures["first_paint_s"] = round(time.perf_counter() - started, 2)
            return False

    painted = FirstPaint()
    window.canvas.installEventFilter(painted)
    # Imports, opening the store and making the widgets come before any listing: timed
    # apart, and the start's stalls counted from here on.
    figures["window_made_s"] = round(time.perf_counter() - started, 2)
    phase["stall"] = 0.0
    last_tick[0], last_cpu[0] = time.perf_counter(), time.thread_time()

    def wait_idle(limit: float = 600.0) -> float:
        """Process events until the worker is idle and a listing is applied; returns
        the seconds it took."""
        began = time.perf_counter()
        while time.perf_counter() - began < limit:
            app.processEvents()
            if not window.tasks.is_busy() and window.shown_count():
                # Two more passes: a listing may queue follow-up work as it lands.
                app.processEvents()
                if not window.tasks.is_busy():
                    break
            time.sleep(0.002)
        return time.perf_counter() - began

    def wait_shown(count: int, limit: float = 600.0) -> None:
        """Process events until ``count`` events are shown."""
        began = time.perf_counter()
        while window.shown_count() != count and time.perf_counter() - began < limit:
            app.processEvents()
            time.sleep(0.001)

    wait_idle()
    total = window.shown_count()
    figures["listed_s"] = round(time.perf_counter() - started, 2)
    figures["events"] = window.shown_count()
    if profile is not None and os.environ.get("BENCH_TRACEMALLOC"):
        _report_memory(profile)
    begin("text_filter")
    window.set_filter(EventFilter(text="Event 12"))
    wait_idle()
    figures["filtered_events"] = window.shown_count()
    begin("clear_filter")
    figures["clear_filter_ms"] = round(_timed(lambda: window.set_filter(EventFilter()),
                                              lambda: wait_shown(total)) * 1000)
    wait_idle()
    figures["after_clear_events"] = window.shown_count()
    begin("hide_rejected")
    hide = window.actions_by_name.get("hideRejected")
    figures["hide_rejected_ms"] = round(_timed(lambda: hide.trigger() if hide else None,
                                               wait_idle) * 1000)
    begin("import")
    figures["import_ms"] = round(_timed(lambda: window.transfer.import_paths([SEEDS]),
                                        wait_idle) * 1000)
    figures["after_import_events"] = window.shown_count()
    begin("end")
    figures["stall_ms"] = stalls
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    print(json.dumps(figures), flush=True)
    window.close()
    repo.close()
    return 0


def _report_memory(out: Path) -> None:
    import tracemalloc

    snapshot = tracemalloc.take_snapshot()
    with out.open("a") as report:
        report.write("=== memory after the listing, by line ===\n")
        for stat in snapshot.statistics("lineno")[:25]:
            report.write(f"{stat.size / 2**20:8.1f} MB {stat.count:9d} {stat.traceback}\n")
        report.write("=== by traceback ===\n")
        for stat in snapshot.statistics("traceback")[:12]:
            report.write(f"{stat.size / 2**20:8.1f} MB {stat.count:9d}\n")
            report.writelines(f"      {line}\n" for line in stat.traceback.format())


def _timed(action, wait) -> float:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    action()
    wait()
    return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--layout", default="articles", choices=("articles", "stories"))
    parser.add_argument("--key-dates", action="store_true",
                        help="keep the Key dates dock shown (it summarises every event)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=900)
    parser.add_argument("--profile", type=Path, help="write the stacks around each phase's "
                        "longest stall there (BENCH_TRACEMALLOC=1: and the memory holders)")
    options = parser.parse_args()
    if options.child:
        return child(options.child, options.layout, options.key_dates, options.profile)
    OUT.mkdir(parents=True, exist_ok=True)
    for total in options.events:
        db = OUT / f"gui-{total}.sqlite3"
        if not db.exists():
            began = time.perf_counter()
            build_store(db, total)
            print(f"built {db.name} in {time.perf_counter() - began:.0f} s", flush=True)
        with tempfile.TemporaryDirectory() as home:
            work = Path(home) / "db.sqlite3"  # a copy: the import must not grow the cache
            work.write_bytes(db.read_bytes())
            env = dict(os.environ, HOME=home, XDG_CONFIG_HOME=home,
                       QT_QPA_PLATFORM="offscreen")
            try:
                done = subprocess.run(
                    [sys.executable, __file__, "--child", str(work), "--layout", options.layout]
                    + (["--key-dates"] if options.key_dates else [])
                    + (["--profile", str(options.profile.resolve())] if options.profile else []),
                    env=env, capture_output=True, text=True, timeout=options.timeout)
            except subprocess.TimeoutExpired as expired:
                so_far = (expired.stdout or b"")
                text = so_far.decode() if isinstance(so_far, bytes) else so_far
                last = text.strip().splitlines()[-1:] or ["nothing measured"]
                print(f"{total} events: the window did not finish in {options.timeout:.0f} s;"
                      f" so far: {last[0]}", flush=True)
                continue
            lines = done.stdout.strip().splitlines()
            if done.returncode != 0 or not lines:
                print(f"{total} events: the child failed ({done.returncode}):\n"
                      f"{done.stderr[-2000:]}")
                continue
            print(f"{total} events: {lines[-1]}", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
