"""Suite-wide set-up: Qt runs offscreen, the seed and its expectations are at hand,
and a PostgreSQL URL is offered when the team-mode server is running."""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

# Set by the tests themselves so no display is ever needed.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TEXT = SEEDS / "kim-jong-un-arrives-in-russia.txt"
SEED_EXPECTED = Path(__file__).resolve().parent / "kim-jong-un-arrives-in-russia.expected.json"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED_TEXT.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_expected() -> dict:
    return json.loads(SEED_EXPECTED.read_text(encoding="utf-8"))


def postgres_url() -> str | None:
    """The team-mode test server's URL, or None when none is configured."""
    return os.environ.get("TIMELINE_TEST_PG_URL") or None


def require_postgres() -> bool:
    """CI sets TIMELINE_REQUIRE_PG=1: there a missing server fails instead of skipping."""
    return os.environ.get("TIMELINE_REQUIRE_PG") == "1"


def postgres_server_url() -> str:
    """Return the team-mode test server's URL; skip the test without one, or fail it
    when CI requires the server."""
    server = postgres_url()
    if server is None:
        if require_postgres():
            pytest.fail("TIMELINE_REQUIRE_PG=1 but no TIMELINE_TEST_PG_URL is set")
        pytest.skip("no PostgreSQL server (set TIMELINE_TEST_PG_URL)")
    return server


@contextmanager
def private_schema_url(server_url: str, prefix: str) -> Iterator[str]:
    """Yield a URL on ``server_url`` whose connections use a new schema of their own
    (via search_path), dropped with all it holds afterwards, so tests never see each
    other's rows."""
    # Imported here: most of the suite (the Qt tests) never needs SQLAlchemy.
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(server_url).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
    finally:
        with admin.connect() as connection:
            connection.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()
