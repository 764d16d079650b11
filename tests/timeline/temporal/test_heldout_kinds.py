"""Kinds of expression that news the tagger was not built on uses often (issue 10), each
with sentences written for it: the expression in [brackets], its TIMEX3 value after
``=>`` ("none": nothing is tagged there), read against the document date given first.

The sentences are the language's, not a corpus's: the values follow the TimeML 1.2.1
guidelines (two-digit ISO weeks, decades as "197", the determiner and the modifier kept
in the extent, a possessive "'s" left out).
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.timeline.temporal.sentence_cases import check_sentence
from timeline.model import TimexType
from timeline.temporal import tag

TUESDAY = "2023-09-12"  # the CLI example's publication day


def _cases(dct: str, *lines: str) -> list[tuple[str, str]]:
    return [(dct, line) for line in lines]


# 1. Financial reporting time.
FINANCIAL = _cases(
    "2023-10-20",
    "The bank reported [third-quarter] earnings on Friday. => 2023-Q3",
    "[Third-quarter] profit fell 5% from a year earlier. => 2023-Q3",
    "Third-quarter profit fell 5% from [a year earlier]. => 2022-Q3",
    "Net income in the third quarter rose from [the year-earlier period]. => 2022-Q3",
    "Sales in the second quarter fell from [the same period last year]. => 2022-Q2",
    "Revenue fell 3% from [the year-ago quarter]. => 2022-Q3",
    "Third-quarter income fell to $3 billion from $3.3 billion [a year ago]. => 2022-Q3",
    "Revenue in [the latest quarter] rose 3%. => 2023-Q3",
    "Revenue in [the most recent quarter] rose 3%. => 2023-Q3",
    "Sales rose in [the first half]. => 2023-H1",
    "Profit fell sharply in [fiscal 1989]. => 1989",
    "The loss widened in [fiscal 2022]. => 2022",
    "[The current fiscal year] ends in March. => 2023",
    "Costs will rise in [the current quarter]. => 2023-Q4",
    "[This year's second quarter] was weak. => 2023-Q2",
    "Earnings for [the nine months] ended Sept. 30 rose 4%. => P9M",
    "Orders in [the fourth quarter of 2022] fell. => 2022-Q4",
    "Margins improved in [the second half of last year]. => 2022-H2",
    "Sales grew in [last year's fourth quarter]. => 2022-Q4",
    "Shares rose after [second-quarter] results. => 2023-Q2",
)
FINANCIAL += _cases(
    "2024-01-25",
    "The company said [fourth-quarter] revenue rose. => 2023-Q4",
    "Its [fourth-quarter] profit will be reported next month. => 2023-Q4",
)

# 2. Vague references.
VAGUE = _cases(
    TUESDAY,
    "The minister [recently] resigned. => PAST_REF",
    "[Recent] polls show a tie. => PAST_REF",
    "Until [recently], the plant was idle. => PAST_REF",
    "Clashes grew in [recent days]. => PAST_REF",
    "Prices have soared in [recent years]. => PAST_REF",
    "Prices will rise in [the coming months]. => FUTURE_REF",
    "Talks are expected in [the coming weeks]. => FUTURE_REF",
    "The plant is [now] operating. => PRESENT_REF",
    "He had [previously] worked in Seoul. => none",
    "The [former] minister spoke. => none",
)

# 3. Years.
YEARS = _cases(
    TUESDAY,
    "He was born in [nineteen ninety-six]. => 1996",
    "The war ended in [nineteen forty-five]. => 1945",
    "The firm was founded in [two thousand and eight]. => 2008",
    "Iraq's [1990] invasion of Kuwait ended badly. => 1990",
    "He recalled that [1978] resolution. => 1978",
    "The [1995] accord still holds. => 1995",
    "He served as mayor in [2009]-2010. => 2009",
    "He served as mayor in 2009-[2010]. => 2010",
    "The [1957]-58 season was long. => 1957",
    "The 1957-[58] season was long. => 1958",
    "The poet, who won the prize in [1953] has died. => 1953",
    "It happened in [1953] as the war ended. => 1953",
    "He sold [1953 shares] last year. => none",
    "Some [2000 people] marched. => none",
    "[Nineteen people] died in the fire. => none",
    "About [two thousand] marched. => none",
    # A year as the subject of its sentence, or named by a possessive.
    "Iran attacked again.\n\n[1987] saw a new wave of attacks. => 1987",
    "[1999] was a good year for the firm. => 1999",
    "Fighting grew, making [1985] the bloodiest year. => 1985",
    "The army grew from [1981]'s 500,000 soldiers. => 1981",
    "[1500] died in the floods. => none",
    "[1500] were killed. => none",
    "The revolt lasted from [499] to 493 BC. => BC0499",
    "The revolt ([499]-493 BC) failed. => BC0499",
    # "twenty-two" is a number; a year in words has two parts ("twenty twenty-two").
    "Britain, China and [twenty-two] smaller states signed. => none",
)

# 4. TimeML 1.2.1 conventions.
CONVENTIONS = _cases(
    "2024-02-14",
    "Prices rose [last week]. => 2024-W06",
    "The vote is [next week]. => 2024-W08",
) + _cases(
    TUESDAY,
    "Reforms began in the [1970s]. => 197",
    "It peaked in the [early 1980s]. => 198",
    "It was a hit in the ['80s]. => 198",
    "Flights run [daily] to Beijing. => P1D",
    "The report is published [annually]. => P1Y",
    "The talks lasted [nearly forty years]. => P40Y",
    "It took [about three weeks]. => P3W",
    "Earnings for [the nine months] rose. => P9M",
    "He left [late yesterday]. => 2023-09-11TEV",
    "It ran on the front of [Friday]'s edition. => 2023-09-08",
    "[Tuesday]'s vote was close. => 2023-09-12",
    # "the past year", "the last week": the stretch up to now, the determiner in the extent;
    # "the last year of the war" is that war's year, not the one before the DCT.
    "Exports doubled over [the past decade]. => P10Y",
    "He has been in Paris for [the last week]. => P1W",
    "Output fell over [the last year]. => P1Y",
    "Prices rose last week; they fell in [the past month] too. => P1M",
    "He died in [the last year] of the war. => P1Y",
    "The army held out for [the last month] of World War II. => P1M",
    "[This decade] will be hot. => 202",
)

# 5. Rates are not dates: an amount per unit or a "quarterly" dividend is a recurrence
# (SET), never a date or a length of time.
RATES = _cases(
    TUESDAY,
    "He was paid $2 million [a year]. => P1Y",
    "The plant makes 500 cars [a day]. => P1D",
    "Rents rose 5% [a month]. => P1M",
    "Subscribers pay $10 [per month]. => P1M",
    "The firm paid a [quarterly] dividend. => P3M",
    "The [daily] newspaper said so. => P1D",
    "Its [annual] report came out. => none",
    "It took [a year] to build. => P1Y",
)


# 6. Narrative anchoring: a story told in another year than the DCT's.
NARRATIVE = _cases(
    TUESDAY,
    "In 1941, Germany invaded the Soviet Union. In [June], its armies crossed the border. => 1941-06",
    "The war began on September 1, 1939. On [September 17], the Soviets invaded. => 1939-09-17",
    "In 1941, the siege began. [Two years later] it was lifted. => 1943",
    "The army landed in May 1940. By [the end of the month] it had withdrawn. => 1940-05",
    "In 1942 the offensive stalled. The army planned to attack in [July]. => 1942-07",
    "In 1942 the navy regrouped. Both plans started in [July]. => 1942-07",
    "In 1918 the front broke. In the last week of [August] the army retreated. => 1918-08",
    "In 1944 the city fell. In [the summer] the army advanced. => 1944-SU",
    "In early 1941 the siege began. By [the end of March] it was over. => 1941-03",
    "In 490 BC, the Persians landed. In [September] they were beaten. => BC0490-09",
    "The firm was founded in 1998. Yesterday it said that in [March] sales fell. => 2023-03",
    "Poland was invited in July 1997 and will join NATO on [March 12]. => 2024-03-12",
    "He was convicted in the Dec. 21, 1988, bombing and agreed in [April] to testify. => 2023-04",
    "Sales have risen since 1990. Profits fell in [December]. => 2022-12",
    # A year mentioned in passing is background, not a story the text goes on telling.
    "The company was founded in 1987. Its shares fell in [August] after weak results. => 2023-08",
    "Smith, who founded the firm in 1987, died in [March]. => 2023-03",
    "The war ended in 1975. In 1976, the country was unified. In [July], ... => 1976-07",
    "On 10 March 1975 the town fell, exposed for a campaign in 1976. On [11 March] it broke."
    " => 1975-03-11",
    "The revolution came to power 41 years ago. He was found on [Nov. 25] at sea. => 2022-11-25",
    # A later paragraph in the present leaves the story; a quotation in it does not.
    "Castro won on Jan. 1, 1959.\n\nHis rivals are fighting on. A boat sank in [late November]."
    " => 2022-11",
    "In 1918 the army fell back.\n\nHe said: \"It has deteriorated.\" On [12 September] it"
    " broke. => 1918-09-12",
    # The year's or the month's edge, a season after another or after "that same".
    "In 1944 the city fell. [Late in the year] the army advanced. => 1944",
    "Sales will rise [late in the year]. => 2023",
    "The city fell on 19 October 1950. At [month's end], the army held it. => 1950-10",
    "In 1944 the army entered Rome. By [year's end] it held Florence. => 1944",
    "Saigon fell in 1975; Laos fell that same [spring]. => 1975-SP",
    "In 1919 he spent the spring and [summer] organizing an army. => 1919-SU",
    "In 1938 the front broke. Eight days before [the new year], Franco attacked. => 1939",
    # A month's name inside a name is no month: the Long March, a march to the sea.
    "In 1934 the Red Army began the Long [March] to the north. => none",
    "Sherman's army began its [March] to the Sea in 1864. => none",
    "The Women's [March] on Versailles came in 1789. => none",
    "Sales fell in [March] to the lowest level. => 2023-03",
    "Output fell in [March] to Sea levels. => 2023-03",
)

# 7. Found by trying the command line (publication date Tue 12 Sep 2023).
CLI = _cases(
    TUESDAY,
    "The talks lasted from Monday to [Wednesday]. => 2023-09-06",
    "The talks lasted from [Monday] to Wednesday. => 2023-09-04",
    "The talks will run from [Monday] to Wednesday. => 2023-09-18",
    "The talks will run from Monday to [Wednesday]. => 2023-09-20",
    "Prices rose [earlier this month]. => 2023-09",
    "The shop reopened [this weekend]. => 2023-W36-WE",
    "The shop will reopen [this weekend]. => 2023-W37-WE",
    "Sales have grown since [2019]. => 2019",
    "Troops will leave by [the end of the year]. => 2023",
    "The blast came at [10:35 a.m.] (0735 GMT). => 2023-09-12T10:35",
    "The blast came at 10:35 a.m. ([0735 GMT]). => none",
)

# Tense read from the finite verb, not from a participle naming a plan ("a service
# planned for Saturday was canceled" looks back; with no verb the plan looks ahead).
TENSE = _cases(
    TUESDAY,
    "A memorial service planned at the university for [Saturday] was canceled. => 2023-09-09",
    "The rally scheduled for [Friday] was called off. => 2023-09-08",
    "A memorial service planned for [Saturday] will go ahead. => 2023-09-16",
    "Talks planned for [Friday]. => 2023-09-15",
    "The vote is scheduled for [Friday]. => 2023-09-15",
)

ALL = FINANCIAL + VAGUE + YEARS + CONVENTIONS + RATES + NARRATIVE + CLI + TENSE


@pytest.mark.parametrize(("dct", "case"), ALL, ids=[f"{d} {c}" for d, c in ALL])
def test_kind(dct: str, case: str):
    check_sentence(dct, case)


def _one(text: str, phrase: str, dct: str = TUESDAY):
    found = [m for m in tag(text, datetime.fromisoformat(dct)) if m.text == phrase]
    assert len(found) == 1, [(m.text, m.value) for m in tag(text, datetime.fromisoformat(dct))]
    return found[0]


def test_earlier_this_month_ends_on_the_publication_day():
    mention = _one("Prices rose earlier this month.", "earlier this month")
    assert (mention.earliest, mention.latest) == (datetime(2023, 9, 1), datetime(2023, 9, 13))


def test_later_this_month_starts_on_the_publication_day():
    mention = _one("Prices will rise later this month.", "later this month")
    assert (mention.earliest, mention.latest) == (datetime(2023, 9, 12), datetime(2023, 10, 1))


def test_since_opens_a_span_up_to_the_publication_day():
    mention = _one("Sales have grown since 2019.", "2019")
    assert (mention.earliest, mention.latest) == (datetime(2019, 1, 1), datetime(2023, 9, 13))
    assert "since" in mention.explanation


def test_by_the_end_of_the_year_runs_from_the_publication_day():
    mention = _one("Troops will leave by the end of the year.", "the end of the year")
    assert (mention.earliest, mention.latest) == (datetime(2023, 9, 12), datetime(2024, 1, 1))


def test_a_range_of_weekdays_runs_forwards():
    mentions = tag("The talks lasted from Monday to Wednesday.", datetime(2023, 9, 12))
    first, last = (m for m in mentions if m.text in ("Monday", "Wednesday"))
    assert first.earliest < last.earliest


def test_a_clock_time_with_its_gmt_time_records_the_offset():
    # The value keeps the local time the text gives (as TimeML does); the offset to UTC
    # read from the GMT time beside it is kept in the explanation. The GMT time is the
    # same moment, so it makes no second mention (nor a second event).
    mentions = tag("The blast came at 10:35 a.m. (0735 GMT).", datetime(2023, 9, 12))
    (local,) = mentions
    assert local.value == "2023-09-12T10:35"
    assert "UTC+03:00" in local.explanation


def test_a_day_the_storys_year_lacks_is_still_read():
    # 2007 had no February 29: the date is read against the DCT (2009) instead of lost.
    mentions = tag("In 2007 the surge began. On February 29 it was extended.", datetime(2009, 12, 19))
    assert [m.value for m in mentions] == ["2007", "2008-02-29"]


def test_a_rate_makes_no_date():
    text = "He was paid $2 million a year and a quarterly bonus, 500 cars a day."
    mentions = tag(text, datetime(2023, 9, 12))
    assert [m.text for m in mentions] == ["a year", "quarterly", "a day"]
    assert all(m.type is TimexType.SET and not m.is_anchored for m in mentions)


def test_a_length_of_time_is_no_rate():
    (mention,) = tag("It took a year to build.", datetime(2023, 9, 12))
    assert mention.type is TimexType.DURATION
