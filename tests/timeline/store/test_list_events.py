"""list_events / count_events / review_progress: windows, filters and time order."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Granularity, Status


@pytest.fixture
def stored(repo, make_article, make_event):
    """Two articles' events across September 2023, one open-ended; returns titles -> ids."""
    first = make_article()
    second = make_article()
    day = Granularity.DAY
    events_first = [
        make_event(title="Putin arrives in Vladivostok", earliest=datetime(2023, 9, 11),
                   latest=datetime(2023, 9, 12), granularity=day, confidence=0.95),
        make_event(title="Kim enters Russia", description="The train reached KHASAN station.",
                   earliest=datetime(2023, 9, 12), latest=datetime(2023, 9, 12, 12),
                   granularity=Granularity.PART_OF_DAY, confidence=0.6),
        make_event(title="First summit", expression="in 2019", earliest=datetime(2019, 1, 1),
                   latest=datetime(2020, 1, 1), granularity=Granularity.YEAR, confidence=0.8),
    ]
    events_second = [
        make_event(title="Kim leaves Pyongyang", earliest=datetime(2023, 9, 10),
                   latest=datetime(2023, 9, 11), granularity=day, confidence=0.9),
        make_event(title="Talks after the forum", expression="after the forum", earliest=None,
                   latest=None, granularity=Granularity.UNKNOWN, open_ended=True,
                   confidence=0.3, timex_value=None),
        make_event(title="Report on Tuesday", earliest=datetime(2023, 9, 12),
                   latest=datetime(2023, 9, 13), granularity=day, confidence=0.9),
    ]
    a = repo.add_article(first, [], events_first).article_id
    b = repo.add_article(second, [], events_second).article_id
    ids = {event.title: event.id for event in repo.list_events()}
    return {"articles": (a, b), **ids}


def titles(events):
    return [event.title for event in events]


def test_everything_comes_in_time_order_with_open_ended_last(repo, stored):
    assert titles(repo.list_events()) == [
        "First summit",
        "Kim leaves Pyongyang",
        "Putin arrives in Vladivostok",
        "Kim enters Russia",  # same start as the report, ends earlier
        "Report on Tuesday",
        "Talks after the forum",
    ]


def test_a_window_keeps_overlapping_events_only_half_open(repo, stored):
    # [11 Sep, 12 Sep): the 10 Sep event ends where the window starts, the 12 Sep ones
    # start where it ends; neither overlaps.
    window = dict(start=datetime(2023, 9, 11), end=datetime(2023, 9, 12))
    assert titles(repo.list_events(**window)) == ["Putin arrives in Vladivostok"]
    assert repo.count_events(**window) == 1


def test_a_window_includes_long_events_that_cover_it_and_never_open_ended_ones(repo, stored):
    inside_2019 = dict(start=datetime(2019, 6, 1), end=datetime(2019, 6, 2))
    assert titles(repo.list_events(**inside_2019)) == ["First summit"]
    only_start = repo.list_events(start=datetime(2023, 9, 12, 6))
    assert titles(only_start) == ["Kim enters Russia", "Report on Tuesday"]
    only_end = repo.list_events(end=datetime(2023, 9, 11))
    assert titles(only_end) == ["First summit", "Kim leaves Pyongyang"]


def test_statuses_articles_text_and_confidence_filter(repo, stored):
    first_article, second_article = stored["articles"]
    repo.accept(stored["Kim enters Russia"], expected_version=1)
    repo.reject(stored["First summit"], expected_version=1)

    assert titles(repo.list_events(statuses=[Status.ACCEPTED, Status.REJECTED])) == [
        "First summit", "Kim enters Russia"]
    assert titles(repo.list_events(article_ids=[second_article])) == [
        "Kim leaves Pyongyang", "Report on Tuesday", "Talks after the forum"]
    # Case-insensitive, over title, description and expression.
    assert titles(repo.list_events(text="khasan")) == ["Kim enters Russia"]
    assert titles(repo.list_events(text="PUTIN")) == ["Putin arrives in Vladivostok"]
    assert titles(repo.list_events(text="IN 2019")) == ["First summit"]
    # LIKE wildcards in the search text are taken literally.
    assert repo.list_events(text="%") == []
    assert titles(repo.list_events(min_confidence=0.9)) == [
        "Kim leaves Pyongyang", "Putin arrives in Vladivostok", "Report on Tuesday"]
    combined = dict(article_ids=[first_article], statuses=[Status.UNREVIEWED],
                    start=datetime(2023, 9, 1), end=datetime(2023, 10, 1))
    assert titles(repo.list_events(**combined)) == ["Putin arrives in Vladivostok"]
    assert repo.count_events(**combined) == 1


def test_review_progress_counts_reviewed_over_total_under_the_same_filters(repo, stored):
    assert repo.review_progress() == (0, 6)
    repo.accept(stored["Kim enters Russia"], expected_version=1)
    repo.correct(stored["First summit"], expected_version=1, earliest=datetime(2019, 2, 27),
                 latest=datetime(2019, 3, 1), granularity=Granularity.DAY)
    assert repo.review_progress() == (2, 6)
    assert repo.review_progress(start=datetime(2023, 9, 1), end=datetime(2023, 10, 1)) == (1, 4)
    assert repo.review_progress(text="nothing like this") == (0, 0)


def test_get_events_follows_the_order_of_the_ids_asked_for(repo, stored):
    wanted = [stored["Report on Tuesday"], stored["First summit"], 987654,
              stored["Kim leaves Pyongyang"]]
    assert titles(repo.get_events(wanted)) == [
        "Report on Tuesday", "First summit", "Kim leaves Pyongyang"]
    assert repo.get_event(stored["First summit"]).granularity is Granularity.YEAR
    assert repo.get_events([]) == []


def test_the_text_filter_ignores_case_beyond_ascii_on_every_backend(
        repo, make_article, make_event):
    # SQLite's own lower() folds ASCII only: "élysée" missed "Élysée" there, not on
    # PostgreSQL.
    events = [make_event(title="Talks at the Élysée", earliest=datetime(2023, 9, 11),
                         latest=datetime(2023, 9, 12), granularity=Granularity.DAY),
              make_event(title="Vote in Zürich", description="The ÖVP won.",
                         earliest=datetime(2023, 9, 12), latest=datetime(2023, 9, 13),
                         granularity=Granularity.DAY)]
    repo.add_article(make_article(), [], events)
    for needle in ("élysée", "ÉLYSÉE", "Élysée"):
        assert titles(repo.list_events(text=needle)) == ["Talks at the Élysée"], needle
    for needle in ("ZÜRICH", "zürich", "övp"):
        assert titles(repo.list_events(text=needle)) == ["Vote in Zürich"], needle
    assert repo.count_events(text="élysée") == 1
