"""Rules for expressions counted from an anchor ("the next day", "three days ago", "last
week"), calendar units without a year (seasons, quarters, holidays, weekends), durations,
sets, vague references and expressions relative to an event ("after the forum")."""

from __future__ import annotations

from timeline.temporal.rules.rule import Rule

RELATIVE_RULES: tuple[Rule, ...] = (
    # --- anchored on the last time mentioned --------------------------------------------------
    Rule(
        "that_day",
        r"\b(?:(?P<mod>earlier|later)\s+)?(?:that|the\s+same|that\s+same)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b",
        "reference",
        examples=(
            "They met on Sept. 3. [Later that day] the talks ended. => 2023-09-03",
            "On Monday he said he was shot last October; the site removed his name "
            "[that same day]. => 2022-10-XX",
        ),
    ),
    Rule(
        "next_day",
        r"\bthe\s+(?P<dir>next|following|previous|preceding)\s+"
        r"(?P<unit>day|morning|afternoon|evening|night|week|weekend|month|quarter|year|{SEASON})\b",
        "reference",
        examples=(
            "They met on Sept. 3. [The next day] they left. => 2023-09-04",
            # A quarter, a season or a weekend after the one the text has reached.
            "Third-quarter GDP grew 2% from [the previous quarter]. => 2023-Q2",
            "The plague reached London in 1665. [The following spring], it spread. => 1666-SP",
            "The dam broke in May 1927. [The following winter] was hard. => 1927-WI",
            "They met on Sept. 6. They had argued [the previous weekend]. => 2023-W35-WE",
        ),
    ),
    Rule(
        "day_before",
        r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)(?=\s*[,.;)]|\s+that\b)",
        "reference",
        examples=("It rained on Sept. 3; [the day before], it was dry. => 2023-09-02",),
    ),
    Rule(
        "offset",
        r"\b(?:(?P<lead>just|only)\s+)?(?:(?P<approx>about|almost|nearly|some|around|roughly|approximately)\s+)?"
        r"(?:(?P<q>more\s+than|less\s+than|over)\s+)?"
        r"(?:(?P<num>{NUMBER})|(?P<vague>a\s+few|several|many|some))?[\s-]*(?P<unit>{UNITS}|{UNIT})\s+"
        r"(?P<dir>ago|earlier|later|from\s+now|hence)\b",
        "offset",
        examples=(
            "The war ended [50 years ago]. => 1973",
            "It began [three days ago]. => 2023-09-09",
            "They met on Sept. 3. [Two weeks later] they signed. => 2023-W37",
            "They met on Sept. 3. [Hours later] the truce collapsed. => 2023-09-03",
            "She won in November 2020 and took office [two months later]. => 2021-01",
            "They met in June. [Weeks later] the truce collapsed. => PAST_REF",
            "They met in June. [A few days later] the truce collapsed. => PAST_REF",
            "The truce will hold until [weeks later]. => FUTURE_REF",
            "It ended [almost four years ago]. => 2019",
            "Third-quarter profit fell from [a year earlier]. => 2022-Q3",
        ),
    ),
    # --- units relative to the document date --------------------------------------------------
    Rule(
        "relative_unit",
        r"\b(?:(?P<mod>early|mid|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?"
        # "the past year", "the last week": the determiner belongs to the stretch it names.
        r"(?:(?P<det>the)\s+(?=current\b|past\b|last\b))?(?P<rel>last|next|this|past|previous|coming|current)\s+"
        r"(?:fiscal\s+)?(?P<unit>week|weekend|month|year|quarter|decade|century|{SEASON})\b"
        r"(?!\s+of\s+(?:{MONTH}|{YEAR}))",
        "relative_unit",
        examples=(
            "Prices rose [last week]. => 2023-W36",
            "It began [last month]. => 2023-08",
            "Tax rose [this year]. => 2023",
            "He will visit [early next week]. => 2023-W38",
            "Trade doubled over [the past decade]. => P10Y",
            "He has been in Paris for [the last week]. => P1W",
            "He died in [the last year] of the war. => P1Y",
            "[This decade] will be hot. => 202",
            "It fell [last fall]. => 2022-FA",
            "[The current fiscal year] ends in March. => 2023",
            "Costs will rise in [the current quarter]. => 2023-Q3",
            "It ended in the last week of August. [Last week] it began. => 2023-W36",
        ),
    ),
    Rule(
        "before_last",
        r"\bthe\s+(?P<unit>week|weekend|month|year)\s+(?P<rel>before\s+last)\b",
        "relative_unit",
        examples=(
            "Prices rose [the week before last]. => 2023-W35",
            "The law passed [the year before last]. => 2021",
        ),
    ),
    Rule(
        "same_time",
        # "this time last year" is the DCT's day a unit back (or on): a day, not the year.
        r"\b(?:this|that|the\s+same)\s+time\s+(?P<rel>last|next)\s+(?P<unit>week|month|year)\b",
        "same_time",
        examples=(
            "Prices were lower [this time last year]. => 2022-09-12",
            "Voters will be choosing [this time next year]. => 2024-09-12",
        ),
    ),
    Rule(
        "turn_of_century",
        # The nearest turn of a century to the DCT (or the story's year): a decade,
        # "200" for "the turn of the century" in 2023, "190" in a story of 1898.
        r"\bthe\s+turn\s+of\s+the\s+(?:(?P<ord>\d{1,2})(?:st|nd|rd|th)\s+)?century\b",
        "turn_of_century",
        examples=(
            "The city was rebuilt at [the turn of the century]. => 200",
            "The mill opened at [the turn of the 20th century]. => 190",
        ),
    ),
    Rule(
        "year_end",
        r"\b(?:the\s+)?(?P<unit>year|month)(?:'s\s+|-)(?P<mod>end|start)\b|\bthe\s+(?P<rel>new)\s+(?P<new>year)\b",
        "relative_unit",
        examples=(
            "The agency expects to finish by [year's end]. => 2023",
            "Rents are due at [month's end]. => 2023-09",
            "In 1944 the army took Rome. By [year's end] it held Florence. => 1944",
            "Sales rose [year-end] as hoped. => 2023",
            "The program starts in [the new year]. => 2024",
            "In 1938 the front broke. Days before [the new year], Franco attacked. => 1939",
        ),
    ),
    Rule(
        "edge_in_the_unit",
        # "late in the year": the DCT's year in news, the story's in a history.
        r"\b(?P<mod>early|late|earlier|later)\s+in\s+(?P<rel>the)\s+(?P<unit>week|month|year)\b",
        "relative_unit",
        examples=(
            "Sales will rise [late in the year]. => 2023",
            "In 1944 the city fell. [Late in the year] the army advanced. => 1944",
        ),
    ),
    Rule(
        "end_of_the_unit",
        r"\b(?P<mod>the\s+end|the\s+beginning|the\s+start|the\s+middle)\s+of\s+(?P<rel>the|this)\s+"
        r"(?P<unit>week|month|year|decade)\b",
        "relative_unit",
        examples=(
            "Troops will leave by [the end of the year]. => 2023",
            "Talks resume at [the beginning of the month]. => 2023-09",
        ),
    ),
    Rule(
        "season",
        r"\b(?:(?P<det>the|that)\s+)?(?:(?P<rel>early|late|mid)[\s-]+)?(?P<season>{SEASON})"
        r"(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b",
        "season",
        guard="season_context",
        examples=(
            "They will meet in [the spring]. => 2024-SP",
            "Prices [fall] sharply. => none",
            "It opened in [summer 1998]. => 1998-SU",
            "The troops spent [the summer] in camp. => 2023-SU",
            "Before [the summer] offensive, they rested. => 2023-SU",
            "In 1919 he spent the spring and [summer] in Estonia. => 1919-SU",
            "Saigon fell in 1975; Laos fell that same [spring]. => 1975-SP",
            "In 1940 France fell. [That summer], Britain stood alone. => 1940-SU",
            # "the" season opening a sentence in the past takes the year of the sentence
            # just before, even one named in passing; not one further back, nor a plan.
            "The siege began in 1941. In [the winter], thousands starved. => 1941-WI",
            "The siege began in 1941. Many fled. In [the winter], more died. => 2022-WI",
            "The firm was founded in 1987. In [the winter], prices will rise. => 2023-WI",
        ),
    ),
    Rule(
        "quarter",
        r"\b(?:(?P<poss>this|last|next)\s+year's\s+|the\s+)?"
        r"(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th)[\s-]+(?:fiscal\s+)?(?P<unit>quarter|half)\b"
        r"(?:\s+of\s+(?:(?P<year>{YEAR})|(?:the|this)\s+year|(?P<yrel>last|next)\s+year)\b)?"
        r"|\b(?-i:(?:Q(?P<number>[1-4])|H(?P<half_number>[12])))(?:\s+(?P<qyear>{YEAR}))?\b",
        "quarter",
        examples=(
            "Profits rose in [the third quarter]. => 2023-Q3",
            "Sales fell in [Q1 2022]. => 2022-Q1",
            "Sales fell in [the first half of 1998]. => 1998-H1",
            "Revenue rose in [the second half of the year]. => 2023-H2",
            "Revenue rose in [the fourth quarter of last year]. => 2022-Q4",
            "The rules were tightened in [Q4]. => 2022-Q4",
            "Sales rose in [H1 2023]. => 2023-H1",
            "The [H1]N1 virus spread. => none",
            "[This year's second quarter] was weak. => 2023-Q2",
            "Sales grew in [last year's fourth quarter]. => 2022-Q4",
            "Sales rose in [the final quarter of last year]. => 2022-Q4",
            "The firm swung to a loss in [the fourth quarter]. => 2022-Q4",
        ),
    ),
    Rule(
        "month_span_quarter",
        # "the July-September quarter" is the third quarter; "the January-June period" the
        # first half (the guard keeps spans that are no quarter or half as two months).
        r"\bthe\s+(?P<m1>{MONTH})\s*(?:[-–]|\s+to\s+)\s*(?P<m2>{MONTH})\s+(?:quarter|period|half)\b",
        "quarter",
        guard="calendar_quarter",
        examples=(
            "The airline returned to profit in [the July-September quarter]. => 2023-Q3",
            "Exports rose in [the January-June period]. => 2023-H1",
        ),
    ),
    Rule(
        "latest_quarter",
        r"\bthe\s+(?P<rel>latest|most\s+recent|just[\s-]+(?:ended|completed))\s+(?:fiscal\s+)?"
        r"(?P<unit>quarter|half|year)\b",
        "relative_unit",
        examples=("Revenue in [the latest quarter] rose 3%. => 2023-Q2",),
    ),
    Rule(
        "reported_quarter",
        # "Revenue in the quarter rose": in a sentence about results, the quarter just
        # ended (the one being reported). Lower case only: "the French Quarter" is a place.
        r"(?-i:\bthe\s+(?P<unit>quarter)\b)"
        r"(?![\s-]+(?:of|final|finals|mile|century|hour|point|percent|percentage|pound|inch)\b)",
        "relative_unit",
        guard="results_context",
        examples=(
            "Revenue in [the quarter] rose 2%. => 2023-Q2",
            "Troops patrolled [the quarter] at night. => none",
            "Shares lost [a quarter] of their value. => none",
            "Rates rose by [the quarter] percentage point markets expected. => none",
        ),
    ),
    Rule(
        "full_year",
        # "For the full year, revenue fell": results for a year told early in the next one
        # are the year just ended; otherwise the DCT's year ("full-year profit will rise").
        r"(?<!\ba )\b(?:the\s+)?full(?:[\s-]+fiscal)?[\s-]+year\b",
        "full_year",
        guard="results_context",
        examples=(
            "The bank expects [full-year] profit to rise. => 2023",
            "For [the full year], sales were flat. => 2023",
        ),
    ),
    Rule(
        "results_year",
        # "The index gained 20% in the year", "ended the year up 20%": in a sentence about
        # results, the year of the report (the one just ended early in the next). Not "the
        # year of the dragon", "the year before", "the year's end" (other rules read those).
        r"(?-i:\b(?:the)\s+year\b)(?![\s-]+(?:of|before|after|earlier|ago|that|when|in|to|since"
        r"|and|or|later|prior|he|she|they|it|we|I)\b|['’-])",
        "full_year",
        guard="results_context",
        examples=(
            "The index gained 20% in [the year], traders said. => 2023",
            "Sales rose 4% over [the year]. => 2023",
            "[The year] of the dragon began. => none",
        ),
    ),
    Rule(
        "period_ended",
        # "Oil ended the week 2% higher", "stocks began the month weak": a market's or a
        # season's week (month, year) told by the verb that opens or closes it, the one the
        # text is in. Not "the week before", "the month of May" (other rules read those).
        r"\b(?P<lead>(?:ended|closed|finished|began|started|opened|ends|closes|finishes|begins"
        r"|starts|opens)\s+)(?P<rel>the)\s+(?P<unit>week|month|year)\b"
        r"(?![\s-]+(?:of|before|after|earlier|ago|when|with|that|in)\b|['’])",
        "relative_unit",
        examples=(
            "Oil ended [the week] 2% higher. => 2023-W37",
            "Stocks began [the month] on a weak note. => 2023-09",
            "The index closed [the week] before on a high. => none",
            "He began [the month] of fasting. => none",
        ),
    ),
    Rule(
        "year_earlier",
        # After "third-quarter profit", "the year-earlier period" is that quarter a year before.
        r"\b(?:the\s+)?(?:year[\s-]+(?:earlier|ago|before)|prior[\s-]+year|year-ago)\s+"
        r"(?P<unit>period|quarter|half|month)\b"
        r"|\bthe\s+same\s+(?P<same>period|quarter|half|month)\s+(?:of\s+)?(?:last\s+year|a\s+year\s+(?:earlier|ago|before))",
        "year_earlier",
        examples=(
            "Profit in the third quarter rose from [the year-earlier period]. => 2022-Q3",
            "Sales in the second quarter fell from [the same period last year]. => 2022-Q2",
        ),
    ),
    Rule(
        "day_of_month",
        r"(?<=\bon )the\s+(?P<day>[12]\d|3[01]|[1-9])(?:st|nd|rd|th)"
        r"(?=\s*[,.;:)]|\s+(?:and|or|to|when|at|in|as)\b)",
        "day_of_month",
        examples=(
            "The ship sank on [the 3rd], officials said. => 2023-09-03",
            "Polls will close on [the 30th]. => 2023-09-30",
        ),
    ),
    Rule(
        "weekend",
        r"\b(?:(?P<rel>this|last|next|the|that)\s+)?weekend\b",
        "weekend",
        examples=("Fighting resumed over [the weekend]. => 2023-W36-WE",),
    ),
    Rule(
        "holiday",
        r"(?-i:\b(?:(?P<rel>last|next|this)\s+)?(?P<holiday>Thanksgiving(?:\s+Day)?|Christmas(?:\s+Day|\s+Eve)?"
        r"|New\s+Year's(?:\s+Day|\s+Eve)?|Easter(?:\s+Sunday|\s+[Ww]eek)?|Holy\s+Week|Election\s+Day|Independence\s+Day"
        r"|Labor\s+Day|Memorial\s+Day|Halloween|Black\s+Friday|Cyber\s+Monday|Good\s+Friday"
        r"|Valentine's\s+Day|Veterans\s+Day|Boxing\s+Day|Mother's\s+Day|Father's\s+Day"
        r"|July\s+Fourth|(?:the\s+)?Fourth\s+of\s+July)\b)",
        "holiday",
        examples=(
            "He spoke on [Christmas Day]. => 2022-12-25",
            "Troops will be home by [Thanksgiving]. => 2023-11-23",
            # A holiday week is the (ISO) week ending on Easter Sunday; the one under way
            # when the DCT falls in it, whatever the tense ("as Easter week began").
            "Pilgrims arrived as [Easter week] began. => 2023-W14",
            "Crowds gathered during [Holy Week] last spring. => 2023-W14",
            "Shoppers lined up for [Black Friday] deals. => 2022-11-25",
            "Candidates campaigned ahead of Super [Tuesday]. => none",
            "He appeared on Fox News [Sunday]. => none",
            "Roses sold out before [Valentine's Day]. => 2023-02-14",
            "Crowds gathered for [the Fourth of July] parade. => 2023-07-04",
            "Fireworks will light the sky on [July Fourth]. => 2024-07-04",
            "In 1066 William landed. On [Christmas Day] he was crowned. => 1066-12-25",
        ),
    ),
    # --- durations and sets -------------------------------------------------------------------
    Rule(
        "span_count",
        r"\b(?:the\s+)?(?P<rel>past|last|next|coming|previous|first|final)\s+(?P<num>{NUMBER}|few|several)\s+"
        r"(?P<unit>{UNITS}|{UNIT})\b",
        "duration",
        examples=(
            "Output doubled in [the past two months]. => P2M",
            "Talks over [the next few days] are key. => PXD",
        ),
    ),
    Rule(
        "duration",
        r"\b(?:(?P<lead>just|only)\s+)?(?:(?P<approx>about|almost|nearly|some|around|roughly|approximately)\s+"
        r"|(?P<det>the)\s+(?=\S+\s+(?:{UNITS}|{UNIT})\b(?!-)))?"
        r"(?:(?P<q>more\s+than|less\s+than|over|under|at\s+least|at\s+most|up\s+to|another)\s+)?"
        r"(?P<num>{NUMBER})(?:\s+more)?(?:\s+(?:full|whole|entire))?[\s-]+"
        r"(?P<unit>{UNITS}|{UNIT})(?:-long)?\b",
        "duration",
        guard="not_an_age",
        examples=(
            "He has ruled in his [12 years] in power. => P12Y",
            "A [16-hour] flight. => PT16H",
            "It lasted [5 1/2 hours]. => PT5H30M",
            "It took [more than a year]. => P1Y",
            "It took [a year] to build. => P1Y",
            "It took [about three weeks]. => P3W",
            "The feud lasted [nearly forty years]. => P40Y",
            "Profit for [the nine months] rose. => P9M",
            "It set a [14-day] deadline. => P14D",
            "Sales took [a full year] to recover. => P1Y",
            "The talks lasted [two whole days]. => P2D",
            "He made [seven trips] abroad. => none",
            "A [6-year-old] boy. => none",
            "He hosts [60 Minutes] on CBS. => none",
            "It will be [a second] betrayal. => none",
        ),
    ),
    Rule(
        "unit_long",
        r"(?<![\w-])(?:(?P<unit>{UNIT}|{UNITS})-long|(?P<plural>{UNITS})-old)\b",
        "duration",
        examples=(
            "A [decades-long] feud. => PXY",
            "Their [day-long] meeting ended. => P1D",
            "A [years-old] slump. => PXY",
        ),
    ),
    Rule(
        "vague_span",
        r"\b(?P<q>several|a\s+few|many)\s+(?P<unit>{UNITS})\b",
        "duration",
        examples=("Clashes lasted [several days]. => PXD",),
    ),
    Rule(
        "vague_stretch",
        # "in recent days" looks back from the DCT, "the coming months" ahead: references,
        # not lengths of time.
        r"\b(?:the\s+)?(?P<word>recent|coming)\s+(?:{UNITS}|quarters)\b",
        "vague",
        examples=(
            "Clashes grew in [recent days]. => PAST_REF",
            "Prices will rise in [the coming months]. => FUTURE_REF",
            "Output has slowed in [recent quarters]. => PAST_REF",
        ),
    ),
    Rule(
        "for_units",
        # "in months" only at the end of a clause: "the first time in months."
        r"(?:(?<=\bfor )|(?<=\bin )(?=\w+\s*[.,;)]))"
        r"(?P<unit>years|decades|months|weeks)\b",
        "duration",
        examples=(
            "They have feuded for [years]. => PXY",
            "It was his first public appearance in [months]. => PXM",
            "The talks made no progress in [weeks], aides said. => PXW",
            "Prices rose in [weeks] of trading. => none",
        ),
    ),
    Rule(
        "set_adverb",
        r"\b(?P<adverb>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly)\b"
        # "the Communist Party [daily] Granma", "the weekly Der Spiegel": a periodical's name
        # follows the noun (a weekday or month after it is still a date: "daily Monday to").
        r"(?!\s+(?!(?:{WEEKDAY}|{MONTH})\b)(?-i:[A-Z]))",
        "set",
        examples=(
            "Flights run [daily] to Beijing. => P1D",
            "The Communist Party [daily] Granma said so. => none",
            "The German [weekly] Der Spiegel reported it. => none",
            "Ferries sail [daily] Monday to Friday. => P1D",
            "The firm paid a [quarterly] dividend. => P3M",
        ),
    ),
    Rule(
        "set_every",
        r"\b(?:every|each)\s+(?:(?P<num>other|{NUMBER})\s+)?(?P<unit>{WEEKDAY}|{UNIT}|{UNITS}|{POD})\b",
        "set",
        examples=(
            "Ferries sail [every day]. => P1D",
            "Talks are held [every Monday]. => XXXX-WXX-1",
        ),
    ),
    Rule(
        "set_rate",
        # The count is checked by the guard: a long number alternation here is slow.
        r"\b(?P<count>\w+(?:-\w+)?)\s+(?=[dhmswy])(?:{UNITS})\s+(?:a|an|per|each)\s+(?P<unit>{UNIT})\b",
        "set",
        guard="counted",
        examples=(
            "The museum is open [seven days a week]. => P1W",
            "The hotline is staffed [24 hours a day]. => P1D",
            "Crews work [twenty-four hours a day]. => P1D",
        ),
    ),
    Rule(
        "rate",
        # "$2 million a year", "500 cars a day", "$10 per month": an amount per unit is a
        # rate, a recurrence (SET), never a date or a length of time.
        r"\b(?:a|an|per)\s+(?P<unit>{UNIT})\b",
        "set",
        guard="after_an_amount",
        examples=(
            "He was paid $2 million [a year]. => P1Y",
            "The plant makes 500 cars [per day]. => P1D",
        ),
    ),
    Rule(
        "set_times",
        r"\b(?:once|twice|(?:\w+|\d+)\s+times)\s+(?:a|an|per|each)\s+(?P<unit>{UNIT})\b",
        "set",
        examples=("He travels [twice a year]. => P1Y",),
    ),
    # --- vague references ---------------------------------------------------------------------
    Rule(
        "vague",
        # "the near future", "the recent past", "the days ahead" are references too, with
        # their determiner in the extent.
        r"\b(?P<word>now|currently|current|the\s+(?:(?:near|distant|immediate|recent)\s+)?future"
        r"|future|nowadays|these\s+days|at\s+present|at\s+the\s+moment"
        r"|the\s+(?:(?:recent|distant)\s+)?past|the\s+(?:days|weeks|months|years)\s+ahead"
        r"|formerly|recently|lately|recent)\b",
        "vague",
        guard="vague_context",
        examples=(
            "Talks are [now] under way. => PRESENT_REF",
            "They may meet in [the future]. => FUTURE_REF",
            "Such talks failed in [the past]. => PAST_REF",
            "There is no vaccine [at the moment]. => PRESENT_REF",
            "The minister [recently] resigned. => PAST_REF",
            "[Recent] polls show a tie. => PAST_REF",
            "Prices have climbed [lately]. => PAST_REF",
            "A ruling is due in [the near future]. => FUTURE_REF",
            "Such a war was unthinkable in [the recent past]. => PAST_REF",
            "Talks are likely in [the weeks ahead]. => FUTURE_REF",
        ),
    ),
    # --- relative to an event, not to the calendar --------------------------------------------
    Rule(
        "event_relative",
        r"\b(?P<prep>after|before|following|ahead\s+of|prior\s+to|until|since)\s+the\s+(?:[a-z]+\s+){0,2}?"
        r"(?P<noun>forum|summit|meeting|meetings|talks|election|elections|vote|war|conference|visit|attack|"
        r"attacks|bombing|bombings|crash|ceremony|games|trial|hearing|session|negotiations|invasion|coup|"
        r"funeral|olympics|tournament|deadline|announcement|speech|referendum|incident|explosion|blast|"
        r"earthquake|storm|hurricane|ceasefire|truce|strike|protests?|rally|debate|inauguration|festival|"
        r"parade|crisis|flood|shooting|raid|accident|revolution|uprising|summits|consultations)\b",
        "event_relative",
        examples=("Their meeting will happen [after the forum] ends. => FUTURE_REF",),
    ),
)
