"""What a summary is made of: key dates, each with a few lines, every line tied to its
event, its story and its sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SummaryLine:
    """One chosen sentence: the event it comes from, that event's story key and the
    articles (ids) the story's events on this date come from."""

    sentence: str
    event_id: int | None
    story_id: object
    article_id: int | None
    source_ids: tuple[int, ...]


@dataclass(frozen=True)
class KeyDate:
    """A chosen day: its lines and everything in the collection that points at it."""

    day: date
    score: float
    lines: tuple[SummaryLine, ...]
    event_ids: tuple[int, ...]
    story_ids: tuple[object, ...]
    source_ids: tuple[int, ...]

    @property
    def sources(self) -> int:
        """Return how many distinct articles report this day."""
        return len(self.source_ids)


@dataclass(frozen=True)
class Summary:
    """The key dates in date order, and why there are as many as there are."""

    dates: tuple[KeyDate, ...]
    reason: str
    candidates: int = 0  # days the collection points at precisely enough to be chosen
    articles: int = 0
    notes: tuple[str, ...] = field(default=())
