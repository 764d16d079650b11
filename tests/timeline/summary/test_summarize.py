"""The whole summary on the dam collection: dates, lines, events, stories, sources."""

from __future__ import annotations

from datetime import date

from timeline.summary import Choice, summarize


def test_the_asked_number_of_dates_in_date_order(dam):
    events, articles = dam
    summary = summarize(events, articles, dates=2, per_date=2)
    assert [key_date.day for key_date in summary.dates] == [date(2023, 3, 5), date(2023, 3, 6)]
    assert summary.reason == "2 dates asked for"


def test_each_date_keeps_its_events_stories_and_sources(dam):
    events, articles = dam
    key_date = summarize(events, articles, dates=1, per_date=2).dates[0]
    on_the_day = {e.id for e in events if e.earliest and e.earliest.date() == date(2023, 3, 5)
                  and e.granularity.value == "day"}
    assert set(key_date.event_ids) == on_the_day
    # The stories the store grouped those events into, each once.
    stories = {e.story_id for e in events if e.id in on_the_day}
    assert None not in stories and sorted(key_date.story_ids) == sorted(stories)
    assert len(stories) < len(on_the_day)  # three sources of the collapse: one story
    assert key_date.sources == 3
    assert key_date.source_ids == (1, 2, 4)


def test_every_line_is_a_sentence_of_its_own_article_about_its_day(dam):
    events, articles = dam
    by_id = {e.id: e for e in events}
    for key_date in summarize(events, articles, dates=4, per_date=2).dates:
        assert key_date.lines
        for line in key_date.lines:
            assert line.sentence in articles[line.article_id].text
            assert line.article_id in line.source_ids
            if line.event_id is None:  # an undated opening of an article of the day
                published = articles[line.article_id].published.date()
                assert 0 <= (published - key_date.day).days <= 1
                assert line.story_id is None
            else:
                assert by_id[line.event_id].earliest.date() == key_date.day


def test_an_undated_opening_of_the_days_report_can_speak_for_it(dam):
    events, articles = dam
    shown = {line.sentence for key_date in summarize(events, articles, dates=1,
                                                      per_date=3).dates
             for line in key_date.lines}
    assert "Hundreds of families left their homes as the water rose through the night." \
        in shown


def test_undated_openings_can_be_turned_off(dam):
    events, articles = dam
    summary = summarize(events, articles, dates=4, per_date=3, choice=Choice(undated=0.0))
    assert all(line.event_id is not None for key_date in summary.dates
               for line in key_date.lines)


def test_a_sentence_naming_two_days_is_shown_on_one(dam):
    events, articles = dam
    summary = summarize(events, articles, dates=10, per_date=3)
    shown = [line.sentence for key_date in summary.dates for line in key_date.lines]
    assert len(shown) == len(set(shown))


def test_stories_group_sources_and_are_reported_by_key(dam):
    events, articles = dam
    # The three reports of the break are one story; everything else its own.
    break_events = {e.id for e in events if e.article_id in (1, 2, 4)
                    and e.earliest and e.earliest.date() == date(2023, 3, 5)}
    story_of = lambda e: "dam-break" if e.id in break_events else f"other-{e.id}"  # noqa: E731
    key_date = summarize(events, articles, dates=1, per_date=3, story_of=story_of).dates[0]
    assert key_date.story_ids == ("dam-break",)
    assert all(line.story_id == "dam-break" for line in key_date.lines)
    assert all(line.source_ids == (1, 2, 4) for line in key_date.lines)


def test_the_span_limits_the_dates(dam):
    events, articles = dam
    summary = summarize(events, articles, dates=5, first=date(2023, 3, 6),
                        last=date(2023, 3, 8))
    assert summary.dates
    assert all(date(2023, 3, 6) <= key_date.day <= date(2023, 3, 8)
               for key_date in summary.dates)


def test_without_a_number_the_collection_decides_and_says_why(dam):
    events, articles = dam
    summary = summarize(events, articles)
    # Only the break day is named precisely by two articles or more.
    assert [key_date.day for key_date in summary.dates] == [date(2023, 3, 5)]
    assert "at least 2 articles" in summary.reason
    assert "5 articles" in summary.reason


def test_asking_more_dates_than_there_are_says_so(dam):
    events, articles = dam
    summary = summarize(events, articles, dates=50)
    assert len(summary.dates) == 4
    assert "supports only 4" in summary.reason


def test_no_events_no_dates():
    summary = summarize([], {})
    assert summary.dates == ()
    assert "no day" in summary.reason
