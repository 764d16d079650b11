"""Grouping events into stories, on short articles written for the cases that matter:
one happening in several wordings and publication dates, other happenings on the same
day, a start and an end, a month and a day that agree, sources that disagree."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from timeline.model import Article
from timeline.pipeline import ingest_article
from timeline.stories.readings import Dated, readings_of
from timeline.stories.signature import overlap, signature_of
from timeline.model import Granularity
from timeline.store import open_repository


@pytest.fixture
def repo(tmp_path: Path):
    with open_repository(str(tmp_path / "stories.sqlite3")) as repository:
        yield repository


def ingest(repo, *articles: tuple[str, str]) -> dict[str, int]:
    """Store each (text, publication day); return the story id of each event by its title."""
    for number, (text, published) in enumerate(articles):
        summary = ingest_article(Article(text=text, published=datetime.fromisoformat(published),
                                         title=f"source {number}", outlet=f"outlet {number}"),
                                 repo)
        assert summary.refused == [] and summary.added == 1
    return {event.title: event.story_id for event in repo.list_events()}


def story_of(repo, title_words: str):
    [event] = [e for e in repo.list_events() if title_words in e.title]
    return repo.get_story(event.story_id)


def test_one_happening_in_three_wordings_is_one_story_with_three_sources(repo):
    ingest(repo,
           ("The Velmora dam collapsed on Sunday, officials said.", "2023-03-06"),
           ("The dam near Velmora burst on March 5, flooding three villages.", "2023-03-08"),
           ("Floodwaters from Sunday's dam collapse at Velmora reached the capital on Monday.",
            "2023-03-08"),
           ("Parliament passed the budget law on Sunday.", "2023-03-06"))
    dam = story_of(repo, "Velmora dam collapsed")
    assert dam.sources == 3 and not dam.conflict
    assert (dam.earliest, dam.latest) == (datetime(2023, 3, 5), datetime(2023, 3, 6))
    # The same sentence's Monday is another happening: floodwaters reaching the capital.
    events = repo.list_events()
    monday = [e for e in events if e.earliest == datetime(2023, 3, 6)]
    assert len(monday) == 1 and monday[0].story_id not in (dam.id,)
    assert not repo.get_story(monday[0].story_id).conflict
    budget = story_of(repo, "budget law")
    assert budget.id != dam.id and budget.sources == 1


def test_a_start_and_an_end_are_two_stories_and_a_later_start_disagrees(repo):
    ingest(repo, ("The Velmora dockers' strike, which began on Monday, ended on Friday.",
                  "2023-03-11"))
    began, ended = story_of(repo, "strike began"), story_of(repo, "strike ended")
    assert began.id != ended.id
    assert not began.conflict and not ended.conflict
    ingest(repo, ("The Velmora dockers' strike started on Tuesday, union leaders said.",
                  "2023-03-11"))
    disputed = story_of(repo, "strike began")
    assert disputed.conflict
    assert [r.earliest.day for r in disputed.readings] in ([6, 7], [7, 6])
    assert story_of(repo, "strike ended").id == ended.id


def test_a_month_and_a_day_inside_it_agree(repo):
    ingest(repo,
           ("The Ostrava central bank raised interest rates last month.", "2023-11-03"),
           ("On October 12 the Ostrava central bank raised interest rates.", "2023-10-13"))
    story = repo.get_story(repo.list_events()[0].story_id)
    assert story.sources == 2 and not story.conflict
    assert len(story.readings) == 1
    assert (story.earliest, story.granularity) == (datetime(2023, 10, 12), Granularity.DAY)


def test_sources_that_disagree_on_the_day_make_one_story_in_conflict(repo):
    ingest(repo,
           ("The presidential election in Ruritania, held on Saturday, was calm.", "2023-03-06"),
           ("Voters in Ruritania went to the polls on Sunday to elect a president.", "2023-03-06"),
           ("Ruritania's presidential election on Sunday drew long queues.", "2023-03-07"))
    [story] = [s for s in repo.list_stories() if s.sources > 1]
    assert story.conflict and story.sources == 3
    first, second = story.readings
    assert (first.earliest, first.sources) == (datetime(2023, 3, 5), 2)  # most sources first
    assert (second.earliest, second.sources) == (datetime(2023, 3, 4), 1)


def test_a_happening_that_recurs_on_other_days_is_not_a_conflict(repo):
    ingest(repo,
           ("Protesters gathered in Tahrir Square in Cairo on Tuesday.", "2011-02-02"),
           ("Protesters gathered in Tahrir Square in Cairo on Friday.", "2011-02-05"),
           ("Protesters gathered again in Tahrir Square in Cairo on Wednesday.", "2011-02-03"))
    stories = repo.list_stories()
    assert len(stories) == 3
    assert not any(story.conflict for story in stories)


def test_different_happenings_on_the_same_day_stay_apart(repo):
    ingest(repo,
           ("A magnitude 7.0 earthquake struck Haiti on Tuesday.", "2010-01-13"),
           ("The United Nations appointed a new envoy to Geneva on Tuesday.", "2010-01-13"),
           ("The earthquake that hit Haiti on Tuesday flattened Port-au-Prince.", "2010-01-14"))
    quake = story_of(repo, "earthquake struck Haiti")
    assert quake.sources == 2
    assert story_of(repo, "envoy").sources == 1


def test_one_article_alone_keeps_each_event_its_own_story(repo, seed_text):
    ingest(repo, (seed_text, "2023-09-12"))
    events = repo.list_events()
    assert len({event.story_id for event in events}) == len(events)
    assert all(event.story_id is not None for event in events)


def test_signatures_fold_one_kind_of_happening_and_leave_out_dates():
    election = signature_of("The election, held, was marred by violence")
    polls = signature_of("Voters went to the polls in Ruritania")
    assert "ELECTION" in election.weights and "ELECTION" in polls.weights
    assert overlap(election, polls)[0] == 2.0
    assert signature_of("The strike began").phase == "START"
    assert signature_of("The strike ended").phase == "END"
    assert "sunday" not in signature_of("Sunday's collapse of the dam").weights


def test_readings_put_a_coarse_date_with_the_precise_one_it_contains():
    day = Dated(1, 1, datetime(2023, 10, 12), datetime(2023, 10, 13), Granularity.DAY)
    month = Dated(2, 2, datetime(2023, 10, 1), datetime(2023, 11, 1), Granularity.MONTH)
    other = Dated(3, 3, datetime(2023, 10, 14), datetime(2023, 10, 15), Granularity.DAY)
    [single] = readings_of([day, month])
    assert (single.earliest, single.event_ids, single.article_ids) == (
        datetime(2023, 10, 12), (1, 2), (1, 2))
    first, second = readings_of([day, month, other])
    assert first.event_ids == (1, 2) and second.event_ids == (3,)
    chosen = readings_of([day, month, other], chosen=(datetime(2023, 10, 14),
                                                      datetime(2023, 10, 15)))
    assert chosen[0].event_ids == (3,) and chosen[0].chosen


def test_articles_at_either_end_of_the_calendar_are_grouped(repo):
    text = "The council met on Monday and voted. It met again two days later."
    ingest(repo, (text, "0001-01-01"), (text + " Again.", "9999-12-31"))
    events = repo.list_events()
    assert len(events) == 4 and all(event.story_id is not None for event in events)
    assert len(repo.list_stories()) == 4


def test_a_later_source_that_names_the_people_disagrees_on_the_day(repo):
    ingest(repo,
           ("The minister resigned on Monday.", "2023-03-14"),
           ("Finance minister Olu Ade stepped down on Monday.", "2023-03-14"),
           ("Olu Ade quit as finance minister on Tuesday.", "2023-03-15"))
    [story] = repo.list_stories()
    assert story.sources == 3 and story.conflict
    assert [(r.earliest.day, r.sources) for r in story.readings] == [(13, 2), (14, 1)]
