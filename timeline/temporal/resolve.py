"""Resolve detected expressions: anchor each on the DCT or the last time mentioned, read
the clause's tense, and produce a TIMEX3 value, an interval, an explanation and a
confidence. One ``Resolver`` walks one text in order, carrying the reference time."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from timeline.display import DAY_NAMES
from timeline.model import Granularity, Mention, TimexType
from timeline.temporal.calendar_kinds import CALENDAR_KINDS
from timeline.temporal.day_kinds import DAY_KINDS
from timeline.temporal.detect import Detection
from timeline.temporal.relative_kinds import RELATIVE_KINDS
from timeline.temporal.resolution import Resolution
from timeline.temporal.tense import clause_tense
from timeline.temporal.timex import is_valid_value, span_from_value

KINDS = {**CALENDAR_KINDS, **DAY_KINDS, **RELATIVE_KINDS}
# "since 2019", "by the end of the year": the word before an expression that bounds it.
_LEAD = re.compile(r"\b(since|by)\s+$", re.IGNORECASE)
# "a year earlier" counts from a period named within about two sentences before it.
_NEAR = 250


class Resolver:
    """Resolves the detections of one text in document order."""

    def __init__(self, text: str, dct: datetime) -> None:
        self.text = text
        self.dct = dct.replace(tzinfo=None)
        self.dct_day: date = self.dct.date()
        # The last day mentioned ("the next day", clock times) and the last time of any
        # granularity ("later that year"), each with the phrase that set it.
        self.references: dict[str, tuple[date, str | None]] = {
            "day": (self.dct_day, None),
            "any": (self.dct_day, None),
        }
        # The TIMEX3 value of the last time of any granularity, and where it ended.
        self.last_value: tuple[str, int] | None = None

    def reference(self, kind: str) -> date:
        """Return the reference time of ``kind`` ("day" or "any"); the DCT before any."""
        return self.references[kind][0]

    def reference_value(self, kind: str, near: int | None = None) -> str | None:
        """Return the TIMEX3 value of the last time mentioned ("any" kind only), or None
        when there is none or (with ``near``) it ended more than a sentence or two before."""
        if kind != "any" or self.last_value is None:
            return None
        value, end = self.last_value
        return value if near is None or near - end <= _NEAR else None

    def tense(self, detection: Detection) -> str | None:
        """Return the tense of the clause around ``detection``."""
        return clause_tense(self.text, detection.start, detection.end)

    def resolve(self, detection: Detection) -> Mention | None:
        """Return the Mention for ``detection``, or None when it resolves to nothing."""
        resolver = KINDS[detection.rule.kind]
        result: Resolution | None = resolver(self, detection)
        if result is None or not is_valid_value(result.value):
            # Counting past year 9999 (or before year 1) leaves the calendar: no mention.
            return None
        phrase = self.text[detection.start : detection.end]
        anchor = f"DCT {self.dct_day.isoformat()}"
        how, confidence = result.how, result.confidence
        if result.on_reference:
            day, label = self.references[result.on_reference]
            if label is not None:
                anchor = f"reference time {day.isoformat()} ('{label}')"
            else:
                # "Two days later" with no time before it: the DCT is only a guess.
                how = how.replace("the reference time", "the DCT")
                how += " (no earlier time in the text to count from)"
                confidence = min(confidence, 0.4)
        earliest, latest, granularity = self._interval(result)
        earliest, latest, how = self._cut(detection, result, earliest, latest, how)
        mention = Mention(
            text=phrase,
            start=detection.start,
            end=detection.end,
            type=result.type,
            value=result.value,
            mod=result.mod,
            earliest=earliest,
            latest=latest,
            granularity=granularity,
            anchor=anchor,
            explanation=f"'{phrase}' {how}",
            confidence=confidence,
            event_relative=result.event_relative,
        )
        self._remember(mention)
        return mention

    def _interval(self, result: Resolution) -> tuple[datetime | None, datetime | None, Granularity]:
        if result.type is TimexType.DURATION:
            return None, None, Granularity.DURATION
        if result.type is TimexType.SET:
            return None, None, Granularity.SET
        start_of_dct = datetime.combine(self.dct_day, datetime.min.time())
        if result.value == "PRESENT_REF":
            return start_of_dct, start_of_dct + timedelta(days=1), Granularity.UNKNOWN
        if result.value == "FUTURE_REF":
            return start_of_dct, None, Granularity.UNKNOWN
        if result.value == "PAST_REF":
            return None, start_of_dct + timedelta(days=1), Granularity.UNKNOWN
        span = span_from_value(result.value, result.mod)
        if span is None:
            return None, None, Granularity.UNKNOWN
        return span.earliest, span.latest, span.granularity

    def _cut(self, detection, result, earliest, latest, how):
        """Return the interval cut at the DCT where the words around it say so: "earlier
        this month" ends there, "since 2019" runs up to it, "by the end of the year"
        runs from it."""
        if earliest is None or latest is None or result.type is not TimexType.DATE:
            return earliest, latest, how
        lead = _LEAD.search(self.text, max(0, detection.start - 12), detection.start)
        word = lead.group(1).lower() if lead else None
        if word is None and result.clip is None or self.dct_day == date.max:
            return earliest, latest, how  # (the DCT's day has no end a datetime holds)
        start_of_dct = datetime.combine(self.dct_day, datetime.min.time())
        end_of_dct = start_of_dct + timedelta(days=1)
        if (result.clip == "to_dct" or word == "since") and earliest < end_of_dct < latest:
            return earliest, end_of_dct, how + "; ends at the DCT"
        if word == "since" and latest <= start_of_dct:
            return earliest, end_of_dct, how + "; 'since' runs the span up to the DCT"
        if (result.clip == "from_dct" or word == "by") and earliest < start_of_dct < latest:
            return start_of_dct, latest, how + "; starts at the DCT"
        return earliest, latest, how

    def _remember(self, mention: Mention) -> None:
        # Later "the next day" / "later that day" count from the last day mentioned.
        fine = (
            Granularity.DAY,
            Granularity.PART_OF_DAY,
            Granularity.HOUR,
            Granularity.MINUTE,
            Granularity.SECOND,
        )
        if not mention.is_anchored or mention.granularity is Granularity.UNKNOWN:
            return
        self.references["any"] = (mention.earliest.date(), mention.text)
        self.last_value = (mention.value, mention.end)
        if mention.granularity in fine:
            self.references["day"] = (mention.earliest.date(), mention.text)

    def describe_dct(self) -> str:
        """Return the DCT as people say it ("Tue 2023-09-12")."""
        # Not strftime('%a'): that follows the process's locale, which the desktop app
        # sets from the user's, so the stored explanation would change language.
        return f"{DAY_NAMES[self.dct_day.weekday()]} {self.dct_day.isoformat()}"
