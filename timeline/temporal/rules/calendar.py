"""Rules for expressions written on the calendar: full and partial dates, months, years,
decades, centuries, weekdays, today/yesterday, parts of days and clock times."""

from __future__ import annotations

from timeline.temporal.rules.rule import Rule

CALENDAR_RULES: tuple[Rule, ...] = (
    # --- absolute dates -----------------------------------------------------------------------
    Rule(
        "iso_date",
        r"\b(?P<year>\d{4})-(?P<month>0[1-9]|1[0-2])-(?P<day>[0-3]\d)"
        r"(?:[T ](?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d))?\b",
        "absolute",
        examples=(
            "Filed [2023-09-12] in Seoul. => 2023-09-12",
            "Sent at [2023-09-12 14:30] local. => 2023-09-12T14:30",
        ),
    ),
    Rule(
        "numeric_date",
        r"\b(?P<month>1[0-2]|0?[1-9])/(?P<day>3[01]|[12]\d|0?[1-9])/(?P<year>\d{4})\b",
        "absolute",
        examples=("The memo dated [9/10/2023] said so. => 2023-09-10",),
    ),
    Rule(
        "month_day",
        r"(?:\b(?P<week_of>the\s+week\s+of)\s+)?"
        r"(?:\b(?P<weekday>{WEEKDAY}),?\s+)?\b(?P<month>{MONTH})\s+(?P<day>{DAY})(?!\d|:\d)\b"
        r"(?:,?\s+(?P<year>{YEAR})\b)?",
        "absolute",
        examples=(
            "It opened on [Sept. 12, 2023] in Moscow. => 2023-09-12",
            # "the week of" names the (ISO) week holding that day.
            "The vote is set for [the week of March 6]. => 2024-W10",
            "Sales fell in [the week of Jan. 2, 2023]. => 2023-W01",
            "WASHINGTON, [August 11] (Xinhua) -- The talks ended. => 2023-08-11",
            "The talks ended [Aug. 7]. => 2023-08-07",
            "The vote will be held on [Oct. 3]. => 2023-10-03",
            "He arrived [Monday, Sept. 11]. => 2023-09-11",
        ),
    ),
    Rule(
        "second_day",
        # "April 24 and 25": the second day takes the first one's month (the first is
        # found by month_day; here it is only context).
        r"(?P<lead>\b(?P<month>{MONTH})\s+\d{1,2}(?:st|nd|rd|th)?\s*(?:and|or|to|through|-|–)\s*)"
        r"(?P<day>{DAY})(?!\d|:\d|-)\b(?:,?\s+(?P<year>{YEAR})\b)?",
        "absolute",
        guard="not_a_count",
        examples=(
            "Talks were held April 24 and [25] in Geneva. => 2023-04-25",
            "The fair runs Oct. 3-[5]. => 2023-10-05",
            "Between Aug. 2 and [4, 2022], it rained. => 2022-08-04",
            "On Sept. 3 and [12 people] died. => none",
        ),
    ),
    Rule(
        "first_day",
        # "6-7 January 1916", "22 and 23 April": the first day takes the second's month
        # (and year), which "day_month" finds; here they are only context.
        r"(?<![\w/.,-])(?P<day>(?:[12]\d|3[01]|0?[1-9]))(?P<tail>\s*(?:-|–|and|to|or)\s*"
        r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>{MONTH})(?![A-Za-z])"
        r"(?:,?\s+(?P<year>{YEAR})\b)?)",
        "absolute",
        examples=(
            "The battle was fought on [6]-7 January 1916. => 1916-01-06",
            "Talks were held on [22] and 23 April. => 2023-04-22",
            "Some [5] to 6 people died. => none",
        ),
    ),
    Rule(
        "day_month",
        r"(?:\b(?P<week_of>the\s+week\s+of)\s+)?"
        r"(?:\b(?P<weekday>{WEEKDAY}),?\s+|\bthe\s+)?\b(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})(?![A-Za-z])"
        r"(?:,?\s+(?P<year>{YEAR})\b)?",
        "absolute",
        examples=(
            "Published [12 September 2023]. => 2023-09-12",
            "Talks resume [the week of 6 November]. => 2023-W45",
            "By [3 October] the talks will be over. => 2023-10-03",
            "[The 25th of August] was quiet. => 2023-08-25",
        ),
    ),
    Rule(
        "month_year",
        r"\b(?:(?P<mod>early|mid|late|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)?"
        r"(?P<month>{MONTH})(?:,?\s+|\s+of\s+)(?P<year>{YEAR})\b",
        "month",
        examples=(
            "It began in [March 2020] in Wuhan. => 2020-03",
            "Prices rose in [late July 1997]. => 1997-07",
            "It fell by [the end of April 1942]. => 1942-04",
        ),
    ),
    Rule(
        "month_relative_year",
        r"\b(?:(?P<mod>early|mid|late)[\s-]+)?(?P<month>{MONTH_FULL})\s+(?:(?:of\s+)?(?P<yrel>this|last|next)"
        r"|of\s+(?:the\s+)?(?P<yref>following|next|previous|same|that))\s+year\b",
        "month",
        examples=(
            "It was approved in [early October this year]. => 2023-10",
            "Talks began in [February last year]. => 2022-02",
            "It closed in 2019 and reopened in [March of the following year]. => 2020-03",
            "It fell in 1940 and in [August of that year] it rose. => 1940-08",
        ),
    ),
    Rule(
        # "In 1967 the family moved to Detroit. That July, riots broke out": the month of
        # the year the text has reached; the determiner is part of the extent (TimeML).
        "that_month",
        # "That May" is mostly "that" and the verb: a month only before a comma or stop.
        r"\b(?P<yref>[Tt]hat)\s+(?P<month>{MONTH_FULL})(?![A-Za-z])(?:(?<!May)|(?=\s*[,;.]))",
        "month",
        examples=(
            "In 1967 the family moved to Detroit. [That July], riots broke out. => 1967-07",
            "He was elected in 2001 and sworn in [that January]. => 2001-01",
            "[That May] be true. => none",
        ),
    ),
    Rule(
        "month",
        r"\b(?:(?P<rel>last|next|this|earlier this|later this|early|mid|late"
        r"|the\s+(?:end|beginning|start|middle)\s+of)[\s-]+)?"
        r"(?P<month>{MONTH_FULL})(?![A-Za-z])",
        "month",
        guard="month_alone",
        examples=(
            "They met in [April] to plan it. => 2023-04",
            "The summit will take place in [November]. => 2023-11",
            "It slowed in [late November]. => 2022-11",
            "They withdrew by [the end of May]. => 2023-05",
            "He [may] go. => none",
            "They held [last October] talks. => 2022-10",
            "Crowds joined the annual [March] for Life. => none",
            "She led the [March] of the Combatant Mothers. => none",
            "The army began the Long [March] in 1934. => none",
            "Sherman began his [March] to the Sea. => none",
            "Prices fell in [March] to a low. => 2023-03",
            "[February] to April proved calm. => 2023-02",
            "It ended in the last week of [August]. => 2023-08",
            # A clause in the past never reaches a month still ahead, however near.
            "Its shares fell in [October]. => 2022-10",
            "The firm was founded in 1987. Its shares fell in [October]. => 2022-10",
        ),
    ),
    # --- years, decades, centuries ------------------------------------------------------------
    Rule(
        "year",
        r"(?<![\w$£€.,/-])(?:(?P<mod>early\s+in|late\s+in|early|mid|late|post|pre"
        r"|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+|(?P<fiscal>fiscal\s+(?:year\s+)?))?"
        r"(?P<year>{YEAR})(?![\w%/-]|[.,]\d)",
        "year",
        guard="year_context",
        examples=(
            "They met in [2019] on his last trip. => 2019",
            "The review is due by [the end of 2024]. => 2024",
            "Troops: [7,000] in all. => none",
            "The [post-1959] government. => 1959",
            "Profit fell in [fiscal 1989]. => 1989",
            "Troops landed [early in 1914]. => 1914",
            "Iraq's [1990] invasion of Kuwait. => 1990",
            "He recalled that [1978] resolution. => 1978",
            "The poet who won in [1953] has died. => 1953",
            "He sold [1953 shares] in all. => none",
            "They built the [2000] km border fence. => none",
            "He lived on the [1200] block of Main Street. => none",
            "[1999] was a good year. => 1999",
            "The army grew from [1981]'s 500,000 soldiers. => 1981",
            "Fighting grew, making [1985] the bloodiest year. => 1985",
            "[1500] died in the floods. => none",
            "She lives at [1600] Pennsylvania Avenue. => none",
            "The office at [2010] W. Main St. closed. => none",
            "In [1987] Wall Street crashed. => 1987",
            "The insurer's net profit for [2018] doubled. => 2018",
            "Meals were served for [2000] people. => none",
            "He filed a Section [1983] lawsuit. => none",
            "The council passed Resolution [1441] in 2002. => none",
        ),
    ),
    Rule(
        "year_range_start",
        # "2009-2010", "1957-58": TimeML tags each end; the second is "year_range_end".
        r"(?<![\w$£€.,/-])(?P<year>{YEAR})(?P<tail>[-–](?:{YEAR}|\d\d))(?![\w%/-]|[.,]\d)",
        "year",
        guard="year_range",
        examples=(
            "He was mayor in [2009]-2010. => 2009",
            "The [1957]-58 season was long. => 1957",
            "Some [1500]-2000 troops left. => none",
        ),
    ),
    Rule(
        "year_range_end",
        r"(?<![\w$£€.,/-])(?P<lead>(?P<first>{YEAR})[-–])(?P<year>{YEAR}|\d\d)(?![\w%/-]|[.,]\d)",
        "year_range_end",
        guard="year_range",
        examples=(
            "He was mayor in 2009-[2010]. => 2010",
            "The 1957-[58] season was long. => 1958",
            "The 1999-[98] figures. => none",
        ),
    ),
    Rule(
        "era_year",
        # "241 BC", "146 B.C.", "AD 9": TimeML writes years before Christ as "BC0241".
        r"\b(?:(?P<mod>early|mid|late)[\s-]+)?(?:(?P<year>\d{1,4})\s*(?-i:(?P<era>BCE?|B\.C\.(?:E\.)?|AD|A\.D\.|CE))"
        r"|(?-i:(?P<era_first>AD|A\.D\.))\s*(?P<year_after>\d{1,4}))(?![\w])",
        "era_year",
        examples=(
            "Carthage fell in [146 B.C.] to Rome. => BC0146",
            "The war began in [264 BC] over Sicily. => BC0264",
            "He died in [AD 14] at Nola. => 0014",
        ),
    ),
    Rule(
        "era_range_start",
        # "499-493 BC", "from 499 to 493 BC": the era written once holds for both years.
        r"(?<![\w$£€.,/-])(?P<year>\d{1,4})"
        r"(?=\s*(?:[-–]|to)\s*\d{1,4}\s*(?-i:(?P<era>BCE?|B\.C\.(?:E\.)?))(?!\w))",
        "era_year",
        examples=(
            "The revolt lasted from [499] to 493 BC. => BC0499",
            "The Ionian Revolt ([499]-493 BC) failed. => BC0499",
        ),
    ),
    Rule(
        "spelled_year",
        r"\b(?P<spelled>(?:seventeen|eighteen|nineteen|twenty)[\s-]+(?:hundred|(?:oh[\s-]+)?{NUMBER_WORD})"
        r"|two\s+thousand(?:\s+and)?(?:[\s-]+{NUMBER_WORD})?)\b",
        "spelled_year",
        guard="spelled_year",
        examples=(
            "He was born in [nineteen ninety-six]. => 1996",
            "It was founded in [two thousand and eight]. => 2008",
            "The war ended in [nineteen forty-five]. => 1945",
            "[Nineteen people] died. => none",
            "About [two thousand] marched. => none",
            "China and [twenty-two] smaller states signed. => none",
        ),
    ),
    Rule(
        "decade",
        r"(?:\b(?P<mod>early|mid|late)[\s-]+)?(?:\b(?P<decade>1\d\d0|20\d0)|['’](?P<short>[0-9]0))['’]?s\b",
        "decade",
        examples=(
            "Reforms began in the [1990s] there. => 199",
            "It was a hit in the ['80s]. => 198",
            "Rents soared in the ['20s]. => 202",
            "He was a star in the [’90s]. => 199",
            "It peaked in the [early 1980s]. => 198",
        ),
    ),
    Rule(
        "century",
        # The determiner and an edge belong to the extent (TimeML): "[the early 21st century]".
        r"\b(?:the\s+)?(?:(?P<mod>early|mid|late)[\s-]+)?(?P<ord>\d{1,2})(?:st|nd|rd|th)\s+century\b"
        r"(?:\s+(?P<bc>(?-i:BCE|BC\b|B\.C\.)))?",
        "century",
        examples=(
            "It dates from [the 19th century]. => 18",
            "It began in [the early 21st century]. => 20",
            "He built a [19th century] church. => 18",
            "Carthage rose in [the 9th century BC]. => BC08",
        ),
    ),
    # --- weekdays, today, parts of days, clock times ------------------------------------------
    Rule(
        "weekday",
        r"\b(?:(?P<lead>earlier|later|the\s+early\s+hours\s+of)\s+)?"
        r"(?:(?:the\s+)?day\s+(?P<beyond>before|after)\s+)?"
        r"(?:(?P<rel>last|next|this|early|late|the\s+following|the\s+previous)(?:\s+on)?\s+)?"
        r"(?P<weekday>{WEEKDAY})(?P<tail>'s)?(?:\s+(?P<pod>{POD}))?\b",
        "weekday",
        guard="weekday_not_name",
        examples=(
            "Japanese media reported on [Tuesday] the arrival. => 2023-09-12",
            "Kim left for Russia on [Sunday] with aides. => 2023-09-10",
            "The leaders will meet on [Thursday]. => 2023-09-14",
            "Kim entered Russia [early on Tuesday]. => 2023-09-12TMO",
            "The deal was struck in the early hours of [Saturday]. => 2023-09-09TMO",
            "The train left [Monday night]. => 2023-09-11TNI",
            "A column in the [Sunday] Times said so. => none",
            "[Friday] Harbor is a small town. => none",
            "Earlier [Friday], the talks ended. => 2023-09-08",
            # A passive present that governs the day looks ahead; a participle that does
            # not reach the day ("accused of killing ... on Saturday") keeps its past.
            "Markets are closed on [Wednesday] for the holiday. => 2023-09-13",
            "The bridge is closed [Friday]. => 2023-09-15",
            "He is accused of killing a man on [Saturday]. => 2023-09-09",
            # Schedules with a plural subject whose verb is also a noun.
            "Tariffs rise to 25% on [Friday]. => 2023-09-15",
            "Warnings remain in place through [Sunday]. => 2023-09-17",
            "The price rise on [Friday] hurt sales. => 2023-09-08",
            "The retailer reports results on [Wednesday]. => 2023-09-13",
            "Reports on [Wednesday] said the talks failed. => 2023-09-06",
            "It ran on the front of [Friday]'s edition. => 2023-09-08",
            "They met [last Wednesday]. => 2023-09-06",
            "He flew in [the day before last Wednesday]. => 2023-09-05",
            "The talks open [the day after next Monday]. => 2023-09-19",
            "They met on Aug. 3 and again [the following Monday]. => 2023-08-07",
        ),
    ),
    Rule(
        "today",
        r"\b(?:(?P<edge>early|late)\s+)?(?:the\s+day\s+(?P<beyond>before|after)\s+)?"
        r"(?P<word>today|tonight|yesterday|tomorrow)"
        r"(?P<tail>['’]s)?(?:\s+(?P<pod>{POD}))?\b",
        "today",
        examples=(
            "Officials said [today] that it ended. => 2023-09-12",
            "It began [the day before yesterday]. => 2023-09-10",
            "He arrived [yesterday]. => 2023-09-11",
            "He will speak [tomorrow morning]. => 2023-09-13TMO",
            "The vote is [tonight]. => 2023-09-12TNI",
            "He left [late yesterday]. => 2023-09-11TEV",
            # A possessive "'s" is left out of the extent, as with weekdays.
            "[Tonight]'s debate will be heated. => 2023-09-12TNI",
            "He read [yesterday]’s paper. => 2023-09-11",
        ),
    ),
    Rule(
        "today_part",
        r"\b(?:(?:early|late)\s+)?(?P<rel>this|last)\s+(?P<pod>morning|afternoon|evening|night)\b",
        "today",
        examples=(
            "Troops crossed [last night]. => 2023-09-11TNI",
            "He spoke [this morning]. => 2023-09-12TMO",
            "They met [late last night]. => 2023-09-11TNI",
        ),
    ),
    Rule(
        "clock",
        r"\b(?P<hour>1[0-2]|0?[1-9])(?::(?P<minute>[0-5]\d))?\s*(?P<ampm>[ap]\.\s?m\.|[ap]\s?m\b)"
        r"(?:\s+(?-i:(?P<tz>[A-Z]{1,4}T|GMT|UTC))\b)?(?:\s+(?:on\s+)?(?P<weekday>{WEEKDAY})\b|\s+(?P<dayword>today|yesterday|tomorrow)\b)?",
        "clock",
        examples=(
            "The blast came at [10:35 a.m.] there. => 2023-09-12T10:35",
            "It will start at [9 a.m. Thursday] in Kazan. => 2023-09-14T09:00",
            "The storm made landfall around [3 p.m. ET on Tuesday]. => 2023-09-12T15:00",
            "The call came at [9:05 PM]. => 2023-09-12T21:05",
            "They meet at [10 a.m.] on Sept. 20. => 2023-09-20T10:00",
            "It ended at [4 p.m.], Aug. 30, 2022. => 2022-08-30T16:00",
            "The blast came at [10:35 a.m.] (0735 GMT). => 2023-09-12T10:35",
        ),
    ),
    Rule(
        "clock_24",
        r"(?<=\bat )(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"
        r"(?:\s+(?-i:(?P<tz>GMT|UTC|[A-Z]{1,4}T))\b)?(?:\s+(?:on\s+)?(?P<weekday>{WEEKDAY})\b)?",
        "clock",
        examples=(
            "The train arrived at [14:30] local time. => 2023-09-12T14:30",
            "The quake hit at [02:30 GMT on Sunday]. => 2023-09-10T02:30",
        ),
    ),
    Rule(
        "clock_word",
        # "High Noon" (the film) and "high noon comes" (a showdown) name no time of day.
        r"(?<!\bhigh\s)\b(?P<word>noon|midday|midnight)\b(?:\s+(?P<weekday>{WEEKDAY})\b)?",
        "clock",
        examples=(
            "Talks began at [midday]. => 2023-09-12T12:00",
            "The deadline passes at [midnight]. => 2023-09-12T24:00",
            "The curfew has held since [midnight]. => 2023-09-12T00:00",
            "A poster from the film High [Noon] hung there. => none",
            "For Poland, high [noon] comes today. => none",
        ),
    ),
    Rule(
        "clock_in_the",
        r"\b(?P<hour>1[0-2]|[1-9])(?:\s+o'clock)?\s+in\s+the\s+(?P<pod>morning|afternoon|evening)\b",
        "clock",
        examples=("They woke at [4 in the morning]. => 2023-09-12T04:00",),
    ),
)
