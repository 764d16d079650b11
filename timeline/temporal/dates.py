"""The one adapter to dateparser: parse a date string already found, with pinned settings.

Detection and anchoring are the project's own (dateparser's ``search_dates`` gives no
offsets and swallows neighbouring words); dateparser is used here for what it is good at,
reading one found date string in its many written forms. Every setting is pinned so the
result never depends on today's date or on the machine's time zone.
"""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

from dateparser.date import DateDataParser

from timeline.model import Granularity


class ParsedDate(NamedTuple):
    """A parsed date: its first instant and how much of it the string gave."""

    start: datetime
    granularity: Granularity


_PERIOD_GRANULARITY = {
    "year": Granularity.YEAR,
    "month": Granularity.MONTH,
    "week": Granularity.WEEK,
    "day": Granularity.DAY,
    "time": Granularity.MINUTE,
}


def pinned_settings(anchor: datetime) -> dict[str, object]:
    """Return the dateparser settings used everywhere, relative to ``anchor``."""
    return {
        "RELATIVE_BASE": anchor.replace(tzinfo=None),
        # Without these it invents a day of month from today and reads the host's zone.
        "PREFER_DAY_OF_MONTH": "first",
        "PREFER_DATES_FROM": "current_period",
        "TIMEZONE": "UTC",
        "TO_TIMEZONE": "UTC",
        "RETURN_AS_TIMEZONE_AWARE": False,
        "DATE_ORDER": "MDY",
        "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
        "STRICT_PARSING": False,
    }


@lru_cache(maxsize=64)
def _parser(anchor: datetime) -> DateDataParser:
    return DateDataParser(languages=["en"], settings=pinned_settings(anchor))


@lru_cache(maxsize=4096)
def parse_date_text(text: str, anchor: datetime) -> ParsedDate | None:
    """Return the date ``text`` names (its start and granularity), or None.

    ``anchor`` fills in nothing but a missing year; callers that know the year is
    missing decide it themselves by tense.
    """
    if not text or len(text) > 80:
        return None
    try:
        data = _parser(anchor.replace(tzinfo=None, microsecond=0)).get_date_data(text)
    except (ValueError, OverflowError, TypeError, AttributeError, KeyError, IndexError):
        # dateparser raises on some odd inputs ("0000-00-00", huge numbers): no date.
        return None
    if data is None or data.date_obj is None:
        return None
    start = data.date_obj.replace(tzinfo=None)
    granularity = _PERIOD_GRANULARITY.get(data.period or "day", Granularity.DAY)
    if granularity is Granularity.YEAR:
        start = start.replace(month=1, day=1, hour=0, minute=0, second=0, microsecond=0)
    elif granularity is Granularity.MONTH:
        start = start.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    elif granularity is Granularity.DAY and (start.hour or start.minute or start.second):
        # dateparser reports "2023-09-12 14:30" as a day; the clock time is in the string.
        granularity = Granularity.SECOND if start.second else Granularity.MINUTE
        start = start.replace(microsecond=0)
    elif granularity is Granularity.DAY:
        start = start.replace(hour=0, minute=0, second=0, microsecond=0)
    elif granularity is Granularity.MINUTE and start.second:
        granularity = Granularity.SECOND
    return ParsedDate(start, granularity)
