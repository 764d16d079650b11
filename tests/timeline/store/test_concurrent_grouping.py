"""Several writers adding reports of one happening at once, each with its own
repository (as separate ingest processes have): one story, its row true to its events."""

from __future__ import annotations

import threading

from sqlalchemy import create_engine, text

from timeline.store import open_repository

WRITERS = 3
ARTICLES_EACH = 40


def test_writers_at_once_build_one_sound_story(db_url, make_article, make_event):
    open_repository(db_url).close()
    articles = [[make_article() for _ in range(ARTICLES_EACH)] for _ in range(WRITERS)]
    failures: list[BaseException] = []

    def write(batch) -> None:
        try:
            with open_repository(db_url) as repo:
                for article in batch:
                    repo.add_article(article, [], [make_event()])
        except BaseException as error:  # noqa: BLE001 - reported by the test below
            failures.append(error)

    threads = [threading.Thread(target=write, args=(batch,)) for batch in articles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    engine = create_engine(db_url)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text(
                "SELECT s.events, s.sources, count(e.id), count(DISTINCT e.article_id) "
                "FROM stories s JOIN events e ON e.story_id = s.id GROUP BY s.id")).all()
    finally:
        engine.dispose()
    # Without writers taking turns, two would each add to the story they saw: a row one
    # event short, or a second story for the same happening.
    assert rows == [(WRITERS * ARTICLES_EACH,) * 4]
