"""Events from sentences and resolved mentions (mentions built here, as the tagger
gives them), and the seed article end to end once the tagger is in."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.events import extract_events, split_sentences
from timeline.events.titles import make_title
from timeline.model import Article, Granularity, Mention, TimexType

DCT = datetime(2023, 9, 12)


def mention(text: str, phrase: str, value: str, earliest, latest, granularity,
            kind=TimexType.DATE, occurrence=0, **extra) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    return Mention(
        text=phrase, start=start, end=start + len(phrase), type=kind, value=value,
        mod=extra.pop("mod", None), earliest=earliest, latest=latest,
        granularity=granularity, anchor=extra.pop("anchor", "DCT"),
        explanation=extra.pop("explanation", f"{phrase} -> {value}"),
        confidence=extra.pop("confidence", 0.9), **extra,
    )


def day(text, phrase, iso, **extra):
    start = datetime.fromisoformat(iso)
    return mention(text, phrase, iso, start, start + timedelta(days=1), Granularity.DAY,
                   **extra)


def seed_mentions(text: str) -> list[Mention]:
    """The resolved mentions of the seed, as its expectations file states them."""
    return [
        day(text, "Tuesday", "2023-09-12"),
        day(text, "Sunday", "2023-09-10"),
        mention(text, "early on Tuesday", "2023-09-12TMO", datetime(2023, 9, 12),
                datetime(2023, 9, 12, 12), Granularity.PART_OF_DAY, TimexType.TIME),
        mention(text, "12 years", "P12Y", None, None, Granularity.DURATION,
                TimexType.DURATION),
        day(text, "Monday", "2023-09-11"),
        mention(text, "after the forum", "FUTURE_REF", None, None, Granularity.UNKNOWN,
                event_relative=True, confidence=0.4),
        mention(text, "2019", "2019", datetime(2019, 1, 1), datetime(2020, 1, 1),
                Granularity.YEAR),
    ]


@pytest.fixture
def seed_events(seed_text):
    article = Article(text=seed_text, published=DCT, dct_source="sidecar")
    return extract_events(article, seed_mentions(seed_text))


def test_seed_gives_the_expected_dated_events(seed_events, seed_text, seed_expected):
    dated = [e for e in seed_events if not e.inferred and not e.open_ended]
    assert [(e.timex_value, e.granularity) for e in dated] == [
        ("2023-09-12", Granularity.DAY),
        ("2023-09-10", Granularity.DAY),
        ("2023-09-12TMO", Granularity.PART_OF_DAY),
        ("2023-09-11", Granularity.DAY),
        ("2019", Granularity.YEAR),
    ]
    expected_dates = sorted(e["date"] for e in seed_expected["events"])
    assert sorted(e.timex_value[:10] for e in dated) == expected_dates
    report, left, entered, putin, summit = dated
    assert report.title == "North Korean leader Kim Jong Un has arrived in Russia"
    assert left.title.startswith("Kim left for Russia accompanied by")
    assert entered.title == "Kim entered Russia"
    assert entered.latest == datetime(2023, 9, 12, 12)
    assert putin.title == "Russian President Putin reportedly arrived in Vladivostok"
    assert summit.earliest == datetime(2019, 1, 1) and summit.latest == datetime(2020, 1, 1)
    for event in dated:
        assert seed_text[event.char_start:event.char_end] == event.description
        assert seed_text[event.expr_start:event.expr_end] == event.expression
        assert event.expression in event.description
        assert len(event.title) <= 81


def test_seed_khasan_sentence_is_inferred_from_the_story_time(seed_events):
    khasan = [e for e in seed_events if "Khasan" in e.description]
    assert len(khasan) == 1
    (event,) = khasan
    assert event.inferred and event.expression is None
    assert (event.earliest, event.latest) == (datetime(2023, 9, 12), datetime(2023, 9, 13))
    assert event.confidence <= 0.5
    assert "Inferred" in event.explanation and "'Tuesday'" in event.explanation
    assert event.title == "A train carrying the North Korean leader arrived at Khasan station"


def test_seed_durations_and_background_make_no_event(seed_events):
    descriptions = " ".join(e.description for e in seed_events)
    assert "12 years in power" not in descriptions  # duration + habit: background
    assert "Four of the trips" not in descriptions
    assert "one-on-one" not in descriptions  # a forecast, no date
    assert all(e.granularity is not Granularity.DURATION for e in seed_events)


def test_seed_event_relative_mention_is_open_ended(seed_events):
    (forum,) = [e for e in seed_events if e.open_ended]
    assert forum.expression == "after the forum"
    assert forum.earliest is None and forum.latest is None
    assert "open-ended" in forum.explanation
    assert forum.title.startswith("Putin\u2019s meeting with Kim will happen")


def test_two_dates_in_one_sentence_make_one_event_each():
    text = "Kim left on Sunday, and Putin arrived in Vladivostok on Monday."
    article = Article(text=text, published=DCT)
    events = extract_events(article, [day(text, "Sunday", "2023-09-10"),
                                      day(text, "Monday", "2023-09-11")])
    assert [(e.timex_value, e.title) for e in events] == [
        ("2023-09-10", "Kim left"), ("2023-09-11", "Putin arrived in Vladivostok")]
    assert {e.description for e in events} == {text}


def test_same_interval_twice_in_a_sentence_is_one_event():
    text = "On Sunday, Sept. 10, Kim left."
    events = extract_events(Article(text=text, published=DCT), [
        day(text, "Sunday", "2023-09-10"), day(text, "Sept. 10", "2023-09-10")])
    assert len(events) == 1


def test_inferred_time_follows_the_paragraph_and_stops_after_a_few_sentences():
    text = ("Rebels seized the town on Monday. They looted the bank and burned the market. "
            "Residents fled across the river to the camps. Aid workers arrived with food "
            "and water. Doctors treated dozens of wounded people. Soldiers retook the "
            "bridge after a long battle.")
    events = extract_events(Article(text=text, published=DCT),
                            [day(text, "Monday", "2023-09-11")])
    inferred = [e for e in events if e.inferred]
    assert [e.description[:12] for e in inferred] == [
        "They looted ", "Residents fl", "Aid workers "]
    assert all(e.timex_value == "2023-09-11" for e in inferred)
    assert inferred[0].confidence == pytest.approx(0.5)
    assert "last date in its paragraph" in inferred[0].explanation


def test_a_new_paragraph_takes_the_story_time_not_the_last_date():
    text = ("Kim arrived in Russia on Tuesday, officials said. He left home on Sunday.\n"
            "His train crossed the bridge over the river at the border.")
    events = extract_events(Article(text=text, published=DCT), [
        day(text, "Tuesday", "2023-09-12"), day(text, "Sunday", "2023-09-10")])
    (inferred,) = [e for e in events if e.inferred]
    assert inferred.timex_value == "2023-09-12"
    assert "story's own time" in inferred.explanation


def test_without_any_date_the_story_time_is_the_publication_day():
    text = ("Lede without a date.\nProtesters marched through the streets of the city "
            "centre.")
    events = extract_events(Article(text=text, published=datetime(2023, 9, 12, 8)), [])
    (event,) = events
    assert event.inferred and event.timex_value == "2023-09-12"
    assert (event.earliest, event.latest) == (DCT, DCT + timedelta(days=1))
    assert "publication date" in event.explanation


def test_sets_and_unanchored_dates_make_no_event():
    text = "Kim travels every Monday. Talks were held recently in the capital city."
    events = extract_events(Article(text=text, published=None), [
        mention(text, "every Monday", "XXXX-WXX-1", None, None, Granularity.SET,
                TimexType.SET),
        mention(text, "recently", "PAST_REF", None, None, Granularity.UNKNOWN),
    ])
    assert events == []


def test_now_is_no_event_of_the_publication_day():
    # "now" keeps its timex (PRESENT_REF) but says nothing happened that day.
    from timeline.temporal import tag

    text = "The plant is now operating at full capacity. It reopened on Sunday."
    published = datetime(2023, 9, 12)
    mentions = tag(text, published)
    assert [m.value for m in mentions] == ["PRESENT_REF", "2023-09-10"]
    events = extract_events(Article(text=text, published=published), mentions)
    assert [(e.expression, e.timex_value) for e in events] == [("Sunday", "2023-09-10")]


@pytest.mark.parametrize(
    "text, boundaries",
    [
        ("Mr. Putin met Gen. Smith on Sept. 12. They talked.", 2),
        ("He lives in the U.S. The talks ended at 3 p.m. Tuesday. It was \u201cgreat.\u201d "
         "Then J. F. Kennedy spoke!", 4),
        ("Russia says there will be negotiations\nKremlin spokesperson said so.", 2),
        ("A wrapped\nline continues here. New one.", 2),
    ],
)
def test_sentence_splitter_knows_news_abbreviations(text, boundaries):
    sentences = split_sentences(text)
    assert len(sentences) == boundaries
    for sentence in sentences:
        assert text[sentence.start:sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_headlines_are_sentences_of_their_own(seed_text):
    sentences = split_sentences(seed_text)
    headline = [s for s in sentences if s.headline]
    assert [s.text for s in headline] == [
        "Russia says there will be negotiations", "(With Reuters inputs)"]


def test_title_drops_date_phrase_and_reporting_clause():
    sentence = ("On Friday, suspected bombs exploded outside the U.S. embassy in Nairobi, "
                "witnesses said.")
    start = sentence.index("Friday")
    assert make_title(sentence, start, start + 6) == (
        "Suspected bombs exploded outside the U.S. embassy in Nairobi")
    long = "word " * 40
    assert len(make_title(long)) <= 80


def test_seed_end_to_end_with_the_tagger(seed_text, seed_expected):
    """The real tagger's mentions of the seed give at least the expected events."""
    from timeline.temporal import tag

    article = Article(text=seed_text, published=DCT, dct_source="sidecar")
    events = extract_events(article, tag(seed_text, DCT))
    dated = [e for e in events if not e.inferred and not e.open_ended]
    assert sorted(e.timex_value[:10] for e in dated) == sorted(
        e["date"] for e in seed_expected["events"])
    (early,) = [e for e in dated if e.expression == "early on Tuesday"]
    assert early.latest <= datetime(2023, 9, 12, 12) and early.title == "Kim entered Russia"
    (summit,) = [e for e in dated if e.timex_value == "2019"]
    assert summit.granularity is Granularity.YEAR
    (forum,) = [e for e in events if e.open_ended]
    assert forum.expression == "after the forum" and forum.latest is None
    (khasan,) = [e for e in events if "Khasan" in e.description]
    assert khasan.inferred and khasan.earliest == DCT


def test_a_dateline_line_dates_the_story_but_is_no_event():
    text = ("WASHINGTON, March 12 (Xinhua) --\n\nPoland and Hungary formally joined NATO "
            "at a ceremony on Friday.\n\nThe ministers signed the papers at the library.")
    events = extract_events(Article(text=text, published=datetime(1999, 3, 13)), [
        day(text, "March 12", "1999-03-12"), day(text, "Friday", "1999-03-12")])
    assert [(e.expression, e.inferred) for e in events] == [("Friday", False), (None, True)]
    assert events[1].timex_value == "1999-03-12"


def test_after_a_flashback_a_new_paragraph_is_background():
    text = ("Kim arrived in Russia on Tuesday.\nHis father visited Moscow in 1984.\n"
            "He travelled by train across the border with his aides.")
    events = extract_events(Article(text=text, published=DCT), [
        day(text, "Tuesday", "2023-09-12"),
        mention(text, "1984", "1984", datetime(1984, 1, 1), datetime(1985, 1, 1),
                Granularity.YEAR)])
    assert [e.expression for e in events] == ["Tuesday", "1984"]

# Pieces of news text (abbreviations, dates, quotes, datelines) in any order.
NEWSY = st.lists(
    st.sampled_from(list("abcXYZ .,;:!?\"'`()\n-_0123456789") + [
        "Sept.", " U.S. ", "Mr. ", " on Monday", " in 2019", "\u201c", "\u201d", " said",
        " arrived", ", and ", "(AP) --", "\n\n", " Kim left", " early on Tuesday"]),
    max_size=80,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(text=NEWSY)
def test_sentences_and_events_hold_on_any_text(text):
    from timeline.temporal import tag

    sentences = split_sentences(text)
    previous_end = 0
    for sentence in sentences:
        assert previous_end <= sentence.start < sentence.end <= len(text)
        assert text[sentence.start:sentence.end] == sentence.text == sentence.text.strip()
        previous_end = sentence.end
    for event in extract_events(Article(text=text, published=DCT), tag(text, DCT)):
        assert text[event.char_start:event.char_end] == event.description
        assert event.title and len(event.title) <= 81
        assert 0 <= event.confidence <= 1
        if event.expression is not None:
            assert text[event.expr_start:event.expr_end] == event.expression


def test_a_past_sentence_does_not_inherit_a_future_date():
    text = "The summit is set for Friday. Delegates arrived early and unpacked their bags."
    events = extract_events(Article(text=text, published=DCT), [
        day(text, "Friday", "2023-09-15")])
    assert [e.expression for e in events] == ["Friday"]


@pytest.mark.parametrize("published", [datetime(9999, 12, 30), datetime(1, 1, 2)])
def test_an_article_at_the_ends_of_the_calendar_gets_its_events(published):
    # The story's time and the week around it used to be shifted past what a datetime
    # holds, which refused the whole article (OverflowError).
    from timeline.temporal import tag

    text = "Talks opened today in Geneva.\n\nDelegates arrived by train and unpacked their bags."
    events = extract_events(Article(text=text, published=published), tag(text, published))
    assert [(e.expression, e.earliest, e.inferred) for e in events] == [
        ("today", published, False), (None, published, True)]


def test_an_article_on_the_last_day_a_datetime_holds_is_not_refused():
    # Its day has no end a datetime can hold: "today" stays unanchored and no sentence
    # is given the story's time, but the events of its other dates still come out.
    published = datetime(9999, 12, 31)
    text = "Talks opened today in Geneva.\n\nThe delegates had met on 3 May."
    from timeline.temporal import tag

    events = extract_events(Article(text=text, published=published), tag(text, published))
    assert [(e.expression, e.earliest) for e in events] == [("3 May", datetime(9999, 5, 3))]


@pytest.mark.parametrize(
    "sentence, date, other, title",
    [
        ("Her brother Delfin, who was imprisoned as an anti-Castro activist in the 1960s, "
         "followed in 1979.", "1960s", "1979",
         "Her brother Delfin was imprisoned as an anti-Castro activist"),
        ("Her brother Delfin, who was imprisoned as an anti-Castro activist in the 1960s, "
         "followed in 1979.", "1979", "1960s", "Her brother Delfin followed"),
        ("Then came another sister, Georgina, in 1983, followed by Manuel and Lazaro in 1984.",
         "1983", "1984", "Then came another sister, Georgina"),
        ("The council met on Monday and voted on Tuesday to raise taxes.", "Monday", "Tuesday",
         "The council met"),
    ],
)
def test_a_title_never_carries_the_sentences_other_date(sentence, date, other, title):
    start, other_start = sentence.index(date), sentence.index(other)
    made = make_title(sentence, start, start + len(date),
                      [(other_start, other_start + len(other))])
    assert made == title
    assert other not in made


@pytest.mark.parametrize(
    "sentence, date, other, title",
    [
        ("In contrast to Thursday, when two exile leaders were arrested, protesters in Miami "
         "were much calmer Friday.", "Thursday", "Friday", "Two exile leaders were arrested"),
        ("In contrast to Thursday, when two exile leaders were arrested, protesters in Miami "
         "were much calmer Friday.", "Friday", "Thursday", "Protesters in Miami were much calmer"),
        ("Records show he was found guilty of drunken driving at least twice from 1991 to 1997.",
         "1997", "1991", "Records show he was found guilty of drunken driving at least twice"),
        ("The embassy bombings, on Aug. 7, killed 247 people in Kenya.", "Aug. 7", None,
         "The embassy bombings killed 247 people in Kenya"),
        ("Tens of thousands rallied in Havana, the government said Friday.", "Friday", None,
         "Tens of thousands rallied in Havana"),
    ],
)
def test_titles_take_the_clause_that_tells_what_happened(sentence, date, other, title):
    start = sentence.index(date)
    others = [(sentence.index(other), sentence.index(other) + len(other))] if other else []
    assert make_title(sentence, start, start + len(date), others) == title


@pytest.mark.parametrize(
    "sentence, date, other, title",
    [
        ("He was placed on the FBI's most wanted list, which began in 1950.", "1950", None,
         "The FBI's most wanted list began"),
        ("Sunday's memorial service included the lighting of candles for victims since 1993.",
         "Sunday", "1993", "The memorial service included the lighting of candles for victims"),
        # The subject of a clause stays: cutting it would leave "as week began".
        ("Earlier Sunday, protesters prayed for help as Easter week began.", "Sunday",
         "Easter week", "Protesters prayed for help as Easter week began"),
    ],
)
def test_titles_of_relative_possessive_and_adverbial_dates(sentence, date, other, title):
    start = sentence.index(date)
    others = [(sentence.index(other), sentence.index(other) + len(other))] if other else []
    assert make_title(sentence, start, start + len(date), others) == title


def test_a_run_on_sentence_with_thousands_of_dates_gets_every_event():
    """A table of dates with no full stop is one huge sentence; every date still gets
    its event, its title drawn from near it (cubic in dates before, this took hours)."""
    first = datetime(2000, 1, 1)
    parts, mentions, position = [], [], 0
    for number in range(2000):
        day_start = first + timedelta(days=number)
        phrase = f"{day_start:%Y-%m-%d}"
        prefix = "talks were held on "
        parts.append(f"{prefix}{phrase},")
        start = position + len(prefix)
        mentions.append(Mention(
            text=phrase, start=start, end=start + len(phrase), type=TimexType.DATE,
            value=phrase, mod=None, earliest=day_start, latest=day_start + timedelta(days=1),
            granularity=Granularity.DAY, anchor="", explanation="", confidence=0.9))
        position += len(parts[-1]) + 1
    text = " ".join(parts)
    events = extract_events(Article(text=text, published=DCT), mentions)
    assert len(events) == 2000
    assert all(e.title == "Talks were held" for e in events)
    assert [e.expr_start for e in events] == [m.start for m in mentions]
