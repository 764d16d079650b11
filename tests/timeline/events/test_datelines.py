"""A dateline on the same line as the lede ("LONDON, 12 September 2023 (Reuters) -
Talks ended on Friday."): it dates the report, so it makes no event of its own and
stays out of the lede's title and description (tagged by the real tagger)."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Article
from timeline.pipeline import analyse
from timeline.sources.dates import opening_dateline

DCT = datetime(2023, 9, 12)


def events_of(text: str):
    return analyse(Article(text=text, published=DCT))[1]


def test_the_ledes_own_date_dates_it_and_the_datelines_date_makes_no_event():
    text = "Talks\nLONDON, 12 September 2023 (Reuters) - Talks ended on Friday in Geneva."
    (event,) = events_of(text)
    assert (event.expression, event.earliest) == ("Friday", datetime(2023, 9, 8))
    assert event.description == "Talks ended on Friday in Geneva."
    assert text[event.char_start:event.char_end] == event.description
    assert event.title == "Talks ended in Geneva"


def test_a_lede_without_a_date_is_dated_by_its_dateline_under_its_own_title():
    text = ("SEOUL, Sept. 12 (Reuters) - North Korean leader Kim Jong Un has arrived in "
            "Russia, Japanese media reported. Kim left on Sunday.")
    lede, left = events_of(text)
    assert (lede.expression, lede.earliest) == ("Sept. 12", datetime(2023, 9, 12))
    assert lede.title == "North Korean leader Kim Jong Un has arrived in Russia"
    assert "SEOUL" not in lede.title and "Reuters" not in lede.title
    assert (left.expression, left.title) == ("Sunday", "Kim left")


def test_an_agency_dateline_without_a_date_is_left_out_of_the_event():
    (event,) = events_of("WASHINGTON (AP) _ The Senate voted on Monday to end the strike.")
    assert event.description == "The Senate voted on Monday to end the strike."
    assert event.title == "The Senate voted to end the strike"
    assert event.earliest == datetime(2023, 9, 11)


def test_a_sentence_that_merely_holds_a_date_and_a_dash_is_no_dateline():
    text = "Talks ended on Sept. 12 - officials said nothing more."
    (event,) = events_of(text)
    assert event.description == text and event.char_start == 0
    assert event.earliest == datetime(2023, 9, 12)
    # Later in the article a capitalised line is no dateline either.
    later = "x " * 250 + "\nLONDON (Reuters) - Talks ended on Friday."
    (event,) = events_of("The report came out on Monday.\n" + later)[1:]
    assert event.description.startswith("LONDON (Reuters)")


@pytest.mark.parametrize("line, dateline", [
    ("SEOUL, Sept. 12 (Reuters) - Kim arrived.", "SEOUL, Sept. 12 (Reuters) -"),
    ("WASHINGTON, D.C., Sept. 12, 2023 (AP) -- The", "WASHINGTON, D.C., Sept. 12, 2023 (AP) --"),
    ("DAR ES SALAAM, Tanzania (AP) _ The bomb", "DAR ES SALAAM, Tanzania (AP) _"),
    ("Talks ended on Sept. 12 - officials said", ""),
    ("The US (AP) - claims", ""),
    ("BREAKING: markets fell", ""),
])
def test_opening_dateline_measures_only_a_real_dateline(line, dateline):
    assert line[:opening_dateline(line)] == dateline


def test_a_lede_placed_after_another_event_is_open_ended_not_on_the_datelines_day():
    (event,) = events_of("SEOUL, Sept. 12 (Reuters) - Kim will meet Putin after the forum, "
                         "officials said.")
    assert event.open_ended and event.expression == "after the forum"
    assert event.description == "Kim will meet Putin after the forum, officials said."
