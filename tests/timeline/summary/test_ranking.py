"""Ranking days: votes per article, precise readings only, stamps and comments left out."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from timeline.model import Article, Event, Granularity, Status
from timeline.summary.ranking import Weights, precise_day, rank_days


def event(event_id: int, article_id: int, day: datetime, sentence: str = "It happened then.",
          **fields) -> Event:
    values = dict(
        title=sentence, description=sentence, char_start=0, char_end=len(sentence),
        expression="then", expr_start=None, expr_end=None, timex_type="DATE",
        timex_value=day.date().isoformat(), mod=None, earliest=day,
        latest=day + timedelta(days=1), granularity=Granularity.DAY, confidence=0.9,
        explanation="test", id=event_id, article_id=article_id,
    )
    values.update(fields)
    return Event(**values)


def article(article_id: int, published: datetime) -> Article:
    return Article(text="x", published=published, id=article_id)


def test_the_day_most_articles_report_ranks_first(dam):
    events, articles = dam
    ranked = rank_days(events, articles)
    assert ranked[0].day == date(2023, 3, 5)
    assert ranked[0].article_ids == {1, 2, 4}
    assert ranked[0].score > ranked[1].score


def test_a_month_names_no_day(dam):
    events, articles = dam
    days = [found.day for found in rank_days(events, articles)]
    assert date(2023, 3, 1) not in days  # "In March" is the only reading there
    assert any(e.granularity == Granularity.MONTH for e in events)


def test_the_span_limits_the_days(dam):
    events, articles = dam
    ranked = rank_days(events, articles, first=date(2023, 3, 6), last=date(2023, 3, 7))
    assert {found.day for found in ranked} == {date(2023, 3, 6), date(2023, 3, 7)}


def test_an_article_votes_once_for_a_day_it_names_twice():
    day = datetime(2020, 5, 4)
    articles = {1: article(1, day), 2: article(2, day)}
    once = rank_days([event(1, 1, day)], articles, weights=Weights(published=0, published_next=0))
    twice = rank_days([event(1, 1, day), event(2, 1, day)], articles,
                      weights=Weights(published=0, published_next=0))
    assert once[0].score == twice[0].score
    assert twice[0].event_ids == [1, 2]


def test_more_articles_outweigh_one_article_naming_a_day_often():
    first, second = datetime(2020, 5, 4), datetime(2020, 5, 6)
    articles = {i: article(i, datetime(2020, 5, 9)) for i in (1, 2, 3)}
    events = [event(1, 1, first), event(2, 1, first), event(3, 1, first),
              event(4, 2, second), event(5, 3, second)]
    assert rank_days(events, articles)[0].day == second.date()


def test_publications_break_a_tie_between_days():
    first, second = datetime(2020, 5, 4), datetime(2020, 5, 6)
    articles = {1: article(1, datetime(2020, 5, 9)), 2: article(2, datetime(2020, 5, 9)),
                3: article(3, datetime(2020, 5, 7))}  # published the day after `second`
    events = [event(1, 1, first), event(2, 2, second)]
    assert rank_days(events, articles)[0].day == second.date()


def test_coarse_rejected_and_open_readings_name_no_day():
    day = datetime(2020, 5, 4)
    assert precise_day(event(1, 1, day)) == day.date()
    assert precise_day(event(1, 1, day, granularity=Granularity.PART_OF_DAY)) == day.date()
    assert precise_day(event(1, 1, day, granularity=Granularity.WEEK)) is None
    assert precise_day(event(1, 1, day, status=Status.REJECTED)) is None
    assert precise_day(event(1, 1, day, open_ended=True)) is None


def test_a_page_stamp_and_a_readers_comment_give_no_vote():
    day = datetime(2011, 11, 8)
    stamp = "Page last updated at 07:48 GMT, Tuesday, 8 November 2011 The trial ended."
    start = stamp.index("Tuesday")
    comment = "Posted by AJ, London on November 8, 2011 10:54 PM."
    events = [event(1, 1, day, stamp, expr_start=start, expr_end=start + 24),
              event(2, 2, day, comment)]
    articles = {1: article(1, day), 2: article(2, day)}
    assert rank_days(events, articles) == []
