"""Events as the canvas draws them: timeline.model.Event -> ui.canvas.data.CanvasEvent.

Qt-free, so the background worker can build the canvas's list off the main thread.
"""

from __future__ import annotations

from timeline.display import format_span
from timeline.model import Event, Status
from ui.canvas.data import CanvasEvent


def to_canvas_event(event: Event, group: str) -> CanvasEvent | None:
    """Return the canvas's view of ``event``, or None when it has no interval.

    Open-ended events ("after the forum": a bound on one side only) stay in the table,
    where they read "open-ended (after ...)": drawn as a bar they would look like a date
    the article never gave.
    """
    if event.earliest is None or event.latest is None:
        return None
    latest = event.latest
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
