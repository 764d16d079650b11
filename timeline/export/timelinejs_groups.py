"""Which TimelineJS group each slide goes in: its story, its outlet, its article, or none.

TimelineJS gives every group a band of its time navigator. With one group per article,
72 articles made the navigator 2,165 px tall and pushed it, the zoom buttons and the
arrows out of an 880 px embed; eight groups already crowd it. So the automatic choice
takes the first of story, outlet and article that every slide has and that makes at
most MAX_GROUPS groups, else no groups at all; the caller says which on stderr.

Stories come from the story layer, which gives every stored event a ``story_id``; the
automatic choice takes stories only when some story holds several slides.

A label is plain text shown by TimelineJS as HTML, and TimelineJS 3.9 first reads a
group (and a display date) as HTML and keeps its text, then writes that text as HTML:
an escaped ``&lt;img ...&gt;`` would become a live tag the second time. So labels are
escaped and their angle brackets written as the look-alike single guillemets, which
read the same and are never markup, however many times they are read.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from timeline.model import Article, Event, article_of

MAX_GROUPS = 8
GROUP_MODES: tuple[str, ...] = ("auto", "story", "outlet", "article", "none")
_AUTO_ORDER = ("story", "outlet", "article")


def plain_label(text: str) -> str:
    """Return ``text`` for a TimelineJS field it reads as HTML twice (group, display
    date): escaped, with < and > as the look-alikes \u2039 and \u203a."""
    return html.escape(text.replace("<", "\u2039").replace(">", "\u203a"))


def story_label(event: Event, article: Article | None) -> str | None:
    """Return the event's story as a group label, or None when it has no story."""
    story_id = getattr(event, "story_id", None)
    return None if story_id is None else f"Story {story_id}"


def outlet_label(event: Event, article: Article | None) -> str | None:
    """Return the outlet of the event's article, or None when it is not known."""
    return (article.outlet or None) if article is not None else None


def article_label(event: Event, article: Article | None) -> str | None:
    """Return the article's title (or its address, or its file), else "article N"."""
    if article is not None and (article.title or article.url or article.source_path):
        return article.title or article.url or article.source_path
    return f"article {event.article_id}" if event.article_id is not None else None


LABEL_OF: dict[str, Callable[[Event, Article | None], str | None]] = {
    "story": story_label, "outlet": outlet_label, "article": article_label}
_WITHOUT = {"story": "(no story)", "outlet": "(no outlet)", "article": "(no article)"}


@dataclass(frozen=True)
class Grouping:
    """The grouping a TimelineJS export uses, and why."""

    mode: str  # story, outlet, article or none: never auto
    groups: int  # how many groups the slides fall in
    automatic: bool
    counts: Mapping[str, int]  # groups each mode would make (those looked at)

    def label(self, event: Event, article: Article | None) -> str | None:
        """Return the slide's group label as TimelineJS gets it, or None for no group."""
        if self.mode == "none":
            return None
        return plain_label(LABEL_OF[self.mode](event, article) or _WITHOUT[self.mode])

    def message(self) -> str:
        """Return one line saying how the slides are grouped (for stderr)."""
        if self.mode == "none":
            if not self.automatic:
                return "TimelineJS groups: none (--group none)"
            if not self.counts:
                return "TimelineJS groups: none"
            looked = ", ".join(f"{count} by {mode}" for mode, count in self.counts.items())
            return (f"TimelineJS groups: none ({looked}; more than {MAX_GROUPS} crowd "
                    "TimelineJS's navigator out of view; choose with --group)")
        line = f"TimelineJS groups: by {self.mode} ({self.groups} group{'s' * (self.groups != 1)})"
        if self.groups > MAX_GROUPS:
            return f"{line}: more than {MAX_GROUPS} crowd TimelineJS's navigator out of view"
        return f"{line}; choose with --group" if self.automatic else line


def choose_grouping(
    events: Sequence[Event], articles: Mapping[int, Article], mode: str = "auto"
) -> Grouping:
    """Return the Grouping for these slides: ``mode`` itself, or for "auto" the first
    of story, outlet, article that every slide has and that makes at most MAX_GROUPS
    groups (stories only when one holds several slides), else none. Raises ValueError
    for an unknown mode."""
    if mode not in GROUP_MODES:
        raise ValueError(f"unknown TimelineJS grouping {mode!r}; choose one of "
                         f"{', '.join(GROUP_MODES)}")
    if mode == "none" or not events:
        return Grouping("none", 0, mode == "auto", {})
    if mode != "auto":
        shown = {LABEL_OF[mode](event, article_of(event, articles)) or _WITHOUT[mode]
                 for event in events}
        return Grouping(mode, len(shown), False, {mode: len(shown)})
    counts: dict[str, int] = {}
    for candidate in _AUTO_ORDER:
        label_of = LABEL_OF[candidate]
        labels = {label_of(event, article_of(event, articles)) for event in events}
        if None in labels:  # not every slide has one: no grouping by it
            continue
        if candidate == "story" and len(labels) == len(events):
            continue  # every slide a story of its own: stories group nothing
        counts[candidate] = len(labels)
        if len(labels) <= MAX_GROUPS:
            return Grouping(candidate, len(labels), True, counts)
    return Grouping("none", 0, True, counts)
