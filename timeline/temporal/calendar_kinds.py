"""Resolvers for expressions that name a calendar unit: dates, months, years, decades,
centuries, seasons, quarters and holidays (days of the week and clock times are in
``day_kinds.py``).

Each ``resolve_<kind>(resolver, detection)`` returns a ``Resolution`` or None.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from timeline.model import TimexType
from timeline.temporal.lexicon import SEASONS, edge_mod, month_number, number_value
from timeline.temporal.resolution import Resolution
from timeline.temporal.shifts import (
    add_months,
    holiday_date,
    pick_by_tense,
    safe_date,
    season_value,
)
from timeline.temporal.tense import FUTURE, PAST, PRESENT, governed_by_past

if TYPE_CHECKING:
    from timeline.temporal.detect import Detection
    from timeline.temporal.resolve import Resolver

# The present of a schedule ("markets are closed on Wednesday") looks ahead like a future.
_TENSE_PHRASES: dict[str | None, str] = {
    PAST: "past tense",
    FUTURE: "future tense",
    PRESENT: "present tense of a schedule",
}


def year_phrase(tense: str | None) -> str:
    """Return how a tense reads in an explanation ("past tense", "no clear tense")."""
    return _TENSE_PHRASES.get(tense, "no clear tense")


def day_value(day: date) -> str:
    """Return the TIMEX3 value of a day ("2023-09-12")."""
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def resolve_absolute(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a day (or minute) from a written date; a missing year is chosen by tense.
    "the week of March 6" returns the ISO week holding that day ("2024-W10")."""
    result = _resolve_day(resolver, detection)
    if result is None or not detection.groups.get("week_of"):
        return result
    day = date.fromisoformat(result.value[:10])
    year, week, _weekday = day.isocalendar()
    value = f"{year:04d}-W{week:02d}"
    return replace(result, value=value, how=f"{result.how}; the week holding it -> {value}")


def _resolve_day(resolver: Resolver, detection: Detection) -> Resolution | None:
    groups = detection.groups
    month_text = detection.group("month")
    month = int(month_text) if month_text.isdigit() else month_number(month_text)
    day_number = int("".join(ch for ch in detection.group("day") if ch.isdigit()))
    if groups.get("year"):
        # The rule's groups already hold year, month and day; dateparser (which read
        # "4, 2022" of "Aug. 2 and 4, 2022" as 1 April) is kept for typed dates.
        day = safe_date(int(detection.group("year")), month, day_number)
        if day is None:
            return None
        value = day_value(day)
        how = f"is a full date -> {value}"
        if groups.get("hour"):
            value += f"T{detection.group('hour')}:{detection.group('minute')}"
            how = f"is a full date and time -> {value}"
            return Resolution(value, TimexType.TIME, how, 0.95)
        return Resolution(value, TimexType.DATE, how, 0.95)
    story = resolver.story_year(detection)
    # A leap year checks the day when the story's year is before Christ; a day the
    # story's year lacks ("February 29" of 2007) is read against the DCT instead.
    if story is not None and safe_date(story[0] if story[0] > 0 else 2000, month, day_number):
        value = f"{year_text(story[0])}-{month:02d}-{day_number:02d}"
        return Resolution(value, TimexType.DATE, _story_how(story, value), 0.75, None, "story")
    tense = resolver.tense(detection)
    strict = governed_by_past(resolver.text, detection.start)
    day = day_without_year(resolver.dct_day, month, day_number, tense, strict)
    if day is None:
        return None
    value = day_value(day)
    how = f"has no year; {year_phrase(tense)} against the DCT {resolver.describe_dct()} -> {value}"
    return Resolution(value, TimexType.DATE, how, 0.85, tells_present=True)


def _story_how(story: tuple[int, str], value: str) -> str:
    year = year_text(story[0])
    return f"has no year; the story is in {year} (last named in '{story[1]}') -> {value}"


def year_text(year: int) -> str:
    """Return a year as TIMEX3 writes it: "1941", or "BC0490" for 490 BC (year -490)."""
    return f"{year:04d}" if year > 0 else f"BC{-year:04d}"


def day_without_year(
    dct: date, month: int, day_number: int, tense: str | None, strict_past: bool = False
) -> date | None:
    """Return the day a month and day without a year mean: the occurrence the tense
    points to (the nearest when close to the DCT, unless a past verb governs it), or
    None when it never exists."""
    candidates = [
        c for c in (safe_date(dct.year + k, month, day_number) for k in (-1, 0, 1)) if c
    ]
    return pick_by_tense(candidates, dct, tense, strict_past=strict_past) if candidates else None


def resolve_month(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a month; without a year, "last"/"next"/"this" or the tense picks it."""
    groups = detection.groups
    month = month_number(detection.group("month"))
    mod = edge_mod(groups.get("mod") or groups.get("rel"))
    if groups.get("year"):
        value = f"{int(detection.group('year')):04d}-{month:02d}"
        return Resolution(
            value, TimexType.DATE, f"names a month of a given year -> {value}", 0.95, mod
        )
    relation = (groups.get("rel") or "").lower()
    this_year = resolver.dct_day.year
    tense = resolver.tense(detection)
    if groups.get("yref"):
        base = resolver.reference("any")
        step = {"following": 1, "next": 1, "previous": -1}.get(detection.group("yref").lower(), 0)
        value = f"{base.year + step:04d}-{month:02d}"
        how = f"counts {step:+d} year from the reference time {base.isoformat()} -> {value}"
        return Resolution(value, TimexType.DATE, how, 0.75, mod, "any")
    story = resolver.story_year(detection)
    counted_from_dct = relation in ("last", "next", "this", "earlier this", "later this")
    if story is not None and not counted_from_dct and not groups.get("yrel"):
        value = f"{year_text(story[0])}-{month:02d}"
        return Resolution(value, TimexType.DATE, _story_how(story, value), 0.7, mod, "story")
    if groups.get("yrel"):
        year_relation = detection.group("yrel").lower()
        year = this_year + {"this": 0, "last": -1, "next": 1}[year_relation]
        how = f"'{year_relation} year' counted from the DCT {resolver.describe_dct()}"
    elif relation == "last":
        year = this_year if month < resolver.dct_day.month else this_year - 1
        how = "'last' -> the latest such month before the DCT"
    elif relation == "next":
        year = this_year if month > resolver.dct_day.month else this_year + 1
        how = "'next' -> the first such month after the DCT"
    elif relation in ("this", "earlier this", "later this"):
        year, how = this_year, "-> that month in the DCT's year"
    else:
        candidates = [date(this_year + k, month, 1) for k in (-1, 0, 1)]
        # News report what happened: a month without tense is the last one.
        year = pick_by_tense(
            candidates,
            resolver.dct_day.replace(day=1),
            tense or PAST,
            near_days=45,
            strict_past=governed_by_past(resolver.text, detection.start),
        ).year
        how = f"has no year; {year_phrase(tense)} against the DCT {resolver.describe_dct()}"
    value = f"{year:04d}-{month:02d}"
    return Resolution(value, TimexType.DATE, f"{how} -> {value}", 0.8, mod, tells_present=True)


def resolve_year(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a whole year, with early/mid/late/post/pre as its modifier."""
    groups = detection.groups
    value = f"{int(detection.group('year')):04d}"
    mod = edge_mod(groups.get("mod"))
    how = (
        f"is the year {value} as a whole" if mod is None else f"is the year {value}, modifier {mod}"
    )
    if groups.get("fiscal"):
        how = f"is the fiscal year named by {value} (dated as that calendar year)"
    return Resolution(value, TimexType.DATE, how, 0.9, mod)


def resolve_era_year(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a year with its era: "241 BC" -> "BC0241", "AD 14" -> "0014"."""
    groups = detection.groups
    year = int(groups.get("year") or detection.group("year_after"))
    era = (groups.get("era") or groups.get("era_first") or "").upper().replace(".", "")
    if year < 1:
        return None
    value = f"BC{year:04d}" if era.startswith("B") else f"{year:04d}"
    mod = edge_mod(groups.get("mod"))
    return Resolution(value, TimexType.DATE, f"is a year of the {era} era -> {value}", 0.9, mod)


def resolve_year_range_end(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return the second year of "2009-2010" or "1957-58" (two digits: the first's century)."""
    year = detection.group("year")
    if len(year) == 2:
        year = detection.group("first")[:2] + year
    value = f"{int(year):04d}"
    return Resolution(value, TimexType.DATE, f"ends a range of years -> {value}", 0.85)


def resolve_spelled_year(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a year written in words ("nineteen ninety-six" -> 1996), None when unreadable."""
    words = re.split(r"[\s-]+", detection.group("spelled").lower())
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        tail = number_value(" ".join(rest)) if rest else 0
        year = None if tail is None else 2000 + int(tail)
    else:
        hundreds = number_value(words[0])
        rest = [w for w in words[1:] if w != "oh"]
        tail = 0 if rest == ["hundred"] else number_value(" ".join(rest))
        if hundreds is None or tail is None or tail >= 100:
            year = None
        else:
            year = int(hundreds) * 100 + int(tail)
    if year is None:
        return None
    value = f"{year:04d}"
    return Resolution(value, TimexType.DATE, f"is a year written in words -> {value}", 0.85)


def resolve_decade(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a decade ("199"), with early/mid/late as its modifier."""
    groups = detection.groups
    # TimeML 1.2.1 writes a decade as its first three digits ("199"); AQUAINT's "199X" is
    # one corpus's habit.
    if groups.get("decade"):
        decade = int(detection.group("decade"))
    else:
        # "'80s" is the latest such decade that has begun by the DCT: the 1980s in 2023,
        # but "'20s" is the 2020s then.
        decade = resolver.dct_day.year // 100 * 100 + int(detection.group("short"))
        if decade > resolver.dct_day.year:
            decade -= 100
    value = f"{decade // 10:03d}"
    mod = edge_mod(groups.get("mod"))
    how = f"is a decade -> {value}" + (f", modifier {mod}" if mod else "")
    return Resolution(value, TimexType.DATE, how, 0.9, mod)


def resolve_century(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a century ("18" for the 19th), or None for the 0th."""
    ordinal = int(detection.group("ord"))
    if ordinal < 1:
        return None
    value = ("BC" if detection.groups.get("bc") else "") + f"{ordinal - 1:02d}"
    mod = edge_mod(detection.groups.get("mod"))
    return Resolution(value, TimexType.DATE, f"is a century -> {value}", 0.9, mod)


_SAME = re.compile(r"\b(?:that|the)\s+same\s+$", re.IGNORECASE)


def resolve_season(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a season of a given year, or the one the tense points to."""
    groups = detection.groups
    code = SEASONS[detection.group("season").lower()]
    mod = edge_mod(groups.get("rel"))
    if groups.get("year"):
        value = f"{int(detection.group('year')):04d}-{code}"
        return Resolution(
            value, TimexType.DATE, f"is a season of a given year -> {value}", 0.9, mod
        )
    that = (groups.get("det") or "").lower() == "that"
    if that or _SAME.search(resolver.text, max(0, detection.start - 12), detection.start):
        # "that same spring" is the spring of the year just mentioned, story or not.
        base = resolver.reference("any")
        value = f"{year_text(base.year)}-{code}"
        how = f"is the season of the reference time {base.isoformat()} -> {value}"
        return Resolution(value, TimexType.DATE, how, 0.75, mod, "any")
    story = resolver.story_year(detection)
    if story is not None:
        value = f"{year_text(story[0])}-{code}"
        return Resolution(value, TimexType.DATE, _story_how(story, value), 0.7, mod, "story")
    tense = resolver.tense(detection)
    year = _framing_season_year(resolver, detection, tense)
    if year is not None:
        value = f"{year}-{code}"
        how = f"opens a sentence in the past right after the year {year} -> {value}"
        return Resolution(value, TimexType.DATE, how, 0.65, mod, "any")
    value = season_value(
        resolver.dct_day, code, "next" if tense == FUTURE else ("last" if tense == PAST else "this")
    )
    how = f"+ {year_phrase(tense)} -> {value}"
    return Resolution(value, TimexType.DATE, how, 0.75, mod, tells_present=True)


# "In the winter, thousands starved": the season opens its sentence.
_SEASON_FRAME = re.compile(r"(?:^|[.;!?]\s+|\n)(?:in|during|by|through)\s+$", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^\d{4}$")


def _framing_season_year(resolver: Resolver, detection: Detection, tense: str | None) -> str | None:
    """Return the year a season with "the" that opens a sentence in the past takes from
    the sentence just before ("The siege began in 1941. In the winter, thousands
    starved"), or None. A season with "the" is one the text has named the year of; a
    year in passing ("began in 1941") opens no story, but its next sentence's "the
    winter" can only be that year's."""
    if (detection.groups.get("det") or "").lower() != "the" or tense != PAST:
        return None
    text = resolver.text
    if not _SEASON_FRAME.search(text, max(0, detection.start - 20), detection.start):
        return None
    last = resolver.reference_value("any", near=detection.start)
    if last is None or not _YEAR_ONLY.match(last) or resolver.last_value is None:
        return None
    between = text[resolver.last_value[1] : detection.start]
    # Only the sentence just before: one sentence break, no paragraph between.
    if "\n" in between or len(re.findall(r"[.!?]\s", between)) != 1:
        return None
    return last


_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}


def resolve_quarter(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a quarter or half of the given year or the DCT's (the year before if past)."""
    groups = detection.groups
    if groups.get("m1"):
        # "the July-September quarter": a span of months the guard found to be one.
        first, last = month_number(detection.group("m1")), month_number(detection.group("m2"))
        unit = "quarter" if last - first == 2 else "half"
        number = (first - 1) // (3 if unit == "quarter" else 6) + 1
        written_year = None
    elif groups.get("number") or groups.get("half_number"):
        unit = "quarter" if groups.get("number") else "half"
        number = int(groups.get("number") or detection.group("half_number"))
        written_year = groups.get("qyear")
    else:
        unit, written_year = detection.group("unit").lower(), groups.get("year")
        ordinal = detection.group("ord").lower()
        # "the final quarter" is the fourth, "the final half" the second.
        number = (4 if unit == "quarter" else 2) if ordinal == "final" else _ORDINALS[ordinal]
    if unit == "half" and number > 2:
        return None
    letter = "Q" if unit == "quarter" else "H"
    year = int(written_year) if written_year else resolver.dct_day.year
    months = 3 if letter == "Q" else 6
    first_month = (number - 1) * months + 1
    relative_year = groups.get("yrel") or groups.get("poss")
    story = resolver.story_year(detection)
    if story is not None and not written_year and not relative_year:
        value = f"{year_text(story[0])}-{letter}{number}"
        return Resolution(value, TimexType.DATE, _story_how(story, value), 0.7, None, "story")
    if relative_year:
        year += {"next": 1, "last": -1}.get(relative_year.lower(), 0)
    elif not written_year and date(year, first_month, 1) > resolver.dct_day:
        # "profits fell in the fourth quarter": the last one that began. A quarter that
        # ended in the last two months is the one being reported, whatever the tense.
        ended = date(year - 1, first_month, 1)
        ended_days = (resolver.dct_day - add_months(ended, months)).days
        if resolver.tense(detection) == PAST or 0 <= ended_days <= 62:
            year -= 1
    value = f"{year:04d}-{letter}{number}"
    return Resolution(value, TimexType.DATE, f"is a {unit} of the year -> {value}", 0.8)



def resolve_holiday(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return the date of a holiday in the year last/next/the tense points to."""
    groups = detection.groups
    relation = (groups.get("rel") or "").lower()
    holiday = detection.group("holiday")
    if holiday.lower().endswith("week"):
        return _holiday_week(resolver, detection, relation)
    story = resolver.story_year(detection)
    if story is not None and not relation and story[0] > 0:
        # "In 1066 William landed. On Christmas Day he was crowned": the story's holiday.
        value = day_value(holiday_date(holiday, story[0]))
        return Resolution(value, TimexType.DATE, _story_how(story, value), 0.7, None, "story")
    candidates = [holiday_date(holiday, resolver.dct_day.year + k) for k in (-1, 0, 1)]
    if relation == "last":
        day = max(c for c in candidates if c < resolver.dct_day)
    elif relation == "next":
        day = min(c for c in candidates if c > resolver.dct_day)
    else:
        day = pick_by_tense(candidates, resolver.dct_day, resolver.tense(detection), near_days=0)
    value = day_value(day)
    how = f"is a holiday, dated against the DCT -> {value}"
    return Resolution(value, TimexType.DATE, how, 0.8, tells_present=True)


def _holiday_week(resolver: Resolver, detection: Detection, relation: str) -> Resolution:
    """Return "Easter week" / "Holy Week" as the ISO week ending on Easter Sunday: the
    one the DCT is in, else the one last/next/the tense points to."""
    dct = resolver.dct_day
    sundays = [holiday_date("easter", dct.year + k) for k in (-1, 0, 1)]
    current = [s for s in sundays if s - timedelta(days=6) <= dct <= s]
    if current and relation not in ("last", "next"):
        sunday = current[0]
    elif relation == "last":
        sunday = max(s for s in sundays if s < dct)
    elif relation == "next":
        sunday = min(s for s in sundays if s > dct)
    else:
        sunday = pick_by_tense(sundays, dct, resolver.tense(detection), near_days=0)
    year, week, _weekday = sunday.isocalendar()
    value = f"{year:04d}-W{week:02d}"
    how = (f"is the week ending on Easter Sunday {day_value(sunday)}, dated against the DCT "
           f"-> {value}")
    return Resolution(value, TimexType.DATE, how, 0.8, tells_present=True)


CALENDAR_KINDS = {
    "absolute": resolve_absolute,
    "month": resolve_month,
    "year": resolve_year,
    "year_range_end": resolve_year_range_end,
    "era_year": resolve_era_year,
    "spelled_year": resolve_spelled_year,
    "decade": resolve_decade,
    "century": resolve_century,
    "season": resolve_season,
    "quarter": resolve_quarter,
    "holiday": resolve_holiday,
}
