"""Page furniture: time stamps, wire datelines, credits and readers' comments."""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.timeline.summary.test_ranking import event
from timeline.summary.furniture import is_comment, is_stamp, without_stamps


@pytest.mark.parametrize(("sentence", "shown"), [
    ("Page last updated at 07:48 GMT, Tuesday, 8 November 2011 The trial of Dr Murray ended.",
     "The trial of Dr Murray ended."),
    ("24 June 2010 Last updated at 14:59 GMT Help A year on from the death.",
     "A year on from the death."),
    ("Inquiry opens Thursday 13 January 2005 03.10 GMT The US investigators have left Iraq.",
     "Inquiry opens The US investigators have left Iraq."),
    ("WASHINGTON | Tue Apr 21, 2009 10:19 pm BST WASHINGTON (Reuters) - A new flu spread.",
     "A new flu spread."),
    ("CAIRO, Egypt (CNN) -- Thousands of protesters marched.", "Thousands of protesters marched."),
    ("Photograph: Vahid Salemi/AP The two-month deadlock ended.", "The two-month deadlock ended."),
    ("The figures were updated on Monday by the ministry.",
     "The figures were updated on Monday by the ministry."),
])
def test_furniture_is_cut_and_reporting_kept(sentence, shown):
    assert without_stamps(sentence) == shown


def test_a_stamp_is_the_expression_inside_the_stamp_only():
    sentence = "Page last updated at 07:48 GMT, Tuesday, 8 November 2011 The trial opened on Monday."
    day = datetime(2011, 11, 8)
    stamp_start = sentence.index("Tuesday")
    monday = sentence.index("Monday")
    assert is_stamp(event(1, 1, day, sentence, expr_start=stamp_start, expr_end=stamp_start + 24))
    assert not is_stamp(event(2, 1, day, sentence, expr_start=monday, expr_end=monday + 6))


def test_a_readers_comment_is_known_by_its_stamp():
    day = datetime(2009, 4, 29)
    assert is_comment(event(1, 1, day, "At 21:58 29th Apr 2009, Y wrote: cover this story."))
    assert is_comment(event(2, 1, day, "Posted by DJ Welch on April 5, 2005 05:40 PM."))
    assert not is_comment(event(3, 1, day, "The minister wrote: we will act on Monday."))
