"""A range written backwards in an article ("from 12 Sep until 11 Sep") is never made
into a negative interval: each end keeps its own date, as the text gives it, and the
weekday ranges the tagger turns forwards still run forwards."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.temporal import tag

DCT = datetime(2023, 9, 20)


@pytest.mark.parametrize("text, ends", [
    ("The talks ran from 12 Sep until 11 Sep, officials said.",
     [datetime(2023, 9, 12), datetime(2023, 9, 11)]),
    ("Between 2019 and 2017 the firm grew.", [datetime(2019, 1, 1), datetime(2017, 1, 1)]),
])
def test_a_backwards_range_in_an_article_keeps_each_end_as_written(text, ends):
    mentions = tag(text, DCT)
    assert [m.earliest for m in mentions] == ends
    for mention in mentions:
        assert mention.earliest is not None and mention.latest is not None
        assert mention.earliest < mention.latest


def test_a_weekday_range_still_runs_forwards():
    first, last = tag("The office was shut from Wednesday to Monday.", DCT)
    assert first.earliest is not None and last.earliest is not None
    assert first.earliest < last.earliest
