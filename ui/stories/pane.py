"""The source dock's story view: every source of the selected story, with its readings."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtWidgets import QTextBrowser, QWidget

from timeline.model import Article, Event, Story
from ui.stories.sources import story_html

EMPTY_TEXT = "Select a story on the timeline to read all its sources together."


class StorySourcesView(QTextBrowser):
    """Read-only: the story's sources as ui.stories.sources writes them (article text
    escaped there); links are never followed from here."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storySources")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.story: Story | None = None
        self.clear_story()

    def show_story(self, story: Story, events: Mapping[int, Event],
                   articles: Mapping[int, Article]) -> None:
        """Show ``story``'s sources."""
        self.story = story
        self.setHtml(story_html(story, events, articles))

    def clear_story(self) -> None:
        """Show the hint that says what this view is for."""
        self.story = None
        self.setPlainText(EMPTY_TEXT)
