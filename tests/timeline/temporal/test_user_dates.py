"""What an analyst types in the date editor becomes an interval with its granularity."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Granularity
from timeline.temporal import parse_user_date
from timeline.temporal.user_dates import ReversedRangeError, read_published_date, read_user_date

ANCHOR = datetime(2023, 9, 12)


@pytest.mark.parametrize(
    ("typed", "earliest", "latest", "granularity"),
    [
        (
            "12 Sep 2023 morning",
            datetime(2023, 9, 12),
            datetime(2023, 9, 12, 12),
            Granularity.PART_OF_DAY,
        ),
        ("2019", datetime(2019, 1, 1), datetime(2020, 1, 1), Granularity.YEAR),
        ("March 2020", datetime(2020, 3, 1), datetime(2020, 4, 1), Granularity.MONTH),
        (
            "2023-09-12 14:30",
            datetime(2023, 9, 12, 14, 30),
            datetime(2023, 9, 12, 14, 31),
            Granularity.MINUTE,
        ),
        ("10-12 Sep 2023", datetime(2023, 9, 10), datetime(2023, 9, 13), Granularity.DAY),
        ("Sept. 10, 2023", datetime(2023, 9, 10), datetime(2023, 9, 11), Granularity.DAY),
        ("last Tuesday", datetime(2023, 9, 5), datetime(2023, 9, 6), Granularity.DAY),
        ("the 1990s", datetime(1990, 1, 1), datetime(2000, 1, 1), Granularity.DECADE),
        ("2023-09-12", datetime(2023, 9, 12), datetime(2023, 9, 13), Granularity.DAY),
        ("12.09.2023", datetime(2023, 12, 9), datetime(2023, 12, 10), Granularity.DAY),
        ("Sept 10 - 12, 2023", datetime(2023, 9, 10), datetime(2023, 9, 13), Granularity.DAY),
        (
            "12 September 2023 14:30",
            datetime(2023, 9, 12, 14, 30),
            datetime(2023, 9, 12, 14, 31),
            Granularity.MINUTE,
        ),
        ("on 12 Sep 2023", datetime(2023, 9, 12), datetime(2023, 9, 13), Granularity.DAY),
        ("from 3 to 5 Sep 2023", datetime(2023, 9, 3), datetime(2023, 9, 6), Granularity.DAY),
        ("between 3 and 5 Sep 2023", datetime(2023, 9, 3), datetime(2023, 9, 6),
         Granularity.DAY),
        ("3 Sep 2023 to 5 Oct 2023", datetime(2023, 9, 3), datetime(2023, 10, 6),
         Granularity.DAY),
        ("2023-09-12 to 2023-09-14", datetime(2023, 9, 12), datetime(2023, 9, 15),
         Granularity.DAY),
        # The first end borrows the second's year; the range is as coarse as its ends.
        ("March to May 2020", datetime(2020, 3, 1), datetime(2020, 6, 1), Granularity.MONTH),
        ("from 2019 to 2021", datetime(2019, 1, 1), datetime(2022, 1, 1), Granularity.YEAR),
        ("2019 to March 2020", datetime(2019, 1, 1), datetime(2020, 4, 1), Granularity.YEAR),
    ],
)
def test_typed_dates(typed, earliest, latest, granularity):
    span = parse_user_date(typed, ANCHOR)
    assert span is not None, typed
    assert (span.earliest, span.latest, span.granularity) == (earliest, latest, granularity)


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "   ",
        "soon-ish",
        "12 years",
        "every Monday",
        "31 Feb 2023",
        "2023-13-01",  # not read as 13 January
        "2023-02-30",
        "12-10 Sep 2023",  # a range that ends before it starts
        "5 Sep 2023 to 3 Sep 2023",  # likewise, with two full dates
        "3 Sep 2023 to whenever",  # one end is no date
        "Sept. 12 and more",  # a date with words the editor cannot place
    ],
)
def test_not_a_date(typed):
    assert parse_user_date(typed, ANCHOR) is None


@pytest.mark.parametrize("typed, named", [
    ("from 12 Sep until 11 Sep", "“11 Sep” comes before “12 Sep”"),
    ("12 Sep 2023 - 11 Sep 2023", "“11 Sep 2023” comes before “12 Sep 2023”"),
    ("May to March 2020", "“March 2020” comes before “May”"),
    ("12-11 Sep 2023", "“12-11 Sep 2023” ends before it starts"),
])
def test_a_reversed_range_is_refused_with_why(typed, named):
    with pytest.raises(ReversedRangeError) as refused:
        read_user_date(typed, ANCHOR)
    assert named in str(refused.value)
    assert parse_user_date(typed, ANCHOR) is None  # still no interval for it


def test_a_forward_range_and_a_weekday_pair_are_no_reversed_range():
    assert read_user_date("11 Sep to 12 Sep", ANCHOR) is not None
    # Which Friday is meant is a guess; not the analyst's slip to point out.
    read_user_date("from Monday to Friday", ANCHOR)


@pytest.mark.parametrize("typed, published", [
    ("2023-03-05", datetime(2023, 3, 5)), ("2023-03-05T08:30", datetime(2023, 3, 5, 8, 30)),
    ("5 Mar 2023", datetime(2023, 3, 5)), ("March 5, 2023", datetime(2023, 3, 5)),
    ("25/12/2023", datetime(2023, 12, 25)),
])
def test_a_publication_date_is_read_as_iso_or_as_written(typed, published):
    assert read_published_date(typed, ANCHOR) == published


@pytest.mark.parametrize("typed, why", [
    ("sometime soon", "give the year"), ("12/09/2023", "either way round"),
    ("2023-13-01", "use YYYY-MM-DD"), ("next week", "give the year"),
    ("5 March", "give the year"),
])
def test_a_publication_date_not_read_says_why_in_one_line(typed, why):
    with pytest.raises(ValueError) as refused:
        read_published_date(typed, ANCHOR)
    assert why in str(refused.value) and "\n" not in str(refused.value)
