"""Events: sentences hung on the temporal mentions that date them.

Decisions an analyst should know:

* Each sentence is dated by the DATE/TIME mentions in it that the resolver anchored
  on the calendar. A sentence with two different dates yields one event per date
  ("Kim left on Sunday, and Putin arrived on Monday" is two events); both keep the
  whole sentence as their description, and each title is made from the clause that
  holds its date. Two mentions of the same interval in one sentence make one event,
  and so do a day and a time of day side by side ("10:35 a.m. (0735 GMT) Friday" is
  one event at 10:35 on that Friday; "(0735 GMT)" restates the moment).
* Durations, sets and vague references ("now", "recently") never make events. A
  mention resolved relative to another event ("after the forum") makes an open-ended
  event, flagged, with whatever bounds the resolver gave (never a made-up day); so does
  a date that ends a stretch ("up until Thursday": no start, ending with Thursday).
* A sentence without a date of its own that continues the narrative (a completed
  action in the simple past, within a few sentences of a dated one) takes the current
  reference time: the last date in its paragraph, or at a new paragraph the story's
  own time (the first day-precise date of the article not after its publication day,
  else the publication day) when the narrative was last within a week of it. It
  is marked inferred, with a lower confidence and an explanation saying so.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import NotRequired, TypedDict, Unpack

from timeline.calendar import DAY_OR_FINER
from timeline.events.datelines import is_dateline, lede_after_dateline
from timeline.events.narrative import REACH, continues_narrative
from timeline.events.same_time import one_per_moment
from timeline.events.sentences import Sentence, split_sentences
from timeline.events.titles import TITLE_WINDOW, make_title
from timeline.model import Article, Event, Granularity, Mention, TimexType
from timeline.temporal.timex import VAGUE_REFS

# An inferred date is a reading, not a statement of the text: it never outranks one.
INFERRED_CONFIDENCE_FACTOR = 0.6
INFERRED_CONFIDENCE_CAP = 0.5
STORY_WINDOW = timedelta(days=7)
ONE_DAY = timedelta(days=1)
_DATING_TYPES = {TimexType.DATE, TimexType.TIME}


def extract_events(article: Article, mentions: list[Mention]) -> list[Event]:
    """Return the events of ``article`` in text order, built from its resolved
    ``mentions`` (as ``timeline.temporal.tag`` gives them for ``article.text``)."""
    ordered = sorted(mentions, key=lambda mention: (mention.start, mention.end))
    sentences = split_sentences(article.text)
    by_sentence = _assign(sentences, ordered)
    story_time = _story_time(article, ordered)
    events: list[Event] = []
    reference: Mention | None = None
    reference_paragraph = -1
    # The lede is told at the story's time, so the article's start counts as dated.
    since_dated = 0
    for sentence, own in zip(sentences, by_sentence, strict=True):
        dating = _dating_mentions(own)
        if not is_dateline(sentence, own):
            events.extend(_sentence_events(article.text, sentence, own, dating))
        if dating:
            reference, reference_paragraph, since_dated = dating[-1], sentence.paragraph, 0
            continue
        since_dated += 1
        if since_dated > REACH or not continues_narrative(sentence, bool(own)):
            continue
        if reference is not None and reference_paragraph == sentence.paragraph:
            # A past-tense sentence never inherits a date still to come ("next week").
            if _not_future(reference, article):
                events.append(
                    _inferred_event(sentence, reference, "the last date in its paragraph"))
        elif story_time is not None and _near_story_time(reference, story_time):
            events.append(_inferred_event(sentence, story_time, "the story's own time"))
    return events


def _sentence_events(
    text: str, sentence: Sentence, own: list[Mention], dating: list[Mention]
) -> list[Event]:
    """Return the dated and open-ended events of one sentence that is not a dateline."""
    events: list[Event] = []
    lede = lede_after_dateline(text, sentence)
    if lede is not None:
        in_lede = [mention for mention in dating if mention.start >= lede.start]
        own = [mention for mention in own if mention.start >= lede.start]
        if dating and not in_lede and not any(mention.event_relative for mention in own):
            # A lede with no time of its own is told at its dateline's date: the event
            # is dated by it, the title is the lede's own.
            events.append(replace(_dated_event(sentence, dating[-1]),
                                  title=make_title(lede.text)))
        # The lede's own dates date it; the dateline's date is the report's, not an event's.
        sentence, dating = lede, in_lede
    # One event per moment: "10:35 a.m. (0735 GMT) Friday" is one, not a day and a minute.
    moments = one_per_moment(text, dating)
    starts = [mention.start for mention in moments]
    events.extend(_dated_event(sentence, mention, _near(moments, starts, mention))
                  for mention in moments)
    events.extend(
        _open_ended_event(sentence, mention)
        for mention in own
        if mention.event_relative and mention.type in _DATING_TYPES
    )
    # "Fighting went on up until Thursday": open at its start, ending with that day.
    events.extend(
        replace(_dated_event(sentence, mention, dating), open_ended=True)
        for mention in own
        if _ends_a_stretch(mention)
    )
    return events


def _ends_a_stretch(mention: Mention) -> bool:
    """Return True for a date the tagger left open at its start ("up until Thursday")."""
    return (mention.type in _DATING_TYPES and not mention.event_relative
            and mention.earliest is None and mention.latest is not None)


def _not_future(reference: Mention, article: Article) -> bool:
    """Return True when ``reference`` starts no later than the publication day."""
    if article.published is None:
        return True
    earliest, _latest = _bounds(reference)
    return earliest.date() <= article.published.date()


def _near_story_time(reference: Mention | None, story_time: Mention) -> bool:
    """Return True when the narrative was last at the story's days (within a week
    before it): after a flashback ("they met in 1984") a new paragraph's undated
    past tense is background, not the story's day."""
    if reference is None:
        return True
    (earliest, latest), (story_earliest, story_latest) = _bounds(reference), _bounds(story_time)
    # Differences, not shifted bounds: a shift past year 1 or 9999 would overflow.
    return (story_earliest - earliest <= STORY_WINDOW
            and latest - story_latest <= ONE_DAY)


def _bounds(dating: Mention) -> tuple[datetime, datetime]:
    """Return (earliest, latest) of a mention that dates events, which is anchored
    (see ``_dating_mentions``; the story's time stands in with the publication day)."""
    if dating.earliest is None or dating.latest is None:
        raise ValueError(f"'{dating.text}' is not on the calendar and dates nothing")
    return dating.earliest, dating.latest


def _assign(sentences: list[Sentence], mentions: list[Mention]) -> list[list[Mention]]:
    """Return, per sentence, the mentions that start inside it."""
    groups: list[list[Mention]] = [[] for _ in sentences]
    index = 0
    for mention in mentions:
        while index < len(sentences) and sentences[index].end <= mention.start:
            index += 1
        if index < len(sentences) and sentences[index].start <= mention.start:
            groups[index].append(mention)
    return groups


def _dating_mentions(mentions: list[Mention]) -> list[Mention]:
    """Return the anchored DATE/TIME mentions, one per distinct interval."""
    seen: set[tuple[datetime | None, datetime | None, Granularity]] = set()
    dating: list[Mention] = []
    for mention in mentions:
        if mention.type not in _DATING_TYPES or mention.event_relative:
            continue
        if not mention.is_anchored or mention.value in VAGUE_REFS:
            continue  # "is now operating" says nothing happened on the publication day
        key = (mention.earliest, mention.latest, mention.granularity)
        if key not in seen:
            seen.add(key)
            dating.append(mention)
    return dating


def _story_time(article: Article, mentions: list[Mention]) -> Mention | None:
    """Return the time the story is told at: its first day-precise date that is not
    after the publication day (news reports what has happened; a hearing "the week of
    March 6" is not the story's time), else a mention-like stand-in for the
    publication day (None without a DCT)."""
    if article.published is None:
        return None
    day = article.published.replace(hour=0, minute=0, second=0, microsecond=0)
    for mention in _dating_mentions(mentions):
        if mention.granularity in DAY_OR_FINER and _bounds(mention)[0] <= day:
            return mention
    if day.date() == date.max:  # its day has no end a datetime can hold
        return None
    return Mention(
        text="", start=-1, end=-1, type=TimexType.DATE, value=day.date().isoformat(),
        mod=None, earliest=day, latest=day + ONE_DAY,
        granularity=Granularity.DAY, anchor="DCT",
        explanation="the publication date", confidence=0.5,
    )


def _near(dating: list[Mention], starts: list[int], mention: Mention) -> list[Mention]:
    """Return the dating mentions within a title's reach of ``mention`` (bisected, so a
    sentence holding thousands of dates stays linear)."""
    low = bisect_left(starts, mention.start - TITLE_WINDOW)
    high = bisect_right(starts, mention.end + TITLE_WINDOW)
    return dating[low:high]


class _EventFields(TypedDict):
    """What an event takes from how it was dated rather than from its interval."""

    title: str
    expression: str | None
    expr_start: int | None
    expr_end: int | None
    confidence: float
    explanation: str
    anchor: str | None
    inferred: NotRequired[bool]


def _sentence_event(sentence: Sentence, dating: Mention, **fields: Unpack[_EventFields]) -> Event:
    """Return an Event for ``sentence`` at the interval ``dating`` resolved to.

    ``fields`` gives the rest: title, expression, confidence, explanation, anchor.
    """
    return Event(
        description=sentence.text,
        char_start=sentence.start,
        char_end=sentence.end,
        timex_type=dating.type.value,
        timex_value=dating.value,
        mod=dating.mod,
        earliest=dating.earliest,
        latest=dating.latest,
        granularity=dating.granularity,
        **fields,
    )


def _dated_event(
    sentence: Sentence, mention: Mention, dating: Sequence[Mention] = ()
) -> Event:
    offset = sentence.start
    others = [(m.start - offset, m.end - offset) for m in dating if m is not mention]
    return _sentence_event(
        sentence,
        mention,
        title=make_title(sentence.text, mention.start - offset, mention.end - offset, others),
        expression=mention.text,
        expr_start=mention.start,
        expr_end=mention.end,
        confidence=mention.confidence,
        explanation=mention.explanation,
        anchor=mention.anchor,
    )


def _open_ended_event(sentence: Sentence, mention: Mention) -> Event:
    event = _dated_event(sentence, mention)
    explanation = (
        f"'{mention.text}' is placed relative to another event, not to a calendar date; "
        f"the event stays open-ended. {mention.explanation}"
    ).strip()
    return replace(event, open_ended=True, explanation=explanation,
                    confidence=min(mention.confidence, INFERRED_CONFIDENCE_CAP))


def _inferred_event(sentence: Sentence, reference: Mention, where: str) -> Event:
    if reference.start >= 0:
        source = f"'{reference.text}' ({reference.value}, chars {reference.start}-{reference.end})"
    else:
        source = f"the publication date ({reference.value})"
    return _sentence_event(
        sentence,
        reference,
        title=make_title(sentence.text),
        expression=None,
        expr_start=None,
        expr_end=None,
        confidence=min(reference.confidence * INFERRED_CONFIDENCE_FACTOR,
                       INFERRED_CONFIDENCE_CAP),
        explanation=(
            f"Inferred: the sentence has no date of its own and continues the narrative, "
            f"so it takes the reference time from {where}, {source}."
        ),
        anchor=reference.anchor if reference.start < 0 else reference.text,
        inferred=True,
    )
