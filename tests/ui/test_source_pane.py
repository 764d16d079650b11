"""The source pane marks the event's sentence and expression at the right characters,
also after characters Qt counts twice (outside the Basic Multilingual Plane)."""

from __future__ import annotations

from datetime import datetime

from timeline.model import Article, Event, Granularity
from ui.source_pane import SourcePane, utf16_offset

TEXT = "Fans cheered 🎉🎉 loudly. Kim left for Russia on Sunday with officials. Later text."


def _event(text: str) -> Event:
    start = text.index("Kim left")
    end = text.index("officials.") + len("officials.")
    expr = text.index("Sunday")
    return Event(title="Kim left for Russia", description=text[start:end], char_start=start,
                 char_end=end, expression="Sunday", expr_start=expr, expr_end=expr + 6,
                 timex_type="DATE", timex_value="2023-09-10", mod=None,
                 earliest=datetime(2023, 9, 10), latest=datetime(2023, 9, 11),
                 granularity=Granularity.DAY, confidence=0.8, explanation="", id=1, article_id=1)


def test_utf16_offset_counts_astral_characters_twice():
    assert utf16_offset("ab", 2) == 2
    assert utf16_offset("a🎉b", 2) == 3
    assert utf16_offset("a🎉b", 3) == 4


def test_marks_after_emoji_land_on_the_right_words(qtbot):
    pane = SourcePane()
    qtbot.addWidget(pane)
    article = Article(text=TEXT, published=datetime(2023, 9, 12), title="T", id=1,
                      dct_source="sidecar", outlet="Example News")
    pane.show_event(article, _event(TEXT))
    assert pane.marked_expression() == "Sunday"
    assert pane.highlighted_sentence() == "Kim left for Russia on Sunday with officials."
    assert pane.outlet_label.text() == "Example News"
    assert "metadata file" in pane.published_label.text()


def test_html_in_the_article_is_shown_as_text(qtbot):
    pane = SourcePane()
    qtbot.addWidget(pane)
    text = "<script>alert(1)</script><b>Kim left for Russia on Sunday with officials.</b>"
    pane.show_event(Article(text=text, published=None, id=2), _event(text))
    assert pane.text_view.toPlainText() == text
    assert pane.marked_expression() == "Sunday"


def test_publication_date_reads_as_the_table_writes_dates(qtbot):
    from ui.dates import day_text

    pane = SourcePane()
    qtbot.addWidget(pane)
    article = Article(text=TEXT, published=datetime(2023, 9, 5, 14, 30), title="T", id=3,
                      dct_source="sidecar")
    pane.show_event(article, _event(TEXT))
    # Not strftime's "Tue 05 Sep 2023", whose names follow the desktop's locale.
    assert pane.published_label.text() == "Tue 5 Sep 2023 (from the article's metadata file)"
    assert day_text(datetime(856, 3, 1, 23, 59)) == "Wed 1 Mar 856"
    assert day_text(datetime(9999, 12, 31)).startswith("Fri 31 Dec 9999")
