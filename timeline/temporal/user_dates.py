"""What an analyst types as a date ("12 Sep 2023 morning", "2019", "10-12 Sep 2023")
read as an interval: the tagger first, then the few forms only a person types."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from timeline.calendar import precision_rank
from timeline.model import Granularity, TimeSpan, as_datetime
from timeline.sources.dates import parse_published
from timeline.temporal import dates
from timeline.temporal.lexicon import MONTH, PARTS_OF_DAY, WEEKDAYS, month_number
from timeline.temporal.shifts import safe_date
from timeline.temporal.tagging import UNRESOLVABLE, tag
from timeline.temporal.timex import span_from_value, value_from_span

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
_NUMERIC_DATE = re.compile(r"^(?P<first>\d{1,2})[/.](?P<second>\d{1,2})[/.]\d{2,4}$")
# Coarse to fine: a range is only as precise as its coarser end.
_TRAILING_PART_OF_DAY = re.compile(
    r"^(?P<rest>.*?)[\s,]+(?P<pod>morning|afternoon|evening|night)\s*$", re.I
)


class ReversedRangeError(ValueError):
    """A typed range whose end comes before its start ("from 12 Sep until 11 Sep")."""


def parse_user_date(text: str, anchor: datetime | date) -> TimeSpan | None:
    """Return the interval an analyst's typed date names, or None when it names none
    (a reversed range too: ``read_user_date`` says why).

    Accepts what the tagger reads ("12 Sep 2023", "2019", "March 2020", "last Tuesday")
    plus "2023-09-12 14:30", a trailing part of day ("12 Sep 2023 morning"), a day
    range in one month ("10-12 Sep 2023", "from 3 to 5 Sep 2023") and a range of two
    dates ("3 Sep 2023 to 5 Oct 2023", "March to May 2020": the year of the second end
    serves the first when it names none).
    """
    try:
        return read_user_date(text, anchor)
    except ReversedRangeError:
        return None


def read_user_date(text: str, anchor: datetime | date) -> TimeSpan | None:
    """Return the interval ``text`` names as ``parse_user_date`` does, or None when it
    names none; raises ReversedRangeError (its message one line naming both ends) for
    a range that ends before it starts, which is a slip to point out, not nonsense."""
    anchor = as_datetime(anchor)
    try:
        span = _parse_user_date(text.strip(), anchor)
    except UNRESOLVABLE:
        return None
    if span is None:
        try:
            reason = _reversed_range(text.strip(), anchor)
        except UNRESOLVABLE:
            reason = None
        if reason is not None:
            raise ReversedRangeError(reason)
    return span


def _reversed_range(text: str, anchor: datetime) -> str | None:
    """Return why ``text`` is refused when it is a range of two readable dates whose
    second ends before the first starts, else None (asked only once no reading was
    found, so a weekday range the tagger turns forwards stays accepted)."""
    day_range = _DAY_RANGE.match(text)
    if day_range and int(day_range["first"] or day_range["first_day"]) > int(
            day_range["last"] or day_range["last_day"]):
        return f"the range “{text}” ends before it starts; swap its days"
    span_range = _SPAN_RANGE.match(text)
    if span_range is None:
        return None
    first_text, last_text = span_range["first"], span_range["last"]
    if {first_text.lower().strip(), last_text.lower().strip()} & set(WEEKDAYS):
        return None  # which week a bare weekday falls in is a guess, not the analyst's slip
    last = _parse_user_date(last_text, anchor)
    year = _YEAR.search(last_text)
    if year and not _YEAR.search(first_text):
        first_text = f"{first_text} {year.group()}"
    first = _parse_user_date(first_text, anchor)
    if first is None or last is None or first.earliest is None or last.latest is None:
        return None
    if last.latest > first.earliest:
        return None
    return (f"the range ends before it starts: “{span_range['last'].strip()}” comes "
            f"before “{span_range['first'].strip()}”; swap them")


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
    coarser = min(first.granularity, last.granularity, key=precision_rank)
    return TimeSpan(first.earliest, last.latest, coarser)



def read_published_date(text: str, today: datetime | None = None) -> datetime:
    """Return the publication date a person gave, as the window and the command line
    both take it: ISO ("2023-03-05", "2023-03-05T08:30") first, else written out with
    its year ("5 Mar 2023", "March 5, 2023"), at the start of the day or time it names.
    Raises ValueError, one line saying what is accepted: also for a date without a
    year ("next week", "5 March"), which would depend on the day it is typed."""
    typed = text.strip()
    try:
        return parse_published(typed)
    except ValueError:
        pass
    numeric = _NUMERIC_DATE.match(typed)
    if numeric and numeric["first"] != numeric["second"] \
            and int(numeric["first"]) <= 12 and int(numeric["second"]) <= 12:
        # 12/09/2023 is 12 September in London and 9 December in New York.
        raise ValueError(f"bad date {text!r}: day and month could be either way round; "
                         "write 2023-09-12 or 12 Sep 2023")
    if not _YEAR.search(typed):
        raise ValueError(f"bad date {text!r}: give the year (5 Mar 2023, or 2023-03-05); "
                         "a date without one would depend on the day it is typed")
    try:
        span = read_user_date(typed, today or datetime.now())
    except ReversedRangeError as error:
        raise ValueError(f"bad date {text!r}: {error}") from None
    if span is None or span.earliest is None:
        raise ValueError(f"bad date {text!r}: use YYYY-MM-DD, an ISO date-time "
                         "(2023-09-12T08:30) or a written date (5 Mar 2023)")
    return span.earliest
