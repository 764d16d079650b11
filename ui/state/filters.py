"""The review filters as plain data: what the filter bar holds, what the store is asked.

Qt-free so it can be saved to QSettings as a dict and unit-tested without a window.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from timeline.model import Granularity, Status


@dataclass(frozen=True)
class EventFilter:
    """Which events the table, the canvas and the export show.

    Empty ``statuses`` or ``article_ids`` mean "all"; ``start``/``end`` bound a window
    [start, end) that events must overlap; ``min_confidence`` of None means no bound;
    ``min_precision`` keeps events dated that precisely or finer (None: any), the
    choices of timeline.calendar.PRECISION_CHOICES.
    """

    statuses: frozenset[Status] = field(default_factory=frozenset)
    article_ids: frozenset[int] = field(default_factory=frozenset)
    text: str = ""
    start: datetime | None = None
    end: datetime | None = None
    min_confidence: float | None = None
    min_precision: Granularity | None = None

    def query_kwargs(self) -> dict[str, Any]:
        """Return keyword arguments for Repository.list_events / count_events."""
        return {
            "statuses": sorted(self.statuses, key=lambda s: s.value) or None,
            "article_ids": sorted(self.article_ids) or None,
            "text": self.text.strip() or None,
            "start": self.start,
            "end": self.end,
            "min_confidence": self.min_confidence,
            "min_precision": self.min_precision,
        }

    def is_empty(self) -> bool:
        """Return True when the filter lets every event through."""
        return self == EventFilter()

    def with_changes(self, **changes: Any) -> EventFilter:
        """Return a copy with the given fields replaced."""
        return replace(self, **changes)

    def to_settings(self) -> dict[str, Any]:
        """Return a dict of strings and numbers, fit for QSettings."""
        return {
            "statuses": ",".join(sorted(s.value for s in self.statuses)),
            "article_ids": ",".join(str(i) for i in sorted(self.article_ids)),
            "text": self.text,
            "start": self.start.isoformat() if self.start else "",
            "end": self.end.isoformat() if self.end else "",
            "min_confidence": "" if self.min_confidence is None else str(self.min_confidence),
            "min_precision": self.min_precision.value if self.min_precision else "",
        }

    @classmethod
    def from_settings(cls, saved: dict[str, Any]) -> EventFilter:
        """Return the filter saved by to_settings; unreadable parts fall back to "all"."""
        def text_of(name: str) -> str:
            value = saved.get(name)
            return "" if value is None else str(value)

        statuses = set()
        for value in text_of("statuses").split(","):
            try:
                statuses.add(Status(value))
            except ValueError:
                continue
        article_ids = {int(v) for v in text_of("article_ids").split(",") if v.strip().isdigit()}

        def moment(name: str) -> datetime | None:
            try:
                return datetime.fromisoformat(text_of(name)) if text_of(name) else None
            except ValueError:
                return None

        try:
            min_confidence = float(text_of("min_confidence")) if text_of("min_confidence") else None
        except ValueError:
            min_confidence = None
        try:
            min_precision = (Granularity(text_of("min_precision"))
                             if text_of("min_precision") else None)
        except ValueError:
            min_precision = None
        return cls(
            statuses=frozenset(statuses),
            article_ids=frozenset(article_ids),
            text=text_of("text"),
            start=moment("start"),
            end=moment("end"),
            min_confidence=min_confidence,
            min_precision=min_precision,
        )
