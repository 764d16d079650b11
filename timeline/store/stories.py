"""Stories in the store: grouping a new article's events, keeping each story's row
(its date, sources, conflict) true to its events, and the analyst's story reviews.

The grouping itself is timeline.stories (plain Python); this module loads the
stories near the dates being grouped into its index, and writes what it decides.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Connection, Table, bindparam, func, insert, select, update

from timeline.model import Granularity, Reading, Story
from timeline.store.convert import AnyRow
from timeline.store.prepared import GroupingKey
from timeline.store.queries import EVENTS
from timeline.store.schema import ArticleRow, StoryRow
from timeline.stories.grouping import BUCKET_DAYS, Entry, Member, StoryIndex
from timeline.stories.readings import Dated, is_conflict, readings_of
from timeline.stories.signature import signature_of

STORIES = StoryRow.__table__
IDS_PER_QUERY = 500
_GRANULARITY = {member.value: member for member in Granularity}
_PUBLISHED = (select(ArticleRow.__table__.c.published)
              .where(ArticleRow.__table__.c.id == EVENTS.c.article_id).scalar_subquery())
_MEMBER_COLUMNS = (EVENTS.c.id, EVENTS.c.article_id, EVENTS.c.earliest, EVENTS.c.latest,
                   EVENTS.c.granularity, EVENTS.c.title, EVENTS.c.inferred, EVENTS.c.story_id,
                   EVENTS.c.timex_value, _PUBLISHED.label("published"))


def member_of(row: Sequence[Any]) -> Member:
    """Return the grouping Member of an event row selected with _MEMBER_COLUMNS."""
    event_id, article_id, earliest, latest, granularity, title, inferred = row[:7]
    timex_value, published = row[8], row[9]
    if not isinstance(granularity, Granularity):
        granularity = _GRANULARITY[granularity]
    if isinstance(published, str):  # a scalar subquery's value comes back raw on SQLite
        published = datetime.fromisoformat(published)
    return Member(
        Dated(event_id, article_id, earliest, latest, granularity),
        title or "",
        signature_of(title or ""),
        # A date guessed from the narrative, or "now", says nothing of when a happening was.
        bool(inferred) or timex_value == "PRESENT_REF",
        published,
    )


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    for offset in range(0, len(ids), IDS_PER_QUERY):
        yield list(ids[offset : offset + IDS_PER_QUERY])


def load_entries(connection: Connection, story_ids: Iterable[int]) -> dict[int, Entry]:
    """Return the stories ``story_ids`` as index entries, with all their members."""
    wanted = sorted(set(story_ids))
    entries: dict[int, Entry] = {}
    for chunk in _chunks(wanted):
        for story_id, chosen_lo, chosen_hi in connection.execute(
            select(STORIES.c.id, STORIES.c.chosen_earliest, STORIES.c.chosen_latest)
            .where(STORIES.c.id.in_(chunk))
        ):
            chosen = (chosen_lo, chosen_hi) if chosen_lo is not None else None
            entries[story_id] = Entry(story_id, [], chosen)
        for row in connection.execute(
            select(*_MEMBER_COLUMNS).where(EVENTS.c.story_id.in_(chunk)).order_by(EVENTS.c.id)
        ):
            entry = entries.get(row[7])
            if entry is not None:
                entry.members.append(member_of(row))
    return entries


def load_buckets(connection: Connection, index: StoryIndex, buckets: set[int]) -> None:
    """Load into ``index`` every story with an event dated in ``buckets``."""
    story_ids: set[int] = set()
    last_day = datetime.max.toordinal()
    for bucket in sorted(buckets):
        # The calendar's ends bound every bucket: an article dated 1 January of year 1
        # groups too.
        first = min(max(bucket * BUCKET_DAYS, 1), last_day)
        start = datetime.fromordinal(first)
        end = datetime.fromordinal(max(min((bucket + 1) * BUCKET_DAYS, last_day), 1))
        reach = datetime.fromordinal(max(first - BUCKET_DAYS, 1))
        story_ids.update(connection.execute(
            select(EVENTS.c.story_id).distinct().where(
                EVENTS.c.story_id.is_not(None), EVENTS.c.earliest < end, EVENTS.c.latest > start,
                EVENTS.c.earliest >= reach,
            )
        ).scalars())
        index.loaded.add(bucket)
    missing = [story_id for story_id in story_ids if story_id not in index.entries]
    for entry in load_entries(connection, missing).values():
        index.add(entry)


def group_events(
    connection: Connection, index: StoryIndex, rows: Sequence[Sequence[Any]]
) -> dict[int, int]:
    """Give each event of ``rows`` (selected with _MEMBER_COLUMNS, one article's or
    regrouped ones) a story: an existing one it reports, or a new one. Writes the
    story rows and the events' story ids; returns event id -> story id."""
    return group_members(connection, index, [member_of(row) for row in rows])


def new_members(article_id: int, event_ids: Sequence[int], keys: Sequence[GroupingKey],
                published: datetime | None) -> list[Member]:
    """Return the grouping Members of an article's events just inserted with these ids
    and GroupingKeys: what member_of would make of the rows read back."""
    return [Member(Dated(event_id, article_id, key.earliest, key.latest, key.granularity),
                   key.title, key.signature, key.inferred, published)
            for event_id, key in zip(event_ids, keys, strict=True)]


def group_members(
    connection: Connection, index: StoryIndex, members: list[Member]
) -> dict[int, int]:
    """Give each of ``members`` (one article's, or regrouped ones) a story, as
    group_events does; returns event id -> story id."""
    assignment = place_members(connection, index, members)
    if assignment:
        connection.execute(
            update(EVENTS).where(EVENTS.c.id == bindparam("event_id"))
            .values(story_id=bindparam("new_story")),
            [{"event_id": event_id, "new_story": story_id}
             for event_id, story_id in assignment.items()],
        )
    return assignment


def place_members(
    connection: Connection, index: StoryIndex, members: list[Member]
) -> dict[int, int]:
    """Choose a story for each of ``members`` and write the story rows (new and
    changed), but not the events' story ids: returns event id -> story id, for the
    caller to write (or to insert the events with, when their ids are known before
    they are inserted)."""
    needed = index.needed_buckets(members)
    if needed:
        load_buckets(connection, index, needed)
    placed, touched = index.assign(members)
    renumbered: dict[int, int] = {}
    new = sorted(story_id for story_id in touched if story_id < 0)
    if new:
        ids = insert_in_order(connection, STORIES, [
            {"version": 1, **story_values(index.entries[story_id])} for story_id in new])
        for provisional, story_id in zip(new, ids, strict=True):
            index.renumber(provisional, story_id)
            renumbered[provisional] = story_id
    old = [index.entries[story_id] for story_id in sorted(touched) if story_id > 0]
    if old:
        write_stories(connection, old)
    assignment = {
        member.dated.event_id: renumbered.get(story_id, story_id)
        for member, story_id in zip(members, placed, strict=True)
    }
    return assignment


def insert_in_order(connection: Connection, table: Table, rows: Sequence[dict[str, Any]],
                    newest: int | None = None) -> list[int]:
    """Insert ``rows`` into ``table`` (one statement) and return their ids in the order
    of ``rows``.

    On SQLite the ids are read back after a plain executemany: the write transaction
    holds the file's write lock (BEGIN IMMEDIATE), so the rows after the largest id
    before are these, numbered in the order given. SQLAlchemy cannot batch an ordered
    RETURNING there (no sentinel) and would send one statement a row, which made the
    new stories a fifth of a writer's time. Elsewhere, one ordered RETURNING.
    ``newest``: the table's largest id in this transaction, when the caller read it.
    """
    if connection.dialect.name != "sqlite":
        return list(connection.execute(
            insert(table).returning(table.c.id, sort_by_parameter_order=True), rows,
        ).scalars())
    before = newest if newest is not None else (
        connection.execute(select(func.max(table.c.id))).scalar() or 0)
    connection.execute(insert(table), rows)
    ids = list(connection.execute(
        select(table.c.id).where(table.c.id > before).order_by(table.c.id)).scalars())
    if len(ids) != len(rows):  # another writer inside this transaction: cannot be
        raise RuntimeError(f"inserted {len(rows)} rows into {table.name}, found {len(ids)}")
    return ids


def story_values(entry: Entry) -> dict[str, Any]:
    """Return the stories row's values derived from the entry's members."""
    first = entry.readings[0] if entry.readings else None
    return {
        "title": entry.title(),
        "earliest": first.earliest if first else None,
        "latest": first.latest if first else None,
        "granularity": (first.granularity if first else Granularity.UNKNOWN).value,
        "conflict": is_conflict(entry.readings),
        "sources": len(entry.article_ids),
        "events": len(entry.members),
        "chosen_earliest": entry.chosen[0] if entry.chosen else None,
        "chosen_latest": entry.chosen[1] if entry.chosen else None,
    }


def write_stories(connection: Connection, entries: Sequence[Entry]) -> None:
    """Write the story rows of ``entries`` (one statement) and bump their versions."""
    connection.execute(
        update(STORIES).where(STORIES.c.id == bindparam("story"))
        .values(version=STORIES.c.version + 1,
                **{name: bindparam(name) for name in _STORY_FIELDS}),
        [{"story": entry.story_id, **story_values(entry)} for entry in entries],
    )


_STORY_FIELDS = ("title", "earliest", "latest", "granularity", "conflict", "sources",
                 "events", "chosen_earliest", "chosen_latest")


def refresh_stories(connection: Connection, story_ids: Iterable[int]) -> None:
    """Recompute the rows of ``story_ids`` from their events as stored now."""
    entries = list(load_entries(connection, story_ids).values())
    for entry in entries:
        entry.refresh()
    if entries:
        write_stories(connection, entries)


def ungrouped_rows(connection: Connection, article_id: int | None = None) -> list[AnyRow]:
    """Return the member rows of events with no story (of one article, or all)."""
    query = select(*_MEMBER_COLUMNS).where(EVENTS.c.story_id.is_(None))
    if article_id is not None:
        query = query.where(EVENTS.c.article_id == article_id)
    return list(connection.execute(query.order_by(EVENTS.c.article_id, EVENTS.c.id)))


def rows_of_events(connection: Connection, event_ids: Sequence[int]) -> list[AnyRow]:
    """Return the member rows of ``event_ids``."""
    rows: list[AnyRow] = []
    for chunk in _chunks(list(event_ids)):
        rows.extend(connection.execute(
            select(*_MEMBER_COLUMNS).where(EVENTS.c.id.in_(chunk)).order_by(EVENTS.c.id)))
    return rows


# Reading stories back -----------------------------------------------------------------

def story_filters(
    *, start: datetime | None = None, end: datetime | None = None,
    conflicts: bool = False, min_sources: int | None = None,
) -> list[ColumnElement[bool]]:
    """Return WHERE clauses over stories: overlapping [start, end), in conflict, with
    at least ``min_sources`` articles; stories left with no event never show."""
    clauses = [STORIES.c.events > 0]
    if start is not None or end is not None:
        clauses.append(STORIES.c.earliest.is_not(None))
    if end is not None:
        clauses.append(STORIES.c.earliest < end)
    if start is not None:
        clauses.append(STORIES.c.latest > start)
    if conflicts:
        clauses.append(STORIES.c.conflict.is_(True))
    if min_sources is not None:
        clauses.append(STORIES.c.sources >= min_sources)
    return clauses


def fetch_stories(connection: Connection, clauses: list[ColumnElement[bool]]) -> list[Story]:
    """Return the stories matching ``clauses`` in time order, with their readings."""
    heads = list(connection.execute(
        select(STORIES.c.id, STORIES.c.title, STORIES.c.chosen_earliest,
               STORIES.c.chosen_latest, STORIES.c.version)
        .where(*clauses)
        .order_by(STORIES.c.earliest.asc().nulls_last(), STORIES.c.latest.asc().nulls_last(),
                  STORIES.c.id)
    ))
    members: dict[int, list[Dated]] = {head.id: [] for head in heads}
    if len(heads) > IDS_PER_QUERY * 4 and len(heads) * 4 > connection.execute(
            select(func.count()).select_from(STORIES)).scalar_one():
        # Most of the database: one pass over the events beats many IN lists (a span's
        # stories, a small share of a large store, are read by their ids).
        query = select(*_MEMBER_COLUMNS[:5], EVENTS.c.story_id).where(
            EVENTS.c.story_id.is_not(None))
        batches: Iterable[Iterable[AnyRow]] = [connection.execute(query)]
    else:
        batches = (
            connection.execute(select(*_MEMBER_COLUMNS[:5], EVENTS.c.story_id)
                               .where(EVENTS.c.story_id.in_(chunk)))
            for chunk in _chunks([head.id for head in heads])
        )
    for batch in batches:
        for event_id, article_id, earliest, latest, granularity, story_id in batch:
            found = members.get(story_id)
            if found is not None:
                found.append(Dated(event_id, article_id, earliest, latest,
                                   _GRANULARITY[granularity]))
    # A row whose events were all taken from it some other way is not a story.
    return [_story(head, members[head.id]) for head in heads
            if members[head.id] or len(heads) == 1]


def fetch_stories_by_id(connection: Connection, *, after_id: int, limit: int) -> list[Story]:
    """Return at most ``limit`` stories with an event, those with an id above
    ``after_id``, by id, with their readings: a listing's chunk (keyset, no OFFSET walk;
    the members read by a range of story ids, which the index on story_id serves)."""
    heads = list(connection.execute(
        select(STORIES.c.id, STORIES.c.title, STORIES.c.chosen_earliest,
               STORIES.c.chosen_latest, STORIES.c.version)
        .where(STORIES.c.events > 0, STORIES.c.id > after_id)
        .order_by(STORIES.c.id).limit(limit)))
    if not heads:
        return []
    members: dict[int, list[Dated]] = {head.id: [] for head in heads}
    rows = connection.execute(
        select(*_MEMBER_COLUMNS[:5], EVENTS.c.story_id)
        .where(EVENTS.c.story_id > after_id, EVENTS.c.story_id <= heads[-1].id))
    for event_id, article_id, earliest, latest, granularity, story_id in rows:
        found = members.get(story_id)
        if found is not None:
            found.append(Dated(event_id, article_id, earliest, latest,
                               _GRANULARITY[granularity]))
    return [_story(head, members[head.id]) for head in heads if members[head.id]]


def _story(head: AnyRow, members: list[Dated]) -> Story:
    chosen = (head.chosen_earliest, head.chosen_latest) if head.chosen_earliest else None
    readings: list[Reading] = readings_of(members, chosen)
    first = readings[0] if readings else None
    return Story(
        id=head.id,
        title=head.title,
        earliest=first.earliest if first else None,
        latest=first.latest if first else None,
        granularity=first.granularity if first else Granularity.UNKNOWN,
        event_ids=tuple(sorted(m.event_id for m in members)),
        article_ids=tuple(sorted({m.article_id for m in members})),
        readings=tuple(readings),
        conflict=is_conflict(readings),
        chosen=chosen is not None,
        version=head.version,
    )
