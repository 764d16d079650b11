"""Resolvers for expressions counted from an anchor or not on the calendar at all:
"the next day", "three days ago", "last week", durations, sets, PRESENT_REF, and
"after the forum" (relative to an event: flagged, never given a made-up day).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from timeline.model import TimexType
from timeline.temporal.calendar_kinds import year_text
from timeline.temporal.lexicon import (
    PARTS_OF_DAY,
    SEASONS,
    UNITS,
    WEEKDAYS,
    edge_mod,
    number_value,
)
from timeline.temporal.resolution import Resolution
from timeline.temporal.shifts import (
    add_months,
    iso_week_value,
    season_start,
    season_value,
    shift,
)
from timeline.temporal.tense import FUTURE, PAST
from timeline.temporal.timex import duration_value

if TYPE_CHECKING:
    from timeline.temporal.detect import Detection
    from timeline.temporal.resolve import Resolver

_QUANTITY_MODS = {
    "about": "APPROX",
    "around": "APPROX",
    "roughly": "APPROX",
    "approximately": "APPROX",
    "some": "APPROX",
    "almost": "APPROX",
    "nearly": "APPROX",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "less than": "LESS_THAN",
    "under": "LESS_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
}
# Keyed by what _mod returns, None included (no quantity word: no modifier).
_POINT_MODS: dict[str | None, str] = {
    "MORE_THAN": "BEFORE",
    "LESS_THAN": "AFTER",
    "APPROX": "APPROX",
}
_PLURALS = {"centuries": "century"}


def _unit(word: str) -> tuple[str, int, bool]:
    word = word.lower()
    word = _PLURALS.get(word, word[:-1] if word.endswith("s") else word)
    return UNITS[word]


def _value_at(day: date, letter: str, multiplier: int) -> str:
    """Return ``day`` written at the granularity of the unit that reached it."""
    if letter in ("D", "S", "H") or (letter == "M" and multiplier == 0):
        return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    if letter == "W":
        return iso_week_value(day)
    if letter == "M":
        return f"{day.year:04d}-{day.month:02d}"
    return f"{day.year:04d}"


def _mod(words: str | None) -> str | None:
    return _QUANTITY_MODS.get(" ".join((words or "").lower().split()))


_MONTH_VALUE = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")


def resolve_reference(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return the day/week/month/year counted from the reference time ("the next day")."""
    groups = detection.groups
    unit = detection.group("unit").lower()
    direction = (groups.get("dir") or "").lower()
    step = (
        1
        if direction in ("next", "following", "after")
        else -1
        if direction in ("previous", "preceding", "before")
        else 0
    )
    if unit in ("quarter", "weekend") or unit in SEASONS:
        return _next_period(resolver, unit, step)
    letter = {"week": "W", "month": "M", "year": "Y"}.get(unit, "D")
    reference = "day" if letter in ("D", "W") else "any"
    base = resolver.reference(reference)
    pod = PARTS_OF_DAY.get(unit) if unit != "night" else "NI"
    last = resolver.reference_value("any")
    if letter == "D" and step == 0 and not pod and last and _MONTH_VALUE.match(last):
        # "killed last October ... crossed out that same day": the day of the month last
        # named, not an older day mentioned before it; which day the text does not say.
        value = f"{last}-XX"
        how = f"is a day of the month last mentioned ({last}) -> {value}"
        return Resolution(value, TimexType.DATE, how, 0.6, None, "any")
    day = shift(base, step, letter)
    if letter == "D":
        value = f"{day.year:04d}-{day.month:02d}-{day.day:02d}" + (f"T{pod}" if pod else "")
    else:
        value = _value_at(day, letter, 1)
    type_ = TimexType.TIME if pod else TimexType.DATE
    how = f"counts {step:+d} {unit} from the reference time {base.isoformat()} -> {value}"
    return Resolution(value, type_, how, 0.7, None, reference)


_QUARTER_VALUE = re.compile(r"^(?P<year>\d{4})-Q(?P<quarter>[1-4])$")
_YEAR_VALUE = re.compile(r"^\d{4}$")


def _next_period(resolver: Resolver, unit: str, step: int) -> Resolution:
    """Return the quarter, season or weekend after (before) the time last mentioned:
    "from the previous quarter" after "third-quarter GDP" is the second quarter."""
    last = resolver.reference_value("any") or ""
    base = resolver.reference("any")
    if unit == "quarter":
        named = _QUARTER_VALUE.match(last)
        index = (
            int(named["year"]) * 4 + int(named["quarter"]) - 1
            if named
            else base.year * 4 + (base.month - 1) // 3
        ) + step
        value = f"{index // 4:04d}-Q{index % 4 + 1}"
    elif unit == "weekend":
        base = resolver.reference("day")
        saturday = base + timedelta(days=5 - base.weekday() + 7 * step)
        value = f"{iso_week_value(saturday)}-WE"
    else:
        code = SEASONS[unit]
        whole_year = bool(_YEAR_VALUE.match(last))  # "in 1665": after (before) all of it
        if step > 0:
            year = base.year + 1 if whole_year else base.year
            if not whole_year and season_start(code, year) <= base:
                year += 1
        else:
            year = base.year - 1 if whole_year else base.year
            if not whole_year and add_months(season_start(code, year), 3) > base:
                year -= 1
        value = f"{year_text(year)}-{code}"
    how = f"is the {unit} {'after' if step > 0 else 'before'} the reference time -> {value}"
    return Resolution(value, TimexType.DATE, how, 0.7, None, "any")


def resolve_offset(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return the time N units ago/from now (DCT) or earlier/later (reference time)."""
    groups = detection.groups
    letter, multiplier, clock = _unit(detection.group("unit"))
    direction = " ".join(detection.group("dir").lower().split())
    amount = number_value(detection.group("num")) if groups.get("num") else None
    backwards = direction in ("ago", "earlier")
    if amount is None and clock and direction in ("earlier", "later"):
        # "hours later": still the day last mentioned, whatever the number of hours.
        base = resolver.reference("day")
        value = _value_at(base, "D", 1)
        unit = detection.group("unit").lower()
        how = f"is some {unit} {direction} than the reference time -> {value}"
        return Resolution(value, TimexType.DATE, how, 0.6, None, "day")
    if amount is None:
        # "days later" in a past clause happened before the DCT, not after it.
        past = backwards or resolver.tense(detection) == PAST
        value = "PAST_REF" if past else "FUTURE_REF"
        return Resolution(
            value, TimexType.DATE, f"is an unspecified stretch {direction} -> {value}", 0.5
        )
    on_reference = None
    if letter == "Y" and backwards and amount == 1:
        # "Third-quarter profit fell from a year earlier": the same quarter, a year before.
        period = year_before(resolver.reference_value("any", near=detection.start))
        if direction == "ago" and not re.search(r"-[QH]\d$", period or ""):
            period = None  # "a year ago" counts from the DCT unless a quarter was just named
        if period is not None:
            how = f"is the period just mentioned, {int(amount)} year(s) earlier -> {period}"
            return Resolution(period, TimexType.DATE, how, 0.7, None, "any")
    if direction in ("earlier", "later"):
        # "Two days later" counts from the last day mentioned; "two months later" from
        # the last time of any granularity ("elected in November 2020, ...").
        on_reference = "day" if clock or letter in ("D", "W") else "any"
    base = resolver.reference(on_reference) if on_reference else resolver.dct_day
    steps = round(amount * multiplier) * (-1 if backwards else 1)
    if clock:
        day = base if abs(steps) < 24 or letter != "H" else base + timedelta(hours=steps)
        value = _value_at(day, "D", 1)
    else:
        day = shift(base, steps, letter)
        value = _value_at(day, letter, multiplier)
    what = "the reference time" if on_reference else "the DCT"
    how = f"counts {steps:+d}{letter} from {what} {base.isoformat()} -> {value}"
    qualifier = " ".join((groups.get("q") or groups.get("approx") or "").lower().split())
    mod = _POINT_MODS.get(_mod(qualifier))
    if mod:
        how += f", modifier {mod} ('{qualifier}')"
    return Resolution(value, TimexType.DATE, how, 0.8, mod, on_reference)


def _relative_week(dct: date, relation: str, weekend: bool) -> str:
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1, "before last": -2}.get(relation, 0)
    monday = dct - timedelta(days=dct.weekday()) + timedelta(weeks=step)
    return iso_week_value(monday) + ("-WE" if weekend else "")


# unit -> (TIMEX3 letter, amount) of "the past <unit>"; seasons (absent) are three months.
_STRETCHES = {
    "week": ("W", 1),
    "weekend": ("D", 2),
    "month": ("M", 1),
    "year": ("Y", 1),
    "quarter": ("M", 3),
    "decade": ("Y", 10),
    "century": ("Y", 100),
}


def resolve_relative_unit(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return last/this/next week, month, year, quarter, season; "the past year" as a duration."""
    groups = detection.groups
    # "year's end" is the year the text is in: the story's, else the DCT's (like "the end of
    # the year").
    default = "the" if detection.rule.name == "year_end" else "this"
    relation = " ".join((groups.get("rel") or default).lower().split())
    if relation in ("latest", "most recent") or relation.startswith("just") or (
        detection.rule.name == "reported_quarter"
    ):
        return _latest_unit(resolver, detection.group("unit").lower())
    unit = (groups.get("unit") or detection.group("new")).lower()
    mod = edge_mod(groups.get("mod"))
    if relation == "new":
        story = resolver.story_year(detection)
        if story is not None:
            # "eight days before the new year" in a story of 1938 is 1939.
            value = year_text(story[0] + 1)
            return Resolution(value, TimexType.DATE, f"follows the story's year -> {value}", 0.7)
    if relation == "the":
        if resolver.story_year(detection) is not None and unit in ("week", "month", "year"):
            return _unit_of_reference(resolver, unit, mod)
        relation = "this"  # "the end of the year": the DCT's year
    step = {"last": -1, "previous": -1, "next": 1, "coming": 1, "new": 1, "before last": -2}.get(
        relation, 0
    )
    dct = resolver.dct_day
    clip = {"earlier": "to_dct", "later": "from_dct"}.get((groups.get("mod") or "").lower())
    the_last = relation == "last" and (groups.get("det") or "").lower() == "the"
    if relation == "past" or the_last or (
        unit in ("decade", "century") and relation in ("last", "next", "coming")
    ):
        # "the past year", "the last decade": a stretch of time, not a calendar unit; so is
        # "the last week" ("for the last week", "the last year of the war"), unlike "last week".
        letter, amount = _STRETCHES.get(unit, ("M", 3))
        value = duration_value(amount, letter, False)
        return Resolution(
            value, TimexType.DURATION, f"is the stretch up to the DCT -> {value}", 0.75
        )
    if unit == "weekend" and relation == "this" and dct.weekday() < 5:
        # "reopened this weekend" on a Tuesday is the weekend just gone.
        past = resolver.tense(detection) == PAST
        value = _relative_week(dct, "last" if past else "this", True)
    elif unit in ("week", "weekend"):
        value = _relative_week(dct, relation, unit == "weekend")
    elif unit == "month":
        day = shift(dct, step, "M")
        value = f"{day.year:04d}-{day.month:02d}"
    elif unit == "year":
        value = f"{dct.year + step:04d}"
    elif unit == "quarter":
        quarter_index = dct.year * 4 + (dct.month - 1) // 3 + step
        value = f"{quarter_index // 4:04d}-Q{quarter_index % 4 + 1}"
    elif unit == "decade":
        value = f"{dct.year // 10:03d}"  # TimeML 1.2.1: a decade is "202", like "the 1970s"
    elif unit == "century":
        value = f"{dct.year // 100:02d}"
    else:
        value = season_value(dct, SEASONS[unit], {-1: "last", 1: "next"}.get(step, "this"))
    how = f"is counted from the DCT {resolver.describe_dct()} -> {value}" + (
        f", modifier {mod}" if mod else ""
    )
    if clip and step == 0:
        return Resolution(value, TimexType.DATE, how, 0.85, mod, clip=clip)
    return Resolution(value, TimexType.DATE, how, 0.85, mod)


def _unit_of_reference(resolver: Resolver, unit: str, mod: str | None) -> Resolution:
    """Return "the end of the month" in a story told in the past: the month (week, year)
    of the last time mentioned, not the DCT's."""
    base = resolver.reference("any")
    value = _value_at(base, {"week": "W", "month": "M", "year": "Y"}[unit], 1)
    how = f"is the {unit} of the reference time {base.isoformat()} -> {value}"
    return Resolution(value, TimexType.DATE, how, 0.7, mod, "any")


def _latest_unit(resolver: Resolver, unit: str) -> Resolution:
    """Return "the latest quarter" (half, year): the last one that has ended by the DCT."""
    dct = resolver.dct_day
    if unit == "year":
        value = f"{dct.year - 1:04d}"
    else:
        size = 3 if unit == "quarter" else 6
        index = (dct.year * 12 + dct.month - 1) // size - 1
        per_year = 12 // size
        value = f"{index // per_year:04d}-{'Q' if size == 3 else 'H'}{index % per_year + 1}"
    how = f"is the last {unit} that ended by the DCT {resolver.describe_dct()} -> {value}"
    return Resolution(value, TimexType.DATE, how, 0.75)


def resolve_year_earlier(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return "the year-earlier period": the period last mentioned, a year before."""
    value = year_before(resolver.reference_value("any"))
    unit = (detection.groups.get("unit") or detection.groups.get("same") or "").lower()
    if value is None and unit in ("quarter", "half"):
        # "from the year-ago quarter" with no quarter named: the last one that ended.
        value = year_before(_latest_unit(resolver, unit).value)
        if value is None:
            return None  # a year before year 1
        how = f"is the last {unit} that ended by the DCT, a year earlier -> {value}"
        return Resolution(value, TimexType.DATE, how, 0.5)
    if value is None:
        value = f"{resolver.dct_day.year - 1:04d}"
        how = f"is the year before the DCT's -> {value} (no period mentioned before it)"
        return Resolution(value, TimexType.DATE, how, 0.5)
    how = f"is the period last mentioned, one year earlier -> {value}"
    return Resolution(value, TimexType.DATE, how, 0.7, None, "any")


_PERIOD = re.compile(r"^(?P<year>\d{4})(?P<rest>-(?:Q[1-4]|H[12]|0[1-9]|1[0-2]|SP|SU|FA|WI))$")


def year_before(value: str | None, years: int = 1) -> str | None:
    """Return a quarter, half, month or season value ``years`` years earlier, else None."""
    match = _PERIOD.match(value or "")
    if not match or int(match["year"]) - years < 1:
        return None
    return f"{int(match['year']) - years:04d}{match['rest']}"


def resolve_duration(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a duration value ("P3D", "PT5H30M", "PXY") with its quantity modifier."""
    groups = detection.groups
    unit_word = groups.get("unit") or detection.group("plural")
    letter, multiplier, clock = _unit(unit_word)
    quantity = " ".join((groups.get("q") or groups.get("approx") or "").lower().split())
    number = groups.get("num")
    amount = number_value(number) if number else None
    if number is None and not quantity and not unit_word.lower().endswith("s"):
        amount = 1  # "day-long": one unit
    if amount is not None:
        amount *= multiplier
    value = duration_value(amount, letter, clock)
    mod = _mod(quantity)
    how = f"is a duration, not a date -> {value}" + (
        f", modifier {mod} ('{quantity}')" if mod else ""
    )
    return Resolution(value, TimexType.DURATION, how, 0.85, mod)


_SET_ADVERBS = {
    "daily": "P1D",
    "weekly": "P1W",
    "monthly": "P1M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "hourly": "PT1H",
    "nightly": "P1D",
    "quarterly": "P3M",
}


def resolve_set(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return a recurrence ("P1D" for daily, "XXXX-WXX-1" for every Monday)."""
    groups = detection.groups
    if groups.get("adverb"):
        value = _SET_ADVERBS[detection.group("adverb").lower()]
        return Resolution(value, TimexType.SET, f"is a recurrence -> {value}", 0.85)
    unit = detection.group("unit").lower()
    if unit in WEEKDAYS:
        value = f"XXXX-WXX-{WEEKDAYS[unit] + 1}"
    elif unit in PARTS_OF_DAY and unit != "night":
        value = f"XXXX-XX-XXT{PARTS_OF_DAY[unit]}"
    else:
        letter, multiplier, clock = _unit(unit)
        count = groups.get("num")
        amount = 2 if count and count.lower() == "other" else (number_value(count) if count else 1)
        value = duration_value((amount or 1) * multiplier, letter, clock)
    return Resolution(value, TimexType.SET, f"is a recurrence -> {value}", 0.85)


_VAGUE_VALUES = {
    "recently": "PAST_REF",
    "recent": "PAST_REF",
    "lately": "PAST_REF",
    "coming": "FUTURE_REF",
    "future": "FUTURE_REF",
    "past": "PAST_REF",
    "formerly": "PAST_REF",
}


def resolve_vague(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return PRESENT_REF, PAST_REF or FUTURE_REF."""
    word = " ".join(detection.group("word").lower().split())
    value = _VAGUE_VALUES.get(word.split()[-1], "PRESENT_REF")
    if word.endswith("ahead"):
        value = "FUTURE_REF"  # "the days ahead"
    return Resolution(value, TimexType.DATE, f"is a vague reference -> {value}", 0.5)


def resolve_event_relative(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return an open-ended reference flagged as relative to an event, never a day."""
    preposition = " ".join(detection.group("prep").lower().split())
    tense = resolver.tense(detection)
    future = tense == FUTURE or (preposition in ("ahead of",) and tense != PAST)
    value = "FUTURE_REF" if future else "PAST_REF"
    side = "after" if future else "up to"
    how = (
        f"is relative to an event ('{detection.group('noun')}'), not to a calendar date: "
        f"open-ended, {side} the DCT {resolver.describe_dct()}, with no fixed day"
    )
    return Resolution(value, TimexType.DATE, how, 0.3, None, None, True)


def resolve_full_year(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return the year of "the full year": the one just ended when its results are told
    in the past in the first quarter, else the DCT's."""
    dct = resolver.dct_day
    reported = dct.month <= 3 and resolver.tense(detection) == PAST
    value = f"{dct.year - 1 if reported else dct.year:04d}"
    how = (
        f"is the year whose results are reported by the DCT {resolver.describe_dct()} -> {value}"
    )
    return Resolution(value, TimexType.DATE, how, 0.7)


def resolve_same_time(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return the DCT's day a week, month or year back or on ("this time last year")."""
    step = -1 if detection.group("rel").lower() == "last" else 1
    unit = detection.group("unit").lower()
    dct = resolver.dct_day
    if unit == "week":
        day = dct + timedelta(weeks=step)
    else:
        months = step * (12 if unit == "year" else 1)
        month_index = dct.year * 12 + dct.month - 1 + months
        year, month = divmod(month_index, 12)
        # The 29th of February a year on is the 28th; the 31st a month on the month's last.
        day = dct.replace(day=1, year=year, month=month + 1)
        day = day.replace(day=min(dct.day, _month_length(day)))
    value = f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    how = f"is the DCT {resolver.describe_dct()} a {unit} {'back' if step < 0 else 'on'} -> {value}"
    return Resolution(value, TimexType.DATE, how, 0.75)


def _month_length(day: date) -> int:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def resolve_turn_of_century(resolver: Resolver, detection: Detection) -> Resolution | None:
    """Return the decade at a century's turn: the named one's end, else the nearest turn."""
    ordinal = detection.groups.get("ord")
    if ordinal:
        turn = int(ordinal) * 100 - 100  # "the turn of the 20th century" is about 1900
    else:
        story = resolver.story_year(detection)
        year = story[0] if story is not None else resolver.dct_day.year
        turn = (year + 50) // 100 * 100
    if turn <= 0:
        return None
    value = f"{turn // 10:03d}"
    return Resolution(value, TimexType.DATE, f"is the turn of a century -> {value}", 0.6, "APPROX")


RELATIVE_KINDS = {
    "reference": resolve_reference,
    "offset": resolve_offset,
    "relative_unit": resolve_relative_unit,
    "duration": resolve_duration,
    "set": resolve_set,
    "vague": resolve_vague,
    "event_relative": resolve_event_relative,
    "year_earlier": resolve_year_earlier,
    "same_time": resolve_same_time,
    "full_year": resolve_full_year,
    "turn_of_century": resolve_turn_of_century,
}
