"""Temporal expressions: detection, resolution against an anchor, TIMEX3 values.

Public API: ``tag(text, dct)`` finds and resolves every expression of a text;
``parse_user_date(text, anchor)`` reads what an analyst types as a date.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from timeline.model import Granularity, Mention, TimeSpan, as_datetime
from timeline.temporal import dates
from timeline.temporal.detect import detect
from timeline.temporal.ranges import forward_ranges
from timeline.temporal.lexicon import MONTH, PARTS_OF_DAY, month_number
from timeline.temporal.resolve import Resolver
from timeline.temporal.shifts import safe_date
from timeline.temporal.timex import span_from_value, value_from_span

__all__ = ["parse_user_date", "tag"]

# Arithmetic on dates near year 1 or 9999 overflows; such an expression is left out.
_UNRESOLVABLE = (ValueError, OverflowError)


def tag(text: str, dct: datetime | date) -> list[Mention]:
    """Return the temporal expressions of ``text`` resolved against the document date.

    Mentions are sorted by start, never overlap, and their offsets index ``text``.
    """
    resolver = Resolver(text, as_datetime(dct))
    mentions: list[Mention] = []
    for detection in detect(text):
        try:
            mention = resolver.resolve(detection)
        except _UNRESOLVABLE:
            continue
        if mention is not None:
            mentions.append(mention)
    return forward_ranges(text, mentions)


_DAY_RANGE = re.compile(
    rf"^\s*(?:from\s+|between\s+)?"
    rf"(?:(?P<first>\d{{1,2}})\s*(?:-|–|to|and)\s*(?P<last>\d{{1,2}})\s+(?P<month>{MONTH})"
    rf"|(?P<month_first>{MONTH})\s+(?P<first_day>\d{{1,2}})\s*(?:-|–|to|and)\s*"
    rf"(?P<last_day>\d{{1,2}}),?)"
    r"\s+(?P<year>\d{4})\s*$",
    re.IGNORECASE,
)
# What may surround the one expression of a typed date ("on 12 Sep", "the 1990s").
_FILLER = re.compile(r"^(?:[\s,.]|\b(?:on|in|at|the|of|during)\b)*$", re.IGNORECASE)
# A numeric year-month-day that is no date ("2023-13-01") must not be read another way.
_ISO_LIKE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})\b")
# Two typed dates joined as a range: "from 3 Sep 2023 to 5 Oct 2023", "March to May 2020".
_SPAN_RANGE = re.compile(
    r"^\s*(?:from\s+|between\s+)?(?P<first>.+?)\s+(?:to|until|till|through|and|-|–)\s+"
    r"(?P<last>.+?)\s*$",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b\d{4}\b")
# Coarse to fine: a range is only as precise as its coarser end.
_PRECISION = [Granularity.CENTURY, Granularity.DECADE, Granularity.YEAR, Granularity.HALF,
              Granularity.QUARTER, Granularity.SEASON, Granularity.MONTH, Granularity.WEEK,
              Granularity.DAY, Granularity.PART_OF_DAY, Granularity.HOUR, Granularity.MINUTE,
              Granularity.SECOND]
_TRAILING_PART_OF_DAY = re.compile(
    r"^(?P<rest>.*?)[\s,]+(?P<pod>morning|afternoon|evening|night)\s*$", re.I
)


def parse_user_date(text: str, anchor: datetime | date) -> TimeSpan | None:
    """Return the interval an analyst's typed date names, or None when it names none.

    Accepts what the tagger reads ("12 Sep 2023", "2019", "March 2020", "last Tuesday")
    plus "2023-09-12 14:30", a trailing part of day ("12 Sep 2023 morning"), a day
    range in one month ("10-12 Sep 2023", "from 3 to 5 Sep 2023") and a range of two
    dates ("3 Sep 2023 to 5 Oct 2023", "March to May 2020": the year of the second end
    serves the first when it names none).
    """
    anchor = as_datetime(anchor)
    try:
        return _parse_user_date(text.strip(), anchor)
    except _UNRESOLVABLE:
        return None


def _parse_user_date(text: str, anchor: datetime) -> TimeSpan | None:
    if not text:
        return None
    day_range = _DAY_RANGE.match(text)
    if day_range:
        month = month_number(day_range["month"] or day_range["month_first"])
        first_day = int(day_range["first"] or day_range["first_day"])
        last_day = int(day_range["last"] or day_range["last_day"])
        first = datetime(int(day_range["year"]), month, first_day)
        last = datetime(int(day_range["year"]), month, last_day) + timedelta(days=1)
        return TimeSpan(first, last, Granularity.DAY) if first < last else None
    span_range = _SPAN_RANGE.match(text)
    if span_range:
        spanned = _parse_span_range(span_range["first"], span_range["last"], anchor)
        if spanned is not None:
            return spanned
    part = _TRAILING_PART_OF_DAY.match(text)
    if part:
        day_span = _parse_user_date(part["rest"], anchor)
        if (
            day_span is None
            or day_span.earliest is None
            or day_span.granularity is not Granularity.DAY
        ):
            return None
        return span_from_value(f"{value_from_span(day_span)}T{PARTS_OF_DAY[part['pod'].lower()]}")
    mentions = tag(text, anchor)
    if (
        len(mentions) == 1
        and _FILLER.match(text[: mentions[0].start])
        and _FILLER.match(text[mentions[0].end :])
    ):
        mention = mentions[0]
        if not mention.is_anchored:
            return None  # a duration, a set or a vague reference: no interval to give
        return TimeSpan(mention.earliest, mention.latest, mention.granularity, mention.mod)
    iso = _ISO_LIKE.match(text)
    if iso and safe_date(*(int(part) for part in iso.groups())) is None:
        return None
    parsed = dates.parse_date_text(text, anchor)
    if parsed is None:
        return None
    return span_from_value(
        value_from_span(TimeSpan(parsed.start, parsed.start, parsed.granularity))
    )


def _parse_span_range(first_text: str, last_text: str, anchor: datetime) -> TimeSpan | None:
    """Return [start of the first date, end of the last) when both ends are dates."""
    last = _parse_user_date(last_text, anchor)
    if last is None or last.earliest is None or last.latest is None:
        return None
    year = _YEAR.search(last_text)
    if year and not _YEAR.search(first_text):
        first_text = f"{first_text} {year.group()}"
    first = _parse_user_date(first_text, anchor)
    if first is None or first.earliest is None or first.latest is None:
        return None
    if not first.earliest < last.latest:
        return None
    coarser = min(first.granularity, last.granularity, key=_precision_rank)
    return TimeSpan(first.earliest, last.latest, coarser)


def _precision_rank(granularity: Granularity) -> int:
    return _PRECISION.index(granularity) if granularity in _PRECISION else 0
