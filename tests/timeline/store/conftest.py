"""Storage test fixtures: every test runs on a fresh SQLite file and on a real PostgreSQL.

The PostgreSQL case takes the server from tests/conftest.postgres_url(); each test
gets its own schema (via search_path), dropped afterwards, so tests never see each
other's rows. Without a server the case is skipped, unless require_postgres() says
it must run (CI), where it fails instead.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.conftest import postgres_server_url, private_schema_url
from timeline.model import Article, Event, Granularity, Mention, TimexType
from timeline.store import Repository, open_repository

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def backend(request) -> str:
    """The name of the backend the test runs on."""
    return request.param


@pytest.fixture
def db_url(backend: str, tmp_path: Path) -> Iterator[str]:
    """A URL to an empty database of ``backend``, private to this test."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'timeline.sqlite3'}"
        return
    with private_schema_url(postgres_server_url(), "test") as url:
        yield url


@pytest.fixture
def repo(db_url: str) -> Iterator[Repository]:
    """A repository opened on the test's own database."""
    with open_repository(db_url) as repository:
        yield repository


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """A factory of Articles; every call makes a different text unless one is given."""
    counter = iter(range(1, 1_000_000))

    def build(text: str | None = None, **fields) -> Article:
        number = next(counter)
        fields.setdefault("published", datetime(2023, 9, 12, 8, 0))
        fields.setdefault("title", f"Article {number}")
        fields.setdefault("source_path", f"/data/article-{number}.txt")
        text = text or f"Article {number}. Kim left on Sunday. {uuid.uuid4()}"
        return Article(text=text, **fields)

    return build


@pytest.fixture
def make_event() -> Callable[..., Event]:
    """A factory of unreviewed Events on one day, fields overridable by keyword."""

    def build(day: datetime = datetime(2023, 9, 10), **fields) -> Event:
        values = dict(
            title="Kim leaves for Russia",
            description="Kim left Pyongyang on Sunday.",
            char_start=0,
            char_end=29,
            expression="Sunday",
            expr_start=22,
            expr_end=28,
            timex_type="DATE",
            timex_value=day.date().isoformat(),
            mod=None,
            earliest=day,
            latest=day + timedelta(days=1),
            granularity=Granularity.DAY,
            confidence=0.9,
            explanation="'Sunday' + past tense -> the Sunday before the DCT",
            anchor="DCT 2023-09-12",
        )
        values.update(fields)
        if "char_end" not in fields:
            values["char_end"] = values["char_start"] + len(values["description"])
        if "expr_end" not in fields and values["expr_start"] is not None:
            values["expr_end"] = values["expr_start"] + len(values["expression"] or "")
        return Event(**values)

    return build


@pytest.fixture
def make_mention() -> Callable[..., Mention]:
    """A factory of resolved DATE Mentions of one day."""

    def build(start: int = 22, text: str = "Sunday", **fields) -> Mention:
        values = dict(
            text=text,
            start=start,
            end=start + len(text),
            type=TimexType.DATE,
            value="2023-09-10",
            mod=None,
            earliest=datetime(2023, 9, 10),
            latest=datetime(2023, 9, 11),
            granularity=Granularity.DAY,
            anchor="DCT 2023-09-12",
            explanation="'Sunday' + past tense",
            confidence=0.9,
        )
        values.update(fields)
        return Mention(**values)

    return build
