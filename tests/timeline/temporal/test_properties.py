"""Property tests: the tagger takes any text and any document date."""

from __future__ import annotations

from datetime import datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.temporal import parse_user_date, tag
from timeline.temporal.timex import is_valid_value

# Words the rules react to, so generated texts reach the resolvers, not only the regexes.
VOCABULARY = [
    "Monday",
    "Sunday",
    "early",
    "late",
    "on",
    "last",
    "next",
    "this",
    "week",
    "weekend",
    "month",
    "year",
    "years",
    "ago",
    "later",
    "the",
    "next",
    "day",
    "that",
    "Sept.",
    "12",
    "2019",
    "1990s",
    "May",
    "March",
    "fall",
    "spring",
    "three",
    "a",
    "more than",
    "every",
    "daily",
    "now",
    "future",
    "after the summit",
    "today",
    "tonight",
    "yesterday",
    "morning",
    "night",
    "10:35",
    "a.m.",
    "Christmas",
    "Thanksgiving",
    "quarter",
    "first",
    "half",
    "century",
    "19th",
    "will",
    "said",
    "31",
    "Feb.",
    "29",
    ",",
    ".",
    "\n",
    "-",
    "'s",
    "9999",
    "0001",
    "1/2",
    "hours",
    "decade",
    "the following",
    "the 3rd",
    "'80s",
    "Q1",
    "about",
    "earlier",
]
texts = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(VOCABULARY), max_size=40).map(" ".join),
)
dcts = st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59))


@settings(max_examples=400, deadline=None)
@given(text=texts, dct=dcts)
def test_tag_never_raises_and_keeps_its_promises(text, dct):
    mentions = tag(text, dct)
    previous_end = 0
    for mention in mentions:
        assert previous_end <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        previous_end = mention.end
        if mention.earliest is not None and mention.latest is not None:
            assert mention.earliest < mention.latest
        assert is_valid_value(mention.value), mention
        assert 0 <= mention.confidence <= 1
        assert mention.explanation and mention.anchor


@settings(max_examples=200, deadline=None)
@given(text=texts, anchor=dcts)
def test_parse_user_date_never_raises(text, anchor):
    span = parse_user_date(text, anchor)
    if span is not None and span.earliest is not None and span.latest is not None:
        assert span.earliest < span.latest


EDGE_PHRASES = [
    "next year",
    "last year",
    "next week",
    "tomorrow",
    "yesterday",
    "three years ago",
    "next month",
    "Christmas",
    "next fall",
    "last winter",
    "the next day",
    "2 days later",
    "next Monday",
    "last Monday",
    "in the spring",
    "Dec. 31",
    "in January",
    "this weekend",
    "next quarter",
    "last decade",
    "the 1990s",
    "Feb. 29",
]


def test_the_ends_of_the_calendar():
    # Counting past 9999 or before year 1 drops the expression instead of raising.
    for dct in (datetime(9999, 12, 31, 23, 59), datetime(1, 1, 1)):
        for phrase in EDGE_PHRASES:
            for mention in tag(f"They met {phrase}.", dct):
                assert is_valid_value(mention.value), (dct, phrase, mention.value)
                if mention.is_anchored:
                    assert mention.earliest < mention.latest
