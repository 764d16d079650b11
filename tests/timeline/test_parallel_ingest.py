"""The ingest on several processes against real SQLite files: the same articles, events
and stories as one process, progress per article, shards that split the input once."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from timeline.parallel_ingest import IngestProgress, default_jobs, ingest_parallel
from timeline.pipeline import ingest_paths
from timeline.shards import Shard
from timeline.store import Repository, open_repository

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "kim-jong-un-arrives-in-russia.txt"


def collection(folder: Path, copies: int = 8) -> Path:
    """Seed copies a day apart (their "Sunday" and "Tuesday" fall on the same days, so
    stories gather several sources), a feed of three articles, and one bad file."""
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8").strip()
    for number in range(copies):
        published = date(2023, 9, 12) + timedelta(days=number % 4)
        (folder / f"{published:%Y-%m-%d}-seed-{number:02d}.txt").write_text(
            f"{text}\n\nEdition {number}.\n", encoding="utf-8")
    feed = [
        {"text": "The council met on Monday and voted to close the port on Friday.",
         "published": "2023-09-13", "title": "Council"},
        {"text": "Kim arrived in Vladivostok on Tuesday, officials said on Wednesday.",
         "published": "2023-09-14", "title": "Arrival"},
        {"text": "no date anywhere in this one", "title": "Undated"},
    ]
    (folder / "sub").mkdir()
    (folder / "sub" / "feed.jsonl").write_text(
        "".join(json.dumps(article) + "\n" for article in feed), encoding="utf-8")
    (folder / "broken.json").write_text('[{"text": "Kim left on Sunday", "published": ')
    return folder


def snapshot(repo: Repository) -> tuple[dict[str, list[tuple]], set[frozenset[tuple]]]:
    """Return the events of each article (by file) and the stories as sets of events,
    both by content, never by id."""
    articles = {article.id: article.source_path or "" for article in repo.list_articles()}
    events = repo.list_events()
    by_article: dict[str, list[tuple]] = {}
    key_of = {}
    for event in events:
        key = (articles[event.article_id], event.char_start, event.expr_start, event.title,
               event.earliest, event.latest, event.granularity, event.timex_value)
        key_of[event.id] = key
        by_article.setdefault(key[0], []).append(key[1:])
    for keys in by_article.values():
        keys.sort(key=repr)
    stories = {frozenset(key_of[event_id] for event_id in story.event_ids)
               for story in repo.list_stories()}
    return by_article, stories


def test_two_processes_store_what_one_process_stores(tmp_path):
    folder = collection(tmp_path / "in")
    with open_repository(f"sqlite:///{tmp_path / 'one.db'}") as repo:
        one = ingest_parallel([folder], repo, jobs=1)
        one_snapshot = snapshot(repo)
    with open_repository(f"sqlite:///{tmp_path / 'two.db'}") as repo:
        two = ingest_parallel([folder], repo, jobs=2)
        two_snapshot = snapshot(repo)
    with open_repository(f"sqlite:///{tmp_path / 'plain.db'}") as repo:
        plain = ingest_paths([folder], repo)
        plain_snapshot = snapshot(repo)

    assert (one.added, one.events) == (two.added, two.events) == (plain.added, plain.events)
    assert one.added == 10 and one.events > 30
    assert sorted(one.refused) == sorted(two.refused) == sorted(plain.refused)
    assert len(one.refused) == 2  # the undated article and the broken file
    assert one_snapshot[0] == two_snapshot[0] == plain_snapshot[0]
    assert one_snapshot[1] == two_snapshot[1] == plain_snapshot[1]
    # The copies report the same happenings: stories with several sources, the same ones.
    assert any(len({key[0] for key in story}) >= 4 for story in two_snapshot[1])


def test_a_rerun_on_several_processes_adds_nothing_and_tags_nothing(tmp_path):
    folder = collection(tmp_path / "in", copies=4)
    with open_repository(f"sqlite:///{tmp_path / 't.db'}") as repo:
        first = ingest_parallel([folder], repo, jobs=2)
        again = ingest_parallel([folder], repo, jobs=2)
    assert first.added == 6 and again.added == 0 and again.already == 6
    assert len(again.refused) == 2


def test_progress_counts_articles_with_a_rate_and_time_left(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "feed.jsonl").write_text("".join(
        json.dumps({"text": f"Talks {n} ended on Friday in Geneva.", "published": "2023-09-15"})
        + "\n" for n in range(12)), encoding="utf-8")
    seen: list[IngestProgress] = []
    with open_repository(f"sqlite:///{tmp_path / 't.db'}") as repo:
        ingest_parallel([folder], repo, jobs=2, progress=seen.append)
    assert [p.done for p in seen] == list(range(13))  # per article, not per file
    assert all(p.total == 12 for p in seen[1:])  # counted once the feed is read
    assert seen[-1].files_read == seen[-1].files == 1
    assert seen[-1].rate > 0 and seen[-1].seconds_left == 0
    assert seen[-1].name.endswith("feed.jsonl:12")


def test_a_cancel_stops_before_the_next_article_is_written(tmp_path):
    folder = collection(tmp_path / "in")
    written: list[int] = []

    def stop_after_three() -> bool:
        return len(written) >= 3

    with open_repository(f"sqlite:///{tmp_path / 't.db'}") as repo:
        summary = ingest_parallel([folder], repo, jobs=2, cancel=stop_after_three,
                                  progress=lambda p: written.append(p.done) if p.done else None)
        assert summary.cancelled and summary.added + len(summary.refused) == 3
        assert len(repo.list_articles()) == summary.added
        rest = ingest_parallel([folder], repo, jobs=2)
    assert rest.added == 10 - summary.added and rest.already == summary.added


def test_every_article_falls_in_exactly_one_shard(tmp_path):
    folder = collection(tmp_path / "in")
    counts = []
    sources: list[set[str]] = []
    for index in (1, 2, 3):
        with open_repository(f"sqlite:///{tmp_path / f'shard{index}.db'}") as repo:
            summary = ingest_parallel([folder], repo, jobs=1, shard=Shard(index, 3))
            counts.append((summary.added, len(summary.refused), summary.other_shards))
            sources.append({article.source_path or "" for article in repo.list_articles()})
    assert sum(added for added, _, _ in counts) == 10
    assert sum(refused for _, refused, _ in counts) == 2
    assert all(sources[i].isdisjoint(sources[j]) for i in range(3) for j in range(i + 1, 3))
    # Each shard left the others' inputs: the 11 inputs (8 files, 3 feed lines) minus its own.
    assert all(others > 0 for _, _, others in counts)


def test_default_jobs_is_the_cores_this_process_may_use():
    assert default_jobs() >= 1
