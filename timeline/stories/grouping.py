"""Incremental grouping: a new article's events join the stories they report, or
start new ones, without recomputing the stories already made.

An event joins a story when its date is compatible with one of the story's readings
(the same day, or one interval inside the other) and its clause says the same
happening (enough shared weighted words, no clash of phase: a start is not an end).
An event whose date is incompatible with a story it otherwise matches, from an
article that does not already back that story, joins it as a disagreeing reading
(a conflict) only when the dates are a few days apart, both precise to the day, and
that story is the only one like it near those days: a happening that recurs
("protesters gathered in Tahrir Square") is many stories, not one in conflict.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from timeline.calendar import DAY_OR_FINER
from timeline.model import Granularity, Reading
from timeline.stories.readings import Dated, day_key, is_conflict, nested, readings_of
from timeline.stories.signature import Signature

# Dates coarser than this (a year, a decade) say too little to group by.
MAX_GROUPED_SPAN = timedelta(days=31)
# How far apart two sources' days may be and still be read as disagreeing, and how
# far around them a like happening on another day shows that it recurs.
CONFLICT_WINDOW_DAYS = 2
RECURRENCE_WINDOW_DAYS = 7
# Shared weight and share of the smaller clause needed to call two clauses one happening.
JOIN_MIN_SHARED = 2.0
JOIN_MIN_RATIO = 0.5
JOIN_MIN_WORDS = 2
# A dispute needs nearly the same clause: a date in conflict is a strong claim.
CONFLICT_MIN_SHARED = 3.0
CONFLICT_MIN_RATIO = 0.75
CONFLICT_MIN_WORDS = 3
# A word in more than this share of the events seen says little of which happening it
# is ("Egypt" in a collection on Egypt): its weight shrinks with its frequency.
COMMON_SHARE = 0.01
COMMON_FLOOR = 0.5
COMMON_AFTER = 300
# The members a new event is compared with, at most (a story's first reports), and when a
# story is large enough to be compared as a whole (the words of a share of its members).
COMPARED_MEMBERS = 8
CORE_MEMBERS = 4
CORE_SHARE = 0.3
BUCKET_DAYS = 32


@dataclass(frozen=True)
class Member:
    """An event as grouping sees it: its date, its article, its clause's signature."""

    dated: Dated
    title: str
    signature: Signature
    inferred: bool = False  # a date read from the narrative or "now": never grouped
    published: datetime | None = None

    def offset(self) -> int | None:
        """Return the days from the publication day to the date (None when unknown)."""
        if self.published is None or self.dated.earliest is None:
            return None
        return self.dated.earliest.toordinal() - self.published.toordinal()


@dataclass
class Entry:
    """A story held in the index: its members and what is derived from them."""

    story_id: int
    members: list[Member]
    chosen: tuple[datetime, datetime] | None = None
    readings: list[Reading] = field(default_factory=list)
    counts: Counter[str] = field(default_factory=Counter)

    def refresh(self) -> None:
        """Recompute the readings and the word counts from the members."""
        self.readings = readings_of((m.dated for m in self.members), self.chosen)
        self.counts = Counter(t for m in self.members for t in m.signature.weights)

    def append(self, member: Member) -> None:
        """Add a member; the readings are recomputed, the counts updated."""
        self.members.append(member)
        self.counts.update(member.signature.weights.keys())
        self.readings = readings_of((m.dated for m in self.members), self.chosen)

    @property
    def article_ids(self) -> set[int]:
        """Return the distinct articles of the members."""
        return {m.dated.article_id for m in self.members}

    @property
    def conflict(self) -> bool:
        """Return True when the members' readings disagree."""
        return is_conflict(self.readings)

    def core(self) -> Signature | None:
        """Return the words most of a story's members share, as one signature (None
        below CORE_MEMBERS members): a new report is compared with what the story's
        sources agree on as well as with each of its first reports."""
        if len(self.members) < CORE_MEMBERS:
            return None
        least = max(2, CORE_SHARE * len(self.members))
        weights: dict[str, float] = {}
        names: set[str] = set()
        for member in self.members:
            for token, weight in member.signature.weights.items():
                if self.counts[token] >= least and weight > weights.get(token, 0.0):
                    weights[token] = weight
            names.update(member.signature.names)
        if len(weights) < JOIN_MIN_WORDS:
            return None
        phases = Counter(m.signature.phase for m in self.members)
        phase = max(phases, key=lambda p: (phases[p], p is not None))
        return Signature(weights, phase, sum(weights.values()),
                         frozenset(names & weights.keys()))

    def title(self) -> str:
        """Return the title of the member whose words the others share most."""
        def centrality(member: Member) -> tuple[bool, float, int]:
            words = member.signature.weights
            shared = sum(self.counts[t] for t in words) / (len(words) or 1)
            return (not member.inferred, shared, -member.dated.event_id)
        return max(self.members, key=centrality).title if self.members else ""


def groupable(dated: Dated) -> bool:
    """Return True when the date is precise enough to group by (a month at most)."""
    if dated.earliest is None or dated.latest is None:
        return False
    return dated.latest - dated.earliest <= MAX_GROUPED_SPAN


def day_span(dated: Dated) -> range:
    """Return the day ordinals the date covers (at the day, a time counts as its day)."""
    lo, hi, _ = day_key(dated.earliest, dated.latest, dated.granularity)
    if lo is None or hi is None:
        raise ValueError("an open-ended date covers no days (see groupable)")
    first = lo.toordinal()
    last = hi.toordinal() if hi.time() == datetime.min.time() else hi.toordinal() + 1
    return range(first, max(last, first + 1))


def bucket_of(day: int) -> int:
    """Return the load bucket of a day ordinal."""
    return day // BUCKET_DAYS


class StoryIndex:
    """The stories near the dates being grouped, with postings (day, word) -> stories.

    The store fills it bucket by bucket (``needed_buckets``, ``add``) and writes
    what ``assign`` decides.
    """

    def __init__(self) -> None:
        self.entries: dict[int, Entry] = {}
        self.loaded: set[int] = set()
        self._postings: dict[tuple[int, str], set[int]] = defaultdict(set)
        self._next_provisional = -1
        # How many events seen hold each word, for the weight of common words.
        self._frequency: Counter[str] = Counter()
        self._seen = 0

    def needed_buckets(self, members: Iterable[Member]) -> set[int]:
        """Return the buckets the grouping of ``members`` reads that are not loaded yet."""
        wanted: set[int] = set()
        for member in members:
            if not groupable(member.dated):
                continue
            days = day_span(member.dated)
            for day in (days.start - RECURRENCE_WINDOW_DAYS, days.stop + RECURRENCE_WINDOW_DAYS):
                wanted.add(bucket_of(day))
            wanted.update(range(bucket_of(days.start), bucket_of(days.stop) + 1))
        return wanted - self.loaded

    def add(self, entry: Entry) -> None:
        """Hold ``entry`` (its readings computed here) and post its words on its days."""
        entry.refresh()
        self.entries[entry.story_id] = entry
        self._post(entry)

    def _post(self, entry: Entry, members: Iterable[Member] | None = None) -> None:
        for member in entry.members if members is None else members:
            self._seen += 1
            self._frequency.update(member.signature.weights.keys())
            if not groupable(member.dated) or member.inferred:
                continue
            for day in day_span(member.dated):
                for token in member.signature.weights:
                    self._postings[(day, token)].add(entry.story_id)

    def forget(self) -> None:
        """Drop everything (the store reloads what it needs next time)."""
        self.entries.clear()
        self.loaded.clear()
        self._postings.clear()
        self._frequency.clear()
        self._seen = 0

    def factor(self, token: str) -> float:
        """Return how much of its weight ``token`` keeps: less the more common it is."""
        if self._seen < COMMON_AFTER:
            return 1.0
        share = self._frequency[token] / self._seen
        return 1.0 if share <= COMMON_SHARE else max(COMMON_FLOOR, (COMMON_SHARE / share) ** 0.5)

    def _near(self, member: Member, days: Iterable[int]) -> Iterator[Entry]:
        """Yield the stories posted on ``days`` that share at least two words with
        ``member`` (the cheap test before the member-by-member one)."""
        shared: dict[int, set[str]] = defaultdict(set)
        for day in days:
            for token in member.signature.weights:
                for story_id in self._postings.get((day, token), ()):
                    shared[story_id].add(token)
        for story_id, tokens in shared.items():
            if len(tokens) < JOIN_MIN_WORDS:
                continue
            entry = self.entries.get(story_id)
            if entry is not None and entry.members:
                yield entry

    def assign(self, members: list[Member]) -> tuple[list[int], set[int]]:
        """Return the story id of each of one article's ``members`` and the ids of the
        stories they changed. New stories get negative provisional ids (the store
        gives them real ones with ``renumber``)."""
        placed: list[int | None] = [None] * len(members)
        for index, member in enumerate(members):  # the stories they report
            entry = self._best_match(member)
            if entry is not None:
                placed[index] = entry.story_id
        backed = {story_id for story_id in placed if story_id is not None}
        for index, member in enumerate(members):  # the stories they disagree with
            if placed[index] is None:
                entry = self._conflicting(member, backed)
                if entry is not None:
                    placed[index] = entry.story_id
        touched: set[int] = set()
        for index, member in enumerate(members):  # or a story of its own
            story_id = placed[index]
            if story_id is None:
                # One article's events are not joined with each other: a story is what
                # several sources report, and an article's lede and body that restate
                # one happening would hide what the article says more than once.
                entry = Entry(self._next_provisional, [])
                self._next_provisional -= 1
                self.entries[entry.story_id] = entry
                story_id = entry.story_id
                placed[index] = story_id
            entry = self.entries[story_id]
            entry.append(member)
            self._post(entry, [member])
            touched.add(story_id)
        return [story_id for story_id in placed if story_id is not None], touched

    def renumber(self, provisional: int, story_id: int) -> None:
        """Give the provisional story ``provisional`` its stored id."""
        entry = self.entries.pop(provisional)
        entry.story_id = story_id
        self.entries[story_id] = entry
        for member in entry.members:
            if groupable(member.dated) and not member.inferred:
                for day in day_span(member.dated):
                    for token in member.signature.weights:
                        posted = self._postings[(day, token)]
                        posted.discard(provisional)
                        posted.add(story_id)

    def _best_match(self, member: Member) -> Entry | None:
        if member.inferred or not groupable(member.dated) or not member.signature.weights:
            return None
        key = day_key(member.dated.earliest, member.dated.latest, member.dated.granularity)
        best, best_score = None, Likeness(0, 0.0, 0.0)
        for entry in self._near(member, day_span(member.dated)):
            if entry.story_id < 0:
                continue
            agreeing = [r for r in entry.readings if nested((r.earliest, r.latest), key[:2])]
            if not agreeing:
                continue
            score = self._likeness(member, entry)
            if not score.joins() or score.ratio <= best_score.ratio:
                continue
            if all((r.earliest, r.latest) != key[:2] for r in agreeing) and not score.disputes():
                continue  # "last week" is a Tuesday's happening only if told alike
            best, best_score = entry, score
        return best

    def _conflicting(self, member: Member, backed: set[int]) -> Entry | None:
        dated = member.dated
        # ("up until Thursday" is a day with no start: no days to dispute)
        if member.inferred or dated.granularity not in _DISPUTED or not groupable(dated):
            return None
        key = day_key(dated.earliest, dated.latest, dated.granularity)
        days = day_span(dated)
        window = range(days.start - RECURRENCE_WINDOW_DAYS, days.stop + RECURRENCE_WINDOW_DAYS)
        alike: list[tuple[Entry, Likeness]] = []
        for entry in self._near(member, window):
            if entry.story_id < 0:
                continue
            score = self._likeness(member, entry)
            if not score.joins():
                continue
            if any(nested((r.earliest, r.latest), key[:2]) for r in entry.readings):
                return None  # like a story of its own day: a recurring happening
            alike.append((entry, score))
            if len(alike) > 1:
                return None  # several days of it: recurring, not disputed
        if not alike:
            return None
        entry, score = alike[0]
        if not score.disputes():
            return None
        if entry.story_id in backed or dated.article_id in entry.article_ids:
            return None  # an article does not disagree with itself
        if len(entry.readings) != 1 or entry.readings[0].granularity not in DAY_OR_FINER:
            return None  # one precise date against another, not a third opinion
        if any(other.dated.granularity not in _DISPUTED for other in entry.members):
            return None
        their_start = entry.readings[0].earliest
        if their_start is None:
            return None  # an open-ended reading is no precise date to dispute
        their_day = their_start.toordinal()
        if not days.start - CONFLICT_WINDOW_DAYS <= their_day < days.stop + CONFLICT_WINDOW_DAYS:
            return None
        offset = member.offset()
        if offset is not None and any(other.offset() == offset and (
                offset == 0 or other.title == member.title) for other in entry.members):
            # "Today" in Monday's paper and "today" in Tuesday's: a report that recurs
            # each day; the same sentence with the same "yesterday" in a later copy: a
            # reprint read against its own date. Neither is a source disagreeing.
            return None
        return entry

    def _likeness(self, member: Member, entry: Entry) -> Likeness:
        """Return the best Likeness of ``member`` to the story's first members whose
        phase does not clash with its own, common words weighing less."""
        factor = self.factor
        best = Likeness(0, 0.0, 0.0)
        mine = member.signature.weights
        core = entry.core()
        compared = [m.signature for m in entry.members[:COMPARED_MEMBERS] if not m.inferred]
        for other in compared + ([core] if core is not None else []):
            phases = {member.signature.phase, other.phase}
            if None not in phases and len(phases) > 1:
                continue  # a start and an end are two happenings
            theirs = other.weights
            shared_words = [token for token in mine if token in theirs]
            if len(shared_words) < JOIN_MIN_WORDS:
                continue
            shared = sum(min(mine[t], theirs[t]) * factor(t) for t in shared_words)
            smaller = min(sum(w * factor(t) for t, w in mine.items()),
                          sum(w * factor(t) for t, w in theirs.items()))
            names = member.signature.names
            action = any(t not in names for t in shared_words)
            strong = all(t in names or t.isupper() for t in shared_words)
            score = Likeness(len(shared_words), shared, shared / smaller if smaller else 0.0,
                             action, strong)
            if (score.ratio, score.words, score.shared) > (best.ratio, best.words, best.shared):
                best = score
        return best


@dataclass(frozen=True)
class Likeness:
    """How alike two clauses are: shared words, their weight, its share of the
    smaller, and whether they share more than names (what was done, not only who)."""

    words: int
    shared: float
    ratio: float
    action: bool = False
    strong: bool = False  # every shared word a name or a kind of happening

    def joins(self) -> bool:
        """Return True when the clauses tell one happening (on compatible dates)."""
        return (self.action and self.words >= JOIN_MIN_WORDS
                and self.shared >= JOIN_MIN_SHARED and self.ratio >= JOIN_MIN_RATIO)

    def disputes(self) -> bool:
        """Return True when the clauses are alike enough to call their dates a dispute,
        or a coarse date and a precise one the same happening."""
        if not self.joins() or self.shared < CONFLICT_MIN_SHARED:
            return False
        return self.ratio >= CONFLICT_MIN_RATIO and (
            self.words >= CONFLICT_MIN_WORDS or self.strong)


# Dates a dispute is read between: a day or a part of one. A clock time alone is most
# often a live report's time stamp, not the time of a happening.
_DISPUTED = {Granularity.DAY, Granularity.PART_OF_DAY}
