"""The dateparser adapter: pinned settings, so results never depend on today or the host."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Granularity
from timeline.temporal.dates import parse_date_text

ANCHOR = datetime(2023, 9, 12)


@pytest.mark.parametrize(
    ("text", "start", "granularity"),
    [
        ("Sept. 12, 2023", datetime(2023, 9, 12), Granularity.DAY),
        ("12 September 2023", datetime(2023, 9, 12), Granularity.DAY),
        ("2023-09-12", datetime(2023, 9, 12), Granularity.DAY),
        ("March 2020", datetime(2020, 3, 1), Granularity.MONTH),
        ("2019", datetime(2019, 1, 1), Granularity.YEAR),  # never 2019-09-12
        ("2023-09-12 14:30", datetime(2023, 9, 12, 14, 30), Granularity.MINUTE),
    ],
)
def test_found_date_strings(text, start, granularity):
    assert parse_date_text(text, ANCHOR) == (start, granularity)


def test_missing_parts_come_from_the_anchor_not_from_today():
    # A month without a year takes the anchor's year and the first day, whatever today is.
    assert parse_date_text("March", datetime(1998, 8, 7)) == (
        datetime(1998, 3, 1),
        Granularity.MONTH,
    )


@pytest.mark.parametrize("text", ["", "not a date at all", "0000-00-00", "x" * 200])
def test_no_date(text):
    assert parse_date_text(text, ANCHOR) is None
