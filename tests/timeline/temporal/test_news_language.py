"""News language read the way an analyst reads it (document date Tuesday 2023-09-12)."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Granularity, TimexType
from timeline.temporal import tag

DCT = datetime(2023, 9, 12)  # a Tuesday


def only(text: str, phrase: str):
    """Return the one mention whose text is ``phrase``."""
    found = [m for m in tag(text, DCT) if m.text == phrase]
    assert len(found) == 1, f"{phrase!r} in {text!r}: {[(m.text, m.value) for m in tag(text, DCT)]}"
    return found[0]


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The deal was signed Sept. 12, 2023 in Seoul.", "Sept. 12, 2023", "2023-09-12"),
        ("The deal was signed 12 September 2023 in Seoul.", "12 September 2023", "2023-09-12"),
        ("The deal was signed on 2023-09-12.", "2023-09-12", "2023-09-12"),
        ("The deal was signed Sept. 8 in Seoul.", "Sept. 8", "2023-09-08"),
        ("The vote will take place Sept. 30.", "Sept. 30", "2023-09-30"),
        ("The war ended in December, officials said.", "December", "2022-12"),
        ("The summit will be held in December.", "December", "2023-12"),
        ("Prices rose earlier this year.", "earlier this year", "2023"),
        ("Prices rose last year.", "last year", "2022"),
        ("Elections are due next year.", "next year", "2024"),
        ("Reforms began in the 1990s.", "1990s", "199"),
        ("Output fell in the second quarter.", "the second quarter", "2023-Q2"),
        ("It snowed last winter.", "last winter", "2022-WI"),
        ("The strike began three days ago.", "three days ago", "2023-09-09"),
        ("He spoke yesterday.", "yesterday", "2023-09-11"),
        ("He will speak tomorrow.", "tomorrow", "2023-09-13"),
        ("Officials said today that it ended.", "today", "2023-09-12"),
        ("The talks resume tonight.", "tonight", "2023-09-12TNI"),
        ("He spoke this morning.", "this morning", "2023-09-12TMO"),
        ("The convoy left Monday night.", "Monday night", "2023-09-11TNI"),
        ("Fighting resumed late Wednesday.", "late Wednesday", "2023-09-06TEV"),
        ("Prices rose last week.", "last week", "2023-W36"),
        ("Talks are now under way.", "now", "PRESENT_REF"),
        ("They will meet again in the future.", "the future", "FUTURE_REF"),
    ],
)
def test_dates(text, phrase, value):
    assert only(text, phrase).value == value


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Kim left for Russia on Sunday.", "Sunday", "2023-09-10"),
        ("Japanese media reported on Tuesday that he arrived.", "Tuesday", "2023-09-12"),
        ("The leaders will meet on Thursday.", "Thursday", "2023-09-14"),
        ("The leaders met on Thursday.", "Thursday", "2023-09-07"),
        ("The team is scheduled to arrive Wednesday.", "Wednesday", "2023-09-13"),
        ("They said they would go around Wednesday's ruling.", "Wednesday", "2023-09-06"),
        ("He arrived last Tuesday.", "last Tuesday", "2023-09-05"),
        ("He arrives next Tuesday.", "next Tuesday", "2023-09-19"),
    ],
)
def test_weekdays_follow_the_tense_of_their_clause(text, phrase, value):
    assert only(text, phrase).value == value


def test_later_and_the_next_day_count_from_the_last_time_mentioned():
    text = (
        "The rebels attacked on Aug. 3. The next day they withdrew. Two weeks later they returned."
    )
    next_day = only(text, "The next day")
    assert next_day.value == "2023-08-04"
    assert next_day.anchor == "reference time 2023-08-03 ('Aug. 3')"
    assert only(text, "Two weeks later").value == "2023-W33"
    later = only("In June 1998 it began; later that year it ended.", "later that year")
    assert later.value == "1998"
    assert later.anchor == "reference time 1998-06-01 ('June 1998')"
    assert only("Later that day the talks ended.", "Later that day").anchor == "DCT 2023-09-12"


def test_later_with_nothing_before_it_counts_from_the_dct_as_a_guess():
    later = only("Two days later, police made an arrest.", "Two days later")
    assert (later.value, later.anchor) == ("2023-09-14", "DCT 2023-09-12")
    assert later.confidence <= 0.4
    assert later.explanation == (
        "'Two days later' counts +2D from the DCT 2023-09-12 -> 2023-09-14 "
        "(no earlier time in the text to count from)"
    )


def test_granularity_is_kept():
    year = only("They met in 2019 on his last trip.", "2019")
    assert (year.granularity, year.earliest, year.latest) == (
        Granularity.YEAR,
        datetime(2019, 1, 1),
        datetime(2020, 1, 1),
    )
    month = only("They met in March, he said.", "March")
    assert month.granularity is Granularity.MONTH and month.value == "2023-03"
    early = only("Kim entered Russia early on Tuesday.", "early on Tuesday")
    assert (early.earliest, early.latest) == (datetime(2023, 9, 12), datetime(2023, 9, 12, 12))


@pytest.mark.parametrize(
    ("text", "phrase", "value", "mod"),
    [
        ("He ruled for 12 years in all.", "12 years", "P12Y", None),
        ("The flight took 5 1/2 hours.", "5 1/2 hours", "PT5H30M", None),
        ("It lasted more than a year.", "more than a year", "P1Y", "MORE_THAN"),
        ("Talks lasted about three weeks.", "about three weeks", "P3W", "APPROX"),
        ("A two-day visit.", "two-day", "P2D", None),
        ("Aid must arrive within a week.", "a week", "P1W", None),
    ],
)
def test_durations_are_not_dates(text, phrase, value, mod):
    mention = only(text, phrase)
    assert (mention.type, mention.value, mention.mod) == (TimexType.DURATION, value, mod)
    assert mention.earliest is None and mention.latest is None


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Ferries sail every week.", "every week", "P1W"),
        ("Flights run daily.", "daily", "P1D"),
        ("He visits twice a year.", "twice a year", "P1Y"),
        ("They meet every Monday.", "every Monday", "XXXX-WXX-1"),
    ],
)
def test_sets(text, phrase, value):
    mention = only(text, phrase)
    assert (mention.type, mention.value) == (TimexType.SET, value)


def test_the_past_with_a_count_is_a_duration_not_a_vague_reference():
    mentions = tag("Output fell in the past two months.", DCT)
    assert [(m.text, m.value) for m in mentions] == [("the past two months", "P2M")]


def test_a_rate_needs_a_count():
    mention = only("They spent many hours a day there.", "many hours")
    assert (mention.type, mention.value) == (TimexType.DURATION, "PTXH")


def test_clock_times_hang_on_the_day_last_mentioned():
    mention = only("The blast came Friday at 10:35 a.m. local time.", "10:35 a.m.")
    assert mention.value == "2023-09-08T10:35"
    assert mention.type is TimexType.TIME


@pytest.mark.parametrize(
    "text",
    [
        "The leaders will continue in a one-on-one format.",
        "He may go to Moscow.",
        "Police broke up a protest march in the capital.",
        "The Sunday Times reported the deal.",
        "Some 7,000 troops were sent.",
        "He has made just seven trips abroad.",
        "It will be Kim's second summit with Putin.",
        "Some 2000 people attended.",
        "Prices fall when supply rises.",
        "A 6-year-old boy was rescued.",
    ],
)
def test_no_false_dates(text):
    assert tag(text, DCT) == []


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The governor announced on Sunday that the measures would end.", "Sunday", "2023-09-10"),
        ("Sales fell sharply last month, the company said.", "last month", "2023-08"),
        ("Earlier this year, the council approved the plan.", "Earlier this year", "2023"),
        ("The hearing was held on Sept. 12 in Albany.", "Sept. 12", "2023-09-12"),
        ("Turnout in the 2022 election was high.", "2022", "2022"),
        ("Voters head to the polls in the 2022 midterms.", "2022", "2022"),
        ("The 2019 protests paralyzed Hong Kong.", "2019", "2019"),
        ("The World Cup 2026 will be held in North America.", "2026", "2026"),
        ("Crime dropped steadily in the 1990s.", "1990s", "199"),
        ("The city aims to be carbon neutral by 2030.", "2030", "2030"),
        ("Prices have tripled over the past decade.", "the past decade", "P10Y"),
        ("The talks were held in March for the first time.", "March", "2023-03"),
        (
            "It closed in 2019 and reopened in March of the following year.",
            "March of the following year",
            "2020-03",
        ),
        ("By Friday, the deal should be done.", "Friday", "2023-09-15"),
        ("He should have left on Monday.", "Monday", "2023-09-11"),
        (
            "The storm made landfall around 3 p.m. ET on Tuesday.",
            "3 p.m. ET on Tuesday",
            "2023-09-12T15:00",
        ),
        ("The 911 call came at 9:05 PM.", "9:05 PM", "2023-09-12T21:05"),
        ("He was arrested on Aug. 3. Hours later he was freed.", "Hours later", "2023-08-03"),
        ("He was arrested in June. Days later he was freed.", "Days later", "PAST_REF"),
        ("The museum is open seven days a week.", "seven days a week", "P1W"),
        ("Cyber Monday sales hit a record.", "Cyber Monday", "2022-11-28"),
        ("Good Friday services were held.", "Good Friday", "2023-04-07"),
        ("The festival runs through Sunday.", "Sunday", "2023-09-17"),
        ("The law will take effect in May.", "May", "2024-05"),
        ("The court will hold a hearing at 10 a.m. on Sept. 20.", "10 a.m.", "2023-09-20T10:00"),
        ("Talks start Thursday in Geneva.", "Thursday", "2023-09-14"),
        ("He says he met her on Monday.", "Monday", "2023-09-11"),
        ("The agency expects to finish the review by year's end.", "year's end", "2023"),
        ("The review is expected by the end of 2024.", "the end of 2024", "2024"),
        ("The pilot program starts in the new year.", "the new year", "2024"),
    ],
)
def test_modern_news_sentences(text, phrase, value):
    assert only(text, phrase).value == value


@pytest.mark.parametrize(
    "text",
    [
        "The hotline is staffed 24/7 by volunteers.",
        "COVID-19 cases rose in the state.",
        "She told Fox 5 that she was afraid.",
        "Officials expect 2000 visitors.",
        "It was calm.\nSome 2000 attended the rally.",
        "Crowds joined the annual March for Life.",
        "Fans filled brackets for March Madness.",
        "Candidates campaigned ahead of Super Tuesday.",
        "He appeared on Fox News Sunday.",
        "She hosted Saturday Night Live.",
        "The court issued a 5-4 ruling.",
        "The 9/11 commission issued its report.",
    ],
)
def test_no_false_dates_in_modern_news(text):
    assert tag(text, DCT) == []
