"""Stories as canvas marks: one per story, one per reading of a conflict, in lanes by
how many sources report them (Qt-free)."""

from __future__ import annotations

from datetime import datetime

from timeline.model import Granularity, Reading, Story
from ui.stories.marks import CONFLICT_LANE, lane_of, story_marks


def reading(day: int, events: tuple[int, ...], articles: tuple[int, ...]) -> Reading:
    return Reading(datetime(2023, 3, day), datetime(2023, 3, day + 1), Granularity.DAY,
                   events, articles)


def story(story_id: int, *readings: Reading, title: str = "The dam collapsed") -> Story:
    events = tuple(sorted(e for r in readings for e in r.event_ids))
    articles = tuple(sorted({a for r in readings for a in r.article_ids}))
    return Story(story_id, title, readings[0].earliest, readings[0].latest, Granularity.DAY,
                 events, articles, readings, conflict=len(readings) > 1)


def test_one_mark_per_story_labelled_with_its_sources_in_its_band():
    big = story(1, reading(5, tuple(range(1, 23)), tuple(range(1, 23))))
    single = story(2, reading(6, (30,), (9,)), title="Budget passed")
    statuses = {e: "unreviewed" for e in (*big.event_ids, *single.event_ids)}
    result = story_marks([big, single], statuses)
    assert [(m.title, m.group) for m in result.marks] == [
        ("The dam collapsed (22 sources)", "20+ sources"), ("Budget passed (1 source)", "1 source")]
    assert result.mark_of[17] == 1 and result.story_of[1] == 1
    assert lane_of(story(3, reading(5, (1, 2), (1, 2)))) == "2–4 sources"


def test_a_conflict_shows_each_reading_side_by_side_in_its_own_lane():
    disputed = story(1, reading(5, (1, 2), (1, 2)), reading(4, (3,), (3,)))
    result = story_marks([disputed], {1: "accepted", 2: "accepted", 3: "unreviewed"})
    assert [m.group for m in result.marks] == [CONFLICT_LANE, CONFLICT_LANE]
    first, second = result.marks
    assert first.title.startswith("⚠ The dam collapsed (reading 1 of 2: 2 sources")
    assert (first.start.day, first.status) == (5, "accepted")
    assert (second.id, second.start.day, second.status) == (3, 4, "unreviewed")
    assert result.reading_of == {1: 0, 3: 1}
    assert result.mark_of == {1: 1, 2: 1, 3: 3}


def test_stories_whose_events_are_all_filtered_out_are_not_drawn():
    kept = story(1, reading(5, (1,), (1,)))
    gone = story(2, reading(6, (2,), (2,)))
    result = story_marks([kept, gone], {1: "unreviewed"})
    assert [m.id for m in result.marks] == [1] and 2 not in result.stories
