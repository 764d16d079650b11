"""Benchmark: ingest 2,000 articles into a fresh SQLite file, end to end.

The articles are the AQUAINT TempEval-3 texts (../shared/data/aquaint) written as
dated .txt files under distinct names and dates, each copy with its own last line so
no two share a content hash; without the corpus, generated news-like articles are
used. In the same process a peer pass runs load + tag + events without the store, so
the store's share of the time is visible, and a rerun over the same folder (every
article already stored) shows what recognising them before tagging costs.

usage: .venv/bin/python bench/ingest.py [--articles N] [--keep DIR] [--generated]
       .venv/bin/python bench/ingest.py --t17 [--jobs 1,2] [--rounds R] [--only F1,F2]
The last line printed is a JSON object with the figures.

--t17 ingests all of ../shared/data/t17 (the FOLDER.jsonl files, 1,441 articles) with
`timeline ingest --jobs J` as a separate process, each run into a fresh SQLite file,
checks that every run stored the same articles with the same events (per article, by
content: position, date, granularity, title) and the same stories, and prints the
speedup over --jobs 1 with the machine's load average.
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
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.pipeline import analyse, ingest_paths  # noqa: E402
from timeline.sources import iter_articles, load_article  # noqa: E402
from timeline.sources.timeml import timeml_text  # noqa: E402
from timeline.store import open_repository  # noqa: E402

AQUAINT = ROOT.parent / "shared" / "data" / "aquaint"
T17 = ROOT.parent / "shared" / "data" / "t17"
TARGET_SPEEDUP_2_JOBS = 1.6
TARGET_ARTICLES_PER_S = 50


def corpus_texts(generated: bool = False) -> list[tuple[str, str, datetime]]:
    """Return (name, text, publication date) for each corpus article, or generated ones."""
    files = [] if generated else sorted(AQUAINT.glob("*.tml"))
    if files:
        return [(f.stem, timeml_text(f.read_text(encoding="utf-8")), load_article(f).published)
                for f in files]
    return generated_texts(73)


def generated_texts(count: int) -> list[tuple[str, str, datetime]]:
    """Return news-like articles with dates in many forms (used when the corpus is absent)."""
    rng = random.Random(7)
    places = ["NAIROBI", "SEOUL", "GENEVA", "LIMA", "OSLO", "HANOI"]
    phrases = ["on Monday", "on Tuesday", "last week", "in March", "early on Friday",
               "two days later", "in 1998", "for three years", "every Sunday", "yesterday"]
    texts = []
    for number in range(count):
        published = datetime(1998, 1, 1) + timedelta(days=rng.randrange(900))
        sentences = [f"{rng.choice(places)} (AP) _ Officials met {rng.choice(phrases)} "
                     "to discuss the crisis, witnesses said."]
        for _ in range(rng.randrange(12, 30)):
            sentences.append(f"The delegation arrived {rng.choice(phrases)} and talks "
                             f"continued {rng.choice(phrases)}, a spokesman told reporters.")
        texts.append((f"GEN{number:04d}", "\n\n".join(sentences), published))
    return texts


def write_articles(folder: Path, count: int, generated: bool = False) -> int:
    """Write ``count`` dated .txt articles into ``folder``; return their total characters."""
    texts = corpus_texts(generated)
    characters = 0
    for number in range(count):
        stem, text, published = texts[number % len(texts)]
        copy = number // len(texts)
        date = published + timedelta(days=copy)
        body = f"{text.strip()}\n\nEdition {copy} of {stem}.\n"
        (folder / f"{date:%Y-%m-%d}-{stem}-{copy:03d}.txt").write_text(body, encoding="utf-8")
        characters += len(body)
    return characters


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--keep", type=Path, help="write the articles and database here")
    parser.add_argument("--generated", action="store_true",
                        help="use generated articles even when the corpus is there")
    parser.add_argument("--t17", action="store_true",
                        help="time `timeline ingest --jobs J` on the T17 folders instead")
    parser.add_argument("--feeds", type=Path, default=T17,
                        help="with --t17: the folder of .jsonl feeds (default: the T17 one)")
    parser.add_argument("--jobs", default="1,2", help="with --t17: the --jobs values to time")
    parser.add_argument("--only", default="",
                        help="with --t17: only these feeds (names without .jsonl, commas "
                             "between), a quicker run to compare changes by")
    parser.add_argument("--rounds", type=int, default=1,
                        help="with --t17: runs of each --jobs value, interleaved")
    args = parser.parse_args()
    if args.t17:
        jobs = [int(value) for value in args.jobs.split(",")]
        only = {name for name in args.only.split(",") if name}
        return run_t17(jobs, args.rounds, args.keep, args.feeds, only)
    if args.keep:
        return run(args.keep, args.articles, args.generated)
    with tempfile.TemporaryDirectory(prefix="timeline-bench-") as work:
        return run(Path(work), args.articles, args.generated)


def run(work: Path, count: int, generated: bool = False) -> int:
    """Write the articles, time the peer pass and the ingest, print the figures."""
    folder = work / "articles"
    folder.mkdir(parents=True, exist_ok=True)
    characters = write_articles(folder, count, generated)

    # Peer pass: everything but the store. CPU time is measured next to wall time: on
    # a shared machine it is the fairer "one core" figure.
    cpu_started = time.process_time()
    started = time.perf_counter()
    peer_events = 0
    for article in iter_articles(folder):
        peer_events += len(analyse(article)[1])
    analyse_seconds = time.perf_counter() - started
    analyse_cpu = time.process_time() - cpu_started

    database = work / "bench.db"
    database.unlink(missing_ok=True)
    cpu_started = time.process_time()
    started = time.perf_counter()
    with open_repository(f"sqlite:///{database}") as repo:
        summary = ingest_paths([folder], repo)
    ingest_seconds = time.perf_counter() - started
    ingest_cpu = time.process_time() - cpu_started

    # The same folder again: every article is already stored, and is recognised by its
    # content hash before it is tagged.
    started = time.perf_counter()
    with open_repository(f"sqlite:///{database}") as repo:
        rerun = ingest_paths([folder], repo)
    rerun_seconds = time.perf_counter() - started

    figures = {
        "corpus": "generated" if generated or not AQUAINT.is_dir() else "aquaint",
        "articles": summary.added,
        "refused": len(summary.refused),
        "events": summary.events,
        "characters": characters,
        "ingest_seconds": round(ingest_seconds, 2),
        "articles_per_s": round(summary.added / ingest_seconds, 1),
        "characters_per_s": round(characters / ingest_seconds),
        "ingest_cpu_seconds": round(ingest_cpu, 2),
        "articles_per_cpu_s": round(summary.added / ingest_cpu, 1),
        "analyse_only_seconds": round(analyse_seconds, 2),
        "analyse_only_articles_per_cpu_s": round(count / analyse_cpu, 1),
        "analyse_only_articles_per_s": round(count / analyse_seconds, 1),
        # From CPU times: wall times on a shared machine swing with the neighbours' load.
        "store_share": round(1 - analyse_cpu / ingest_cpu, 3),
        "target_articles_per_s": TARGET_ARTICLES_PER_S,
        "rerun_already": rerun.already,
        "rerun_seconds": round(rerun_seconds, 2),
        "rerun_articles_per_s": round(rerun.already / rerun_seconds, 1),
    }
    print(f"articles           {summary.added} ({figures['refused']} refused), "
          f"{summary.events} events, {characters:,} characters")
    print(f"ingest (end to end) {ingest_seconds:7.2f} s  {figures['articles_per_s']:7.1f} "
          f"articles/s  {figures['characters_per_s']:,} chars/s")
    print(f"ingest CPU time      {ingest_cpu:7.2f} s  {figures['articles_per_cpu_s']:7.1f} "
          "articles per CPU second")
    print(f"peer: load+tag+events, no store {analyse_seconds:7.2f} s  "
          f"{figures['analyse_only_articles_per_s']:7.1f} articles/s  "
          f"(store share of ingest CPU: {figures['store_share']:.0%})")
    print(f"rerun, all already stored {rerun_seconds:7.2f} s  "
          f"{figures['rerun_articles_per_s']:7.1f} articles/s")
    assert peer_events == summary.events, "the peer pass and the ingest disagree"
    assert rerun.already == summary.added and rerun.added == 0, "the rerun stored again"
    print(json.dumps(figures))
    return 0


def t17_snapshot(database: Path) -> tuple[dict[str, list[tuple]], set[frozenset[tuple]]]:
    """Return the events of each article (by the article's content hash) and the
    stories as sets of events, both by content, never by id."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as connection:
        rows = connection.execute(
            "SELECT e.id, a.content_hash, e.char_start, e.expr_start, e.earliest, e.latest, "
            "e.granularity, e.title, e.story_id FROM events e "
            "JOIN articles a ON a.id = e.article_id").fetchall()
        hashes = [row[0] for row in connection.execute("SELECT content_hash FROM articles")]
    by_article: dict[str, list[tuple]] = {digest: [] for digest in hashes}
    stories: dict[int, set[tuple]] = {}
    for _event_id, digest, *fields, story_id in rows:
        key = (digest, *fields)
        by_article[digest].append(tuple(fields))
        stories.setdefault(story_id, set()).add(key)
    for events in by_article.values():
        events.sort(key=repr)
    return by_article, {frozenset(members) for members in stories.values()}


def tree_cpu_while_running(process: subprocess.Popen[str]) -> dict[int, float]:
    """Wait for ``process`` and return the CPU seconds (user + system) of it and of every
    process below it (the fork server's workers), read from /proc as they run."""
    ticks = os.sysconf("SC_CLK_TCK")
    seen: dict[int, float] = {}
    while process.poll() is None:
        parents: dict[int, int] = {}
        used: dict[int, float] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
            used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / ticks
        tree = {process.pid}
        while True:
            grown = tree | {pid for pid, parent in parents.items() if parent in tree}
            if grown == tree:
                break
            tree = grown
        for pid in tree:
            if pid in used:
                seen[pid] = max(seen.get(pid, 0.0), used[pid])
        time.sleep(0.5)
    return seen


def run_t17(jobs_values: list[int], rounds: int, keep: Path | None, folder: Path = T17,
            only: set[str] | None = None) -> int:
    """Time `timeline ingest --jobs J` over the T17 feeds (those named in ``only``, when
    given); print the speedup and figures."""
    feeds = sorted(feed for feed in folder.glob("*.jsonl") if not only or feed.stem in only)
    if not feeds:
        print(f"no .jsonl feeds in {folder}", file=sys.stderr)
        return 2
    articles = sum(1 for feed in feeds for line in feed.open(encoding="utf-8") if line.strip())
    work = keep or Path(tempfile.mkdtemp(prefix="timeline-bench-t17-"))
    work.mkdir(parents=True, exist_ok=True)
    timeline = ROOT / ".venv" / "bin" / "timeline"
    seconds: dict[int, list[float]] = {jobs: [] for jobs in jobs_values}
    writer_cpu: dict[int, list[float]] = {jobs: [] for jobs in jobs_values}
    total_cpu: dict[int, list[float]] = {jobs: [] for jobs in jobs_values}
    loads: list[float] = []
    snapshots = {}
    for round_number in range(rounds):
        for jobs in jobs_values:
            database = work / f"t17-jobs{jobs}-{round_number}.sqlite3"
            for leftover in work.glob(database.name + "*"):
                leftover.unlink()
            loads.append(os.getloadavg()[0])
            started = time.perf_counter()
            process = subprocess.Popen(
                [str(timeline), "ingest", "--db", f"sqlite:///{database}", "--jobs", str(jobs),
                 *map(str, feeds)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            cpu = tree_cpu_while_running(process)
            elapsed = time.perf_counter() - started
            result = subprocess.CompletedProcess(process.args, process.returncode,
                                                 *process.communicate())
            writer_cpu[jobs].append(cpu.get(process.pid, 0.0))
            total_cpu[jobs].append(sum(cpu.values()))
            loads.append(os.getloadavg()[0])
            if result.returncode not in (0, 1):  # 1: some input refused, which may happen
                print(result.stdout, result.stderr, file=sys.stderr)
                return 1
            seconds[jobs].append(elapsed)
            summary_line = result.stdout.splitlines()[0]
            print(f"--jobs {jobs}, round {round_number + 1}: {elapsed:7.1f} s  "
                  f"{articles / elapsed:6.1f} articles/s  ({summary_line}); "
                  f"load average {loads[-2]:.1f} -> {loads[-1]:.1f}; "
                  f"CPU {total_cpu[jobs][-1]:.1f} s of which the writer "
                  f"{writer_cpu[jobs][-1]:.1f} s", flush=True)
            snapshots[(jobs, round_number)] = t17_snapshot(database)
    reference = snapshots[(jobs_values[0], 0)]
    same_events = all(snap[0] == reference[0] for snap in snapshots.values())
    same_stories = all(snap[1] == reference[1] for snap in snapshots.values())
    events = sum(len(found) for found in reference[0].values())
    best = {jobs: min(times) for jobs, times in seconds.items()}
    base = best[jobs_values[0]]
    # On a shared machine the kernel's autogroup scheduling gives a session one share of
    # the cores however many processes it runs, so wall time says little there. The time
    # a run needs with the cores to itself is at least its busiest process's CPU time and
    # its total CPU time spread over the cores: the speedup that follows from CPU times.
    cores = os.cpu_count() or 1
    free_cores = {jobs: min(max(w, t / min(cores, jobs + 1)) if jobs > 1 else t
                            for w, t in zip(writer_cpu[jobs], total_cpu[jobs], strict=True))
                  for jobs in jobs_values}
    figures = {
        "cpu_seconds": {str(jobs): [round(t, 1) for t in total_cpu[jobs]] for jobs in jobs_values},
        "writer_cpu_seconds": {str(jobs): [round(t, 1) for t in writer_cpu[jobs]]
                               for jobs in jobs_values},
        "speedup_from_cpu_times": {
            str(jobs): round(free_cores[jobs_values[0]] / free_cores[jobs], 2)
            for jobs in jobs_values},
        "corpus": "t17", "feeds": [feed.stem for feed in feeds],
        "articles_in_feeds": articles, "articles_stored": len(reference[0]),
        "events": events, "stories": len(reference[1]),
        "same_events_every_run": same_events, "same_stories_every_run": same_stories,
        "seconds": {str(jobs): [round(t, 1) for t in times] for jobs, times in seconds.items()},
        "speedup_best": {str(jobs): round(base / best[jobs], 2) for jobs in jobs_values},
        "load_average_1min": [round(load, 1) for load in loads],
        "cores": os.cpu_count(), "target_speedup_2_jobs": TARGET_SPEEDUP_2_JOBS,
    }
    print(f"articles {len(reference[0])}, events {events}, stories {len(reference[1])}; "
          f"same events every run: {same_events}; same stories every run: {same_stories}")
    for jobs in jobs_values:
        print(f"--jobs {jobs}: best {best[jobs]:.1f} s, speedup {base / best[jobs]:.2f}x; "
              f"with the {cores} cores to itself (from CPU times) {free_cores[jobs]:.1f} s, "
              f"speedup {free_cores[jobs_values[0]] / free_cores[jobs]:.2f}x")
    print(json.dumps(figures))
    return 0 if same_events and same_stories else 1


if __name__ == "__main__":
    raise SystemExit(main())
