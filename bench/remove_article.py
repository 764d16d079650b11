"""Benchmark: removing articles (Article > Remove article…, `timeline remove-article`).

Ingests the AQUAINT TimeML folder (../shared/data/aquaint) into a temporary SQLite
file, or copies the SQLite file given with --db, then removes --count articles, the
ones with most events first, timing the preview count (what the confirmation shows)
and the removal (rows, story refresh and audit record in one transaction).

    .venv/bin/python bench/remove_article.py [--db FILE.sqlite3] [--count 10]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.pipeline import ingest_paths  # noqa: E402
from timeline.store import open_repository  # noqa: E402

AQUAINT = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "aquaint"


def main() -> int:
    """Print the timings; returns the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, help="a SQLite file to copy (default: ingest AQUAINT)")
    parser.add_argument("--count", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite3"
        if args.db is not None:
            shutil.copy(args.db, path)
        with open_repository(str(path)) as repo:
            if args.db is None:
                ingest_paths([AQUAINT], repo)
            events = Counter(e.article_id for e in repo.list_events())
            print(f"{len(repo.list_articles())} articles, {sum(events.values())} events, "
                  f"{len(repo.list_stories())} stories")
            previews, removals = [], []
            for article_id, count in events.most_common(args.count):
                started = time.perf_counter()
                repo.article_removal(article_id)
                previews.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                record = repo.remove_article(article_id, actor="bench")
                removals.append((time.perf_counter() - started) * 1000)
                assert record.events == count
            sizes = [count for _article, count in events.most_common(args.count)]
            print(f"removed {len(removals)} articles of {min(sizes)}-{max(sizes)} events")
            print(f"preview: median {statistics.median(previews):.1f} ms, "
                  f"max {max(previews):.1f} ms")
            print(f"removal: median {statistics.median(removals):.1f} ms, "
                  f"max {max(removals):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
