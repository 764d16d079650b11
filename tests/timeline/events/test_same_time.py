"""One sentence, one happening, one event: a day and a time of day side by side are one
moment ("10:35 a.m. (0735 GMT) Friday"), at the finer reading."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.events import extract_events
from timeline.model import Article, Event, Granularity
from timeline.temporal import tag

SATURDAY = datetime(1998, 8, 8)


def events_of(text: str, published: datetime = SATURDAY) -> list[Event]:
    return extract_events(Article(text=text, published=published), tag(text, published))


def test_a_clock_time_its_gmt_twin_and_its_day_make_one_event_at_the_minute():
    text = ("The blast in Nairobi occurred at about 10:35 a.m. (0735 GMT) Friday, toppling a "
            "crowded building toward the embassy.")
    [event] = events_of(text)
    assert (event.earliest, event.latest) == (datetime(1998, 8, 7, 10, 35),
                                              datetime(1998, 8, 7, 10, 36))
    assert event.granularity is Granularity.MINUTE
    assert event.timex_value == "1998-08-07T10:35"
    assert event.expression == "10:35 a.m. (0735 GMT) Friday"
    assert "GMT" not in event.title and "about" not in event.title
    assert event.title.startswith("The blast in Nairobi occurred")


def test_the_time_of_day_takes_the_day_that_follows_it():
    # Read alone, "midday" would be on the day last mentioned (the publication day).
    [event] = events_of("Jackson collapsed at his Los Angeles home at about midday on Thursday.")
    assert event.earliest == datetime(1998, 8, 6, 12, 0)
    assert event.title == "Jackson collapsed at his Los Angeles home"


def test_a_time_in_another_zone_is_not_an_event_of_its_own():
    events = events_of("Police said the gunman opened fire shortly after 9 a.m. (1400 GMT) on "
                       "Monday, killing three people.")
    assert [(event.earliest, event.granularity) for event in events] == [
        (datetime(1998, 8, 3, 9, 0), Granularity.MINUTE)]


@pytest.mark.parametrize("text, expected", [
    # Two days, or a day in one clause and a time in another, stay two events.
    ("Kim arrived on Monday and left on Wednesday at 10 a.m.",
     [datetime(1998, 8, 3), datetime(1998, 8, 5, 10, 0)]),
    ("The talks began on Monday and ended on Tuesday.",
     [datetime(1998, 8, 3), datetime(1998, 8, 4)]),
])
def test_separate_happenings_stay_separate(text, expected):
    assert [event.earliest for event in events_of(text)] == expected
