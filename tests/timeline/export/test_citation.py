"""Copy as citation: sentence, outlet, publication date, link; nothing made up."""

from __future__ import annotations

from datetime import datetime

from timeline.export.citation import citation
from timeline.model import Article, Event, Granularity


def event(description: str = "Kim left  Pyongyang\non Sunday.") -> Event:
    return Event(title="Kim leaves", description=description, char_start=0, char_end=10,
                 expression="Sunday", expr_start=0, expr_end=6, timex_type="DATE",
                 timex_value="2023-09-10", mod=None, earliest=datetime(2023, 9, 10),
                 latest=datetime(2023, 9, 11), granularity=Granularity.DAY, confidence=0.9,
                 explanation="", anchor=None)


def test_a_full_citation_names_outlet_date_and_url():
    article = Article(text="", published=datetime(2023, 9, 12, 8), outlet="Reuters",
                      url="https://example.org/kim", title="Kim goes")
    assert citation(event(), article) == (
        '"Kim left Pyongyang on Sunday." \u2014 Reuters, 12 Sep 2023. https://example.org/kim')


def test_without_outlet_or_url_the_title_and_file_stand_in():
    article = Article(text="", published=datetime(1999, 5, 1), title="Abortion Foe Charged",
                      source_path="/data/apw1999.tml")
    assert citation(event(), article) == (
        '"Kim left Pyongyang on Sunday." \u2014 Abortion Foe Charged, 1 May 1999. '
        "/data/apw1999.tml")


def test_unknown_parts_are_left_out_and_quotes_stay_readable():
    article = Article(text="", published=None)
    assert citation(event('He said "no".'), article) == "\u201cHe said \"no\".\u201d"
    assert citation(event(), None) == '"Kim left Pyongyang on Sunday."'
