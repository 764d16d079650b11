"""A title from the second clause of "X did A on <date> and B on <date>" carries
the subject the two clauses share ("Kim left", not "Left")."""

from __future__ import annotations

import pytest

from timeline.events.titles import make_title


def title_for(sentence: str, date: str, *others: str) -> str:
    start = sentence.index(date)
    spans = [(sentence.index(other), sentence.index(other) + len(other)) for other in others]
    return make_title(sentence, start, start + len(date), spans)


@pytest.mark.parametrize("sentence, date, other, title", [
    ("Kim arrived on Monday and left on Wednesday.", "Wednesday", "Monday", "Kim left"),
    ("The strike began on Tuesday and ended yesterday.", "yesterday", "Tuesday",
     "The strike ended"),
    ("Putin arrived in Vladivostok on Monday and is scheduled to attend the forum on "
     "Wednesday.", "Wednesday", "Monday", "Putin is scheduled to attend the forum"),
    ("The council met on Monday and voted on Friday to close the school.", "Friday",
     "Monday", "The council voted to close the school"),
    ("Kim and Putin met on Monday and left on Tuesday.", "Tuesday", "Monday",
     "Kim and Putin left"),
])
def test_the_second_clause_gets_the_shared_subject(sentence, date, other, title):
    assert title_for(sentence, date, other) == title
    # The first clause's title is as it was.
    assert not title_for(sentence, other, date).lower().startswith(title.lower())


def test_no_subject_is_lent_when_the_first_clause_is_unclear_or_has_its_own_next():
    # Two verbs before "and": whose subject would it be, "He" or "officials"?
    assert title_for("He said officials met on Monday and agreed on Friday.", "Friday",
                     "Monday") == "Agreed"
    # The second clause names its own subject.
    assert title_for("The rebels seized the town on Monday and on Tuesday they left.",
                     "Tuesday", "Monday") == "They left"


@pytest.mark.parametrize("sentence, date, title", [
    ("The incidents of Aug. 7 underscore that terrorists know no boundaries.", "Aug. 7",
     "The incidents underscore that terrorists know no boundaries"),
    ("The protest marked a return to the larger demonstrations of early December.",
     "early December", "The protest marked a return to the larger demonstrations"),
])
def test_a_date_leaves_no_dangling_of_behind(sentence, date, title):
    assert title_for(sentence, date) == title


@pytest.mark.parametrize("sentence, title", [
    ("-2+3 was scrawled on the wall on Monday.", "-2+3 was scrawled on the wall on Monday"),
    ("On Monday, -2+3 was scrawled on the wall.", "-2+3 was scrawled on the wall"),
    ("- Kim left on Sunday.", "Kim left on Sunday"),  # a dash before a word is trimmed
    ("Kim left on Sunday --", "Kim left on Sunday"),
])
def test_a_leading_minus_before_a_number_is_kept(sentence, title):
    assert make_title(sentence) == title
