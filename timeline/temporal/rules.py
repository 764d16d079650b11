"""The detection rules, kept as data: a pattern, what it resolves as, and examples.

Each rule's ``pattern`` is a regular expression whose ``{NAME}`` fragments come from
``lexicon.FRAGMENTS`` and whose named groups feed the resolver named by ``kind``
(``resolve.py``). Groups named ``lead`` and ``tail`` are context read by the resolver but
left out of the expression's extent, as TimeML annotators do ("about [three days]",
"[Friday]'s ruling"). ``guard`` names an extra check on the context (``detect.GUARDS``).
``examples`` are sentences with the expected expression in [brackets] and its TIMEX3
value after ``=>``, read against the example document date (Tuesday 12 September 2023);
the test suite runs every one of them.

When two rules match overlapping text the longer match wins; on a tie, the earlier rule.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

EXAMPLE_DCT = datetime(2023, 9, 12)  # a Tuesday


@dataclass(frozen=True)
class Rule:
    """One detection rule (see the module docstring for what each field means)."""

    name: str
    pattern: str
    kind: str
    guard: str | None = None
    examples: tuple[str, ...] = field(default=())


RULES: tuple[Rule, ...] = (
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
        r"(?:\b(?P<weekday>{WEEKDAY}),?\s+)?\b(?P<month>{MONTH})\s+(?P<day>{DAY})(?!\d|:\d)\b"
        r"(?:,?\s+(?P<year>{YEAR})\b)?",
        "absolute",
        examples=(
            "It opened on [Sept. 12, 2023] in Moscow. => 2023-09-12",
            "WASHINGTON, [August 11] (Xinhua) -- The talks ended. => 2023-08-11",
            "The talks ended [Aug. 7]. => 2023-08-07",
            "The vote will be held on [Oct. 3]. => 2023-10-03",
            "He arrived [Monday, Sept. 11]. => 2023-09-11",
        ),
    ),
    Rule(
        "day_month",
        r"(?:\b(?P<weekday>{WEEKDAY}),?\s+)?\b(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})(?![A-Za-z])"
        r"(?:,?\s+(?P<year>{YEAR})\b)?",
        "absolute",
        examples=(
            "Published [12 September 2023]. => 2023-09-12",
            "By [3 October] the talks will be over. => 2023-10-03",
        ),
    ),
    Rule(
        "month_year",
        r"\b(?:(?P<mod>early|mid|late)[\s-]+)?(?P<month>{MONTH})(?:,?\s+|\s+of\s+)(?P<year>{YEAR})\b",
        "month",
        examples=(
            "It began in [March 2020] in Wuhan. => 2020-03",
            "Prices rose in [late July 1997]. => 1997-07",
        ),
    ),
    Rule(
        "month_relative_year",
        r"\b(?:(?P<mod>early|mid|late)[\s-]+)?(?P<month>{MONTH_FULL})\s+(?:(?:of\s+)?(?P<yrel>this|last|next)"
        r"|of\s+the\s+(?P<yref>following|next|previous|same))\s+year\b",
        "month",
        examples=(
            "It was approved in [early October this year]. => 2023-10",
            "Talks began in [February last year]. => 2022-02",
            "It closed in 2019 and reopened in [March of the following year]. => 2020-03",
        ),
    ),
    Rule(
        "month",
        r"\b(?:(?P<rel>last|next|this|earlier this|later this|early|mid|late)[\s-]+)?"
        r"(?P<month>{MONTH_FULL})(?![A-Za-z])",
        "month",
        guard="month_alone",
        examples=(
            "They met in [April] to plan it. => 2023-04",
            "The summit will take place in [November]. => 2023-11",
            "It slowed in [late November]. => 2022-11",
            "He [may] go. => none",
            "They held [last October] talks. => 2022-10",
            "Crowds joined the annual [March] for Life. => none",
            "She led the [March] of the Combatant Mothers. => none",
        ),
    ),
    # --- years, decades, centuries ------------------------------------------------------------
    Rule(
        "year",
        r"(?<![\w$£€.,/-])(?:(?P<mod>early|mid|late|post|pre"
        r"|(?:the\s+)?(?:end|beginning|start|middle)\s+of)[\s-]+)?(?P<year>{YEAR})(?![\w%/-]|[.,]\d)",
        "year",
        guard="year_context",
        examples=(
            "They met in [2019] on his last trip. => 2019",
            "The review is due by [the end of 2024]. => 2024",
            "Troops: [7,000] in all. => none",
            "The [post-1959] government. => 1959",
        ),
    ),
    Rule(
        "decade",
        r"(?:\b(?P<mod>early|mid|late)[\s-]+)?(?:\b(?P<decade>1\d\d0|20\d0)|'(?P<short>[0-9]0))'?s\b",
        "decade",
        examples=(
            "Reforms began in the [1990s] there. => 199X",
            "It was a hit in the ['80s]. => 198X",
            "Rents soared in the ['20s]. => 202X",
            "It peaked in the [early 1980s]. => 198X",
        ),
    ),
    Rule(
        "century",
        r"\b(?P<ord>\d{1,2})(?:st|nd|rd|th)\s+century\b",
        "century",
        examples=("It dates from the [19th century]. => 18",),
    ),
    # --- weekdays, today, parts of days, clock times ------------------------------------------
    Rule(
        "weekday",
        r"\b(?:(?P<lead>earlier|later)\s+)?"
        r"(?:(?P<rel>last|next|this|early|late|the\s+following|the\s+previous)(?:\s+on)?\s+)?"
        r"(?P<weekday>{WEEKDAY})(?P<tail>'s)?(?:\s+(?P<pod>{POD}))?\b",
        "weekday",
        guard="weekday_not_name",
        examples=(
            "Japanese media reported on [Tuesday] the arrival. => 2023-09-12",
            "Kim left for Russia on [Sunday] with aides. => 2023-09-10",
            "The leaders will meet on [Thursday]. => 2023-09-14",
            "Kim entered Russia [early on Tuesday]. => 2023-09-12TMO",
            "The train left [Monday night]. => 2023-09-11TNI",
            "A column in the [Sunday] Times said so. => none",
            "Earlier [Friday], the talks ended. => 2023-09-08",
            "It ran on the front of [Friday]'s edition. => 2023-09-08",
            "They met [last Wednesday]. => 2023-09-06",
            "They met on Aug. 3 and again [the following Monday]. => 2023-08-07",
        ),
    ),
    Rule(
        "today",
        r"\b(?:the\s+day\s+(?P<beyond>before|after)\s+)?(?P<word>today|tonight|yesterday|tomorrow)"
        r"(?:'s)?(?:\s+(?P<pod>{POD}))?\b",
        "today",
        examples=(
            "Officials said [today] that it ended. => 2023-09-12",
            "It began [the day before yesterday]. => 2023-09-10",
            "He arrived [yesterday]. => 2023-09-11",
            "He will speak [tomorrow morning]. => 2023-09-13TMO",
            "The vote is [tonight]. => 2023-09-12TNI",
        ),
    ),
    Rule(
        "today_part",
        r"\b(?P<rel>this|last)\s+(?P<pod>morning|afternoon|evening|night)\b",
        "today",
        examples=(
            "Troops crossed [last night]. => 2023-09-11TNI",
            "He spoke [this morning]. => 2023-09-12TMO",
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
        ),
    ),
    Rule(
        "clock_24",
        r"(?<=\bat )(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)"
        r"(?:\s+(?-i:(?P<tz>GMT|UTC|[A-Z]{1,4}T))\b)?",
        "clock",
        examples=("The train arrived at [14:30] local time. => 2023-09-12T14:30",),
    ),
    Rule(
        "clock_word",
        r"\b(?P<word>noon|midday|midnight)\b(?:\s+(?P<weekday>{WEEKDAY})\b)?",
        "clock",
        examples=("Talks began at [midday]. => 2023-09-12T12:00",),
    ),
    Rule(
        "clock_in_the",
        r"\b(?P<hour>1[0-2]|[1-9])(?:\s+o'clock)?\s+in\s+the\s+(?P<pod>morning|afternoon|evening)\b",
        "clock",
        examples=("They woke at [4 in the morning]. => 2023-09-12T04:00",),
    ),
    # --- anchored on the last time mentioned --------------------------------------------------
    Rule(
        "that_day",
        r"\b(?:(?P<mod>earlier|later)\s+)?(?:that|the\s+same|that\s+same)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b",
        "reference",
        examples=("They met on Sept. 3. [Later that day] the talks ended. => 2023-09-03",),
    ),
    Rule(
        "next_day",
        r"\bthe\s+(?P<dir>next|following|previous|preceding)\s+(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b",
        "reference",
        examples=("They met on Sept. 3. [The next day] they left. => 2023-09-04",),
    ),
    Rule(
        "day_before",
        r"\bthe\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after)(?=\s*[,.;)]|\s+that\b)",
        "reference",
        examples=("It rained on Sept. 3; [the day before], it was dry. => 2023-09-02",),
    ),
    Rule(
        "offset",
        r"\b(?:(?P<lead>about|almost|nearly|some|around|roughly|approximately|just|only)\s+)?"
        r"(?:(?P<q>more\s+than|less\s+than|over)\s+)?"
        r"(?P<num>{NUMBER})?[\s-]*(?P<unit>{UNITS}|{UNIT})\s+(?P<dir>ago|earlier|later|from\s+now|hence)\b",
        "offset",
        examples=(
            "The war ended [50 years ago]. => 1973",
            "It began [three days ago]. => 2023-09-09",
            "They met on Sept. 3. [Two weeks later] they signed. => 2023-W37",
            "They met on Sept. 3. [Hours later] the truce collapsed. => 2023-09-03",
            "They met in June. [Weeks later] the truce collapsed. => PAST_REF",
            "The truce will hold until [weeks later]. => FUTURE_REF",
        ),
    ),
    # --- units relative to the document date --------------------------------------------------
    Rule(
        "relative_unit",
        r"\b(?:(?P<mod>early|mid|late|earlier|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?"
        r"(?P<rel>last|next|this|past|previous|coming|current)\s+"
        r"(?P<unit>week|weekend|month|year|quarter|decade|century|{SEASON})\b",
        "relative_unit",
        examples=(
            "Prices rose [last week]. => 2023-W36",
            "It began [last month]. => 2023-08",
            "Tax rose [this year]. => 2023",
            "He will visit [early next week]. => 2023-W38",
            "Trade doubled over the [past decade]. => P10Y",
            "It fell [last fall]. => 2022-FA",
        ),
    ),
    Rule(
        "year_end",
        r"\b(?:the\s+)?(?P<unit>year)(?:'s\s+|-)(?P<mod>end|start)\b|\bthe\s+(?P<rel>new)\s+(?P<new>year)\b",
        "relative_unit",
        examples=(
            "The agency expects to finish by [year's end]. => 2023",
            "Sales rose [year-end] as hoped. => 2023",
            "The program starts in [the new year]. => 2024",
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
        r"\b(?:(?P<rel>early|late|mid)[\s-]+)?(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR}))?\b",
        "season",
        guard="season_context",
        examples=(
            "They will meet in the [spring]. => 2024-SP",
            "Prices [fall] sharply. => none",
            "It opened in [summer 1998]. => 1998-SU",
        ),
    ),
    Rule(
        "quarter",
        r"\b(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<unit>quarter|half)\b"
        r"(?:\s+of\s+(?P<year>{YEAR}))?|\b(?-i:Q(?P<number>[1-4]))(?:\s+(?P<qyear>{YEAR}))?\b",
        "quarter",
        examples=(
            "Profits rose in [the third quarter]. => 2023-Q3",
            "Sales fell in [Q1 2022]. => 2022-Q1",
            "Sales fell in [the first half of 1998]. => 1998-H1",
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
        r"|New\s+Year's(?:\s+Day|\s+Eve)?|Easter(?:\s+Sunday)?|Election\s+Day|Independence\s+Day"
        r"|Labor\s+Day|Memorial\s+Day|Halloween)\b)",
        "holiday",
        examples=(
            "He spoke on [Christmas Day]. => 2022-12-25",
            "Troops will be home by [Thanksgiving]. => 2023-11-23",
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
        r"\b(?:(?P<lead>about|almost|nearly|some|around|roughly|approximately|just|only)\s+)?"
        r"(?:(?P<q>more\s+than|less\s+than|over|under|at\s+least|at\s+most|up\s+to|another)\s+)?"
        r"(?P<num>{NUMBER})(?:\s+more)?[\s-]+"
        r"(?P<unit>{UNITS}|{UNIT})(?:-long)?\b",
        "duration",
        guard="not_an_age",
        examples=(
            "He has ruled in his [12 years] in power. => P12Y",
            "A [16-hour] flight. => PT16H",
            "It lasted [5 1/2 hours]. => PT5H30M",
            "It took [more than a year]. => P1Y",
            "It took about [three weeks]. => P3W",
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
        r"\b(?P<q>recent|coming|several|a\s+few|many)\s+(?P<unit>{UNITS})\b",
        "duration",
        examples=("Clashes grew in [recent days]. => PXD",),
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
        r"\b(?P<adverb>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly)\b",
        "set",
        examples=("Flights run [daily] to Beijing. => P1D",),
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
        r"\b(?P<count>{NUMBER})\s+(?:{UNITS})\s+(?:a|an|per|each)\s+(?P<unit>{UNIT})\b",
        "set",
        examples=(
            "The museum is open [seven days a week]. => P1W",
            "The hotline is staffed [24 hours a day]. => P1D",
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
        r"\b(?P<word>now|currently|current|the\s+future|future|nowadays|these\s+days|at\s+present)\b",
        "vague",
        guard="vague_context",
        examples=(
            "Talks are [now] under way. => PRESENT_REF",
            "They may meet in [the future]. => FUTURE_REF",
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
