"""The precision filter in the store query, on SQLite and PostgreSQL: a day query is
not flooded by "the 20th century" or "1999" overlapping it."""

from __future__ import annotations

from datetime import datetime

from timeline.calendar import PRECISION_CHOICES
from timeline.model import Granularity


def test_day_or_finer_leaves_centuries_and_years_out(repo, make_article, make_event):
    events = [
        make_event(title="century", granularity=Granularity.CENTURY,
                   earliest=datetime(1900, 1, 1), latest=datetime(2000, 1, 1)),
        make_event(title="year", char_start=40, granularity=Granularity.YEAR,
                   earliest=datetime(1999, 1, 1), latest=datetime(2000, 1, 1)),
        make_event(title="month", char_start=80, granularity=Granularity.MONTH,
                   earliest=datetime(1999, 5, 1), latest=datetime(1999, 6, 1)),
        make_event(title="day", char_start=120, earliest=datetime(1999, 5, 3),
                   latest=datetime(1999, 5, 4)),
        make_event(title="hour", char_start=160, granularity=Granularity.HOUR,
                   earliest=datetime(1999, 5, 3, 10), latest=datetime(1999, 5, 3, 11)),
    ]
    repo.add_article(make_article(), [], events)
    window = {"start": datetime(1999, 5, 1), "end": datetime(1999, 5, 11)}
    by_choice = {
        caption: [e.title for e in repo.list_events(**window, min_precision=coarsest)]
        for caption, coarsest in PRECISION_CHOICES}
    assert by_choice == {
        "any precision": ["century", "year", "month", "day", "hour"],
        "month or finer": ["month", "day", "hour"],
        "day or finer": ["day", "hour"],
    }
    assert repo.count_events(min_precision=Granularity.DAY) == 2
    assert repo.review_progress(min_precision=Granularity.MONTH) == (0, 3)
