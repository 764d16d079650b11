"""Fill a bench database fast: articles and events written with executemany, one story
per article, past Repository.add_article (which groups stories event by event and takes
an hour for 10^6 events on a loaded machine). The schema, triggers and indexes are the
real ones (open_repository creates them first); only story grouping is skipped.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import func, insert, select

from timeline.model import Article, Event
from timeline.store import open_repository
from timeline.store.convert import event_values
from timeline.store.schema import ArticleRow, EventRow, StoryRow

BATCH_ARTICLES = 200


def bulk_fill(url: str, articles: Iterable[tuple[Article, list[Event]]]) -> int:
    """Store every (article, events) pair, each article's events as one story; returns
    how many events were stored."""
    stored = 0
    with open_repository(url) as repository:
        engine = repository._engine
        with engine.begin() as connection:
            next_article = (connection.execute(select(func.max(ArticleRow.id))).scalar() or 0) + 1
            next_story = (connection.execute(select(func.max(StoryRow.id))).scalar() or 0) + 1
            batch: list[tuple[Article, list[Event]]] = []
            for pair in articles:
                batch.append(pair)
                if len(batch) == BATCH_ARTICLES:
                    stored += _write(connection, batch, next_article, next_story)
                    next_article += len(batch)
                    next_story += len(batch)
                    batch = []
            if batch:
                stored += _write(connection, batch, next_article, next_story)
    return stored


def _write(connection, batch, first_article: int, first_story: int) -> int:
    article_rows, story_rows, event_rows = [], [], []
    for offset, (article, events) in enumerate(batch):
        article_id, story_id = first_article + offset, first_story + offset
        article_rows.append(dict(
            id=article_id, text=article.text, title=article.title, url=article.url,
            outlet=article.outlet, language=article.language, published=article.published,
            dct_source=article.dct_source, source_path=article.source_path,
            content_hash=hashlib.sha256(article.text.encode()).hexdigest()))
        dated = [event for event in events if event.earliest is not None]
        story_rows.append(dict(
            id=story_id, title=events[0].title if events else "",
            earliest=min((e.earliest for e in dated), default=None),
            latest=max((e.latest or datetime.max for e in dated), default=None),
            granularity="day", conflict=False, sources=1, events=len(events),
            chosen_earliest=None, chosen_latest=None, version=1))
        event_rows.extend(dict(event_values(event), article_id=article_id, story_id=story_id)
                          for event in events)
    connection.execute(insert(ArticleRow.__table__), article_rows)
    connection.execute(insert(StoryRow.__table__), story_rows)
    connection.execute(insert(EventRow.__table__), event_rows)
    return len(event_rows)


PLACES_SQL = ("Nairobi", "Mombasa", "Kisumu", "Lagos", "Abuja", "Accra", "Dakar", "Bamako",
              "Niamey", "Khartoum", "Juba", "Addis Ababa", "Mogadishu", "Djibouti", "Asmara",
              "Kampala", "Kigali", "Bujumbura", "Dodoma", "Lusaka", "Harare", "Maputo",
              "Gaborone", "Windhoek", "Luanda", "Kinshasa", "Brazzaville", "Libreville",
              "Yaounde", "Douala", "Bangui", "Ndjamena", "Tripoli", "Tunis", "Algiers",
              "Rabat", "Cairo", "Alexandria", "Port Said", "Benghazi", "Misrata", "Sirte",
              "Tobruk", "Zinder", "Agadez", "Timbuktu", "Gao", "Kidal", "Mopti", "Segou")


def sql_fill(path: str, total: int, per_article: int = 50) -> int:
    """Fill the SQLite file ``path`` with ``total`` events made by SQLite itself (a
    recursive CTE: seconds, not the tens of minutes Python objects take for 10^6 on a
    shared machine), ``per_article`` to an article, one story per article. Days are
    spread over 35 years from 1990 by a multiplicative hash of the event number;
    seven in ten are a day long, one an hour, one 30 days, one 365 days. The triggers
    of revision 0003 fill the search and span indexes as for any insert. Returns the
    number of events stored."""
    import sqlite3

    with open_repository(f"sqlite:///{path}"):
        pass  # the schema, at the newest revision
    connection = sqlite3.connect(path)
    articles = total // per_article
    places = " UNION ALL ".join(f"SELECT {i}, '{name}'" for i, name in enumerate(PLACES_SQL))
    day = "(((i * 2654435761) % 4294967291) % 12775)"
    earliest = (f"datetime('1990-01-01', '+' || {day} || ' days', "
                "'+' || ((i % 10 = 7) * (i % 24)) || ' hours')")
    length = ("CASE i % 10 WHEN 7 THEN '+1 hours' WHEN 8 THEN '+30 days' "
              "WHEN 9 THEN '+365 days' ELSE '+1 days' END")
    granularity = ("CASE i % 10 WHEN 7 THEN 'hour' WHEN 8 THEN 'month' WHEN 9 THEN 'year' "
                   "ELSE 'day' END")
    with connection:
        connection.execute(f"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {articles - 1})
            INSERT INTO articles (id, text, title, url, published, source_path, content_hash)
            SELECT i + 1, 'Generated article ' || i || '.', 'Article ' || i,
                   'https://example.org/' || i, '1990-01-01 00:00:00.000000',
                   '/data/article-' || i || '.txt', 'bulk-' || i FROM n""")
        connection.execute(f"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {articles - 1})
            INSERT INTO stories (id, title, granularity, conflict, sources, events, version)
            SELECT i + 1, 'Story ' || i, 'day', 0, 1, {per_article}, 1 FROM n""")
        connection.execute(f"""
            WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < {total - 1}),
            places(k, name) AS ({places}),
            timed AS (SELECT i, {earliest} AS e FROM n)
            INSERT INTO events (id, article_id, story_id, title, description, char_start,
                char_end, expression, expr_start, expr_end, timex_type, timex_value, mod,
                earliest, latest, granularity, confidence, explanation, anchor, inferred,
                open_ended, status, note, version, reviewed_at)
            SELECT i + 1, i / {per_article} + 1, i / {per_article} + 1,
                'Event ' || i || ' in ' || places.name,
                'Sentence ' || i || ' of a generated article.',
                i * 10 % 5000, i * 10 % 5000 + 40, 'on Sunday', i * 10 % 5000 + 5,
                i * 10 % 5000 + 14, 'DATE', date(e), NULL,
                e || '.000000', datetime(e, {length}) || '.000000', {granularity},
                0.3 + (i % 70) / 100.0, 'generated', 'DCT', 0, 0, 'unreviewed', NULL, 1, NULL
            FROM timed JOIN places ON places.k = i % {len(PLACES_SQL)}""")
    count = connection.execute("SELECT count(*) FROM events").fetchone()[0]
    connection.close()
    return int(count)
