"""The words temporal expressions are built from, and the regex fragments made of them.

Rules in ``rules/`` write ``{MONTH}``, ``{WEEKDAY}``, ``{NUMBER}`` ... and ``detect.py``
expands them from here, so a word added here reaches every rule at once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MONTHS: dict[str, int] = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}

WEEKDAYS: dict[str, int] = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}

SMALL_NUMBERS: dict[str, float] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "a dozen": 12,
    "dozen": 12,
    "a couple of": 2,
    "couple of": 2,
    "a half": 0.5,
    "half a": 0.5,
    "half an": 0.5,
}

# unit word -> (TIMEX3 letter, multiplier, is a clock unit written after "PT")
UNITS: dict[str, tuple[str, int, bool]] = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}

PARTS_OF_DAY: dict[str, str] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}

SEASONS: dict[str, str] = {
    "spring": "SP",
    "summer": "SU",
    "fall": "FA",
    "autumn": "FA",
    "winter": "WI",
}

# Words that pick a part of a unit ("early 2019", "the end of the year") -> TIMEX3 mod.
EDGE_MODS: dict[str, str] = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "end": "END",
    "post": "AFTER",
    "pre": "BEFORE",
}

# Words after a weekday that make it a name, not a day ("Sunday Times").
WEEKDAY_NAME_WORDS = frozenset(
    "times telegraph express mirror post herald mail star tribune independent observer "
    "sport magazine school schools live harbor harbour island creek club".split()
)
# Capitalised words before a weekday that make it a name ("Super Tuesday", "Fox News
# Sunday"); the dated ones ("Black Friday", "Good Friday") are holidays in the rules.
WEEKDAY_NAME_PREFIXES = frozenset(
    "black cyber super good holy ash bloody palm easter giving maundy news small".split()
)


def _alternation(words: Iterable[str]) -> str:
    # Longest first so "September" wins over "Sep".
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_MONTH_ABBREVIATED = [w for w in MONTHS if len(w) <= 4 and w not in ("may", "june", "july")]
_MONTH_FULL = [w for w in MONTHS if w not in _MONTH_ABBREVIATED]

# Month names must be capitalised: "a protest march" and "they may go" are no dates.
MONTH_FULL = "(?-i:" + "|".join(w.capitalize() for w in _MONTH_FULL) + ")"
MONTH = (
    "(?-i:(?:" + _alternation(w.capitalize() for w in _MONTH_FULL) + ")"
    "|(?:" + _alternation(w.capitalize() for w in _MONTH_ABBREVIATED) + r")\.?)"
)
WEEKDAY = "(?:" + _alternation(WEEKDAYS) + ")"
NUMBER_WORD = (
    r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three"
    r"|four|five|six|seven|eight|nine))?|" + _alternation(SMALL_NUMBERS) + ")"
)
NUMBER = r"(?:\d+(?:\.\d+)?(?:\s+1/2)?|" + NUMBER_WORD + r"(?:\s+and\s+a\s+half)?)"
UNIT = "(?:" + _alternation(UNITS) + ")"
UNIT_PLURAL = r"(?:seconds|minutes|hours|days|nights|weeks|months|years|decades|centuries)"
PART_OF_DAY = "(?:" + _alternation(PARTS_OF_DAY) + ")"
SEASON = "(?:" + _alternation(SEASONS) + ")"
YEAR = r"(?:1[0-9]\d\d|20\d\d)"
DAY_NUMBER = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"

FRAGMENTS = {
    "MONTH": MONTH,
    "MONTH_FULL": MONTH_FULL,
    "WEEKDAY": WEEKDAY,
    "NUMBER": NUMBER,
    "NUMBER_WORD": NUMBER_WORD,
    "UNIT": UNIT,
    "UNITS": UNIT_PLURAL,
    "POD": PART_OF_DAY,
    "SEASON": SEASON,
    "YEAR": YEAR,
    "DAY": DAY_NUMBER,
}


def number_value(words: str) -> float | None:
    """Return the number a numeral or number phrase stands for, None when vague."""
    words = re.sub(r"\s+", " ", words.strip().lower())
    if not words:
        return None
    half = 0.0
    for suffix in (" and a half", " 1/2"):
        if words.endswith(suffix):
            words, half = words[: -len(suffix)].strip(), 0.5
    try:
        return float(words) + half
    except ValueError:
        pass
    if words in SMALL_NUMBERS:
        return SMALL_NUMBERS[words] + half
    parts = re.split(r"[- ]", words)
    if len(parts) == 2 and parts[0] in SMALL_NUMBERS and parts[1] in SMALL_NUMBERS:
        return SMALL_NUMBERS[parts[0]] + SMALL_NUMBERS[parts[1]] + half
    return None


def month_number(word: str) -> int:
    """Return 1-12 for a month name or abbreviation (with or without a full stop)."""
    return MONTHS[word.rstrip(".").lower()]


def edge_mod(words: str | None) -> str | None:
    """Return the TIMEX3 mod that "early", "mid", "the end of" ... stand for, else None."""
    key = re.sub(r"^the\s+|\s+(?:of|in)$", "", " ".join((words or "").lower().split()))
    return EDGE_MODS.get(key)
