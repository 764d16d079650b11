"""format_span: the date as a person reads it, for every granularity and at the
calendar's awkward places (month and year ends, leap days, before 1970)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.display import format_span
from timeline.model import Granularity


def span(start: str, end: str | None) -> tuple[datetime, datetime | None]:
    return datetime.fromisoformat(start), datetime.fromisoformat(end) if end else None


@pytest.mark.parametrize(
    ("start", "end", "granularity", "mod", "expected"),
    [
        # one day, the seed's days
        ("2023-09-12", "2023-09-13", "day", None, "Tue 12 Sep 2023"),
        ("2023-09-10", "2023-09-11", "day", None, "Sun 10 Sep 2023"),
        # "early on Tuesday": midnight to noon, with or without a TIMEX3 START modifier
        ("2023-09-12T00:00", "2023-09-12T12:00", "part_of_day", None, "Tue 12 Sep 2023, early"),
        ("2023-09-12T00:00", "2023-09-12T12:00", "part_of_day", "START", "Tue 12 Sep 2023, early"),
        ("2023-09-12", "2023-09-13", "day", "START", "Tue 12 Sep 2023, early"),
        ("2023-09-12", "2023-09-13", "day", "late", "Tue 12 Sep 2023, late"),
        ("2023-09-12T06:00", "2023-09-12T12:00", "part_of_day", None, "Tue 12 Sep 2023, morning"),
        ("2023-09-12T12:00", "2023-09-12T18:00", "part_of_day", None, "Tue 12 Sep 2023, afternoon"),
        ("2023-09-12T18:00", "2023-09-12T22:00", "part_of_day", None, "Tue 12 Sep 2023, evening"),
        ("2023-09-12T22:00", "2023-09-13T04:00", "part_of_day", None, "Tue 12 Sep 2023, night"),
        # coarser units
        ("2023-09-01", "2023-10-01", "month", None, "Sep 2023"),
        ("2019-01-01", "2020-01-01", "year", None, "2019"),
        ("2023-07-01", "2023-10-01", "quarter", None, "Q3 2023"),
        ("2023-07-01", "2024-01-01", "half", None, "H2 2023"),
        ("1990-01-01", "2000-01-01", "decade", None, "1990s"),
        ("1900-01-01", "2000-01-01", "century", None, "20th century"),
        ("2000-01-01", "2100-01-01", "century", None, "21st century"),
        ("2023-09-11", "2023-09-18", "week", None, "week of Mon 11 Sep 2023"),
        ("2023-06-01", "2023-09-01", "season", None, "summer 2023"),
        ("2023-12-01", "2024-03-01", "season", None, "winter 2023-24"),
        # clock times
        ("2023-09-12T14:30", "2023-09-12T14:31", "minute", None, "Tue 12 Sep 2023 14:30"),
        ("2023-09-12T14:00", "2023-09-12T15:00", "hour", None, "Tue 12 Sep 2023 14:00"),
        ("2023-09-12T14:30:05", "2023-09-12T14:30:06", "second", None, "Tue 12 Sep 2023 14:30:05"),
        # runs of units
        ("2023-09-12", "2023-09-15", "day", None, "12-14 Sep 2023"),
        ("2023-09-30", "2023-10-03", "day", None, "30 Sep-2 Oct 2023"),
        ("2023-12-30", "2024-01-03", "day", None, "30 Dec 2023-2 Jan 2024"),
        ("2023-09-01", "2023-12-01", "month", None, "Sep-Nov 2023"),
        ("2023-11-01", "2024-02-01", "month", None, "Nov 2023-Jan 2024"),
        ("2019-01-01", "2022-01-01", "year", None, "2019-2021"),
        ("2023-09-12T14:00", "2023-09-12T17:00", "hour", None, "Tue 12 Sep 2023 14:00-17:00"),
        ("2023-09-12T22:00", "2023-09-13T00:00", "hour", None, "Tue 12 Sep 2023 22:00-00:00"),
        ("2023-09-12T22:00", "2023-09-13T02:00", "hour", None,
         "Tue 12 Sep 2023 22:00 - Wed 13 Sep 2023 02:00"),
        # ends that do not fall on the stated unit: shown as what they are, not widened
        ("2023-09-12", "2023-09-14", "month", None, "12-13 Sep 2023"),
        ("2023-09-01", "2023-09-15", "month", None, "1-14 Sep 2023"),
        ("2023-09-12T03:17", "2023-09-14T05:02", "unknown", None,
         "Tue 12 Sep 2023 03:17 - Thu 14 Sep 2023 05:02"),
        # modifiers on coarse dates read before them
        ("2019-01-01", "2020-01-01", "year", "early", "early 2019"),
        ("1990-01-01", "2000-01-01", "decade", "MID", "mid 1990s"),
        ("2023-09-01", "2023-10-01", "month", "END", "late Sep 2023"),
        ("2019-01-01", "2020-01-01", "year", "APPROX", "about 2019"),
        ("2019-01-01", "2020-01-01", "year", "before", "before 2019"),
        ("2019-01-01", "2020-01-01", "year", "ON_OR_AFTER", "2019 or later"),
        ("2019-01-01", "2020-01-01", "year", "LESS_THAN", "2019"),  # a duration's mod: ignored
    ],
)
def test_reads_like_a_person_writes_it(start, end, granularity, mod, expected):
    earliest, latest = span(start, end)
    assert format_span(earliest, latest, granularity, mod) == expected


@pytest.mark.parametrize(
    ("start", "end", "granularity", "expected"),
    [
        # leap days and the days around them
        ("2024-02-29", "2024-03-01", "day", "Thu 29 Feb 2024"),
        ("2024-02-28", "2024-03-02", "day", "28 Feb-1 Mar 2024"),
        ("2023-02-28", "2023-03-02", "day", "28 Feb-1 Mar 2023"),
        ("2000-02-29", "2000-03-01", "day", "Tue 29 Feb 2000"),
        ("2024-02-01", "2024-03-01", "month", "Feb 2024"),
        ("2023-02-01", "2023-03-01", "month", "Feb 2023"),
        # month and year ends
        ("2023-01-31", "2023-02-01", "day", "Tue 31 Jan 2023"),
        ("2023-12-31", "2024-01-01", "day", "Sun 31 Dec 2023"),
        ("2023-12-01", "2024-01-01", "month", "Dec 2023"),
        ("2023-10-01", "2024-01-01", "quarter", "Q4 2023"),
        ("2023-12-31T23:59", "2024-01-01T00:00", "minute", "Sun 31 Dec 2023 23:59"),
        ("2023-12-31T23:00", "2024-01-01T00:00", "hour", "Sun 31 Dec 2023 23:00"),
        # before 1970 (the Unix epoch) and long before
        ("1969-12-31", "1970-01-01", "day", "Wed 31 Dec 1969"),
        ("1969-07-20T20:17", "1969-07-20T20:18", "minute", "Sun 20 Jul 1969 20:17"),
        ("1945-05-08", "1945-05-09", "day", "Tue 8 May 1945"),
        ("1815-06-18", "1815-06-19", "day", "Sun 18 Jun 1815"),
        ("1066-01-01", "1067-01-01", "year", "1066"),
        ("0800-01-01", "0900-01-01", "century", "9th century"),
        ("1960-01-01", "1970-01-01", "decade", "1960s"),
        ("1899-12-31", "1900-01-02", "day", "31 Dec 1899-1 Jan 1900"),
    ],
)
def test_calendar_edges(start, end, granularity, expected):
    earliest, latest = span(start, end)
    assert format_span(earliest, latest, granularity) == expected


def test_open_ended_spans_name_the_end_that_is_known():
    assert format_span(datetime(2023, 9, 12), None, Granularity.DAY) == (
        "open-ended (after Tue 12 Sep 2023)")
    # No start: the end is named as the last unit taken in ("up until 2018").
    assert format_span(None, datetime(2019, 1, 1), Granularity.YEAR) == (
        "open-ended (until 2018)")
    assert format_span(None, datetime(1998, 8, 7), Granularity.DAY) == (
        "open-ended (until Thu 6 Aug 1998)")
    assert format_span(None, datetime(1998, 8, 7, 12), Granularity.DAY) == (
        "open-ended (before Fri 7 Aug 1998 12:00)")
    assert format_span(None, None, Granularity.UNKNOWN) == "open-ended"
    assert format_span(None, None, Granularity.UNKNOWN, expression="after the forum") == (
        "open-ended (after the forum)")


def test_granularity_may_be_the_enum_or_its_text():
    earliest, latest = span("2023-09-01", "2023-10-01")
    assert format_span(earliest, latest, Granularity.MONTH) == format_span(earliest, latest, "month")
    assert format_span(earliest, latest, "no-such-granularity") == "Sep 2023"


def test_a_point_or_a_backward_span_shows_its_start():
    moment = datetime(2023, 9, 12, 14, 30)
    assert format_span(moment, moment, "unknown") == "Tue 12 Sep 2023 14:30"
    assert format_span(moment, moment - timedelta(hours=1), "day") == "Tue 12 Sep 2023 14:30"


@pytest.mark.parametrize("granularity", list(Granularity))
def test_the_first_and_last_moments_a_datetime_holds_get_labels(granularity):
    # A point on the calendar's last minute, or an end at its first moment, used to be
    # shifted past what a datetime holds (OverflowError in the review table and exports).
    last = datetime.max
    assert format_span(last, last, granularity) == "Fri 31 Dec 9999 23:59:59"
    assert format_span(datetime(9999, 12, 31, 23, 59), last, granularity, "START")
    assert format_span(None, datetime.min, granularity, "BEFORE").startswith(
        "open-ended (before Mon 1 Jan 1")


def test_labels_do_not_depend_on_the_locale(monkeypatch):
    import locale

    try:
        locale.setlocale(locale.LC_TIME, "de_DE.UTF-8")
    except locale.Error:
        pytest.skip("no German locale on this machine")
    try:
        assert format_span(*span("2023-03-01", "2023-03-02"), "day") == "Wed 1 Mar 2023"
    finally:
        locale.setlocale(locale.LC_TIME, "C")


@settings(max_examples=300, deadline=None)
@given(
    day=st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9998, 12, 1)).map(
        lambda moment: moment.replace(hour=0, minute=0, second=0, microsecond=0)),
    days=st.integers(min_value=1, max_value=60),
)
def test_any_run_of_days_names_its_first_and_last_day(day, days):
    label = format_span(day, day + timedelta(days=days), Granularity.DAY)
    last = day + timedelta(days=days - 1)
    assert str(last.year) in label and str(last.day) in label and str(day.day) in label
    if days == 1:
        assert label.split()[0] in ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
    else:
        assert label.endswith(str(last.year)) and "-" in label


@settings(max_examples=300, deadline=None)
@given(
    # Early enough that earliest + length (up to 4000 days) stays inside the calendar.
    earliest=st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9987, 1, 1)),
    length=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=4000)),
    granularity=st.sampled_from(list(Granularity)),
    mod=st.sampled_from([None, "START", "MID", "END", "APPROX", "BEFORE", "AFTER", "weird"]),
)
def test_every_interval_gets_a_nonempty_one_line_label(earliest, length, granularity, mod):
    label = format_span(earliest, earliest + length, granularity, mod)
    assert label and "\n" not in label and "None" not in label


@settings(max_examples=400, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9998, 1, 1)),
    granularity=st.sampled_from([Granularity.DAY, Granularity.MONTH, Granularity.YEAR,
                                 Granularity.HOUR, Granularity.MINUTE]),
)
def test_the_quick_path_for_whole_units_agrees_with_the_general_one(moment, granularity):
    from timeline import calendar, display

    start, end = calendar.unit_bounds(moment, granularity)
    quick = display._one_whole_unit_label(start, end, granularity)
    assert quick is not None
    assert quick == display._interval_label(start, end, granularity)
    # one microsecond off either end is not a whole unit any more
    assert display._one_whole_unit_label(start, end + timedelta(microseconds=1), granularity) is None


def test_an_events_date_drops_the_taggers_modifier_once_the_analyst_corrected_it():
    from timeline.display import format_event_date
    from timeline.model import Event, Status

    early = Event(title="Kim enters Russia", description="...", char_start=0, char_end=3,
                  expression="early on Tuesday", expr_start=0, expr_end=16, timex_type="DATE",
                  timex_value="2023-09-12", mod="START", earliest=datetime(2023, 9, 12),
                  latest=datetime(2023, 9, 13), granularity=Granularity.DAY, confidence=0.8,
                  explanation="")
    assert format_event_date(early) == "Tue 12 Sep 2023, early"
    from dataclasses import replace

    corrected = replace(early, status=Status.CORRECTED, earliest=datetime(2023, 9, 11),
                        latest=datetime(2023, 9, 12))
    assert format_event_date(corrected) == "Mon 11 Sep 2023"
    forum = replace(early, expression="after the forum", earliest=None, latest=None,
                    granularity=Granularity.UNKNOWN, mod=None)
    assert format_event_date(forum) == "open-ended (after the forum)"


@pytest.mark.parametrize(
    ("expression", "shown"),
    [
        ("Friday morning", "Fri 7 Aug 1998, morning"),  # TIMEX3 TMO is the same half day
        ("early on Friday", "Fri 7 Aug 1998, early"),
        (None, "Fri 7 Aug 1998, early"),
    ],
)
def test_a_half_day_keeps_the_articles_word_for_it(expression, shown):
    assert format_span(datetime(1998, 8, 7), datetime(1998, 8, 7, 12), "part_of_day",
                       expression=expression) == shown


@pytest.mark.parametrize("value, mod, expected", [
    # The part of a decade, century, year or month is named by the word and the whole
    # unit ("late 1980s"), not by the part's own bounds ("late 1987-1989").
    ("198", "END", "late 1980s"),
    ("198", "START", "early 1980s"),
    ("198", "MID", "mid 1980s"),
    ("19", "END", "late 20th century"),
    ("2019", "START", "early 2019"),
    ("2023-11", "END", "late Nov 2023"),
    ("2023-Q3", "END", "late Q3 2023"),
    ("2023-09-12", "START", "Tue 12 Sep 2023, early"),
])
def test_a_part_of_a_unit_reads_as_the_word_and_the_unit(value, mod, expected):
    from timeline.temporal.timex import span_from_value

    part = span_from_value(value, mod)
    assert part is not None
    assert format_span(part.earliest, part.latest, part.granularity, mod) == expected
    # Without its modifier the same span shows its own bounds.
    assert "early" not in format_span(part.earliest, part.latest, part.granularity)


@pytest.mark.parametrize(("mod", "expected"), [
    (" Start ", "early Sep 2023"), ("end", "late Sep 2023"),
    ("on-or-before", "Sep 2023 or earlier"), ("On_Or_After", "Sep 2023 or later"),
    ("", "Sep 2023"), ("weird", "Sep 2023")])
def test_modifiers_read_the_same_in_any_spelling_on_a_whole_unit(mod, expected):
    assert format_span(datetime(2023, 9, 1), datetime(2023, 10, 1), "month", mod) == expected


def test_a_part_of_a_unit_in_any_spelling_names_the_part():
    part = (datetime(2023, 9, 1), datetime(2023, 9, 11), "month")
    assert format_span(*part, " START") == format_span(*part, "start") == "early Sep 2023"
    assert format_span(*part, "Mid") == "mid Sep 2023"
