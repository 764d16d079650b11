"""Resolve detected expressions: anchor each on the DCT or the last time mentioned, read
the clause's tense, and produce a TIMEX3 value, an interval, an explanation and a
confidence. One ``Resolver`` walks one text in order, carrying the reference time."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from timeline.display import DAY_NAMES
from timeline.model import Granularity, Mention, TimexType
from timeline.temporal.calendar_kinds import CALENDAR_KINDS, year_text
from timeline.temporal.day_kinds import DAY_KINDS
from timeline.temporal.detect import Detection
from timeline.temporal.relative_kinds import RELATIVE_KINDS
from timeline.temporal.resolution import Resolution
from timeline.temporal.rules import RULES
from timeline.temporal.tense import FUTURE, clause_tense
from timeline.temporal.timex import is_valid_value, span_from_value

KINDS = {**CALENDAR_KINDS, **DAY_KINDS, **RELATIVE_KINDS}
# A rule whose kind has no resolver fails here, at import, not on the first text it meets.
_UNKNOWN_KINDS = sorted({rule.kind for rule in RULES} - KINDS.keys())
if _UNKNOWN_KINDS:
    raise LookupError(f"rules name kinds that have no resolver: {', '.join(_UNKNOWN_KINDS)}")
# "since 2019", "by the end of the year": the word before an expression that bounds it.
_LEAD = re.compile(r"\b(since|by)\s+$", re.IGNORECASE)
# Kinds counted from the DCT: after them the text is about the present.
_PRESENT_KINDS = frozenset(
    {"today", "weekday", "relative_unit", "weekend", "day_of_month"}
)
_SINCE = re.compile(r"\b(?:since|dating\s+(?:back\s+)?to)\s+(?:\w+\s+)?$", re.IGNORECASE)
_PRESENT_FUTURE = re.compile(
    r"\b(?:will|won't|shall|'ll|(?:is|are|am)\s+(?:due|set|expected|scheduled|going|to)"
    r"|(?:plans|expects|intends|hopes|aims)\s+to)\b(?![^.;!?]*[.;!?]\s)",
    re.IGNORECASE,
)
# A clause about the present: "has cited", "are fighting" (present perfect, progressive).
_PRESENT_CLAUSE = re.compile(
    r"\b(?:has|have)\s+(?!been\b)[a-z]+ed\b|\b(?:is|are)\s+(?!being\b)[a-z]+ing\b"
)
_QUOTED = re.compile(r'"[^"\n]*"?|\u201c[^\u201d\n]*\u201d?|``.*?(?:\'\'|$)', re.MULTILINE)
# What comes before a date that says when something happened: a preposition, or the
# start of a sentence or clause.
_ADVERBIAL = re.compile(
    r"(?:\b(?:in|on|by|during|until|till|from|to|through|at|after|before|of|between|and|or"
    r"|early|late|mid|around|circa|about|than|the\s+(?:spring|summer|fall|autumn|winter)\s+of)"
    r"|^|[.;:,!?()\n\u2014-]|``)\s*$",
    re.IGNORECASE,
)
# Words a sentence may open with before the date that frames it: "In", "Early in", "By
# the spring of", "Then, in".
_FRAME = re.compile(
    r"^\s*(?:``|\")?\s*(?:(?:then|and|but|later|finally|meanwhile|however),?\s+)?"
    r"(?:(?:in|on|by|during|from|after|before|until|at|early|late|mid|throughout|of|the|"
    r"spring|summer|autumn|fall|winter|end|beginning|start|middle|around)\s+)*$",
    re.IGNORECASE,
)
_WRITTEN_YEAR = re.compile(r"^\d{4}(?:-|$)")
_BC_YEAR = re.compile(r"^BC\d{4}(?:-|$)")
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
        # The year a story told in the past has reached ("In 1941, ... In June" is June
        # 1941), with the phrase that named it; None while the text is about the present.
        self.story: tuple[int, str] | None = None
        self.story_end = 0

    def story_year(self, detection: Detection) -> tuple[int, str] | None:
        """Return (year, phrase) of the narrative when it is in another year than the
        DCT's and the clause around ``detection`` does not look ahead, else None:
        year-less dates then take that year, not the DCT's."""
        if self.story is None or self.story[0] == self.dct_day.year:
            return None
        # What people are quoted as saying is told in their present, not the text's.
        between = _QUOTED.sub("", self.text[self.story_end : detection.start])
        if "\n" in between and _PRESENT_CLAUSE.search(between.rsplit("\n", 1)[1]):
            # A later paragraph told in the present ("Gonzalez has cited his rights ...")
            # has left the story: the text is about the present again. (The rest of
            # the story's own paragraph may comment on it: "as X has noted".)
            self.story = None
            return None
        if self.tense(detection) == FUTURE and _PRESENT_FUTURE.search(
            self.text, max(0, detection.start - 80), detection.start
        ):
            # "will join NATO on March 12": plans made now are dated from the DCT; "planned
            # to attack in July" in a story of 1942 is that story's July.
            return None
        return self.story

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
        story = self.story  # set whenever a kind counted from it (see story_year)
        if result.on_reference == "story" and story is not None:
            anchor = f"the story's year {year_text(story[0])} ('{story[1]}')"
        elif result.on_reference:
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
        self._follow_story(detection, result, mention)
        return mention

    def _follow_story(self, detection: Detection, result: Resolution, mention: Mention) -> None:
        # A date counted from the DCT ("yesterday", "last week") brings the text back to
        # the present; a written year ("in 1941", "two years later") moves the story.
        if result.on_reference == "story":
            return
        if not mention.is_anchored and not _BC_YEAR.match(result.value):
            return
        if result.on_reference is not None:
            # "two years later", "the following day": the story moves on with them.
            if self.story is not None and _WRITTEN_YEAR.match(result.value):
                self.story = (int(result.value[:4]), self.story[1])
                self.story_end = mention.end
            return
        ago = detection.groups.get("dir") in ("ago",)
        if result.tells_present or detection.rule.kind in _PRESENT_KINDS or ago:
            self.story = None
        elif _WRITTEN_YEAR.match(result.value) or _BC_YEAR.match(result.value):
            if self._tells_when(detection) and self._opens_story(detection, result.value):
                bc = result.value.startswith("BC")
                year = -int(result.value[2:6]) if bc else int(result.value[:4])
                self.story, self.story_end = (year, mention.text), mention.end

    def _opens_story(self, detection: Detection, value: str) -> bool:
        """Return True when a date starts (or moves) a story told in its year: it frames
        its sentence ("In 1941, Germany ...", "On 1 September 1939 ...") or names a month
        or a day ("in May 1940"). A bare year at the end of a clause is background
        mentioned in passing ("the firm, founded in 1987, ...", "for a planned campaign
        in 1976")."""
        if re.search(r"\d-", value.removeprefix("BC")):
            return True  # a month, a season or a day of a given year
        sentence_start = max(
            self.text.rfind(mark, 0, detection.start) for mark in (". ", "\n", "; ", "! ", "? ")
        )
        opening = self.text[sentence_start + 1 : detection.start]
        return bool(_FRAME.match(opening))

    def _tells_when(self, detection: Detection) -> bool:
        """Return True when a date says when the clause happened ("In 1941, ...", "on
        June 22, 1941") rather than naming a thing ("the Dec. 21, 1988, bombing") or
        a span up to now ("since 1990", "dating to 1994")."""
        before = self.text[max(0, detection.start - 24) : detection.start]
        if _SINCE.search(before):
            return False
        return bool(_ADVERBIAL.search(before))

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

    def _cut(
        self,
        detection: Detection,
        result: Resolution,
        earliest: datetime | None,
        latest: datetime | None,
        how: str,
    ) -> tuple[datetime | None, datetime | None, str]:
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
            return earliest, end_of_dct, how + "; ends at the DCT (what is told has happened)"
        if word == "since" and latest <= start_of_dct:
            return earliest, end_of_dct, how + "; 'since' runs the span up to the DCT"
        if (result.clip == "from_dct" or word == "by") and earliest < start_of_dct < latest:
            return start_of_dct, latest, how + "; starts at the DCT (what is to come)"
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
        earliest = mention.earliest
        if earliest is None or mention.latest is None:
            return  # not anchored
        if mention.granularity is Granularity.UNKNOWN:
            return
        day = earliest.date()
        if "T24" in mention.value:
            day -= timedelta(days=1)  # midnight (T24:00) ends the day its value names
        self.references["any"] = (day, mention.text)
        self.last_value = (mention.value, mention.end)
        if mention.granularity in fine:
            self.references["day"] = (day, mention.text)

    def describe_dct(self) -> str:
        """Return the DCT as people say it ("Tue 2023-09-12")."""
        # Not strftime('%a'): that follows the process's locale, which the desktop app
        # sets from the user's, so the stored explanation would change language.
        return f"{DAY_NAMES[self.dct_day.weekday()]} {self.dct_day.isoformat()}"
