"""Benchmark: stories on the Timeline17 development folders.

Ingests every FOLDER.jsonl of ../shared/data/t17 into one fresh SQLite file (or
``--repeat`` copies of each, under other texts, to reach thousands of articles) and
measures, in the same run, the time spent grouping events into stories against the
rest of the ingest (loading, tagging, event building, storing). Then prints how many
events became how many stories, how many stories have 2+, 5+, 20+ sources and how
many are conflicts, and writes a random sample of multi-source stories and of
conflicts, with every member's sentence, to bench/out/stories-sample.txt for
reading by hand.

usage: .venv/bin/python bench/stories.py [--data DIR] [--repeat N] [--sample N] [--seed S]
The last line printed is a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from timeline.pipeline import ingest_paths  # noqa: E402
from timeline.store import open_repository  # noqa: E402
from timeline.store.repository import Repository  # noqa: E402

T17 = ROOT.parent / "shared" / "data" / "t17"
OUT = ROOT / "bench" / "out"


def folder_files(data: Path, repeat: int, workdir: Path) -> list[Path]:
    """Return the JSONL files to ingest: the folders as they are, then copies whose
    texts carry a copy number (new content hashes, the same happenings)."""
    files = sorted(data.glob("*.jsonl"))
    for copy in range(1, repeat):
        for file in sorted(data.glob("*.jsonl")):
            target = workdir / f"{file.stem}.copy{copy}.jsonl"
            with file.open(encoding="utf-8") as source, target.open("w", encoding="utf-8") as out:
                for line in source:
                    article = json.loads(line)
                    article["text"] += f"\n(copy {copy})"
                    out.write(json.dumps(article) + "\n")
            files.append(target)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=T17)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--sample", type=int, default=50)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--keep", type=Path, help="keep the database at this path")
    args = parser.parse_args()
    if not args.data.is_dir():
        sys.exit(f"no Timeline17 folders at {args.data}")

    grouping = [0.0]
    original = Repository._group

    def timed_group(self, connection, rows):
        started = time.perf_counter()
        try:
            return original(self, connection, rows)
        finally:
            grouping[0] += time.perf_counter() - started

    Repository._group = timed_group
    with tempfile.TemporaryDirectory() as workdir:
        work = Path(workdir)
        files = folder_files(args.data, args.repeat, work)
        database = args.keep or work / "t17.sqlite3"
        with open_repository(str(database)) as repo:
            started = time.perf_counter()
            summary = ingest_paths(files, repo)
            total = time.perf_counter() - started
            stories = repo.list_stories()
            events = repo.count_events()
            by_id = {}
            sample_ids = [e for s in stories if s.sources > 1 for e in s.event_ids]
            for chunk in range(0, len(sample_ids), 5000):
                by_id.update({e.id: e for e in repo.get_events(sample_ids[chunk:chunk + 5000])})
            articles = {a.id: a for a in repo.list_articles()}
    rest = total - grouping[0]
    multi = [s for s in stories if s.sources >= 2]
    conflicts = [s for s in stories if s.conflict]
    figures = {
        "articles": summary.added,
        "events": events,
        "stories": len(stories),
        "stories_2plus": len(multi),
        "stories_5plus": sum(s.sources >= 5 for s in stories),
        "stories_20plus": sum(s.sources >= 20 for s in stories),
        "conflicts": len(conflicts),
        "events_in_multi_source_stories": sum(len(s.event_ids) for s in multi),
        "ingest_s": round(total, 2),
        "grouping_s": round(grouping[0], 2),
        "grouping_share_of_rest": round(grouping[0] / rest, 3) if rest else None,
    }
    rng = random.Random(args.seed)
    OUT.mkdir(parents=True, exist_ok=True)
    with (OUT / "stories-sample.txt").open("w", encoding="utf-8") as out:
        for label, pool in (("MULTI-SOURCE", multi), ("CONFLICT", conflicts)):
            for story in rng.sample(pool, min(args.sample, len(pool))):
                out.write(f"=== {label} story {story.id}: {story.title!r} "
                          f"({story.sources} sources)\n")
                for reading in story.readings:
                    out.write(f"  reading {reading.earliest} .. {reading.latest} "
                              f"({reading.sources} articles)\n")
                    for event_id in reading.event_ids[:8]:
                        event = by_id[event_id]
                        article = articles[event.article_id]
                        out.write(f"    [{article.outlet} {article.published:%Y-%m-%d}] "
                                  f"'{event.expression}': {event.description[:220]}\n")
                out.write("\n")
    print(f"{figures['articles']} articles, {events} events -> {len(stories)} stories; "
          f"{len(multi)} with 2+ sources, {figures['stories_5plus']} with 5+, "
          f"{figures['stories_20plus']} with 20+; {len(conflicts)} conflicts")
    print(f"ingest {total:.1f} s, of which grouping {grouping[0]:.1f} s "
          f"= {figures['grouping_share_of_rest']:.1%} on top of the rest (goal <= 25%)")
    print(f"sample written to {OUT / 'stories-sample.txt'}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
