"""Two machines sharing one bulk load: `timeline ingest --shard 1/2` and `--shard 2/2`
run at once as real processes into one PostgreSQL database (the team mode)."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

from tests.conftest import postgres_server_url, private_schema_url

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "kim-jong-un-arrives-in-russia.txt"


def shared_folder(folder: Path, copies: int) -> int:
    """Seed copies a day apart (reports of the same happenings, so the two shards build
    the same stories) and a feed of short articles; returns how many articles."""
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8").strip()
    for number in range(copies):
        published = date(2023, 9, 12) + timedelta(days=number % 5)
        (folder / f"{published:%Y-%m-%d}-seed-{number:02d}.txt").write_text(
            f"{text}\n\nEdition {number}.\n", encoding="utf-8")
    feed = [{"text": f"Kim arrived in Vladivostok on Tuesday, report {n} said on Wednesday.",
             "published": "2023-09-14"} for n in range(10)]
    (folder / "feed.jsonl").write_text("".join(json.dumps(a) + "\n" for a in feed))
    return copies + len(feed)


def test_two_shards_at_once_store_every_article_once_with_sound_stories(tmp_path):
    from sqlalchemy import create_engine, text

    total = shared_folder(tmp_path / "in", copies=60)
    with private_schema_url(postgres_server_url(), "shards") as url:
        command = [sys.executable, "-m", "timeline", "ingest", str(tmp_path / "in"),
                   "--db", url, "--jobs", "1"]
        runs = [subprocess.Popen([*command, "--shard", f"{k}/2"], cwd=ROOT, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
                for k in (1, 2)]
        outputs = [run.communicate(timeout=600) for run in runs]
        for run, (output, errors) in zip(runs, outputs, strict=True):
            assert run.returncode == 0, output + errors
        added = [int(output.split("added: ")[1].split()[0]) for output, _ in outputs]
        assert sum(added) == total and all(added)
        assert all("left to the other shards: " in output for output, _ in outputs)

        engine = create_engine(url)
        try:
            with engine.connect() as connection:
                articles, hashes = connection.execute(
                    text("SELECT count(*), count(DISTINCT content_hash) FROM articles")).one()
                ungrouped = connection.execute(
                    text("SELECT count(*) FROM events WHERE story_id IS NULL")).scalar()
                # Each story's row says what its events say: no writer lost another's update.
                stale = connection.execute(text(
                    "SELECT s.id, s.events, s.sources, count(e.id), count(DISTINCT e.article_id) "
                    "FROM stories s LEFT JOIN events e ON e.story_id = s.id GROUP BY s.id "
                    "HAVING s.events <> count(e.id) "
                    "OR s.sources <> count(DISTINCT e.article_id)")).all()
                shared = connection.execute(text(
                    "SELECT count(*) FROM (SELECT story_id FROM events GROUP BY story_id "
                    "HAVING count(DISTINCT article_id) > 1) AS multi")).scalar()
        finally:
            engine.dispose()
    assert articles == hashes == total
    assert ungrouped == 0 and stale == []
    assert shared > 0  # the copies' common happenings became stories of many sources
