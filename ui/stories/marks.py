"""Stories as the canvas draws them: one mark per story, or one per reading of a story
whose sources disagree, each labelled with how many sources give it.

Qt-free, so the worker builds the marks off the main thread. A mark takes the id of
the first event of its reading, so selecting a mark selects that event in the table,
and every event of the story maps to the mark it is drawn under (``mark_of``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from timeline.display import format_span
from timeline.model import Reading, Status, Story
from ui.canvas.data import OPEN_AFTER, OPEN_BEFORE, CanvasEvent

CONFLICT_LANE = "Sources disagree on the date"
# Lanes by how many articles report a story, the most reported first.
SOURCE_BANDS = ((20, "20+ sources"), (5, "5–19 sources"), (2, "2–4 sources"), (1, "1 source"))
CONFLICT_MARK = "⚠"
# The Stories layout's lanes from the top: disputes, then the most reported stories.
STORY_LANES = (CONFLICT_LANE, *(name for _least, name in SOURCE_BANDS))


@dataclass
class StoryMarks:
    """The canvas marks of a listing's stories and how events and marks relate."""

    marks: list[CanvasEvent] = field(default_factory=list)
    mark_of: dict[int, int] = field(default_factory=dict)  # event id -> mark id
    story_of: dict[int, int] = field(default_factory=dict)  # mark id -> story id
    reading_of: dict[int, int] = field(default_factory=dict)  # mark id -> reading index
    stories: dict[int, Story] = field(default_factory=dict)


def lane_of(story: Story) -> str:
    """Return the lane a story is drawn in: the conflicts' own, else its band of sources."""
    if story.conflict:
        return CONFLICT_LANE
    return next(name for least, name in SOURCE_BANDS if story.sources >= least)


def story_status(reading: Reading, statuses: Mapping[int, str]) -> str:
    """Return the status a reading's mark shows: one status all its events share,
    else unreviewed until every event is reviewed, then accepted."""
    found = {statuses.get(event_id, Status.UNREVIEWED.value) for event_id in reading.event_ids}
    if len(found) == 1:
        return found.pop()
    if Status.UNREVIEWED.value in found:
        return Status.UNREVIEWED.value
    return Status.ACCEPTED.value


def _sources(count: int) -> str:
    return f"{count} source{'s' if count != 1 else ''}"


def story_marks(stories: list[Story], statuses: Mapping[int, str]) -> StoryMarks:
    """Return the marks of ``stories``; events absent from ``statuses`` (filtered out
    of the listing) do not make a story shown, and a story none of whose events
    passed the filter is left out."""
    result = StoryMarks()
    for story in stories:
        if story.earliest is None and story.latest is None:
            continue
        shown = [reading for reading in story.readings
                 if any(event_id in statuses for event_id in reading.event_ids)]
        if not shown:
            continue
        result.stories[story.id] = story
        lane = lane_of(story)
        first_mark = None
        for index, reading in enumerate(story.readings):
            if reading not in shown or (reading.earliest is None and reading.latest is None):
                continue
            if not story.conflict and index > 0:
                break
            visible = [event_id for event_id in reading.event_ids if event_id in statuses]
            mark_id = visible[0]
            if story.conflict:
                which = "chosen" if reading.chosen else f"reading {index + 1} of " \
                    f"{len(story.readings)}"
                title = (f"{CONFLICT_MARK} {story.title} ({which}: "
                         f"{_sources(reading.sources)})")
            else:
                title = f"{story.title} ({_sources(story.sources)})"
            # Open-ended ("after the forum"): drawn at its one bound, its open side marked.
            start = reading.earliest if reading.earliest is not None else reading.latest
            end = reading.latest if reading.latest is not None else reading.earliest
            if start is None or end is None:  # a reading without bounds was skipped above
                continue
            open_side = (OPEN_AFTER if reading.latest is None
                         else OPEN_BEFORE if reading.earliest is None else "")
            result.marks.append(CanvasEvent(
                id=mark_id,
                start=start,
                end=end,
                open_side=open_side,
                granularity=reading.granularity.value,
                status=story_status(reading, statuses),
                title=title,
                group=lane,
                source=f"story {story.id}",
                date_display=format_span(reading.earliest, reading.latest,
                                         reading.granularity, None),
            ))
            result.story_of[mark_id] = story.id
            result.reading_of[mark_id] = index
            first_mark = mark_id if first_mark is None else first_mark
            for event_id in reading.event_ids:
                result.mark_of[event_id] = mark_id
        if first_mark is not None:
            for event_id in story.event_ids:  # the other readings of a story in agreement
                result.mark_of.setdefault(event_id, first_mark)
    return result
