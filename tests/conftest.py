"""Suite-wide set-up: Qt runs offscreen, the seed and its expectations are at hand,
and a PostgreSQL URL is offered when the team-mode server is running."""

from __future__ import annotations

import json
import os
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
