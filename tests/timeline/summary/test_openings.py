"""The undated opening sentences of the articles a day's news appears in."""

from __future__ import annotations

from datetime import date, datetime

from tests.timeline.summary.test_ranking import event
from timeline.model import Article
from timeline.summary.openings import as_event, undated_openings

TEXT = ("CAIRO (Reuters) - Police fired tear gas at thousands of protesters in central Cairo. "
        "The crowd marched on Tuesday towards the parliament building. "
        "Witnesses said dozens of people were hurt in the clashes near the square. "
        "Shops along the avenue stayed shut. "
        "A fifth sentence is past the opening and never offered as a line.")


def collection() -> tuple[dict[int, Article], list]:
    articles = {7: Article(text=TEXT, published=datetime(2011, 1, 26), id=7)}
    tuesday = TEXT.index("The crowd")
    dated = event(1, 7, datetime(2011, 1, 25), "The crowd marched on Tuesday.",
                  char_start=tuesday)
    return articles, [dated]


def test_openings_without_a_date_speak_for_the_publication_day_and_the_day_before():
    articles, events = collection()
    found = undated_openings(articles, events, {date(2011, 1, 25), date(2011, 1, 26)})
    for day in (date(2011, 1, 25), date(2011, 1, 26)):
        texts = [opening.text for opening in found[day]]
        # The wire dateline is cut; the dated sentence is an event already.
        assert texts[0] == "Police fired tear gas at thousands of protesters in central Cairo."
        assert not any("Tuesday" in text for text in texts)
        assert not any("fifth" in text for text in texts)
        assert len(texts) == 3


def test_only_the_days_asked_for_are_filled():
    articles, events = collection()
    assert undated_openings(articles, events, {date(2011, 1, 20)}) == {}
    assert set(undated_openings(articles, events, {date(2011, 1, 26)})) == {date(2011, 1, 26)}


def test_an_opening_becomes_an_unstored_undated_event_of_its_article():
    articles, events = collection()
    opening = undated_openings(articles, events, {date(2011, 1, 26)})[date(2011, 1, 26)][0]
    made = as_event(opening, 1.0)
    assert made.id is None and made.story_id is None and made.article_id == 7
    assert made.earliest is None
    assert TEXT[made.char_start:].startswith("Police fired") or \
        TEXT[made.char_start:].startswith("CAIRO")
