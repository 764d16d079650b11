"""Events as the canvas draws them: timeline.model.Event -> ui.canvas.data.CanvasEvent.

Qt-free, so the background worker can build the canvas's list off the main thread.
"""

from __future__ import annotations

from datetime import timedelta

from timeline.display import format_span
from timeline.model import Event, Status
from ui.canvas.data import CanvasEvent


def to_canvas_event(event: Event, group: str) -> CanvasEvent | None:
    """Return the canvas's view of ``event``, or None when it has no place in time
    (an open-ended event with no known start stays in the table only)."""
    if event.earliest is None:
        return None
    # A known start with no end is drawn as its first day, not a made-up length.
    latest = event.latest if event.latest is not None else event.earliest + timedelta(days=1)
    granularity = getattr(event.granularity, "value", event.granularity)
    return CanvasEvent(
        id=event.id,
        start=event.earliest,
        end=latest,
        granularity=str(granularity),
        status=Status(event.status).value,
        title=event.title,
        group=group,
        expression=event.expression or "",
        source=group,
        date_display=format_span(event.earliest, event.latest, event.granularity, event.mod),
    )
