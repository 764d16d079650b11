"""Benchmark: listing events in a date window among 100,000 stored events.

Fills a fresh database (a temporary SQLite file, or --db URL) with N events spread
over 35 years through Repository.add_article, then times list_events for windows of
a day, a month and a year, count_events, and the full list. The peer run, in the same
process, is the same window query through the bare sqlite3 driver with no conversion:
the ratio says what the store's own layers cost. Target (issue 3): a window < 200 ms.
Then (issue 15) a day window at the start, middle and end of the 35 years, which must
not depend on where the day falls (< 10 ms at 1M), and the text filter through the
full-text index (< 100 ms at 1M).

    .venv/bin/python bench/store_query.py [--events 100000] [--db URL] [--keep FILE]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from timeline.model import Article, Event, Granularity  # noqa: E402
from timeline.store import open_repository  # noqa: E402
from bulk_fill import bulk_fill, sql_fill  # noqa: E402

EVENTS_PER_ARTICLE = 50
FIRST_DAY = datetime(1990, 1, 1)
SPAN_DAYS = 35 * 365
# Mostly days, like news; some hours, months and years.
SHAPES = [(Granularity.DAY, timedelta(days=1))] * 7 + [
    (Granularity.HOUR, timedelta(hours=1)),
    (Granularity.MONTH, timedelta(days=30)),
    (Granularity.YEAR, timedelta(days=365)),
]


# Place names in titles, one in 50 events each: what an analyst types into the filter.
PLACES = ["Nairobi", "Mombasa", "Kisumu", "Lagos", "Abuja", "Accra", "Dakar", "Bamako",
          "Niamey", "Khartoum", "Juba", "Addis Ababa", "Mogadishu", "Djibouti", "Asmara",
          "Kampala", "Kigali", "Bujumbura", "Dodoma", "Lusaka", "Harare", "Maputo",
          "Gaborone", "Windhoek", "Luanda", "Kinshasa", "Brazzaville", "Libreville",
          "Yaounde", "Douala", "Bangui", "Ndjamena", "Tripoli", "Tunis", "Algiers", "Rabat",
          "Cairo", "Alexandria", "Port Said", "Benghazi", "Misrata", "Sirte", "Tobruk",
          "Zinder", "Agadez", "Timbuktu", "Gao", "Kidal", "Mopti", "Segou"]


def make_event(rng: random.Random, number: int) -> Event:
    granularity, length = rng.choice(SHAPES)
    earliest = FIRST_DAY + timedelta(days=rng.randrange(SPAN_DAYS), hours=rng.randrange(24) if
                                     granularity is Granularity.HOUR else 0)
    return Event(
        title=f"Event {number} in {PLACES[number % len(PLACES)]}", description=f"Sentence {number} of a generated article.",
        char_start=number * 10 % 5000, char_end=number * 10 % 5000 + 40, expression="on Sunday",
        expr_start=number * 10 % 5000 + 5, expr_end=number * 10 % 5000 + 14, timex_type="DATE",
        timex_value=earliest.date().isoformat(), mod=None, earliest=earliest,
        latest=earliest + length, granularity=granularity, confidence=rng.uniform(0.3, 1.0),
        explanation="generated", anchor="DCT",
    )


def bulk(url: str, total: int, rng: random.Random) -> float:
    """Store ``total`` events in articles of 50 through bulk_fill; returns the seconds."""
    started = time.perf_counter()

    def articles():
        for article_number in range(total // EVENTS_PER_ARTICLE):
            yield (Article(text=f"Generated article {article_number}.", published=FIRST_DAY,
                           title=f"Article {article_number}"),
                   [make_event(rng, article_number * EVENTS_PER_ARTICLE + i)
                    for i in range(EVENTS_PER_ARTICLE)])

    bulk_fill(url, articles())
    return time.perf_counter() - started


def fill(repository, total: int, rng: random.Random) -> float:
    """Store ``total`` events in articles of 50; returns the seconds it took."""
    started = time.perf_counter()
    for article_number in range(total // EVENTS_PER_ARTICLE):
        events = [make_event(rng, article_number * EVENTS_PER_ARTICLE + i)
                  for i in range(EVENTS_PER_ARTICLE)]
        article = Article(text=f"Generated article {article_number}.", published=FIRST_DAY,
                          title=f"Article {article_number}")
        repository.add_article(article, [], events)
    return time.perf_counter() - started


def timed(action, repeats: int = 7) -> tuple[float, object]:
    """Run ``action`` ``repeats`` times; returns (median milliseconds, last result)."""
    durations, result = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        result = action()
        durations.append((time.perf_counter() - started) * 1000)
    return statistics.median(durations), result


def best_cpu_ms(actions: dict, repeats: int = 5) -> dict[str, float]:
    """Run the ``actions`` in turn, ``repeats`` rounds; returns each one's least CPU time
    of this process in milliseconds (steadier than wall time on a shared machine)."""
    best = dict.fromkeys(actions, float("inf"))
    for _ in range(repeats):
        for name, action in actions.items():
            started = time.process_time()
            action()
            best[name] = min(best[name], (time.process_time() - started) * 1000)
    return best


def raw_window(path: str, start: datetime | None = None, end: datetime | None = None) -> list:
    """The peer: the same query through the bare sqlite3 driver, rows left as tuples."""
    with sqlite3.connect(path) as connection:
        if start is None:
            return connection.execute(
                "SELECT * FROM events ORDER BY earliest IS NULL, earliest, latest IS NULL, "
                "latest, id").fetchall()
        return connection.execute(
            "SELECT * FROM events WHERE earliest IS NOT NULL AND earliest < ? AND "
            "(latest > ? OR latest IS NULL) ORDER BY earliest, latest, id",
            (end.isoformat(sep=" ", timespec="microseconds"),
             start.isoformat(sep=" ", timespec="microseconds")),
        ).fetchall()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", help="database URL (default: a fresh temporary SQLite file)")
    parser.add_argument("--keep", type=Path, metavar="FILE",
                        help="SQLite file kept between runs (filled only when missing)")
    parser.add_argument("--bulk", action="store_true",
                        help="fill with bulk_fill (executemany, a story per article), "
                        "not add_article: minutes, not an hour, for 10^6 events")
    parser.add_argument("--sql-fill", action="store_true",
                        help="fill with bulk_fill.sql_fill (events made by SQLite itself, "
                        "a minute or two for 10^6)")
    parser.add_argument("--only-new", action="store_true",
                        help="time only the issue 15 queries (day windows, text filter)")
    parser.add_argument("--only-days", action="store_true",
                        help="time only the day windows (list, count, heads, ids)")
    options = parser.parse_args()
    rng = random.Random(20230912)
    with tempfile.TemporaryDirectory() as folder:
        path = str(options.keep or Path(folder) / "bench.sqlite3")
        url = options.db or f"sqlite:///{path}"
        if options.sql_fill and (options.keep is None or not options.keep.exists()):
            started = time.perf_counter()
            sql_fill(path, options.events)
            print(f"sql-filled {options.events} events in {time.perf_counter() - started:.1f} s")
        elif options.bulk and (options.keep is None or not options.keep.exists()):
            seconds = bulk(url, options.events, rng)
            print(f"bulk-filled {options.events} events in {seconds:.1f} s")
        with open_repository(url) as repository:
            if repository.count_events() == 0:
                seconds = fill(repository, options.events, rng)
                stored = repository.count_events()
                print(f"backend: {url.split(':')[0]}; stored {stored} events in "
                      f"{stored // EVENTS_PER_ARTICLE} articles in {seconds:.1f} s "
                      f"({stored // EVENTS_PER_ARTICLE / seconds:.0f} articles/s, "
                      f"{stored / seconds:.0f} events/s, store only)")
            else:
                print(f"backend: {url.split(':')[0]}; {repository.count_events()} events "
                      f"kept in {path}")
            day_windows_and_search(repository, search=not options.only_days)
            if options.only_days:
                return 0
            if not options.db:
                old_queries(path)
            if options.only_new:
                return 0
            middle = datetime(2007, 6, 1)
            for label, width in (("day", timedelta(days=1)), ("month", timedelta(days=30)),
                                 ("year", timedelta(days=365))):
                window = dict(start=middle, end=middle + width)
                ms, events = timed(lambda: repository.list_events(**window))
                line = f"list_events, a {label} window: {len(events):6d} events in {ms:7.1f} ms"
                if not options.db:
                    peer_ms, rows = timed(lambda: raw_window(path, **window))
                    assert len(rows) == len(events)
                    line += f"  (bare sqlite3: {peer_ms:6.1f} ms, ratio {ms / peer_ms:4.1f}x)"
                print(line)
            year = dict(start=middle, end=middle + timedelta(days=365))
            ms, count = timed(lambda: repository.count_events(**year))
            print(f"count_events, a year window: {count} in {ms:.1f} ms")
            ms, progress = timed(lambda: repository.review_progress(**year))
            print(f"review_progress, a year window: {progress} in {ms:.1f} ms")
            ms, everything = timed(lambda: repository.list_events(), repeats=3)
            line = f"list_events, no window: {len(everything)} events in {ms:.0f} ms"
            del everything
            if not options.db:
                peer_ms, rows = timed(lambda: raw_window(path), repeats=3)
                line += f"  (bare sqlite3: {peer_ms:.0f} ms, ratio {ms / peer_ms:.1f}x)"
                del rows
                cpu = best_cpu_ms({"store": lambda: len(repository.list_events()),
                                   "peer": lambda: len(raw_window(path))})
                line += (f"\n  CPU, best of 5 interleaved: {cpu['store']:.0f} ms against "
                         f"{cpu['peer']:.0f} ms, ratio {cpu['store'] / cpu['peer']:.1f}x")
            print(line)
    return 0


def wall_and_cpu(action, repeats: int) -> tuple[float, float, object]:
    """Run ``action`` ``repeats`` times; returns (median wall ms, least CPU ms, result).
    The least CPU time is what the query costs when the machine is not shared."""
    walls, cpus, result = [], [], None
    for _ in range(repeats):
        wall, cpu = time.perf_counter(), time.process_time()
        result = action()
        cpus.append((time.process_time() - cpu) * 1000)
        walls.append((time.perf_counter() - wall) * 1000)
    return statistics.median(walls), min(cpus), result


def day_windows_and_search(repository, search: bool = True) -> None:
    """Print the day window at the start, middle and end of the range, and the text filter."""
    one_day = timedelta(days=1)
    for label, day in (("start", FIRST_DAY + timedelta(days=3)),
                       ("middle", datetime(2007, 6, 1)),
                       ("end", FIRST_DAY + timedelta(days=SPAN_DAYS - 3))):
        wall, cpu, events = wall_and_cpu(
            lambda: repository.list_events(start=day, end=day + one_day), 21)
        print(f"list_events, a day window at the {label:6}: {len(events):4d} events in "
              f"{wall:6.2f} ms wall (median of 21), {cpu:6.2f} ms CPU (least)")
        wall, cpu, count = wall_and_cpu(
            lambda: repository.count_events(start=day, end=day + one_day), 21)
        print(f"count_events, the same day window:    {count:4d} events in "
              f"{wall:6.2f} ms wall (median of 21), {cpu:6.2f} ms CPU (least)")
        # What the window reads for the span in view: heads (no texts), and a filter's ids.
        wall, cpu, heads = wall_and_cpu(
            lambda: repository.list_event_heads(start=day, end=day + one_day), 21)
        print(f"list_event_heads, the same day window: {len(heads):4d} heads in "
              f"{wall:6.2f} ms wall (median of 21), {cpu:6.2f} ms CPU (least)")
        wall, cpu, ids = wall_and_cpu(
            lambda: repository.list_event_ids(start=day, end=day + one_day), 21)
        print(f"list_event_ids, the same day window:  {len(ids):4d} ids in "
              f"{wall:6.2f} ms wall (median of 21), {cpu:6.2f} ms CPU (least)")
    if not search:
        return
    for typed in ("Nairo", "timbuktu", "Event 4711", "4711 sente", '"Port Sa', "zzzz"):
        wall, cpu, count = wall_and_cpu(lambda: repository.count_events(text=typed), 7)
        list_wall, list_cpu, events = wall_and_cpu(lambda: repository.list_events(text=typed), 3)
        print(f"text filter {typed!r:14}: count {count:6d} in {wall:6.1f} ms wall "
              f"{cpu:6.1f} ms CPU; list_events {len(events):6d} in {list_wall:6.1f} ms wall "
              f"{list_cpu:6.1f} ms CPU")
    day = datetime(2007, 6, 1)
    wall, cpu, events = wall_and_cpu(lambda: repository.list_events(
        start=day, end=day + timedelta(days=30), text="Nairobi"), 7)
    print(f"text filter 'Nairobi' in a month window: {len(events)} events in {wall:.1f} ms "
          f"wall, {cpu:.1f} ms CPU")


def old_queries(path: str) -> None:
    """Print what the queries cost before revision 0003, through bare sqlite3: the day
    window on the time-ordered index, the text filter as a LIKE scan."""
    connection = sqlite3.connect(path)
    for label, day in (("start", FIRST_DAY + timedelta(days=3)),
                       ("middle", datetime(2007, 6, 1)),
                       ("end", FIRST_DAY + timedelta(days=SPAN_DAYS - 3))):
        bounds = ((day + timedelta(days=1)).isoformat(sep=" ", timespec="microseconds"),
                  day.isoformat(sep=" ", timespec="microseconds"))
        wall, cpu, rows = wall_and_cpu(lambda: connection.execute(
            "SELECT * FROM events WHERE earliest IS NOT NULL AND earliest < ? AND "
            "(latest > ? OR latest IS NULL) ORDER BY earliest, latest, id", bounds).fetchall(), 7)
        print(f"before 0003 (bare sqlite3), a day window at the {label:6}: {len(rows):4d} rows "
              f"in {wall:6.1f} ms wall, {cpu:6.1f} ms CPU")
    wall, cpu, rows = wall_and_cpu(lambda: connection.execute(
        "SELECT count(*) FROM events WHERE lower(title) LIKE '%nairo%' OR "
        "lower(description) LIKE '%nairo%' OR lower(expression) LIKE '%nairo%'").fetchall(), 3)
    print(f"before 0003 (bare sqlite3), LIKE scan for 'nairo': count {rows[0][0]} in "
          f"{wall:6.1f} ms wall, {cpu:6.1f} ms CPU")
    connection.close()


if __name__ == "__main__":
    raise SystemExit(main())
