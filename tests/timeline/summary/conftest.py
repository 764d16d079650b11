"""A small collection written here, ingested for real into a SQLite file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.pipeline import ingest_paths
from timeline.store import open_repository

# A dam breaks on Sunday 5 March 2023; four articles over five days report it, one
# also names the Monday inspection; a column on another subject names a day once.
ARTICLES = [
    {"title": "Riverton dam breaks", "published": "2023-03-06", "outlet": "Valley News",
     "url": "https://example.org/dam-breaks",
     "text": "The dam at Riverton broke on Sunday, flooding the lower town. "
             "Hundreds of families left their homes as the water rose through the night. "
             "In March the council usually sets its budget."},
    {"title": "Rescuers search Riverton", "published": "2023-03-06", "outlet": "Daily Post",
     "url": "",
     "text": "Rescuers searched the flooded streets of Riverton after the dam burst on "
             "Sunday. The army sent boats and helicopters to lift people from roofs."},
    {"title": "Inspectors questioned", "published": "2023-03-07", "outlet": "Valley News",
     "url": "https://example.org/inspectors",
     "text": "Engineers said on Monday that the Riverton dam had shown cracks for years. "
             "The regional governor ordered an inquiry into the inspections on Monday."},
    {"title": "Dam inquiry opens", "published": "2023-03-10", "outlet": "Daily Post",
     "url": "https://example.org/inquiry",
     "text": "The Riverton dam broke on March 5 after days of heavy rain, the inquiry "
             "heard on Thursday. Witnesses told the inquiry the spillway gates had jammed."},
    {"title": "Gardening column", "published": "2023-03-08", "outlet": "Daily Post",
     "url": "",
     "text": "Tulips were planted in the park on Tuesday by volunteers from the "
             "gardening club."},
]


def write_articles(folder: Path, articles: list[dict]) -> Path:
    """Write ``articles`` as one .jsonl file in ``folder``; returns its path."""
    path = folder / "articles.jsonl"
    path.write_text("".join(json.dumps(article) + "\n" for article in articles))
    return path


@pytest.fixture
def dam_db(tmp_path) -> str:
    """Return the URL of a SQLite file holding the dam articles, ingested for real."""
    url = f"sqlite:///{tmp_path / 'dam.sqlite3'}"
    with open_repository(url) as repository:
        outcome = ingest_paths([write_articles(tmp_path, ARTICLES)], repository)
    assert outcome.added == len(ARTICLES) and not outcome.refused
    return url


@pytest.fixture
def dam(dam_db):
    """Return (events, articles by id) of the dam collection."""
    with open_repository(dam_db) as repository:
        events = repository.list_events()
        articles = {article.id: article for article in repository.list_articles()}
    return events, articles
