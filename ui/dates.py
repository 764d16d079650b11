"""A calendar day in the window's words: as the table and the exports write it.

Qt sets the C library's locale from the user's desktop, so strftime's "%a %d %b %Y" would
read "Di 05 Sep 2023" beside the table's "Tue 5 Sep 2023"; timeline.display writes
every date the same way whatever the locale.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from timeline.display import format_span
from timeline.model import Granularity


def day_text(moment: datetime) -> str:
    """Return the calendar day of ``moment`` as a person reads it ("Tue 5 Sep 2023")."""
    day = datetime(moment.year, moment.month, moment.day)
    try:
        return format_span(day, day + timedelta(days=1), Granularity.DAY)
    except OverflowError:  # 31 Dec 9999 has no next day to end on
        return format_span(day, day, Granularity.DAY)
