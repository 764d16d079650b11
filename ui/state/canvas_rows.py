"""Events as the canvas draws them: timeline.model.Event -> ui.canvas.data.CanvasEvent.

Qt-free, so the background worker can build the canvas's list off the main thread.
"""

from __future__ import annotations

from timeline.display import format_event_date
from timeline.model import Event, Status
from ui.canvas.data import OPEN_AFTER, OPEN_BEFORE, CanvasEvent


def to_canvas_event(event: Event, group: str) -> CanvasEvent | None:
    """Return the canvas's view of ``event``, or None when it has no bound at all (or,
    never the case for a listed event, no id: the canvas knows events by id).

    An open-ended event ("after the forum": one bound only) is drawn at its bound with
    its open side marked (``open_side``), never as an interval the article never gave;
    the bound it lacks is set to the one it has, and the canvas does not read it.
    """
    start = event.earliest if event.earliest is not None else event.latest
    end = event.latest if event.latest is not None else event.earliest
    if start is None or end is None or event.id is None:
        return None
    if event.latest is None:
        open_side = OPEN_AFTER
    elif event.earliest is None:
        open_side = OPEN_BEFORE
    else:
        open_side = ""
    granularity = getattr(event.granularity, "value", event.granularity)
    return CanvasEvent(
        id=event.id,
        start=start,
        end=end,
        granularity=str(granularity),
        status=Status(event.status).value,
        title=event.title,
        group=group,
        expression=event.expression or "",
        source=group,
        date_display=format_event_date(event),
        open_side=open_side,
    )
