"""Plain frozen dataclasses that travel between the stages of the program.

Every stage (sources, temporal, events, store, export, ui) speaks in these types;
ORM rows never leave ``timeline.store``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum, StrEnum


class _TextEnum(StrEnum):
    """An enum whose members are their text (``.value``, stored and exported); str() and
    format() still read "Granularity.DAY", as they did when these were (str, Enum)."""

    __str__ = Enum.__str__
    __format__ = Enum.__format__


class Granularity(_TextEnum):
    """How precisely a time is known; the interval is as wide as this says."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    PART_OF_DAY = "part_of_day"
    HOUR = "hour"
    MINUTE = "minute"
    SECOND = "second"
    DURATION = "duration"
    SET = "set"
    UNKNOWN = "unknown"


class TimexType(_TextEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


class Status(_TextEnum):
    """Where an event stands in the analyst's review."""

    UNREVIEWED = "unreviewed"
    ACCEPTED = "accepted"
    CORRECTED = "corrected"
    REJECTED = "rejected"


@dataclass(frozen=True)
class TimeSpan:
    """A half-open interval [earliest, latest) with its granularity and modifier."""

    earliest: datetime | None
    latest: datetime | None
    granularity: Granularity
    mod: str | None = None


@dataclass(frozen=True)
class Mention:
    """One temporal expression found in a text and resolved against an anchor.

    ``start``/``end`` are character offsets into the text; ``value`` is the TIMEX3
    value (TimeML 1.2). ``earliest``/``latest`` are None for durations, sets and
    expressions that cannot be anchored (``event_relative`` ones such as "after the
    forum" are never given a made-up date).
    """

    text: str
    start: int
    end: int
    type: TimexType
    value: str
    mod: str | None
    earliest: datetime | None
    latest: datetime | None
    granularity: Granularity
    anchor: str
    explanation: str
    confidence: float
    event_relative: bool = False

    @property
    def is_anchored(self) -> bool:
        """True when the mention denotes a point or stretch on the calendar."""
        return self.earliest is not None and self.latest is not None


@dataclass(frozen=True)
class Article:
    """A loaded article: its text and metadata; ``published`` is the DCT."""

    text: str
    published: datetime | None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    language: str | None = "en"
    source_path: str | None = None
    dct_source: str | None = None  # cli | sidecar | html | dateline | filename | timeml | json
    id: int | None = None
    content_hash: str | None = None


@dataclass(frozen=True)
class Event:
    """A dated (or open-ended) event: a sentence hung on one temporal mention."""

    title: str
    description: str
    char_start: int
    char_end: int
    expression: str | None
    expr_start: int | None
    expr_end: int | None
    timex_type: str | None
    timex_value: str | None
    mod: str | None
    earliest: datetime | None
    latest: datetime | None
    granularity: Granularity
    confidence: float
    explanation: str
    anchor: str | None = None
    inferred: bool = False
    open_ended: bool = False
    status: Status = Status.UNREVIEWED
    note: str | None = None
    version: int = 1
    reviewed_at: datetime | None = None
    id: int | None = None
    article_id: int | None = None
    story_id: int | None = None


@dataclass(frozen=True)
class Reading:
    """One date a story's sources give: its interval, the events and articles giving it."""

    earliest: datetime | None
    latest: datetime | None
    granularity: Granularity
    event_ids: tuple[int, ...]
    article_ids: tuple[int, ...]
    chosen: bool = False

    @property
    def sources(self) -> int:
        """Return how many distinct articles give this reading."""
        return len(self.article_ids)


@dataclass(frozen=True)
class Story:
    """Events, from one article or many, that report the same happening.

    ``earliest``/``latest``/``granularity`` are the story's date: the reading the
    analyst chose, else the one most sources give. ``conflict`` is True when the
    sources give incompatible dates (more than one reading).
    """

    id: int
    title: str
    earliest: datetime | None
    latest: datetime | None
    granularity: Granularity
    event_ids: tuple[int, ...]
    article_ids: tuple[int, ...]
    readings: tuple[Reading, ...]
    conflict: bool
    chosen: bool = False
    version: int = 1

    @property
    def sources(self) -> int:
        """Return how many distinct articles report the story."""
        return len(self.article_ids)


@dataclass(frozen=True)
class Review:
    """One audit row: who changed which field of an event (or of a story), from
    what to what. A story's own changes (its chosen reading) have no event."""

    event_id: int | None
    field: str
    old_value: str | None
    new_value: str | None
    actor: str
    at: datetime
    id: int | None = None
    story_id: int | None = None


def as_datetime(value: date | datetime) -> datetime:
    """Return ``value`` as a naive datetime (midnight for a bare date)."""
    if isinstance(value, datetime):
        return value.replace(tzinfo=None) if value.tzinfo else value
    return datetime(value.year, value.month, value.day)


def article_of(event: Event, articles: Mapping[int, Article]) -> Article | None:
    """Return the event's article from ``articles``, or None when the event has no
    article or ``articles`` does not hold it."""
    article_id = event.article_id
    return articles.get(article_id) if article_id is not None else None


def stored_id(event: Event) -> int:
    """Return the id of an event read from the store; raises ValueError for an event
    that was never stored (it has no id yet)."""
    if event.id is None:
        raise ValueError(f"the event {event.title!r} has not been stored: it has no id")
    return event.id


__all__ = [
    "Article",
    "Event",
    "Granularity",
    "Mention",
    "Reading",
    "Review",
    "Status",
    "Story",
    "TimeSpan",
    "TimexType",
    "article_of",
    "as_datetime",
    "stored_id",
]
