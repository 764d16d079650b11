"""Find temporal expressions: every rule's matches, context guards, one overlap filter.

This step only finds spans (with offsets and the rule's named groups); what they mean is
decided in ``resolve.py``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from timeline.temporal.lexicon import (
    FRAGMENTS,
    MONTHS,
    SEASONS,
    WEEKDAY_NAME_PREFIXES,
    WEEKDAY_NAME_WORDS,
    WEEKDAYS,
    month_number,
    number_value,
)
from timeline.temporal.rules import RULES, Rule


class Detection(NamedTuple):
    """One rule's match: offsets into the text, the rule, and its named groups."""

    start: int
    end: int
    rule: Rule
    groups: dict[str, str | None]

    def group(self, name: str) -> str:
        """Return the text of a group the rule's pattern always fills when it matches.

        Raises ValueError when the group took part in no match (a rule and its
        resolver that disagree about the pattern)."""
        text = self.groups[name]
        if text is None:
            raise ValueError(f"rule {self.rule.name!r} matched without its group {name!r}")
        return text


_FRAGMENT_NAME = re.compile(r"\{([A-Z_]+)\}")


def expand(pattern: str) -> str:
    """Return ``pattern`` with its ``{NAME}`` fragments replaced from the lexicon."""
    return _FRAGMENT_NAME.sub(lambda m: FRAGMENTS[m.group(1)], pattern)


@lru_cache(maxsize=1)
def compiled_rules() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """Return every rule with its compiled, case-insensitive pattern."""
    return tuple((rule, re.compile(expand(rule.pattern), re.IGNORECASE)) for rule in RULES)


def _words_before(text: str, start: int, count: int = 2) -> list[str]:
    words = re.findall(r"[A-Za-z']+", text[max(0, start - 30) : start])
    return [w.lower() for w in words[-count:]]


def _next_token(text: str, end: int) -> str:
    match = re.match(r"\s*([^\s]+)", text[end : end + 30])
    return match.group(1) if match else ""


_MONTH_PREPOSITIONS = frozenset(
    "in of since until till by from to through during early late mid before after last next this "
    "between and".split()
)
# "March Madness", "June Bride": a month alone before a capitalised word names something.
_NAME_AFTER = re.compile(r"\s+[A-Z][a-z]")


_NAME_BEFORE = re.compile(r"(?<=[a-z,;:)] )([A-Z][a-z]+)(?:['’]s)? $")
_NOT_NAMES = frozenset(WEEKDAYS) | frozenset(MONTHS)


def _month_alone(text: str, match: re.Match[str]) -> bool:
    if match.group("rel"):
        return True
    before = _words_before(text, match.start(), 1)
    if before and before[0] in _MONTH_PREPOSITIONS:
        return True  # "in March for the first time", "in March of the following year"
    # "the March for Life" and "the March of the Mothers" are names, not months; so are
    # "the March to the Sea" and "the March on Versailles".
    after = re.match(
        r"\s+(?:for\s|of\s+(?:the\s|[A-Z])|(?:to|on)\s+(?:the\s+)?([A-Z][a-z]+))",
        text[match.end() : match.end() + 24],
    )
    if after and (after.group(1) or "").lower() not in _NOT_NAMES:
        return False  # ("February to April" is a range of months)
    # "the Long March", "the Women's March": a capitalised word inside a sentence names it.
    name = _NAME_BEFORE.search(text, max(0, match.start() - 30), match.start())
    if name and name.group(1).lower() not in _NOT_NAMES:
        return False
    if _NAME_AFTER.match(text, match.end()) and not re.match(
        rf"\s+(?:{FRAGMENTS['WEEKDAY']})\b", text[match.end() : match.end() + 12], re.I
    ):
        return False
    # "May" is mostly the verb; a month name alone needs a preposition before it.
    return match.group("month").lower() != "may"


_YEAR_PREPOSITIONS = frozenset(
    "in since by until till from to of between and during before after around circa through "
    "early late mid year fiscal the or until summer spring fall autumn winter".split()
) | frozenset(MONTHS)
_YEAR_NOUNS_OK = frozenset(
    "election elections budget season census campaign olympics games championship championships "
    "levels level figures figure law act agreement accord war crisis midterms midterm primaries "
    "primary protests uprising playoffs finals attacks riots floods wildfires polls talks race "
    "vote referendum pandemic".split()
)
# "World Cup 2026", "Tokyo 2020": a year right after a name -- a capitalised word inside
# a sentence ("Some 2000 attended" opens one: the capital says nothing there).
_AFTER_A_NAME = re.compile(r"(?<=[\w,;:)] )[A-Z][A-Za-z]+ $")


# Words ending in -s that are no plural nouns: "in 1953 has died", "in 1990 as the war ...".
_NOT_PLURALS = frozenset(
    "has was is as his its this us does says plus thus yes whereas besides across towards "
    "afterwards always perhaps unless less news".split()
)
# "the 2000 km border": a number before a unit of measure is a quantity.
_MEASURES = frozenset("km kg mph ft m mi lb cc hp sq mw kw miles metres meters".split())
# A year used as a modifier follows a determiner: "its 1990 invasion", "that 1978 resolution".
_DETERMINERS = frozenset("the its their his her our your that this a an whose".split())


def _counts_things(next_word: str) -> bool:
    """Return True when a number followed by ``next_word`` counts things ("2000 people")."""
    return next_word.islower() and (
        (next_word.endswith("s") and next_word not in _NOT_PLURALS)
        or next_word in ("people", "men", "women", "children")
    )


# "1987 saw a new wave", "1999 was a good year": verbs whose subject a year opening its
# sentence is; "1500 died" and "2000 were killed" count people.
_YEAR_SUBJECT_VERBS = frozenset(
    "was is saw sees marked marks brought brings began begins ended ends proved proves "
    "became becomes remained remains witnessed will would had has".split()
)
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"')]?\s+|\n\s*)$")


# "1600 Pennsylvania Avenue", "2010 W. Main St.": a house number before a street's name.
_STREET_AFTER = re.compile(
    r"\s+(?:(?:[NSEW]\.|North|South|East|West)\s+)?(?:[A-Z][A-Za-z]+\s+){1,3}"
    r"(?:Avenue|Ave\.|Street|St\.|Road|Rd\.|Boulevard|Blvd\.|Lane|Drive|Dr\.|Highway|Parkway)(?!\w)"
)


# "Section 1983", "Resolution 1441", "Flight 1549", "Route 1966": a numbered thing.
_NUMBERED_THING = re.compile(
    r"\b(?:section|article|chapter|rule|form|title|room|suite|flight|route|highway|interstate"
    r"|no\.|number|resolution|code|page|gate|pier|platoon|model|apollo|boeing|airbus)\s+$",
    re.IGNORECASE,
)


def _year_context(text: str, match: re.Match[str]) -> bool:
    # "in 2019" is a year, "2000 people" a count: look at the words around it.
    if match.group("mod"):
        return True
    if _STREET_AFTER.match(text, match.end()) and _words_before(text, match.start(), 1) not in (
        ["in"], ["by"], ["since"], ["until"], ["during"], ["from"], ["after"], ["before"]
    ):
        return False  # "at 1600 Pennsylvania Avenue"; but "in 1987 Wall Street crashed"
    if _NUMBERED_THING.search(text, max(0, match.start() - 14), match.start()):
        return False
    following = _next_token(text, match.end())
    before = _words_before(text, match.start(), 1)
    if re.match(r"['’]s\b", following) and before != ["the"]:
        return True  # "1985's 1,050,000 soldiers": a count takes no possessive
    next_word = re.sub(r"[^A-Za-z]", "", following)
    if next_word in _YEAR_SUBJECT_VERBS and _SENTENCE_START.search(
        text, max(0, match.start() - 4), match.start()
    ):
        return True
    if next_word == "the" and before and int(match.group("year")) >= 1700:
        return True  # "making 1985 the bloodiest year": a count is followed by its noun
    if next_word not in _YEAR_NOUNS_OK and _counts_things(next_word):
        return False
    if match.group("fiscal"):
        return True
    if next_word in _MEASURES:
        return False
    if before == ["the"] and next_word.islower() and int(match.group("year")) < 1700:
        return False  # "the 1200 block": a number before a noun, not a year
    if before and before[0] in _YEAR_PREPOSITIONS:
        return True
    if before == ["for"] and 1800 <= int(match.group("year")) <= 2100:
        return True  # "net profit for 2018 doubled" (counts, "for 2000 people", are out)
    if (
        before
        and (before[0] in _DETERMINERS or before[0].endswith("'s"))
        and next_word.islower()
        and int(match.group("year")) >= 1700  # "its 1200 employees" counts
    ):
        return True  # "Iraq's 1990 invasion": a year as a modifier (counts were ruled out)
    if not following or not following[0].isalnum():
        return True
    if following[0].isupper() or next_word in _YEAR_NOUNS_OK:
        return True
    return bool(_AFTER_A_NAME.search(text, max(0, match.start() - 30), match.start()))


def _year_range(text: str, match: re.Match[str]) -> bool:
    # "2009-2010" and "1957-58" run forwards over a few years; "1500-2000 troops" counts.
    groups = match.groupdict()
    if groups.get("first"):
        first, last = groups["first"], groups["year"]
    else:
        first, last = groups["year"], match.group("tail")[1:]
    if len(last) == 2:
        last = first[:2] + last
    if not 0 < int(last) - int(first) < 100:
        return False
    next_word = re.sub(r"[^A-Za-z]", "", _next_token(text, match.end()))
    return next_word in _YEAR_NOUNS_OK or not _counts_things(next_word)


def _spelled_year(text: str, match: re.Match[str]) -> bool:
    # "nineteen people" counts; a spelled year needs two parts and a year's place.
    spelled = match.group("spelled").lower()
    if re.fullmatch(r"twenty-(?:one|two|three|four|five|six|seven|eight|nine)", spelled):
        return False  # "twenty-two smaller states": a number; 2022 is "twenty twenty-two"
    if spelled.startswith("two thousand") and spelled.split()[-1] == "thousand":
        return False
    next_word = re.sub(r"[^A-Za-z]", "", _next_token(text, match.end()))
    if _counts_things(next_word):
        return False
    before = _words_before(text, match.start(), 1)
    return bool(before and before[0] in _YEAR_PREPOSITIONS)


# "$2 million a year", "500 cars a day", "5% a month": an amount per unit is a rate.
_AMOUNT_BEFORE = re.compile(
    r"(?:\d(?:[\d.,]*\d)?%?|\b(?:million|billion|trillion|thousand|hundred|percent|dozen))"
    r"(?:\s+[a-z]+){0,2}\s+$"
)


def _after_an_amount(text: str, match: re.Match[str]) -> bool:
    return bool(_AMOUNT_BEFORE.search(text, max(0, match.start() - 40), match.start()))


def _weekday_not_name(text: str, match: re.Match[str]) -> bool:
    if match.group("tail"):
        return True  # "Friday's edition" is a day; names have no possessive
    following = re.sub(r"[^A-Za-z]", "", _next_token(text, match.end())).lower()
    if following in WEEKDAY_NAME_WORDS:
        return False
    before = re.search(r"([A-Z][a-z]+)\s+$", text[max(0, match.start() - 20) : match.start()])
    return not (before and before.group(1).lower() in WEEKDAY_NAME_PREFIXES)


_SEASON_LEADS = frozenset(
    "in during by until since this last next through throughout over early late of before after "
    "into spent passed entered main second first each every whole entire same".split()
)


def _season_context(text: str, match: re.Match[str]) -> bool:
    # "prices fall" is a verb; a season needs "in (the)", "this", "last" ... or a year.
    if match.group("year"):
        return True
    if re.match(r"\s+of\b", text[match.end() : match.end() + 4]):
        return False
    if (match.group("det") or "").lower() == "that":
        # "That summer, Britain stood alone"; but "prices that fall" is a verb.
        return match.group("season").lower() != "fall" or bool(
            re.match(r"\s*[,;.]", text[match.end() : match.end() + 2])
        )
    before = _words_before(text, match.start(), 2)
    if not before:
        return False
    if len(before) == 2 and before[1] in ("and", "or") and before[0] in SEASONS:
        return True  # "the spring and summer": the second season shares the first's place
    if match.group("det"):
        return before[-1] in _SEASON_LEADS  # "in the spring"
    if before[-1] == "the":
        return len(before) == 2 and before[0] in _SEASON_LEADS
    return before[-1] in _SEASON_LEADS - {"of"}


def _vague_context(text: str, match: re.Match[str]) -> bool:
    word = match.group("word").lower()
    if word == "now":
        # "the now-defunct party" describes a thing, it does not date anything.
        return not text.startswith("-", match.end())
    return True


def _not_an_age(text: str, match: re.Match[str]) -> bool:
    # "a 6-year-old boy" is an age and "60 Minutes" a programme, not durations.
    if re.match(r"[\s-]*olds?\b", text[match.end() : match.end() + 6]):
        return False
    unit = match.group("unit")
    number = (match.group("num") or "").lower()
    if number in ("a", "an") and _after_an_amount(text, match):
        return False  # a rate: the "rate" rule makes it a SET
    if number in ("a", "an") and unit.lower().endswith("s"):
        return False  # "a decades-long feud": the article belongs to the noun
    if number in ("a", "an", "one") and unit.lower() == "second":
        # "a second term" is an ordinal; "for a second, then" is time.
        following = re.match(r"\s+([a-z]+)", text[match.end() : match.end() + 20])
        if following and following.group(1) not in (
            "ago",
            "later",
            "earlier",
            "or",
            "and",
            "longer",
        ):
            return False
    return not (unit[0].isupper() and unit[1:].islower())


def _not_a_count(text: str, match: re.Match[str]) -> bool:
    # "Sept. 3 and 12 people": a number before a plural noun counts things.
    following = re.match(r"\s+([a-z]+)\b", text[match.end() : match.end() + 20])
    return not (following and _counts_things(following.group(1)))


def _counted(text: str, match: re.Match[str]) -> bool:
    # "seven days a week" counts; "many hours a day" is a vague span, not a rate.
    return number_value(match.group("count")) is not None


# Words of a sentence about a company's or an economy's results.
_RESULTS_WORDS = re.compile(
    r"\b(?:revenues?|sales|profits?|earnings|income|loss(?:es)?|results|margins?|output|orders"
    r"|dividends?|shares|stocks|index|growth|GDP|economy|inflation|unemployment|exports"
    r"|forecasts?|guidance|outlook|deliveries)\b",
    re.IGNORECASE,
)


def _results_context(text: str, match: re.Match[str]) -> bool:
    # "the quarter" and "the full year" are periods only in a sentence about results
    # ("Revenue in the quarter rose"), not in "troops patrolled the quarter".
    start = max(text.rfind(". ", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    ends = (text.find(". ", match.end()), text.find("\n", match.end()), len(text))
    stop = min(end for end in ends if end >= 0)
    return bool(_RESULTS_WORDS.search(text, start, stop))


def _calendar_quarter(text: str, match: re.Match[str]) -> bool:
    # "the July-September quarter" runs over a calendar quarter or half, nothing else.
    first, last = month_number(match.group("m1")), month_number(match.group("m2"))
    return (first - 1) % 3 == 0 and last == first + 2 or first in (1, 7) and last == first + 5


GUARDS = {
    "counted": _counted,
    "not_a_count": _not_a_count,
    "not_an_age": _not_an_age,
    "month_alone": _month_alone,
    "year_context": _year_context,
    "year_range": _year_range,
    "spelled_year": _spelled_year,
    "after_an_amount": _after_an_amount,
    "weekday_not_name": _weekday_not_name,
    "season_context": _season_context,
    "vague_context": _vague_context,
    "results_context": _results_context,
    "calendar_quarter": _calendar_quarter,
}


def _check_guards(rules: Iterable[Rule]) -> None:
    """Fail at import for a rule whose guard is not one of GUARDS: a misspelt name
    would otherwise be no guard at all."""
    unknown = sorted({rule.guard for rule in rules if rule.guard and rule.guard not in GUARDS})
    if unknown:
        raise LookupError(f"rules name guards that do not exist: {', '.join(unknown)}")


_check_guards(RULES)


def detect(text: str) -> list[Detection]:
    """Return the temporal expressions in ``text``: non-overlapping, sorted by start.

    Overlaps are settled by one filter: the longer match wins, then the earlier rule.
    """
    candidates: list[tuple[int, int, int, re.Match[str], Rule]] = []
    for index, (rule, pattern) in enumerate(compiled_rules()):
        guard = GUARDS.get(rule.guard) if rule.guard else None
        has_lead, has_tail = "lead" in pattern.groupindex, "tail" in pattern.groupindex
        for match in pattern.finditer(text):
            start, end = match.span()
            if has_lead and match.group("lead") is not None:
                start = match.end("lead")
            if has_tail and match.group("tail") is not None and match.end("tail") == end:
                end = match.start("tail")
            # Leading/trailing blanks come from optional parts; keep spans tight.
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if start == end or (guard is not None and not guard(text, match)):
                continue
            candidates.append((start, end, index, match, rule))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    # Taken spans never overlap, so a candidate need only be checked against its
    # neighbours in start order (keeps long texts linear-ish, not quadratic).
    taken_starts: list[int] = []
    taken_ends: list[int] = []
    chosen: list[Detection] = []
    for start, end, _index, match, rule in candidates:
        position = bisect.bisect_right(taken_starts, start)
        if position > 0 and taken_ends[position - 1] > start:
            continue
        if position < len(taken_starts) and taken_starts[position] < end:
            continue
        taken_starts.insert(position, start)
        taken_ends.insert(position, end)
        chosen.append(Detection(start, end, rule, match.groupdict()))
    chosen.sort(key=lambda d: d.start)
    return chosen
