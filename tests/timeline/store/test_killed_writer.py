"""A writer killed with SIGKILL mid-way leaves a sound database of complete articles."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from timeline.store import open_repository

ROOT = Path(__file__).resolve().parents[3]

# Stores articles of 200 events each, for ever, printing each id once committed.
WRITER = """
import sys
from datetime import datetime, timedelta
from timeline.model import Article, Event, Granularity
from timeline.store import open_repository

with open_repository(sys.argv[1]) as repository:
    number = 0
    while True:
        number += 1
        day = datetime(2000, 1, 1) + timedelta(days=number)
        events = [
            Event(title=f"article {number} event {i}", description="generated", char_start=i,
                  char_end=i + 1, expression=None, expr_start=None, expr_end=None,
                  timex_type="DATE", timex_value=None, mod=None, earliest=day,
                  latest=day + timedelta(days=1), granularity=Granularity.DAY,
                  confidence=0.5, explanation="generated")
            for i in range(200)
        ]
        article = Article(text=f"generated article {number}", published=day,
                          title=f"article {number}")
        outcome = repository.add_article(article, [], events)
        print(outcome.article_id, flush=True)
"""


def test_a_killed_writer_leaves_a_sound_database_of_whole_articles(db_url):
    open_repository(db_url).close()  # the schema exists before the writer starts
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, db_url],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        committed = [writer.stdout.readline() for _ in range(5)]
        assert all(line.strip().isdigit() for line in committed), committed
        time.sleep(0.05)  # let it get into the middle of the next article
    finally:
        writer.send_signal(signal.SIGKILL)
        writer.wait(timeout=30)
        writer.stdout.close()

    if db_url.startswith("sqlite"):
        engine = create_engine(db_url)
        try:
            with engine.connect() as connection:
                assert connection.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        finally:
            engine.dispose()
    with open_repository(db_url) as repository:
        articles = repository.list_articles()
        assert len(articles) >= 5
        for article in articles:
            assert repository.count_events(article_ids=[article.id]) == 200, article.title
        engine = create_engine(db_url)
        try:
            with engine.connect() as connection:
                orphans = connection.execute(text(
                    "SELECT count(*) FROM events WHERE article_id NOT IN "
                    "(SELECT id FROM articles)")).scalar()
        finally:
            engine.dispose()
        assert orphans == 0
