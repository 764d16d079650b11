"""Benchmark: ingest 2,000 articles into a fresh SQLite file, end to end.

The articles are the AQUAINT TempEval-3 texts (../shared/data/aquaint) written as
dated .txt files under distinct names and dates, each copy with its own last line so
no two share a content hash; without the corpus, generated news-like articles are
used. In the same process a peer pass runs load + tag + events without the store, so
the store's share of the time is visible, and a rerun over the same folder (every
article already stored) shows what recognising them before tagging costs.

usage: .venv/bin/python bench/ingest.py [--articles N] [--keep DIR] [--generated]
The last line printed is a JSON object with the figures.
"""

from __future__ import annotations

import argparse
import json
import random
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
    args = parser.parse_args()
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


if __name__ == "__main__":
    raise SystemExit(main())
