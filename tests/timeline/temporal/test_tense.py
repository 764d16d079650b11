"""The clause tense helpers of ``timeline.temporal.tense``."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.temporal import tag
from timeline.temporal.tense import FUTURE, PAST, PRESENT, clause_tense, governed_by_past


def _at(text: str, phrase: str) -> int:
    return text.index(phrase)


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Its shares fell in August.", "August", True),
        ("Prices rose on July 10.", "July 10", True),
        ("Sales grew in early August.", "early August", True),
        # A participle after "be", "will" or "to" is no past.
        ("The trial will be held in August.", "August", False),
        ("The vote is planned for August.", "August", False),
        # A past verb further off may be reported speech.
        ("He subpoenaed her to testify on Feb. 10.", "Feb. 10", False),
        ("He said the trial was in August.", "August", False),
    ],
)
def test_a_past_verb_governs_only_the_expression_right_after_it(
    text: str, phrase: str, expected: bool
) -> None:
    assert governed_by_past(text, _at(text, phrase)) is expected


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        ("Markets are closed on Wednesday for the holiday.", "Wednesday", PRESENT),
        ("The bridge is closed Friday.", "Friday", PRESENT),
        ("He is accused of killing a man on Saturday.", "Saturday", PAST),
        ("Officials expect the fire to be contained by Friday.", "Friday", FUTURE),
    ],
)
def test_a_passive_present_is_no_past(text: str, phrase: str, expected: str) -> None:
    start = _at(text, phrase)
    assert clause_tense(text, start, start + len(phrase)) == expected


def test_the_explanation_names_a_schedule_in_the_present() -> None:
    (mention,) = tag("Markets are closed on Wednesday.", datetime(2018, 7, 3))
    assert mention.value == "2018-07-04"
    assert "present tense of a schedule" in mention.explanation
