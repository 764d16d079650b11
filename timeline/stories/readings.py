"""A story's readings: the distinct dates its sources give, compatible ones together.

Dates are compared at the day: "Sunday morning" and "Sunday" give one reading. A
coarse date that contains a precise one agrees with it ("last month" and "October
12"), so it joins that reading instead of making one of its own. Two readings that
neither contains are a conflict.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from timeline.calendar import DAY_OR_FINER
from timeline.model import Granularity, Reading

ONE_DAY = timedelta(days=1)
# Finer than a day: read at its day.
_FINER_THAN_DAY = DAY_OR_FINER - {Granularity.DAY}


@dataclass(frozen=True)
class Dated:
    """What a reading needs of an event: its id, article and interval."""

    event_id: int
    article_id: int
    earliest: datetime | None
    latest: datetime | None
    granularity: Granularity


# A date as day_key gives it: (earliest, latest, granularity).
DayKey = tuple[datetime | None, datetime | None, Granularity]


def day_key(
    earliest: datetime | None, latest: datetime | None, granularity: Granularity
) -> DayKey:
    """Return the interval a date is compared by: a time within a day counts as its day."""
    if earliest is not None and granularity in _FINER_THAN_DAY:
        day = earliest.replace(hour=0, minute=0, second=0, microsecond=0)
        try:
            return day, day + ONE_DAY, Granularity.DAY
        except OverflowError:  # the calendar's last day has no next midnight
            return earliest, latest, granularity
    return earliest, latest, granularity


def nested(
    one: tuple[datetime | None, datetime | None], other: tuple[datetime | None, datetime | None]
) -> bool:
    """Return True when one interval contains the other (equal ones included)."""
    (a_lo, a_hi), (b_lo, b_hi) = one, other
    if a_lo is None or a_hi is None or b_lo is None or b_hi is None:
        return (a_lo, a_hi) == (b_lo, b_hi)
    return (a_lo <= b_lo and b_hi <= a_hi) or (b_lo <= a_lo and a_hi <= b_hi)


def _width(lo: datetime | None, hi: datetime | None) -> timedelta:
    return timedelta.max if lo is None or hi is None else hi - lo


def readings_of(
    members: Iterable[Dated], chosen: tuple[datetime, datetime] | None = None
) -> list[Reading]:
    """Return the readings of a story's ``members``, the story's own date first.

    The first reading is the one ``chosen`` by the analyst when it is among them,
    else the one most articles give (then most events, the more precise, the earlier).
    """
    groups: list[tuple[DayKey, list[Dated]]] = []
    keyed = sorted(
        ((day_key(m.earliest, m.latest, m.granularity), m) for m in members),
        key=lambda pair: (_width(pair[0][0], pair[0][1]), pair[0][0] or datetime.min,
                          pair[1].event_id),
    )
    for key, member in keyed:
        compatible = [group for group in groups if nested(group[0][:2], key[:2])]
        if compatible:
            # The coarse date agrees with the precise readings it contains: it backs the
            # one most articles give.
            best = max(compatible, key=lambda group: len({m.article_id for m in group[1]}))
            best[1].append(member)
        else:
            groups.append((key, [member]))
    readings = [
        Reading(
            earliest=key[0],
            latest=key[1],
            granularity=key[2],
            event_ids=tuple(sorted(m.event_id for m in group)),
            article_ids=tuple(sorted({m.article_id for m in group})),
            chosen=chosen is not None and (key[0], key[1]) == tuple(chosen),
        )
        for key, group in groups
    ]
    readings.sort(key=_reading_order)
    return readings


def _reading_order(reading: Reading) -> tuple[bool, int, int, timedelta, datetime]:
    return (
        not reading.chosen,
        -len(reading.article_ids),
        -len(reading.event_ids),
        _width(reading.earliest, reading.latest),
        reading.earliest or datetime.max,
    )


def is_conflict(readings: Sequence[Reading]) -> bool:
    """Return True when the readings disagree: more than one, from more than one article."""
    if len(readings) < 2:
        return False
    return len({a for reading in readings for a in reading.article_ids}) > 1
