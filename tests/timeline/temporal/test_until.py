"""A date that ends a stretch ("up until Thursday", "till Monday", "through March") is
open at its start and ends with that date; a date that says when something happens
("not until Thursday", "postponed until Friday") or ends a range stays the date."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.display import format_event_date
from timeline.events import extract_events
from timeline.model import Article, Mention
from timeline.temporal import tag

FRIDAY = datetime(1998, 8, 7)
THURSDAY = datetime(1998, 8, 6)


def mention(text: str, expression: str) -> Mention:
    [found] = [m for m in tag(text, FRIDAY) if m.text == expression]
    return found


@pytest.mark.parametrize("text, expression, end", [
    ("Fighting went on up until Thursday.", "Thursday", datetime(1998, 8, 7)),
    ("He stayed in the capital until Thursday.", "Thursday", datetime(1998, 8, 7)),
    ("The rally lasted till Monday.", "Monday", datetime(1998, 8, 4)),
    ("The talks went on through Thursday.", "Thursday", datetime(1998, 8, 7)),
    ("The museum will stay closed until Thursday.", "Thursday", datetime(1998, 8, 14)),
    ("He ran the firm until 1990.", "1990", datetime(1991, 1, 1)),
    ("Prices kept rising through March.", "March", datetime(1998, 4, 1)),
])
def test_a_date_that_ends_a_stretch_is_open_at_its_start(text, expression, end):
    found = mention(text, expression)
    assert found.earliest is None and found.latest == end
    assert "open-ended" in found.explanation
    # The TIMEX3 value is still the date the text names.
    assert found.value != ""


@pytest.mark.parametrize("text, expression", [
    ("He did not leave until Thursday.", "Thursday"),
    ("The vote was postponed until Friday.", "Friday"),
    ("They will wait until March to decide.", "March"),
    ("It rained all through 1990.", "1990"),
    ("She was in Paris on Thursday.", "Thursday"),
])
def test_a_date_that_says_when_it_happened_keeps_both_ends(text, expression):
    found = mention(text, expression)
    assert found.earliest is not None and found.latest is not None


def test_the_end_of_a_range_keeps_both_ends():
    mentions = tag("They worked from Monday until Thursday.", FRIDAY)
    assert all(m.earliest is not None for m in mentions)


def test_up_until_thursday_makes_an_open_ended_event_before_the_day_after():
    text = "Fighting went on up until Thursday, when a ceasefire took hold."
    [event] = extract_events(Article(text=text, published=FRIDAY), tag(text, FRIDAY))
    assert event.open_ended
    assert (event.earliest, event.latest) == (None, datetime(1998, 8, 7))
    assert event.title == "Fighting went on"
    assert format_event_date(event) == "open-ended (until Thu 6 Aug 1998)"
    assert event.earliest != THURSDAY


@pytest.mark.parametrize("text, expression", [
    # A deadline, a far end of a range told around a clause, "until now", "lived through".
    ("The relatives have until Tuesday to sign the paper.", "Tuesday"),
    ("The service extended its deadline until Tuesday.", "Tuesday"),
    ("He was in exile from 1968, when the Soviets invaded, until 1989.", "1989"),
    ("None of it would have happened had he lived through that day.", "that day"),
])
def test_deadlines_ranges_and_survival_keep_both_ends(text, expression):
    found = [m for m in tag(text, FRIDAY) if m.text == expression]
    assert found and all(m.earliest is not None for m in found)


def test_until_now_makes_no_event():
    text = "Kopp has until now been described only as a material witness."
    assert extract_events(Article(text=text, published=FRIDAY), tag(text, FRIDAY)) == []
