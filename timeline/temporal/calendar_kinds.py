"""Resolvers for expressions that name a calendar unit: dates, months, years, decades,
weekdays, today/yesterday, clock times, seasons, quarters, holidays, weekends.

Each ``resolve_<kind>(resolver, detection)`` returns a ``Resolution`` or None.
"""

from __future__ import annotations

from datetime import date, timedelta

from timeline.model import TimexType
from timeline.temporal import dates
from timeline.temporal.lexicon import PARTS_OF_DAY, SEASONS, WEEKDAYS, month_number
from timeline.temporal.resolution import Resolution
from timeline.temporal.shifts import (
    current_season, holiday_date, iso_week_value, pick_by_tense, safe_date, season_start,
    weekday_by_tense,
)
from timeline.temporal.tense import FUTURE, PAST

_MODS = {"early": "START", "mid": "MID", "late": "END", "post": "AFTER", "pre": "BEFORE"}


def _year_phrase(tense: str | None) -> str:
    return {PAST: "past tense", FUTURE: "future tense"}.get(tense, "no clear tense")


def _day_value(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"


def resolve_absolute(r, d) -> Resolution | None:
    g = d.groups
    month = int(g["month"]) if g["month"].isdigit() else month_number(g["month"])
    day_number = int("".join(ch for ch in g["day"] if ch.isdigit()))
    if g.get("year"):
        phrase = r.text[d.start:d.end]
        if g.get("weekday"):
            phrase = phrase.split(None, 1)[1].lstrip(", ")
        parsed = dates.parse_date_text(phrase, r.dct)
        if parsed is not None and parsed.start.year == int(g["year"]):
            day = parsed.start.date()
        else:
            day = safe_date(int(g["year"]), month, day_number)
        if day is None:
            return None
        value = _day_value(day)
        how = f"is a full date -> {value}"
        if g.get("hour"):
            value += f"T{g['hour']}:{g['minute']}"
            how = f"is a full date and time -> {value}"
            return Resolution(value, TimexType.TIME, how, 0.95)
        return Resolution(value, TimexType.DATE, how, 0.95)
    tense = r.tense(d)
    candidates = [c for c in (safe_date(r.dct_day.year + k, month, day_number) for k in (-1, 0, 1)) if c]
    if not candidates:
        return None
    day = pick_by_tense(candidates, r.dct_day, tense)
    value = _day_value(day)
    how = f"has no year; {_year_phrase(tense)} against the DCT {r.describe_dct()} -> {value}"
    return Resolution(value, TimexType.DATE, how, 0.85)


def resolve_month(r, d) -> Resolution | None:
    g = d.groups
    month = month_number(g["month"])
    mod = _MODS.get((g.get("mod") or g.get("rel") or "").lower())
    if g.get("year"):
        value = f"{int(g['year']):04d}-{month:02d}"
        return Resolution(value, TimexType.DATE, f"names a month of a given year -> {value}", 0.95, mod)
    relation = (g.get("rel") or "").lower()
    this_year = r.dct_day.year
    tense = r.tense(d)
    if g.get("yrel"):
        year = this_year + {"this": 0, "last": -1, "next": 1}[g["yrel"].lower()]
        how = f"'{g['yrel'].lower()} year' counted from the DCT {r.describe_dct()}"
    elif relation == "last":
        year = this_year if month < r.dct_day.month else this_year - 1
        how = "'last' -> the latest such month before the DCT"
    elif relation == "next":
        year = this_year if month > r.dct_day.month else this_year + 1
        how = "'next' -> the first such month after the DCT"
    elif relation in ("this", "earlier this", "later this"):
        year, how = this_year, "-> that month in the DCT's year"
    else:
        candidates = [date(this_year + k, month, 1) for k in (-1, 0, 1)]
        # News report what happened: a month without tense is the last one.
        year = pick_by_tense(candidates, r.dct_day.replace(day=1), tense or PAST, near_days=45).year
        how = f"has no year; {_year_phrase(tense)} against the DCT {r.describe_dct()}"
    value = f"{year:04d}-{month:02d}"
    return Resolution(value, TimexType.DATE, f"{how} -> {value}", 0.8, mod)


def resolve_year(r, d) -> Resolution | None:
    g = d.groups
    value = f"{int(g['year']):04d}"
    mod = _MODS.get((g.get("mod") or "").lower())
    return Resolution(value, TimexType.DATE, f"is the year {value} as a whole", 0.9, mod)


def resolve_decade(r, d) -> Resolution | None:
    g = d.groups
    # TimeBank/AQUAINT write decades as "199X".
    value = f"{int(g['decade']) // 10:03d}X"
    mod = _MODS.get((g.get("mod") or "").lower())
    return Resolution(value, TimexType.DATE, f"is a decade -> {value}", 0.9, mod)


def resolve_century(r, d) -> Resolution | None:
    ordinal = int(d.groups["ord"])
    if ordinal < 1:
        return None
    value = f"{ordinal - 1:02d}"
    return Resolution(value, TimexType.DATE, f"is a century -> {value}", 0.9)


def _pod_code(word: str | None) -> str | None:
    return PARTS_OF_DAY.get(word.lower()) if word else None


def resolve_weekday(r, d) -> Resolution | None:
    g = d.groups
    weekday = WEEKDAYS[g["weekday"].lower()]
    relation = (g.get("rel") or "").lower() or None
    # "Wednesday's ruling" names something that has happened.
    tense = PAST if g.get("poss") else r.tense(d)
    day = weekday_by_tense(r.dct_day, weekday, tense, relation if relation in ("last", "next", "this") else None)
    value = _day_value(day)
    if day == r.dct_day and relation not in ("last", "next"):
        how = f"names the DCT's own weekday -> the DCT {r.describe_dct()} = {value}"
        confidence = 0.9
    else:
        rule = {"last": "'last'", "next": "'next'", "this": "'this'"}.get(relation, _year_phrase(tense))
        side = "after" if day > r.dct_day else "before"
        how = f"+ {rule} -> the {g['weekday'].capitalize()} {side} the DCT {r.describe_dct()} = {value}"
        confidence = 0.85 if tense or relation else 0.7
    pod = _pod_code(g.get("pod"))
    if relation == "early":
        pod = pod or "MO"
    elif relation == "late":
        pod = pod or "EV"
    if pod:
        return Resolution(f"{value}T{pod}", TimexType.TIME, f"{how}, part of day {pod}", confidence)
    return Resolution(value, TimexType.DATE, how, confidence)


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


def resolve_today(r, d) -> Resolution | None:
    g = d.groups
    word = (g.get("word") or "").lower()
    relation = (g.get("rel") or "").lower()
    pod = _pod_code(g.get("pod"))
    if word:
        offset = _DAY_WORDS[word]
        pod = pod or ("NI" if word == "tonight" else None)
    else:
        offset = -1 if relation == "last" and pod == "NI" else 0
    day = r.dct_day + timedelta(days=offset)
    value = _day_value(day)
    how = f"counts {offset:+d} day(s) from the DCT {r.describe_dct()} -> {value}"
    if pod:
        return Resolution(f"{value}T{pod}", TimexType.TIME, f"{how}, part of day {pod}", 0.9)
    return Resolution(value, TimexType.DATE, how, 0.95)


def resolve_clock(r, d) -> Resolution | None:
    g = d.groups
    word = (g.get("word") or "").lower()
    if word:
        hour, minute = (0, 0) if word == "midnight" else (12, 0)
    else:
        hour, minute = int(g["hour"]), int(g.get("minute") or 0)
        ampm = (g.get("ampm") or "").lower().replace(".", "").replace(" ", "")
        pod = (g.get("pod") or "").lower()
        if (ampm == "pm" or pod in ("afternoon", "evening")) and hour < 12:
            hour += 12
        elif ampm == "am" and hour == 12:
            hour = 0
    on_reference = None
    if g.get("weekday"):
        day = weekday_by_tense(r.dct_day, WEEKDAYS[g["weekday"].lower()], r.tense(d), None)
        where = f"on {g['weekday'].capitalize()}"
    elif g.get("dayword"):
        day = r.dct_day + timedelta(days=_DAY_WORDS[g["dayword"].lower()])
        where = f"{g['dayword'].lower()} from the DCT"
    else:
        # A bare clock time belongs to the day last mentioned.
        day, on_reference = r.reference("day"), "day"
        where = "on the day last mentioned"
    value = f"{_day_value(day)}T{hour:02d}:{minute:02d}"
    return Resolution(value, TimexType.TIME, f"is a clock time {where} -> {value}", 0.8, None, on_reference)


def resolve_season(r, d) -> Resolution | None:
    g = d.groups
    code = SEASONS[g["season"].lower()]
    mod = _MODS.get((g.get("rel") or "").lower())
    if g.get("year"):
        value = f"{int(g['year']):04d}-{code}"
        return Resolution(value, TimexType.DATE, f"is a season of a given year -> {value}", 0.9, mod)
    tense = r.tense(d)
    value = _season_value(r.dct_day, code, "next" if tense == FUTURE else ("last" if tense == PAST else "this"))
    return Resolution(value, TimexType.DATE, f"+ {_year_phrase(tense)} -> {value}", 0.75, mod)


def _season_value(dct: date, code: str, relation: str) -> str:
    now_code, now_year = current_season(dct)
    starts = [season_start(code, dct.year + k) for k in (-2, -1, 0, 1)]
    current = season_start(now_code, now_year)
    if relation == "this":
        year = now_year if code == now_code else min(starts, key=lambda s: abs((s - dct).days)).year
    elif relation == "last":
        year = max(s for s in starts if s < current).year
    else:
        year = min(s for s in starts if s > current).year if code != now_code else now_year
    return f"{year:04d}-{code}"


def resolve_quarter(r, d) -> Resolution | None:
    g = d.groups
    number = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}[g["ord"].lower()]
    unit = g["unit"].lower()
    if unit == "half" and number > 2:
        return None
    letter = "Q" if unit == "quarter" else "H"
    year = int(g["year"]) if g.get("year") else r.dct_day.year
    first_month = (number - 1) * (3 if letter == "Q" else 6) + 1
    if not g.get("year") and r.tense(d) == PAST and date(year, first_month, 1) > r.dct_day:
        year -= 1
    value = f"{year:04d}-{letter}{number}"
    return Resolution(value, TimexType.DATE, f"is a {unit} of the year -> {value}", 0.8)


def resolve_holiday(r, d) -> Resolution | None:
    g = d.groups
    relation = (g.get("rel") or "").lower()
    candidates = [holiday_date(g["holiday"], r.dct_day.year + k) for k in (-1, 0, 1)]
    if relation == "last":
        day = max(c for c in candidates if c < r.dct_day)
    elif relation == "next":
        day = min(c for c in candidates if c > r.dct_day)
    else:
        day = pick_by_tense(candidates, r.dct_day, r.tense(d), near_days=0)
    value = _day_value(day)
    return Resolution(value, TimexType.DATE, f"is a holiday, dated against the DCT -> {value}", 0.8)


def resolve_weekend(r, d) -> Resolution | None:
    relation = (d.groups.get("rel") or "the").lower()
    dct = r.dct_day
    saturday_this_week = dct + timedelta(days=5 - dct.weekday())
    if relation == "last":
        saturday = saturday_this_week - timedelta(days=7)
    elif relation == "next":
        saturday = saturday_this_week + timedelta(days=7)
    elif dct.weekday() >= 5 or r.tense(d) == FUTURE or relation == "this":
        saturday = saturday_this_week
    else:
        saturday = saturday_this_week - timedelta(days=7)
    value = f"{iso_week_value(saturday)}-WE"
    return Resolution(value, TimexType.DATE, f"is a weekend near the DCT {r.describe_dct()} -> {value}", 0.75)


CALENDAR_KINDS = {
    "absolute": resolve_absolute, "month": resolve_month, "year": resolve_year,
    "decade": resolve_decade, "century": resolve_century, "weekday": resolve_weekday,
    "today": resolve_today, "clock": resolve_clock, "season": resolve_season,
    "quarter": resolve_quarter, "holiday": resolve_holiday, "weekend": resolve_weekend,
}
