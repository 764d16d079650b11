"""Finding an article's publication date (DCT): parsing given dates, datelines, file names."""

from __future__ import annotations

import re
from datetime import date, datetime

from timeline.model import as_datetime

MONTHS = {
    "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3,
    "apr": 4, "april": 4, "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7,
    "aug": 8, "august": 8, "sep": 9, "sept": 9, "september": 9, "oct": 10,
    "october": 10, "nov": 11, "november": 11, "dec": 12, "december": 12,
}

# "SEOUL, Sept. 12 (Reuters) -", "WASHINGTON, D.C., Sept. 12, 2023 (AP) --",
# "LONDON, 12 September 2023 (Reuters) -": an upper-case place, optional region,
# then the date, an optional agency in brackets and a dash, at the start of a line.
_MONTH_PATTERN = "|".join(sorted(MONTHS, key=len, reverse=True))
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z.'\u2019-]+(?:[ \t]+[A-Z][A-Z.'\u2019-]+)*"
    r"(?:,[ \t]*[A-Z][A-Za-z.'\u2019 -]{0,30}?)?,?[ \t]+"
    r"(?:(?P<month>" + _MONTH_PATTERN + r")\.?[ \t]+(?P<day>\d{1,2})"
    r"|(?P<day2>\d{1,2})[ \t]+(?P<month2>" + _MONTH_PATTERN + r")\.?)"
    r"(?:,?[ \t]+(?P<year>\d{4}))?"
    r"[ \t]*(?:\([A-Za-z .&-]{1,40}\))?[ \t]*(?:-{1,2}|\u2013|\u2014|_|:)",
    re.MULTILINE | re.IGNORECASE,
)
# Only the first lines of an article carry its dateline.
_DATELINE_WINDOW = 400
# "WASHINGTON (AP) _": a dateline that names the agency but no date (case-sensitive:
# the place is in capitals).
_AGENCY_DATELINE = re.compile(
    r"[ \t]*[A-Z][A-Z.'\u2019-]+(?:[ \t]+[A-Z][A-Z.'\u2019-]+)*"
    r"(?:,[ \t]*[A-Z][A-Za-z.'\u2019 -]{0,30}?)?[ \t]*\([A-Za-z .&-]{1,40}\)"
    r"[ \t]*(?:-{1,2}|\u2013|\u2014|_|:)"
)

# 2023-09-12, 2023_09_12, 2023.09.12 or 20230912 in a file name, not inside a longer number.
_FILENAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([-_.]?)(\d{2})\2(\d{2})(?!\d)")


def parse_published(value: str) -> datetime:
    """Return the naive datetime for ``YYYY-MM-DD`` or an ISO date-time.

    A time zone offset is dropped, keeping the local wall time (the article's own
    day). Raises ValueError with a message saying what is accepted.
    """
    text = value.strip()
    try:
        return as_datetime(datetime.fromisoformat(text.replace("Z", "+00:00")))
    except ValueError:
        raise ValueError(
            f"bad date {value!r}: use YYYY-MM-DD or an ISO date-time (2023-09-12T08:30)"
        ) from None


def find_dateline(text: str, year_hint: int | None = None) -> tuple[datetime | None, str]:
    """Return (date, note) from a news dateline near the start of ``text``.

    A dateline without a year takes ``year_hint`` (from the file name); without
    either, the date is None and the note says what was seen.
    """
    match = _DATELINE.search(text[:_DATELINE_WINDOW])
    if match is None:
        return None, ""
    month = MONTHS[(match["month"] or match["month2"]).lower()]
    day = int(match["day"] or match["day2"])
    year = int(match["year"]) if match["year"] else year_hint
    if year is None:
        return None, f"the dateline {match.group(0).strip()!r} has no year"
    try:
        return datetime(year, month, day), ""
    except ValueError:
        return None, f"the dateline {match.group(0).strip()!r} is not a real date"


def opening_dateline(line: str) -> int:
    """Return the length of the news dateline that opens ``line`` ("SEOUL, Sept. 12
    (Reuters) -", "WASHINGTON (AP) _"), 0 when it opens with anything else.

    Unlike a dateline found for the publication date, a word in lower case outside
    the brackets rules it out: "Talks ended on Sept. 12 - ..." is a sentence."""
    for pattern in (_DATELINE, _AGENCY_DATELINE):
        match = pattern.match(line)
        if match and not re.search(r"\b[a-z]", re.sub(r"\([^)]*\)", " ", match.group(0))):
            return match.end()
    return 0


def find_filename_date(name: str) -> datetime | None:
    """Return the first real calendar date written in a file name, else None."""
    for match in _FILENAME_DATE.finditer(name):
        try:
            return as_datetime(date(int(match[1]), int(match[3]), int(match[4])))
        except ValueError:
            continue
    return None
