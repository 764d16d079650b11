"""The analyst's story decisions from the window: accept a story, choose the reading of
a conflict, split an event out, merge two stories, switch the canvas layout.

Each acts on the story of the current selection (the window's ``current_story``, the
reading of the mark selected on the canvas) through the review session, so it is
saved in the worker and undoable like the other review changes.
"""

from __future__ import annotations

from typing import Any

from timeline.model import Story
from ui.state.listing import ARTICLES, STORIES


class StoryFlow:
    """Story decisions for one window (see the module docstring)."""

    def __init__(self, window: Any) -> None:
        self.window = window
        self.marked: tuple[int, int, str] | None = None  # story id, version, title

    def _story(self) -> Story | None:
        story: Story | None = self.window.current_story
        if story is None:
            self.window.notice("Select a story first (Stories layout: View menu).")
        return story

    def accept_story(self) -> None:
        """Accept the events of the selected story's own reading."""
        story = self._story()
        if story is not None:
            self.window.session.accept_story(story.id, story.version, story.title)

    def choose_reading(self) -> None:
        """Make the reading of the selected mark the story's date (a conflict's)."""
        story = self._story()
        if story is None:
            return
        if not story.conflict:
            self.window.notice("This story's sources agree on its date: nothing to choose.")
            return
        index = self.window.current_reading_index()
        reading = story.readings[index if index is not None else 0]
        self.window.session.choose_reading(
            story.id, story.version, (reading.earliest, reading.latest), story.title)

    def split_event(self) -> None:
        """Take the current event out of its story into one of its own."""
        story = self._story()
        event = self.window.current_event()
        if story is None or event is None:
            return
        if len(story.event_ids) < 2:
            self.window.notice("This event is its story's only one: nothing to split.")
            return
        self.window.session.split_event(event.id, story.id, story.version, event.title)

    def mark_for_merge(self) -> None:
        """Remember the selected story as the one to merge into another."""
        story = self._story()
        if story is not None:
            self.marked = (story.id, story.version, story.title)
            self.window.notice(f"Marked “{story.title}” for merging: select the story "
                               "to merge it into and choose Merge marked story here.")

    def merge_marked(self) -> None:
        """Merge the marked story into the selected one."""
        story = self._story()
        if story is None:
            return
        if self.marked is None:
            self.window.notice("Mark a story for merging first (Story menu).")
            return
        other_id, other_version, _title = self.marked
        if other_id == story.id:
            self.window.notice("That is the marked story itself: select another one.")
            return
        self.marked = None
        self.window.session.merge_stories(story.id, story.version, other_id, other_version,
                                          story.title)

    def set_layout(self, layout: str) -> None:
        """Draw the canvas as stories or as article lanes (remembered)."""
        assert layout in (STORIES, ARTICLES)
        self.window.settings.save_canvas_layout(layout)
        self.window.set_canvas_layout(layout)
