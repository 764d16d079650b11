"""TimelineJS grouping: the automatic choice (story, outlet, article, else none, at most
eight groups), the chosen modes, the message, and labels safe however often read."""

from __future__ import annotations

import dataclasses
import html
import importlib.util
from pathlib import Path

import pytest

from timeline.export.timelinejs_groups import MAX_GROUPS, choose_grouping, plain_label
from timeline.model import Article, Event

_spec = importlib.util.spec_from_file_location(
    "export_samples", Path(__file__).with_name("export_samples.py"))
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)


@dataclasses.dataclass(frozen=True)
class StoryEvent(Event):
    """An event as the story layer will give it: with the story it belongs to."""

    story_id: int | None = None


def collection(count: int, outlets: int | None) -> tuple[list[Event], dict[int, Article]]:
    """``count`` articles, one event each; ``outlets`` distinct outlets (None: no outlet)."""
    articles = {number: Article(text="t", published=None, title=f"Article {number}",
                                outlet=None if outlets is None else f"Outlet {number % outlets}",
                                id=number) for number in range(1, count + 1)}
    events = [samples.event(id=number, article_id=number) for number in articles]
    return events, articles


def test_automatic_takes_outlets_when_they_are_few():
    grouping = choose_grouping(*collection(20, outlets=3))
    assert (grouping.mode, grouping.groups) == ("outlet", 3)
    assert grouping.message() == "TimelineJS groups: by outlet (3 groups); choose with --group"


def test_automatic_takes_articles_when_outlets_are_unknown_and_articles_few():
    grouping = choose_grouping(*collection(MAX_GROUPS, outlets=None))
    assert (grouping.mode, grouping.groups) == ("article", MAX_GROUPS)


def test_automatic_leaves_groups_out_past_eight_and_says_why():
    events, articles = collection(MAX_GROUPS + 1, outlets=MAX_GROUPS + 1)
    grouping = choose_grouping(events, articles)
    assert grouping.mode == "none" and grouping.label(events[0], articles[1]) is None
    assert grouping.message() == (
        "TimelineJS groups: none (9 by outlet, 9 by article; more than 8 crowd "
        "TimelineJS's navigator out of view; choose with --group)")


def test_stories_come_first_once_events_carry_them():
    events, articles = collection(30, outlets=3)
    in_stories = [StoryEvent(**{**dataclasses.asdict(event), "story_id": event.id % 2})
                  for event in events]
    grouping = choose_grouping(in_stories, articles)
    assert (grouping.mode, grouping.groups) == ("story", 2)
    assert grouping.label(in_stories[0], articles[1]) == "Story 1"
    # Today's events have no story: grouping by story finds none.
    assert choose_grouping(events, articles, "story").label(events[0], articles[1]) == "(no story)"


def test_a_chosen_mode_is_kept_and_warned_about_past_eight():
    events, articles = collection(12, outlets=None)
    grouping = choose_grouping(events, articles, "article")
    assert (grouping.mode, grouping.groups) == ("article", 12)
    assert "more than 8 crowd" in grouping.message()
    assert choose_grouping(events, articles, "outlet").groups == 1  # all "(no outlet)"
    with pytest.raises(ValueError, match="unknown TimelineJS grouping 'lanes'"):
        choose_grouping(events, articles, "lanes")


@pytest.mark.parametrize("label", [
    "Tom & Jerry <img src=x onerror=alert(1)> <b>bold</b>",
    "&lt;img src=x onerror=alert(1)&gt;",  # already written as entities
])
def test_a_label_read_as_html_twice_is_still_never_markup(label):
    # TimelineJS 3.9 keeps the text of the label read as HTML, then sets that text as
    # an element's innerHTML: that string must hold no tag.
    given_to_inner_html = html.unescape(plain_label(label))
    assert "<" not in given_to_inner_html and ">" not in given_to_inner_html
    shown = html.unescape(given_to_inner_html)
    assert shown.replace("\u2039", "<").replace("\u203a", ">") == html.unescape(label)
