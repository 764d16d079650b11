"""Benchmark of the timeline canvas: first frame and frame times while zooming and panning.

    python bench/canvas.py --events 100000 [--png out.png]

N events over 30 years in 50 groups, mixed granularity, rendered offscreen into a
1600x900 image: the time from handing the events over to the first finished frame, then
200 scripted steps (zoom in from the whole span down to two hours, with pans between)
each rendered in full; then hiding the rejected events and showing them again. For
scale, a naive peer (one rectangle per event in the window, no culling by row, no
clustering) renders the whole-span frame in the same process.
The last line printed is a JSON object.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QRectF  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from ui.canvas.data import CanvasEvent  # noqa: E402
from ui.canvas.scale import to_days  # noqa: E402
from ui.canvas.view import TimelineCanvas  # noqa: E402

WIDTH, HEIGHT = 1600, 900
STEPS = 200
# (granularity, share, length in days or None for one unit)
MIX = [
    ("day", 50, 1.0), ("hour", 10, 1 / 24), ("minute", 5, 1 / 1440), ("part_of_day", 5, 0.25),
    ("week", 5, 7.0), ("month", 9, 30.0), ("quarter", 4, 91.0), ("year", 6, 365.0),
    ("day", 4, None),  # real intervals: 2 to 60 days
    ("decade", 2, 3652.0),
]
STATUSES = ["unreviewed"] * 5 + ["accepted"] * 3 + ["corrected", "rejected"]


def sample_events(count: int, seed: int = 7) -> list[CanvasEvent]:
    """Return ``count`` reproducible events over 30 years (1995-2025) in 50 groups."""
    rng = random.Random(seed)
    start_of_span = datetime(1995, 1, 1)
    kinds = [(g, length) for g, share, length in MIX for _ in range(share)]
    events = []
    for number in range(count):
        granularity, length = rng.choice(kinds)
        start = start_of_span + timedelta(days=rng.random() * 30 * 365.25)
        if granularity in ("day", "week", "month", "quarter", "year", "decade"):
            start = start.replace(hour=0, minute=0, second=0, microsecond=0)
        elif granularity == "hour":
            start = start.replace(minute=0, second=0, microsecond=0)
        elif granularity == "minute":
            start = start.replace(second=0, microsecond=0)
        days = length if length is not None else rng.randint(2, 60)
        events.append(CanvasEvent(
            id=number + 1, start=start, end=start + timedelta(days=days), granularity=granularity,
            status=rng.choice(STATUSES), title=f"Event {number + 1} in the news",
            group=f"Article {number % 50:02d}", expression=granularity, source="bench",
        ))
    return events


CPU_MS: list[float] = []  # process time of each render, beside the wall-clock figure


def render(canvas: TimelineCanvas, image: QImage) -> float:
    """Return the ms (wall clock) it takes to paint the canvas's view into ``image``."""
    begin, cpu_begin = time.perf_counter(), time.process_time()
    painter = QPainter(image)
    canvas.paint_onto(painter, WIDTH, HEIGHT)
    painter.end()
    CPU_MS.append((time.process_time() - cpu_begin) * 1000)
    return (time.perf_counter() - begin) * 1000


def naive_frame(events: list[CanvasEvent], canvas: TimelineCanvas, image: QImage) -> float:
    """Return the ms a naive renderer takes: one rectangle per event in the window."""
    viewport = canvas.viewport()
    begin = time.perf_counter()
    painter = QPainter(image)
    lines: dict[str, int] = {}
    for ev in events:
        x0, x1 = viewport.x_of(to_days(ev.start)), viewport.x_of(to_days(ev.end))
        if x1 >= 0 and x0 <= WIDTH:
            y = 40 + lines.setdefault(ev.group, len(lines)) * 16
            if y < HEIGHT:
                painter.drawRect(QRectF(x0, y, max(x1 - x0, 2.0), 10))
    painter.end()
    return (time.perf_counter() - begin) * 1000


def script(canvas: TimelineCanvas, events: list[CanvasEvent]):
    """Yield after each of STEPS zoom or pan steps: whole span -> two hours."""
    viewport = canvas.viewport()
    anchor_event = events[len(events) // 3]
    target = to_days(anchor_event.start)
    final_px_per_day = WIDTH / (2 / 24)  # two hours across
    zooms = [i for i in range(STEPS) if i % 4 != 3]
    factor = (final_px_per_day / viewport.px_per_day) ** (1 / len(zooms))
    rng = random.Random(11)
    for step in range(STEPS):
        if step % 4 == 3:
            canvas.pan_by(rng.uniform(-300, 300), rng.uniform(-60, 60))
        else:
            # Zoom around wherever the target time is, as a person zooming into it would.
            x = min(max(viewport.x_of(target), 0.0), WIDTH)
            canvas.zoom_by(factor, x)
        yield step


def peak_rss_mb() -> float:
    """Return the process's peak resident memory in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--png", help="also save the first frame to this PNG")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication([])
    canvas = TimelineCanvas()
    canvas.resize(WIDTH, HEIGHT)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_ARGB32_Premultiplied)
    render(canvas, image)  # warm up fonts and glyphs with no data
    gc.collect()
    rss_before = peak_rss_mb()
    events = sample_events(args.events)
    begin = time.perf_counter()
    canvas.set_events(events)
    first_frame_ms = (time.perf_counter() - begin) * 1000 + render(canvas, image)
    if args.png:
        image.save(args.png)
    naive_ms = naive_frame(events, canvas, image)
    whole_span_ms = render(canvas, image)
    frame_times = []
    CPU_MS.clear()
    for _step in script(canvas, events):
        frame_times.append(render(canvas, image))
    frame_times.sort()
    cpu_times = sorted(CPU_MS)
    rss_after = peak_rss_mb()
    toggle_ms = []
    for hide in (True, False):  # the first toggle lays out again; toggling back reuses a layout
        begin = time.perf_counter()
        canvas.set_hide_rejected(hide)
        toggle_ms.append(render(canvas, image) + (time.perf_counter() - begin) * 1000)
    print(f"events: {args.events}  groups: 50  rows: {len(canvas.canvas_layout().rows)}")
    print(f"first frame: {first_frame_ms:.0f} ms (set_events + paint)")
    print(f"whole-span frame: {whole_span_ms:.1f} ms; naive peer: {naive_ms:.1f} ms "
          f"(ratio {naive_ms / max(whole_span_ms, 1e-6):.1f}x)")
    print(f"{STEPS} zoom/pan frames: median {statistics.median(frame_times):.2f} ms, "
          f"p95 {frame_times[int(0.95 * len(frame_times)) - 1]:.2f} ms, max {frame_times[-1]:.2f} ms")
    # On a shared machine the wall clock includes waiting for a core; process time does not.
    print(f"  same frames in process time: median {statistics.median(cpu_times):.2f} ms, "
          f"p95 {cpu_times[int(0.95 * len(cpu_times)) - 1]:.2f} ms; load average {os.getloadavg()[0]:.1f}")
    print(f"hide rejected: {toggle_ms[0]:.0f} ms, show them again: {toggle_ms[1]:.0f} ms (with a frame each); "
          f"both layouts kept: peak RSS {peak_rss_mb():.0f} MB")
    print(f"peak RSS {rss_after:.0f} MB, added by the events and canvas {rss_after - rss_before:.0f} MB")
    del app
    print(json.dumps({
        "events": args.events,
        "first_frame_ms": round(first_frame_ms, 1),
        "frame_ms_median": round(statistics.median(frame_times), 2),
        "frame_ms_p95": round(frame_times[int(0.95 * len(frame_times)) - 1], 2),
        "peak_rss_mb": round(rss_after, 1),
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main())
