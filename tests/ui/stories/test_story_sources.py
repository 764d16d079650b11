"""A story's sources for the source pane: escaped, with outlet, date and reading (Qt-free)."""

from __future__ import annotations

from datetime import datetime

from timeline.model import Article, Event, Granularity, Reading, Story
from ui.stories.sources import story_html


def event(event_id: int, article_id: int, day: int, text: str, expression: str) -> Event:
    start = text.index(expression)
    return Event(title=text, description=text, char_start=100, char_end=100 + len(text),
                 expression=expression, expr_start=100 + start,
                 expr_end=100 + start + len(expression), timex_type="DATE",
                 timex_value=f"2023-03-0{day}", mod=None, earliest=datetime(2023, 3, day),
                 latest=datetime(2023, 3, day + 1), granularity=Granularity.DAY,
                 confidence=0.9, explanation="", id=event_id, article_id=article_id)


def test_conflicting_readings_are_columns_and_article_text_is_escaped():
    events = {1: event(1, 10, 5, "The <b>dam</b> collapsed on Sunday.", "Sunday"),
              2: event(2, 11, 4, "The dam burst on Saturday & flooded.", "Saturday")}
    articles = {10: Article(text="", published=datetime(2023, 3, 6), outlet="Velmora Post"),
                11: Article(text="", published=datetime(2023, 3, 6), outlet="<script>x</script>")}
    readings = (Reading(datetime(2023, 3, 5), datetime(2023, 3, 6), Granularity.DAY, (1,), (10,)),
                Reading(datetime(2023, 3, 4), datetime(2023, 3, 5), Granularity.DAY, (2,), (11,)))
    story = Story(7, "The dam collapsed", readings[0].earliest, readings[0].latest,
                  Granularity.DAY, (1, 2), (10, 11), readings, conflict=True)
    html = story_html(story, events, articles)
    assert html.count("<td") == 2 and "disagree" in html
    assert "&lt;b&gt;dam&lt;/b&gt;" in html and "<script>" not in html
    assert "<b>Sunday</b>" in html and "&amp; flooded" in html
    assert "Velmora Post · published Mon 6 Mar 2023 · says Sun 5 Mar 2023" in html
    assert html.index("Sun 5 Mar 2023 (1 source)") < html.index("Sat 4 Mar 2023 (1 source)")
