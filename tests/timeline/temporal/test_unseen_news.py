"""A second set of sentences for the kinds of expression of issue 10 and for kinds news
often has that the issue does not list, written afresh (other wording than
``test_heldout_kinds.py``): the expression in [brackets], its TIMEX3 value after ``=>``
("none": nothing may be tagged there), read against the document date given first.

Values and extents follow the TimeML 1.2.1 and TempEval-3 guidelines: a time zone belongs
to the clock time's extent, a possessive "'s" does not; a name that holds a number or a
month ("Route 66", "Apollo 11", "the Sunday Times") is no time.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.timeline.temporal.sentence_cases import check_sentence
from timeline.temporal import tag

TUESDAY = "2023-09-12"


def _cases(dct: str, *lines: str) -> list[tuple[str, str]]:
    return [(dct, line) for line in lines]


FINANCIAL = _cases(
    TUESDAY,
    "The retailer's [second-quarter] sales missed forecasts. => 2023-Q2",
    "Analysts expect a loss in [the fourth quarter]. => 2023-Q4",
    "Net income for [the first quarter of 2023] rose 6%. => 2023-Q1",
    "[Fiscal 2024] guidance was cut again. => 2024",
    "The chain will report [first-half] results on Thursday. => 2023-H1",
    "Demand should recover in [the second half]. => 2023-H2",
    "[Last quarter], revenue climbed 9%. => 2023-Q2",
    "Spending will pick up [next quarter], the firm said. => 2023-Q4",
    "Profit doubled in [the first quarter], the company said. => 2023-Q1",
    "Its [third-quarter] report is due in October. => 2023-Q3",
    "Sales for [fiscal year 2022] rose. => 2022",
    "Orders fell in [the first half of 2021]. => 2021-H1",
    # A span of months that is no calendar quarter stays two months.
    "Sales rose in the [February]-April period. => 2023-02",
) + _cases(
    "2023-10-26",
    "The carmaker posted [third-quarter] net income of $2 billion. => 2023-Q3",
    "Third-quarter sales rose 4% from [the year-ago period]. => 2022-Q3",
    "Third-quarter revenue was flat compared with [a year earlier]. => 2022-Q3",
    "Revenue in [the quarter] rose 2%. => 2023-Q3",
) + _cases(
    "2024-02-08",
    "The bank's [fourth-quarter] profit beat estimates. => 2023-Q4",
    "For [the full year], revenue fell 1%. => 2023",
)

VAGUE = _cases(
    TUESDAY,
    "Shares have fallen sharply [lately]. => PAST_REF",
    "In [recent weeks], the rebels advanced. => PAST_REF",
    "Tensions have eased in [recent months]. => PAST_REF",
    "More clashes are likely in [the days ahead]. => FUTURE_REF",
    "[Currently], 40 people work at the mine. => PRESENT_REF",
    "The plant had been closed in [the past]. => PAST_REF",
    "A decision is expected in [the near future]. => FUTURE_REF",
    "The mine [now] employs 40 people. => PRESENT_REF",
    "The board met [earlier]. => none",
    "He has [long] opposed the plan. => none",
    "Prices were [once] higher. => none",
    "The [later] stages were harder. => none",
    "Exports have grown in [the years since]. => none",
)

YEARS = _cases(
    TUESDAY,
    "The [2008] financial crisis hit the bank. => 2008",
    "The firm's [2021] profit was a record. => 2021",
    "He moved to Paris in the [late 1960s]. => 196",
    "From [2015] to 2018 he was minister. => 2015",
    "From 2015 to [2018] he was minister. => 2018",
    "He was jailed in [1977] and freed in 1979. => 1977",
    "He was jailed in 1977 and freed in [1979]. => 1979",
    "Between [1914] and 1918, millions died. => 1914",
    "The [2024] election will be close. => 2024",
    "A [1972] law bans the practice. => 1972",
    "Prices rose in the [mid-1990s]. => 199",
    "The bridge opened in [nineteen eighty-four]. => 1984",
    "Profits peaked in [2000], the year of the merger. => 2000",
    "The museum, which opened in [1911] was rebuilt. => 1911",
    "The strike of [1984]-85 broke the union. => 1984",
    "The strike of 1984-[85] broke the union. => 1985",
    "The fund paid out [2010 dollars] each. => none",
    "[1945] marked the end of the war. => 1945",
)

CONVENTIONS = _cases(
    TUESDAY,
    "The rebels held the town for [nearly a decade]. => P10Y",
    "The talks took [some three weeks]. => P3W",
    "He waited [almost two years] for a verdict. => P2Y",
    "She has lived there for [more than a decade]. => P10Y",
    "The strike lasted [five days]. => P5D",
    "Officials met for [three hours]. => PT3H",
    "No rain fell in [the past 24 hours]. => PT24H",
    "The [two-year] study ended. => P2Y",
    "Workers began a [five-day] strike. => P5D",
    "The yen hit a [three-month] low. => P3M",
    "Prices rose over [the past two years]. => P2Y",
    "Output fell in [the last three months]. => P3M",
    "Spending will grow over [the next five years]. => P5Y",
    "Prices doubled in the [1990s] and fell in the 2000s. => 199",
    "It was built in the [1920s]. => 192",
    "The vote is set for [Sunday]'s session. => 2023-09-10",
    "Guards are posted [every night]. => P1D",
    "The council meets [each week]. => P1W",
    "The index is published [monthly]. => P1M",
    "Trains leave [every hour]. => PT1H",
    "The magazine comes out [weekly]. => P1W",
)

RATES = _cases(
    TUESDAY,
    "The mine produces 400 tonnes [per day]. => P1D",
    "He earns $5 million [a year]. => P1Y",
    "Inflation ran at 3% [a year]. => P1Y",
    "Members pay a [monthly] fee of $9. => P1M",
    "Wages rose by 2% [a year] for a decade. => P1Y",
    "The union wants $20 [an hour]. => PT1H",
    "Loans grew 5% [year on year]. => none",
    "Its [annual] meeting is in May. => none",
    "The store is open [seven days a week]. => P1W",
)

NARRATIVE = _cases(
    TUESDAY,
    "In 1968, protests spread. In [May], students occupied the Sorbonne. => 1968-05",
    "The battle began on 1 July 1916. By [18 November], it had ended. => 1916-11-18",
    "He was born in 1930. [Three years later] his family moved. => 1933",
    "The war broke out in 1950. [The following year], China intervened. => 1951",
    "In 1989 the wall fell. [The next year], Germany reunited. => 1990",
    "In 1962, the crisis peaked in [October]. => 1962-10",
    "She was elected in 2005. [A decade later], she retired. => 2015",
    "Napoleon entered Moscow on 14 September 1812. On [19 October] he left. => 1812-10-19",
    "The siege began in 1941. In [the winter], thousands starved. => 1941-WI",
    "In 1066 William landed. On [Christmas Day] he was crowned. => 1066-12-25",
    "The firm was founded in 1999. On [Monday], it said profits rose. => 2023-09-11",
    "The company, founded in 2001, said on [Friday] it would cut jobs. => 2023-09-08",
    "The treaty was signed on 28 June 1919. [Two days later], the delegates left. => 1919-06-30",
    "In 1940 France fell. [That summer], Britain stood alone. => 1940-SU",
    "The bank collapsed in March 2008. [Six months later], Lehman failed. => 2008-09",
)

CLI = _cases(
    TUESDAY,
    "The strike lasted from [Thursday] to Saturday. => 2023-09-07",
    "The strike lasted from Thursday to [Saturday]. => 2023-09-09",
    "The fair runs from Friday to [Sunday]. => 2023-09-17",
    "Prices fell [earlier this week]. => 2023-W37",
    "The store reopened [last weekend]. => 2023-W36-WE",
    "Talks will resume [later this week]. => 2023-W37",
    "Exports have risen since [2020]. => 2020",
    "The blast came at [9:10 p.m.] (1810 GMT). => 2023-09-12T21:10",
    "Shares closed at [4 p.m. EDT]. => 2023-09-12T16:00",
    "The talks ended at [20:00 GMT]. => 2023-09-12T20:00",
    "The deadline passes at [midnight]. => 2023-09-12T24:00",
    "The plan must be ready by [the end of the month]. => 2023-09",
    # Schedules in the present with a plural subject look ahead; "close" as an adjective
    # says nothing of the tense.
    "Polls close at [8 p.m. on Friday]. => 2023-09-15T20:00",
    "Markets close [Friday] for the holiday. => 2023-09-15",
    "Lawmakers return [Monday] from their recess. => 2023-09-18",
    "A close aide met him on [Friday]. => 2023-09-08",
)

# Kinds news often has that the issue does not list.
NEWS = _cases(
    TUESDAY,
    "Prices rose [the week before last]. => 2023-W35",
    "Sales slowed in [mid-2019]. => 2019",
    "The city was rebuilt at [the turn of the century]. => 200",
    "The plant closed [a decade ago]. => 2013",
    "Prices were lower [this time last year]. => 2022-09-12",
    "Two people were hurt over [the weekend]. => 2023-W36-WE",
    "He was arrested on Sept. 3 and had argued with police [the previous evening]."
    " => 2023-09-02TEV",
    "Prices surged [late last month]. => 2023-08",
    "They met on Sept. 3 and again [the following Tuesday]. => 2023-09-05",
    "Two people died [last night]. => 2023-09-11TNI",
    "He will speak [this afternoon]. => 2023-09-12TAF",
    "Shots were heard [Monday evening]. => 2023-09-11TEV",
    "The ship sank [Friday morning]. => 2023-09-08TMO",
    "The fire started [the day before yesterday]. => 2023-09-10",
    "The vote is [the day after tomorrow]. => 2023-09-14",
    "Sales jumped [two weeks ago]. => 2023-W35",
    "The minister resigned [last Friday]. => 2023-09-08",
    "The minister resigned on [Sept. 5]. => 2023-09-05",
    "The minister resigned on [the 5th of September]. => 2023-09-05",
    "The minister resigned on [September 5th]. => 2023-09-05",
    "The minister resigned on [9/5/2023]. => 2023-09-05",
    "The minister resigned on [2023-09-05]. => 2023-09-05",
    "The attacks of [Sept. 11, 2001] changed the city. => 2001-09-11",
    "The rules changed in [June 2021]. => 2021-06",
    "Prices peaked in [August of last year]. => 2022-08",
    "The law passed in [March of this year]. => 2023-03",
    "The plant will close by [the end of next month]. => 2023-10",
    "The budget was cut [early this year]. => 2023",
    "The shortage began in [late 2022]. => 2022",
    "The deal was struck at [the end of 2022]. => 2022",
    "The dam was finished in [the spring of 2021]. => 2021-SP",
    "The festival returned in [summer 2020]. => 2020-SU",
    "Snow fell [last spring]. => 2023-SP",
    "He was arrested on Sept. 3. [That night] he was freed. => 2023-09-03TNI",
    "He was arrested on Sept. 3. [Three days later] he was freed. => 2023-09-06",
    "They met on Sept. 3 and signed [the following week]. => 2023-W36",
    "Unrest grew in 1990; [a year later] the regime fell. => 1991",
    "The raid came [early Sunday]. => 2023-09-10TMO",
    "Rebels attacked before dawn on [Monday]. => 2023-09-11",
    "The market opened [this morning] higher. => 2023-09-12TMO",
    "The polls close [tomorrow night]. => 2023-09-13TNI",
    "The jury will decide [next month]. => 2023-10",
    "The jury will decide in [October]. => 2023-10",
    "The jury decided in [January]. => 2023-01",
    "He was hired in [the summer]. => 2023-SU",
)

HOLIDAYS = _cases(
    TUESDAY,
    "The fire broke out on [Christmas Eve]. => 2022-12-24",
    "The law took effect on [New Year's Day]. => 2023-01-01",
    "Families will gather at [Thanksgiving]. => 2023-11-23",
    "Stores will close on [Christmas Day]. => 2023-12-25",
    "Traffic was heavy over [Labor Day] weekend. => 2023-09-04",
    "Fireworks lit the sky on [July Fourth]. => 2023-07-04",
    "Fireworks lit the sky on [Independence Day]. => 2023-07-04",
    "The church was full on [Easter Sunday]. => 2023-04-09",
    "Children will go out on [Halloween]. => 2023-10-31",
    "Flowers sold out before [Valentine's Day]. => 2023-02-14",
    "The parade took place on [Memorial Day]. => 2023-05-29",
    "The celebrations on [New Year's Eve] were quiet. => 2022-12-31",
)

NEGATIVES = _cases(
    TUESDAY,
    "[Apollo 11] landed on the moon. => none",
    "They drove along [Route 66] for days. => none",
    "The [Sunday] Times reported the deal. => none",
    "Some analysts say prices [may] fall. => none",
    "He flew on a Boeing [747] to Tokyo. => none",
    "Leaders met at the [G20] summit. => none",
    "[Seven] people were hurt. => none",
    "He wore the number [23] for the club. => none",
    "The bill passed [52-48]. => none",
    "The index rose [2.5%] in trading. => none",
    "Temperatures hit [40] degrees. => none",
    "She lives at [1600] Pennsylvania Avenue. => none",
    "The jail held [1,999] prisoners. => none",
    "The [March] of Dimes raised funds. => none",
    "He owns [2000] acres of land. => none",
    "Police found [1980] rounds of ammunition. => none",
    "Flight [MH17] was shot down. => none",
    "He drove a Ford [F-150] pickup. => none",
    "The patient was given a [second] dose. => none",
    "The [first] round of talks failed. => none",
)

# A check set written after the rules above, in other wording and on other document
# dates (a Friday in March 2024, the first days of 2023), and run once before any rule
# was changed for it: 84 of 90 right (85 with one bracket of its own corrected). The
# five misreadings it found were then fixed with rules of their own ("swung" as a past
# tense, "recent quarters", "the final quarter", "’90s", "Tonight's").
CHECK = _cases(
    "2024-03-15",
    "Shares slid on [Thursday] after the report. => 2024-03-14",
    "The central bank meets [next Wednesday]. => 2024-03-20",
    "Inflation cooled in [February]. => 2024-02",
    "Inflation data will be released in [April]. => 2024-04",
    "The firm swung to a loss in [the fourth quarter]. => 2023-Q4",
    "[First-quarter] results are due next month. => 2024-Q1",
    "Fourth-quarter sales fell from $1 billion in [the year-earlier quarter]. => 2022-Q4",
    "Profit in [fiscal 2023] fell 8%. => 2023",
    "The company cut its forecast for [the current year]. => 2024",
    "Output has slowed in [recent quarters]. => PAST_REF",
    "Prices could rise in [the months ahead]. => FUTURE_REF",
    "The dispute dates back to [1948]. => 1948",
    "The [1967] war reshaped the region. => 1967",
    "He ruled from [1979] until 1989. => 1979",
    "The 2015-[2016] drought was severe. => 2016",
    "The law dates from [nineteen sixty-four]. => 1964",
    "It happened in the [early 2000s]. => 200",
    "He was a star in the [’90s]. => 199",
    "The talks dragged on for [about six weeks]. => P6W",
    "She spent [roughly a decade] abroad. => P10Y",
    "Officials spent [the past 48 hours] searching. => PT48H",
    "A [90-day] pause took effect. => P90D",
    "Buses run [every 15 minutes]. => PT15M",
    "Staff are paid [twice a month]. => P1M",
    "Doctors earn $300,000 [a year]. => P1Y",
    "The tank leaks 20 litres [an hour]. => PT1H",
    "In 1815, Napoleon escaped from Elba. On [1 March] he landed in France. => 1815-03-01",
    "The war began in August 1914. By [Christmas], the front was frozen. => 1914-12-25",
    "In July 1969, astronauts reached the moon. [Four months later], a second crew landed."
    " => 1969-11",
    "In 1991 the Soviet Union collapsed. In [December], Gorbachev resigned. => 1991-12",
    "The firm was founded in 1995. On [Tuesday] it cut 500 jobs. => 2024-03-12",
    "The company, founded in 2003, said [last week] that it would merge. => 2024-W10",
    "The sale ran from [Saturday] to Monday. => 2024-03-09",
    "The sale ran from Saturday to [Monday]. => 2024-03-11",
    "The summit runs from Tuesday to [Thursday]. => 2024-03-21",
    "Shares fell [earlier this month]. => 2024-03",
    "Exports have slumped since [2021]. => 2021",
    "The plant will shut by [the end of the year]. => 2024",
    "The quake struck at [4:17 a.m.] local time. => 2024-03-15T04:17",
    "The market opened at [9:30 a.m. ET]. => 2024-03-15T09:30",
    "Trading halted at [14:05 GMT]. => 2024-03-15T14:05",
    "The polls closed at [8 p.m. PST]. => 2024-03-15T20:00",
    "Sales slumped [the month before last]. => 2024-01",
    "Growth was strong in [mid-2022]. => 2022",
    "The park was built [two decades ago]. => 2004",
    "[This time last week], the town was flooded. => 2024-03-08",
    "Rain fell over [the weekend]. => 2024-W10-WE",
    "He was caught on March 3. He had fled [the previous night]. => 2024-03-02TNI",
    "Prices jumped [early last week]. => 2024-W10",
    "The deal closed [late last year]. => 2023",
    "They met on March 4 and again [the following Friday]. => 2024-03-08",
    "The minister spoke on [March 5th]. => 2024-03-05",
    "The law was signed on [the 1st of March]. => 2024-03-01",
    "The law was signed on [3/1/2024]. => 2024-03-01",
    "The report is dated [2024-02-29]. => 2024-02-29",
    "The talks broke down on [Feb. 29]. => 2024-02-29",
    "The blizzard hit on [New Year's Day]. => 2024-01-01",
    "Turkey prices rose before [Thanksgiving]. => 2023-11-23",
    "Crowds gathered on [Easter Sunday]. => 2023-04-09",
    "He will return after [Easter]. => 2024-03-31",
    "[Tonight]'s debate will be heated. => 2024-03-15TNI",
    "The race is [this Sunday]. => 2024-03-17",
    "The blast happened [last Sunday]. => 2024-03-10",
    "The [1980s] boom is over. => 198",
    "Traffic on [Interstate 95] slowed. => none",
    "He was one of [five] victims. => none",
    "A Boeing [737] MAX jet crashed. => none",
    "The company employs [2,023] people. => none",
    "Police seized [1500] kilos of cocaine. => none",
    "The [March] Madness tournament began. => none",
    "The [Summer] Olympics opened in Paris. => none",
    "Critics [may] object to the plan. => none",
    "Berlin changed after [the fall] of the Wall. => none",
    "He drank from a [spring] near the camp. => none",
    "She ran a [summer] camp for children. => none",
    "He scored [2,000] points in his career. => none",
    "Her [second] term ended badly. => none",
    "The team won [3-1] at home. => none",
    "The [7/11] store was robbed. => none",
    "He lives at [2201] Elm Street. => none",
) + _cases(
    "2023-01-03",
    "Sales rose in [the final quarter of last year]. => 2022-Q4",
    "Markets were closed on [Monday] for the holiday. => 2023-01-02",
    "The firm will report [fourth-quarter] earnings this month. => 2022-Q4",
    "Snow fell heavily [last week]. => 2022-W52",
    "Prices rose 7% [last year]. => 2022",
    "The law takes effect on [Jan. 1]. => 2023-01-01",
    "The law took effect on [Jan. 1]. => 2023-01-01",
    "Fireworks lit up the sky on [New Year's Eve]. => 2022-12-31",
    "The economy will slow [this year]. => 2023",
    "Job cuts were announced in [December]. => 2022-12",
)

# A second check set, written after the first was fixed (a Wednesday in June 2025) and
# run once the same way: 48 of 55 right. Four of the seven misses were its own brackets
# or values against the guidelines ("the three months" and "March" are two expressions,
# "the year-ago quarter" with no quarter named is the last one ended a year back, a
# decade's extent leaves out "the", "the turn of the century" is a time); one was
# ambiguous ("starred in 1975 hits" may count hits) and is left out; two were false
# dates, then fixed ("Friday Harbor", "Section 1983").
CHECK2 = _cases(
    "2025-06-18",
    "The retailer posted [first-quarter] losses last month. => 2025-Q1",
    "Margins improved in [the three months] to March. => P3M",
    "Revenue for [the second half of 2024] beat forecasts. => 2024-H2",
    "Earnings in [the year-ago quarter] were weaker. => 2024-Q1",
    "The group expects growth in [fiscal 2026]. => 2026",
    "Sales in [last year's first half] were flat. => 2024-H1",
    "Until [recently], the rule was ignored. => PAST_REF",
    "The area has flooded often in [recent years]. => PAST_REF",
    "Officials are [now] reviewing the data. => PRESENT_REF",
    "Rates will fall in [the coming weeks]. => FUTURE_REF",
    "The station opened in [nineteen seventy-two]. => 1972",
    "Its [1986] disaster still shapes policy. => 1986",
    "Between [2001] and 2003, he led the agency. => 2001",
    "He held the post in 2001-[2003]. => 2003",
    "The singer, who debuted in [1962] has died at 80. => 1962",
    "Orders doubled in the [2010s]. => 201",
    "Reports are filed [quarterly]. => P3M",
    "The camp took [nearly nine months] to build. => P9M",
    "The shares paid $1.20 [a share] last year. => none",
    "The country imports 2 million barrels [a day]. => P1D",
    "The museum charges $25 [per person]. => none",
    "In 1936, civil war broke out in Spain. In [November], Madrid was besieged. => 1936-11",
    "The revolution began on 14 July 1789. [Three years later], the monarchy fell. => 1792",
    "In 1960 he moved to Lagos. [The following year] he married. => 1961",
    "The firm, set up in 1990, said on [Monday] that sales fell. => 2025-06-16",
    "The ferry ran from [Friday] to Sunday. => 2025-06-13",
    "The ferry ran from Friday to [Sunday]. => 2025-06-15",
    "Water will be cut from Monday to [Wednesday]. => 2025-06-25",
    "The protest ended [earlier this week]. => 2025-W25",
    "The talks began at [2:30 p.m. CET]. => 2025-06-18T14:30",
    "The strike started at [06:00 GMT]. => 2025-06-18T06:00",
    "Sales fell [the week before last]. => 2025-W23",
    "Prices were higher [this time last year]. => 2024-06-18",
    "The dam burst [late last month]. => 2025-05",
    "The school closed in [mid-2021]. => 2021",
    "The factory shut [a decade ago]. => 2015",
    "Prices rose in the [1970s] and 1980s. => 197",
    "He was freed on June 2 and rearrested [the following Monday]. => 2025-06-09",
    "Storms hit the coast [last weekend]. => 2025-W24-WE",
    "The ruling came on [June 3rd]. => 2025-06-03",
    "The ruling came on [6/3/2025]. => 2025-06-03",
    "The ruling came on [3 June]. => 2025-06-03",
    "Parades are planned for [Independence Day]. => 2025-07-04",
    "The store was crowded on [Christmas Eve]. => 2024-12-24",
    "Shops will open on [Boxing Day]. => 2025-12-26",
    "Police closed [Route 9] after the crash. => none",
    "He flew an [F-16] over the base. => none",
    "The [Apollo 13] crew returned safely. => none",
    "[Friday] Harbor is a small town. => none",
    "Fans sang [Happy Birthday] to him. => none",
    "The [1,200] workers went on strike. => none",
    "Some [2001] ballots were lost. => none",
    "He joined [Section 1983] litigation. => none",
)

# A third check set (a Thursday in November 2021), run once the same way: 55 of 60
# right (four more lines of it were malformed and are left out). Three misses were then
# fixed ("the July-September quarter", "the previous quarter" after a quarter named, "the
# following spring" after a year); two are left (see KNOWN_MISSES).
CHECK3 = _cases(
    "2021-11-04",
    "The airline returned to profit in [the July-September quarter]. => 2021-Q3",
    "Net profit for [the first nine months] rose 12%. => P9M",
    "The insurer lifted its outlook for [the full year]. => 2021",
    "[Third-quarter] GDP grew 2%, the agency said. => 2021-Q3",
    "Third-quarter GDP grew 2% from [the previous quarter]. => 2021-Q2",
    "Sales in the quarter fell from [a year earlier]. => 2020-Q3",
    "Profit for [fiscal 2021], which ended in June, rose. => 2021",
    "The bank will pay a [quarterly] dividend of 50 cents. => P3M",
    "She earned $40,000 [a year] as a nurse. => P1Y",
    "The plant burns 3,000 tons of coal [a day]. => P1D",
    "The club's [annual] dinner was cancelled. => none",
    "Until [recently], few people knew him. => PAST_REF",
    "Cases have risen in [recent days]. => PAST_REF",
    "Turnout is [now] expected to be high. => PRESENT_REF",
    "More storms are likely in [the coming days]. => FUTURE_REF",
    "He has [recently] moved to Rome. => PAST_REF",
    "The [1994] genocide killed 800,000 people. => 1994",
    "He recalled that [1989] crackdown. => 1989",
    "The 1914-[18] war changed Europe. => 1918",
    "The [1914]-18 war changed Europe. => 1914",
    "The author, who won in [2003], has died. => 2003",
    "The champion of [two thousand and five] retired. => 2005",
    "Fighting resumed [late yesterday]. => 2021-11-03TEV",
    "The siege lasted [nearly four months]. => P4M",
    "They negotiated for [the nine days]. => P9D",
    "The paper comes out [daily]. => P1D",
    "He visits his mother [every Sunday]. => XXXX-WXX-7",
    "Reforms began in the [1960s]. => 196",
    "Deaths rose [last week]. => 2021-W43",
    "The vote is [next week]. => 2021-W45",
    "In 1944, Allied troops landed in Normandy. In [August], Paris was freed. => 1944-08",
    "The plague reached London in 1665. [The following spring], it spread. => 1666-SP",
    "The dam was completed in 1936. [Five years later], it was expanded. => 1941",
    "He was elected in 1980. On [January 20], he took office. => 1981-01-20",
    "Smith, who joined the firm in 1999, will retire in [December]. => 2021-12",
    "The strike lasted from [Monday] to Wednesday. => 2021-11-01",
    "The strike lasted from Monday to [Wednesday]. => 2021-11-03",
    "The market reopened [this weekend]. => 2021-W43-WE",
    "Output has fallen since [2018]. => 2018",
    "Talks will end by [the end of the week]. => 2021-W44",
    "The quake struck at [11:20 p.m.] local time. => 2021-11-04T23:20",
    "Rain stopped [the day before yesterday]. => 2021-11-02",
    "The storm hit [three weeks ago]. => 2021-W41",
    "The fire began [early this morning]. => 2021-11-04TMO",
    "The town celebrated [Halloween] quietly. => 2021-10-31",
    "Stores expect crowds on [Black Friday]. => 2021-11-26",
    "Families will meet at [Christmas]. => 2021-12-25",
    "The talks were held on [October 28]. => 2021-10-28",
    "The talks were held on [Oct 28]. => 2021-10-28",
    "The talks were held on [28 Oct]. => 2021-10-28",
    "The talks will be held on [11/15/2021]. => 2021-11-15",
    "The talks were held in [late October]. => 2021-10",
    "The team won [5-2] on Sunday. => none",
    "He owns a [1965] Mustang. => 1965",
    "Fans wore [No. 23] jerseys. => none",
    "The [Highway 101] crash killed two. => none",
    "About [300] people attended. => none",
    "He served [10 years] in prison. => P10Y",
    "The [Year of the Tiger] begins soon. => none",
    "He took the [May 4] train. => 2021-05-04",
)

# A fourth check set, on the Monday before a new year (30 December 2024, ISO week
# 2025-W01), run once the same way: 41 of 46 right (nine more lines were malformed or
# questionable and are left out). Then fixed: a clause in the past does not reach across
# the new year ("started on Jan. 1"), "the year" in a sentence about results, a 24-hour
# clock time takes the weekday after it ("02:30 GMT on Sunday").
CHECK4 = _cases(
    "2024-12-30",
    "Markets rallied [last week]. => 2024-W52",
    "The law takes effect [next week]. => 2025-W02",
    "Talks resume [this week]. => 2025-W01",
    "Sales jumped over [Christmas]. => 2024-12-25",
    "Parties are planned for [New Year's Eve]. => 2024-12-31",
    "The ban starts on [Jan. 1]. => 2025-01-01",
    "The ban started on [Jan. 1]. => 2024-01-01",
    "Prices rose 3% [this year]. => 2024",
    "Growth will slow [next year]. => 2025",
    "Profit fell in [the fourth quarter]. => 2024-Q4",
    "Results for [the fourth quarter] are due in February. => 2024-Q4",
    "The storm hit on [Saturday]. => 2024-12-28",
    "The storm hit [over the holidays]. => none",
    "Snow fell on [Boxing Day]. => 2024-12-26",
    "The firm was sold [earlier this month]. => 2024-12",
    "He died in the early hours of [Sunday]. => 2024-12-29TMO",
    "A truce was agreed on [Christmas Eve]. => 2024-12-24",
    "The dollar rose in [2024]. => 2024",
    "The index gained 20% in [the year]. => 2024",
    "Exports grew 5% [year-on-year] in November. => none",
    "Exports grew 5% year-on-year in [November]. => 2024-11",
    "The index ended [the year] up 20%. => 2024",
    "Unemployment will peak in [early 2025]. => 2025",
    "The dam was built in the [1930s]. => 193",
    "He moved there [two years ago]. => 2022",
    "The project will take [five years]. => P5Y",
    "The strike ended after [40 days]. => P40D",
    "Fees are charged [per year]. => none",
    "Fees are charged $50 [per year]. => P1Y",
    "The [24-hour] strike began. => PT24H",
    "The hotline runs [24 hours a day]. => P1D",
    "In 1941, Japan attacked Pearl Harbor. On [December 11], Germany declared war. => 1941-12-11",
    "The tower was finished in 1889. It was the tallest building until [1930]. => 1930",
    "The band formed in 1962. [Four years later] it split. => 1966",
    "He was born on 3 May 1950. At [the age of 20] he left home. => none",
    "The Titanic sank on [April 15, 1912]. => 1912-04-15",
    "The [Jan. 6] attack shocked the nation. => 2024-01-06",
    "The [9/11] attacks changed the world. => none",
    "Trading stopped at [3:15 p.m. EST]. => 2024-12-30T15:15",
    "The blast came at [8:40 a.m.] (0540 GMT). => 2024-12-30T08:40",
    "The quake hit at [02:30 GMT on Sunday]. => 2024-12-29T02:30",
    "[Three] people died. => none",
    "Warren Buffett, [94], spoke. => none",
    "He won [2024] votes. => none",
    "The [Class of 2025] graduates soon. => none",
    "Officials met at [Camp David]. => none",
)

# A fifth check set (sport, weather, crime, politics and war on Wednesday 17 August 2022),
# run once the same way: 34 of 35 right (thirteen more lines were malformed and are left
# out). Then fixed: a participle after "be" is no past ("expect the fire to be contained
# by Friday" looks ahead).
CHECK5 = _cases(
    "2022-08-17",
    "The striker scored twice on [Saturday]. => 2022-08-13",
    "The final will be played on [Sunday]. => 2022-08-21",
    "The club sacked its coach [last season]. => none",
    "He signed a [three-year] contract. => P3Y",
    "The heat wave will last until [the weekend]. => 2022-W33-WE",
    "Temperatures reached 40C on [Tuesday afternoon]. => 2022-08-16TAF",
    "The river has been rising since [Monday]. => 2022-08-15",
    "The suspect had been on the run for [three weeks]. => P3W",
    "The trial is set to begin in [January]. => 2023-01",
    "He was sentenced in [May] to ten years. => 2022-05",
    "He was sentenced in May to [ten years]. => P10Y",
    "The victim, [32], was a nurse. => none",
    "The [14-year-old] boy was hurt. => none",
    "The storm is expected to make landfall [late Thursday]. => 2022-08-18TEV",
    "The storm made landfall [early Tuesday]. => 2022-08-16TMO",
    "Rain is forecast for [the rest of the week]. => none",
    "The drought is the worst in [500 years]. => P500Y",
    "The wildfire has burned for [more than a week]. => P1W",
    "Officials expect the fire to be contained by [Friday]. => 2022-08-19",
    "The election will be held on [Nov. 8]. => 2022-11-08",
    "The primary was held on [Aug. 16]. => 2022-08-16",
    "Voting ended at [7 p.m.] local time. => 2022-08-17T19:00",
    "The senator has served since [1987]. => 1987",
    "The law was passed in the wake of the [2008] crisis. => 2008",
    "He left office in [January 2021]. => 2021-01",
    "She has led the party for [nearly two decades]. => P20Y",
    "The war began [almost six months ago]. => 2022-02",
    "Since [February 24], the city has been shelled daily. => 2022-02-24",
    "The city has been shelled [daily]. => P1D",
    "Russian troops withdrew in [late March]. => 2022-03",
    "The grain deal was signed on [July 22] in Istanbul. => 2022-07-22",
    "The first ship left Odesa on [Aug. 1]. => 2022-08-01",
    "A [Black Sea] port was hit. => none",
    "The [Second World War] ended in 1945. => none",
    "He was a [World War II] veteran. => none",
)

# A sixth check set (business, politics, disasters, sport, courts, science, obituaries and
# history in profiles on Tuesday 3 July 2018, the day before Independence Day), written
# after the fourth pass and run once the same way before any rule was changed for it:
# 53 of 55 right, no date found where none may be. One miss was a wrong value ("Markets
# are closed on Wednesday" read as the Wednesday before: a passive present taken for a
# past). The other was a line against the guidelines: it expected "[20 years]" in "faces
# up to 20 years", but TimeML keeps the modifier in the extent (EQUAL_OR_LESS), as the
# tagger did; the line is corrected.
CHECK6 = _cases(
    "2018-07-03",
    "The brewer's [second-quarter] volumes rose 3%. => 2018-Q2",
    "The miner expects output to rise in [the second half]. => 2018-H2",
    "Shares closed at $41.20 on [Monday]. => 2018-07-02",
    "The company paid a dividend of 30 cents [a share]. => none",
    "The lender cut its rate to [4.5%]. => none",
    "Car sales in [June] fell 7%. => 2018-06",
    "The chipmaker unveiled its [A12] processor. => none",
    "The [Model 3] sedan sold well. => none",
    "Revenue for [fiscal 2019] is seen at $3 billion. => 2019",
    "The parliament will vote on the budget on [Thursday]. => 2018-07-05",
    "The prime minister resigned [last night]. => 2018-07-02TNI",
    "The treaty was ratified in [1994] by 60 states. => 1994",
    "Lawmakers return from recess [next Monday]. => 2018-07-09",
    "The minister has been in office since [2016]. => 2016",
    "The vote was postponed until [the autumn]. => 2018-FA",
    "The earthquake struck at [3:42 a.m.] local time. => 2018-07-03T03:42",
    "The floods killed [more than 200] people. => none",
    "The volcano last erupted in [1977]. => 1977",
    "The typhoon is expected to reach the coast by [Wednesday night]. => 2018-07-04TNI",
    "The hosts won [3-1] after extra time. => none",
    "The Open starts on [July 19]. => 2018-07-19",
    "She won the title in [2012] and 2014. => 2012",
    "The coach has [two years] left on his contract. => P2Y",
    "The striker wears the [No. 9] shirt. => none",
    "The club was founded in [1899]. => 1899",
    "The judge will sentence him on [Aug. 21]. => 2018-08-21",
    "He was convicted [last month] of fraud. => 2018-06",
    "The jury deliberated for [four days]. => P4D",
    "The appeal was filed on [June 29]. => 2018-06-29",
    "He faces [up to 20 years] in prison. => P20Y",
    "Under [Article 50], members may leave. => none",
    "The probe will reach the asteroid in [early 2019]. => 2019",
    "The comet was last seen in [1986]. => 1986",
    "Temperatures have risen [0.8] degrees. => none",
    "The study followed 5,000 patients for [a decade]. => P10Y",
    "The telescope, launched in [1990], still works. => 1990",
    "The actor, who died on [Sunday], was 87. => 2018-07-01",
    "Born in [1931] in Ohio, she trained as a nurse. => 1931",
    "She retired in 1990. [A decade later] she wrote a memoir. => 2000",
    "He is survived by his wife of [60 years]. => P60Y",
    "In 1956 she joined the party. By [October], tanks had rolled into Budapest. => 1956-10",
    "The family fled in 1939. [The following year], the father was arrested. => 1940",
    "He studied in Vienna in the [1920s]. => 192",
    "He founded the firm in 1975. [Two years later] it employed 100 people. => 1977",
    "The war ended in 1945, and he returned home [that summer]. => 1945-SU",
    "The [747] landed safely. => none",
    "Inflation ran at [2.9%] a year. => none",
    "He lives at [221] Baker Street. => none",
    "The [Boeing 737] MAX was grounded. => none",
    "He scored [24 points] in the win. => none",
    "Fireworks are planned for [the Fourth of July]. => 2018-07-04",
    "Markets are closed on [Wednesday] for the holiday. => 2018-07-04",
    "The heat wave began [ten days ago]. => 2018-06-23",
    "The ceasefire collapsed [within hours]. => none",
    "The strike will enter its [third week] on Monday. => none",
)

# A seventh check set (a Saturday, 15 October 2016: an election, a hurricane, baseball's
# post-season, a quarter just ended), written after the sixth set's rules and run once
# the same way before any rule was changed for it: 49 of 54 right as written, no date
# found where none may be. One of the five misses was a line against the conventions:
# it expected "[so far this year]", but "so far" is no part of a TIMEX3 (the tagger
# gave "this year", value right); corrected, that is 49 of 53 right (92.5%). The four
# real misses: "Oil ended the week 2% higher" (not found), "The candidates debate again
# on Wednesday" and "Parliament reconvenes on Monday" (schedules read as past), "That
# July" (found as "July" without its determiner).
CHECK7 = _cases(
    "2016-10-15",
    "The airline swung to a [third-quarter] loss. => 2016-Q3",
    "Shares slid 4% in [Friday]'s session. => 2016-10-14",
    "The bank will report results on [Oct. 25]. => 2016-10-25",
    "The merger, announced in [April], closed this week. => 2016-04",
    "Mortgage rates averaged [3.4%] this week. => none",
    "The firm employs [4,000] people. => none",
    "Oil ended [the week] 2% higher. => 2016-W41",
    "The candidates debate again on [Wednesday]. => 2016-10-19",
    "Early voting began [this week] in Ohio. => 2016-W41",
    "The senator was first elected in [1980]. => 1980",
    "The vote was held [a week ago]. => 2016-W40",
    "Parliament reconvenes on [Monday]. => 2016-10-17",
    "The hurricane made landfall [last Saturday]. => 2016-10-08",
    "The storm killed hundreds in Haiti [earlier this month]. => 2016-10",
    "Power may not be restored until [late next week]. => 2016-W42",
    "Flood waters receded [overnight]. => none",
    "The quake measured [6.2] on the Richter scale. => none",
    "The dam was built in the [1960s]. => 196",
    "The Cubs won [5-2] on Thursday night. => none",
    "The Cubs won 5-2 on [Thursday night]. => 2016-10-13TNI",
    "Game 1 is set for [Saturday]. => 2016-10-15",
    "The club has not won the title since [1908]. => 1908",
    "He ran the mile in [3:43]. => none",
    "The Open will return to the course in [2019]. => 2019",
    "She finished [second] in the 200 meters. => none",
    "The trial is scheduled to begin on [Jan. 9]. => 2017-01-09",
    "The defendant was arrested in [March 2015]. => 2015-03",
    "A hearing was held on [Tuesday]. => 2016-10-11",
    "Sentencing is [next month]. => 2016-11",
    "He served [18 months] of a three-year term. => P18M",
    "The ruling overturned a [1973] precedent. => 1973",
    "The probe will arrive on [July 4, 2017]. => 2017-07-04",
    "The ice sheet has shrunk every year since [2002]. => 2002",
    "She died [Thursday] at her home in Vermont. => 2016-10-13",
    "He was born on [Dec. 3, 1922], in Brooklyn. => 1922-12-03",
    "He joined the paper in 1948 and retired [four decades later]. => 1988",
    "Services will be held at [11 a.m. Tuesday]. => 2016-10-18T11:00",
    "In 1967 the family moved to Detroit. [That July], riots broke out. => 1967-07",
    "After graduating in 1972, she spent [two years] in Kenya. => P2Y",
    "She arrived in Saigon in 1968. By [the spring], the city was under siege. => 1968-SP",
    "He returned to Berlin in 1945. [The next year], he married. => 1946",
    "The [iPhone 7] went on sale. => none",
    "He lives on [Fifth] Avenue. => none",
    "The [March] Madness bracket was released. => none",
    "The [10,000] runners set off. => none",
    "The [4-3] vote upheld the law. => none",
    "Interstate [95] was closed. => none",
    "The [2016] presidential race is tight. => 2016",
    "Temperatures hit [90] degrees. => none",
    "Theresa [May] became prime minister in July. => none",
    "Theresa May became prime minister in [July]. => 2016-07",
    "The strike is in its [second day]. => none",
    "The festival runs through [Sunday]. => 2016-10-16",
    "The company has cut 2,000 jobs so far [this year]. => 2016",
)

# An eighth check set (Thursday 28 February 2019, the last day of a month that has no
# 29th: a summit, a shutdown just ended, snow, a trial, a rover), written after the
# seventh set's rules and run once the same way before any rule was changed for it:
# 42 of 46 right (91.3%), no date found where none may be. The misses: "net profit for
# 2018 doubled" (the year not found), "Tariffs rise to 25% on Friday" and "warnings
# remain in place through the weekend" (schedules in the present read as past), "the
# 19th century" (found without its determiner).
CHECK8 = _cases(
    "2019-02-28",
    "The insurer's net profit for [2018] doubled. => 2018",
    "The chain's [fourth-quarter] sales, reported on Wednesday, fell. => 2018-Q4",
    "The chain's fourth-quarter sales, reported on [Wednesday], fell. => 2019-02-27",
    "Britain is due to leave on [March 29]. => 2019-03-29",
    "The deadline expires [tomorrow]. => 2019-03-01",
    "Tariffs rise to 25% on [Friday]. => 2019-03-01",
    "The summit collapsed on [Thursday]. => 2019-02-28",
    "The two leaders first met in Singapore [last June]. => 2018-06",
    "The ceasefire has held for [almost a month]. => P1M",
    "The shutdown lasted [35 days]. => P35D",
    "The shutdown ended in [late January]. => 2019-01",
    "The storm dumped a foot of snow [Tuesday night]. => 2019-02-26TNI",
    "Avalanche warnings remain in place through [the weekend]. => 2019-W09-WE",
    "The wildfire destroyed [14,000] homes. => none",
    "The flood of [1927] reshaped the delta. => 1927",
    "The team lost [2-0] at home. => none",
    "The season opens on [March 28]. => 2019-03-28",
    "He signed a [13-year] deal. => P13Y",
    "The Super Bowl was played [earlier this month]. => 2019-02",
    "The race is held [every four years]. => P4Y",
    "The jury will resume deliberations on [Monday]. => 2019-03-04",
    "He was indicted in [the spring of 2017]. => 2017-SP",
    "She pleaded guilty [two weeks ago]. => 2019-W07",
    "The judge gave him until [March 15] to respond. => 2019-03-15",
    "The law dates from [the 19th century]. => 18",
    "The crime happened [a decade ago]. => 2009",
    "The rover stopped working [last summer]. => 2018-SU",
    "The eclipse will be visible on [July 2]. => 2019-07-02",
    "The trial enrolled patients between [2012] and 2016. => 2012",
    "The drug was approved in [December]. => 2018-12",
    "The poet, who won the Pulitzer in [1971], died on Tuesday. => 1971",
    "The poet, who won the Pulitzer in 1971, died on [Tuesday]. => 2019-02-26",
    "He spent the [1980s] in Paris. => 198",
    "She arrived in New York in 1961. [A year later], she recorded an album. => 1962",
    "He fought in Korea in 1951 and came home [the following spring]. => 1952-SP",
    "The [F-35] program is over budget. => none",
    "The company cut [5%] of its jobs. => none",
    "Police seized [1,000] kilograms of cocaine. => none",
    "The [Summer] Olympics will be held in Tokyo. => none",
    "The rate stands at [1.5%]. => none",
    "Trains run [every 10 minutes]. => PT10M",
    "Shares have risen [this month]. => 2019-02",
    "The plan will be unveiled in [the spring]. => 2019-SP",
    "The ban takes effect at [midnight]. => 2019-02-28T24:00",
    "The strike entered its [fifth day] on Thursday. => none",
    "Debt rose to [$22 trillion]. => none",
)

# A ninth check set (Monday 31 May 2021, Memorial Day: a pipeline hack, a recess, a
# tornado, a trial, cicadas), written after the eighth set's rules and run once the same
# way before any rule was changed for it: 39 of 40 right (97.5%), no date found where none
# may be. The miss: "The retailer reports results on Wednesday" (a schedule in the
# present read as past).
CHECK9 = _cases(
    "2021-05-31",
    "Flags fly at half-staff on [Memorial Day]. => 2021-05-31",
    "The vaccine maker booked $3.5 billion in [first-quarter] sales. => 2021-Q1",
    "The retailer reports results on [Wednesday]. => 2021-06-02",
    "Gas prices hit a seven-year high [last week]. => 2021-W21",
    "The pipeline was shut for [six days] after a hack. => P6D",
    "The hack took place on [May 7]. => 2021-05-07",
    "The index has climbed 12% since [January]. => 2021-01",
    "The company was listed in [2014] and delisted in 2019. => 2014",
    "Lawmakers left town [Friday] for a recess. => 2021-05-28",
    "The Senate returns on [June 7]. => 2021-06-07",
    "The bill passed the House in [March]. => 2021-03",
    "The governor signed the law [late Thursday]. => 2021-05-27TEV",
    "A tornado touched down at [3:50 p.m. Sunday]. => 2021-05-30T15:50",
    "The volcano has erupted [three times] since Saturday. => none",
    "The volcano has erupted three times since [Saturday]. => 2021-05-29",
    "The quake was the strongest since [1964]. => 1964",
    "He scored in the [89th minute]. => none",
    "The final was decided [4-2] on penalties. => none",
    "The race was held on [Sunday]. => 2021-05-30",
    "The Indianapolis [500] drew 135,000 fans. => none",
    "The officer was convicted [last month]. => 2021-04",
    "Sentencing is set for [June 25]. => 2021-06-25",
    "The appeals court heard arguments in [early May]. => 2021-05",
    "The lawsuit, filed in [2019], seeks damages. => 2019",
    "Scientists sequenced the genome in [2003]. => 2003",
    "The mission will launch in [2024]. => 2024",
    "The cicadas emerge [every 17 years]. => P17Y",
    "The cicadas last emerged in [2004]. => 2004",
    "The author, who died on [Thursday] at 91, wrote 40 novels. => 2021-05-27",
    "Born in Lagos in [1929], he moved to London. => 1929",
    "He served in the army during the [1950s]. => 195",
    "In 1961 he joined the foreign service. [Three years later], he was posted to Cairo. => 1964",
    "In 1961 he joined the foreign service. In [April], he was posted to Cairo. => 1961-04",
    "The [G7] summit opens in June. => none",
    "The G7 summit opens in [June]. => 2021-06",
    "The [Covid-19] vaccine was approved. => none",
    "Unemployment fell to [6.1%]. => none",
    "The plant will close at [the end of June]. => 2021-06",
    "Stocks rose [earlier in the day] before falling. => none",
    "The [1,500-meter] race was won by a Kenyan. => none",
)

ALL = (
    FINANCIAL + VAGUE + YEARS + CONVENTIONS + RATES + NARRATIVE + CLI + NEWS + HOLIDAYS + NEGATIVES
) + CHECK + CHECK2 + CHECK3 + CHECK4 + CHECK5 + CHECK6 + CHECK7 + CHECK8 + CHECK9


# Still read wrongly, kept here so that a fix shows (strict: an unexpected pass fails).
# ("The siege began in 1941. In the winter, ..." is read now: "the" season opening a
# sentence in the past takes the year of the sentence before.)
# "He was elected in 1980. On January 20, he took office" is the January after the
# election: the order of events, which no rule of the calendar gives. "28 Oct." at the
# end of a sentence keeps its full stop in the extent (one dot ends both).
KNOWN_MISSES = {
    "He was elected in 1980. On [January 20], he took office. => 1981-01-20",
    "The talks were held on [28 Oct]. => 2021-10-28",
}


def test_the_set_is_large_enough() -> None:
    assert len(ALL) >= 150
    assert KNOWN_MISSES <= {case for _dct, case in ALL}


PARAMS = [
    pytest.param(
        dct,
        case,
        id=f"{dct} {case}",
        marks=[pytest.mark.xfail(strict=True)] if case in KNOWN_MISSES else [],
    )
    for dct, case in ALL
]


@pytest.mark.parametrize(("dct", "case"), PARAMS)
def test_sentence(dct: str, case: str) -> None:
    check_sentence(dct, case)


def test_midnight_ends_its_day_and_the_next_time_stays_on_it() -> None:
    text = "The deadline is at midnight on Sept. 15. Talks will run until noon."
    mentions = {m.text: m for m in tag(text, datetime(2023, 9, 12))}
    assert mentions["midnight"].value == "2023-09-15T24:00"
    assert mentions["midnight"].earliest == datetime(2023, 9, 16)
    assert mentions["noon"].value == "2023-09-15T12:00"
