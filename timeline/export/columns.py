"""The event columns as data: one table from which the CSV, the JSON export and its
re-import, the spreadsheet file and the review table are all built.

A :class:`Column` says what one cell of an event's row holds (``cell``, a typed value:
text, a datetime, a number, a choice), under which name the files carry it, which
header a person sees, whether the formula guard applies, and how the review table
shows and sorts it. The writers only choose which columns they show (``CSV``,
``RECORD``, ``TABLE`` below) and how a kind of value is written.

A cell reads an :class:`EventRow`: the event and the lookups of the export it is in
(its article, an article's label). To add a column, add one ``Column`` to the view
that shows it. A column that needs more than the event and its article (the story an
event belongs to, say) gets its lookup in :class:`RowLookups`, a property on
``EventRow`` reading it, and a ``Column`` with ``reads=Reads.ROW`` whose ``get`` takes
the row, e.g. ``Column("story_sources", "Sources", WHOLE, Reads.ROW,
lambda row: row.story.source_count if row.story else None)`` at the end of ``CSV``.

How a column reads (``reads``) lets the CSV writer, which must stay fast at 10^5
events, take a batch of events' fields in one call and make an article's cells once
for all its events; every other reader just calls ``cell``. A Reads.EVENT or
Reads.ROW column also names the fields it reads (``takes``) and gives its value from
them (``from_fields``): the streamed exports read fields from the store, not Events.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from operator import attrgetter
from typing import Any, TypeAlias, cast

from timeline.display import format_event_date, format_span
from timeline.export.order import time_order_key
from timeline.model import Article, Event, Granularity, Status


@dataclass(frozen=True)
class RowLookups:
    """What an export knows beside its events, for cells that read past the event."""

    articles: Mapping[int, Article] = field(default_factory=dict)
    # The names the review table gives articles (title, else "article N").
    article_labels: Mapping[int, str] = field(default_factory=dict)
    # Story id -> how many distinct articles report the story.
    story_sources: Mapping[int, int] = field(default_factory=dict)


NO_LOOKUPS = RowLookups()

# A batch's memo of cells already made, shared by the columns of one kind (a moment's
# ISO text by moment, for instance): what it holds is each kind's own business.
CellMemo: TypeAlias = dict[Any, Any]
# How a kind turns a batch of values into cells, given the batch's memo.
CellMaker: TypeAlias = Callable[[Iterable[Any], CellMemo], Iterable[Any]]


class EventRow:
    """The context a cell reads: one event and the lookups of its export."""

    __slots__ = ("event", "lookups")

    def __init__(self, event: Event, lookups: RowLookups = NO_LOOKUPS) -> None:
        self.event = event
        self.lookups = lookups

    @classmethod
    def of_article(cls, article_id: int | None, lookups: RowLookups) -> EventRow:
        """Return a row that knows only its article (what a Reads.ARTICLE column
        reads), for exports that read fields, not Events."""
        return cls(cast(Event, _ArticleOnly(article_id)), lookups)

    @property
    def article(self) -> Article | None:
        """Return the event's article, or None when the export does not have it."""
        article_id = self.event.article_id
        return self.lookups.articles.get(article_id) if article_id is not None else None

    @property
    def article_label(self) -> str:
        """Return the name the article goes by: the table's label, else its title,
        else "article N"."""
        article_id = self.event.article_id
        label = self.lookups.article_labels.get(article_id) if article_id is not None else None
        if label is not None:
            return label
        article = self.article
        return article.title if article is not None and article.title else f"article {article_id}"


class _ArticleOnly:
    """The one field of an event an article's cells read."""

    __slots__ = ("article_id",)

    def __init__(self, article_id: int | None) -> None:
        self.article_id = article_id


class Reads(Enum):
    """What a column's ``get`` takes."""

    FIELD = "field"  # get is the name of an Event attribute
    EVENT = "event"  # get(event)
    ARTICLE = "article"  # get(EventRow), the same for all the events of one article
    ROW = "row"  # get(EventRow)


def _iso(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _utc_iso(moment: datetime | None) -> str | None:
    # Review stamps are stored as naive UTC; written with their offset, so a reader in
    # another time zone does not take them for local times.
    return moment.replace(tzinfo=UTC).isoformat() if moment is not None else None


def _choice_text(value: Any) -> str:
    return str(getattr(value, "value", value))


@dataclass(frozen=True)
class Kind:
    """A kind of cell value and how each reader writes it.

    ``csv_cells`` turns a batch of values into CSV cells (``known`` is a dict the batch
    shares, for memoising); ``json`` gives the JSON value; ``shown`` the table's text;
    ``numeric`` sorts by the value itself; ``choices`` is the Enum of a choice column.
    """

    name: str
    csv_cells: CellMaker
    json: Callable[[Any], Any]
    shown: Callable[[Any], str]
    numeric: bool = False
    choices: type[Enum] | None = None


def _as_is(values: Iterable[Any], _known: CellMemo) -> Iterable[Any]:
    return values


def _iso_cells(moments: Iterable[datetime | None], known: CellMemo) -> list[str | None]:
    """Return the moments in ISO 8601; ``known`` keeps the text of those seen before
    (events in time order share days, and one's end is often another's start)."""
    cells: list[str | None] = []
    append = cells.append
    for moment in moments:
        cell = known.get(moment)
        if cell is None and moment is not None:
            cell = known[moment] = moment.isoformat()
        append(cell)
    return cells


def _utc_iso_cells(moments: Iterable[datetime | None]) -> list[str | None]:
    # Most events are not reviewed: no call for those.
    return [None if moment is None else _utc_iso(moment) for moment in moments]


def _floats(values: Iterable[Any], _known: CellMemo) -> Iterable[float]:
    return map(float, values)  # repr of a float, as before: 1 reads "1.0"


def _identity(value: Any) -> Any:
    return value


def _text_shown(value: Any) -> str:
    return "" if value is None else str(value)


TEXT = Kind("text", _as_is, _identity, _text_shown)
MOMENT = Kind("moment", _iso_cells, _iso, lambda value: _iso(value) or "")
# A moment of the app's own clock (when an analyst reviewed): UTC, marked "+00:00".
UTC_MOMENT = Kind("utc_moment", lambda values, _known: _utc_iso_cells(values), _utc_iso,
                  lambda value: _utc_iso(value) or "")
MOMENT_KINDS = (MOMENT, UTC_MOMENT)
WHOLE = Kind("whole", _as_is, _identity, _text_shown, numeric=True)
NUMBER = Kind("number", _floats, _identity,
              lambda value: "" if value is None else f"{value:.2f}", numeric=True)
FLAG = Kind("flag", _as_is, _identity, lambda value: "yes" if value else "no")


def choice(enum: type[Enum]) -> Kind:
    """Return the Kind of a column holding one of ``enum``'s members (written as its value)."""
    text = {member: member.value for member in enum}
    return Kind(enum.__name__.lower(), lambda values, _known: map(text.__getitem__, values),
                _choice_text, _choice_text, choices=enum)


@dataclass(frozen=True)
class Column:
    """One event column; see the module docstring."""

    name: str  # as the CSV header and the JSON key
    header: str  # as a person reads it (the review table)
    kind: Kind
    reads: Reads
    get: Any  # an attribute name (Reads.FIELD) or a function of what ``reads`` names
    guarded: bool = False  # free text: a spreadsheet could run it as a formula
    restored: bool = True  # a re-import puts a FIELD column back (ids are the database's)
    required: bool = False  # a re-import refuses an event without it
    shown: Callable[[Any], str] | None = None  # the table's text, when not the kind's
    sort_by: Callable[[EventRow], Any] | None = None  # when not the shown text
    # For Reads.EVENT and Reads.ROW: the Event fields ``get`` reads, and
    # ``from_fields(lookups)``, which gives the same value from those fields' values,
    # so exports that read fields (not Events) fill the column too.
    takes: tuple[str, ...] = ()
    from_fields: Callable[[RowLookups], Callable[..., Any]] | None = None
    repeats: bool = False  # the same fields give the same costly cell: made once a batch

    def cell(self, row: EventRow) -> Any:
        """Return the column's typed value for ``row`` (text, datetime, number, member)."""
        if self.reads is Reads.FIELD:
            return getattr(row.event, self.get)
        if self.reads is Reads.EVENT:
            return self.get(row.event)
        return self.get(row)

    def values(self, events: Sequence[Event], lookups: RowLookups = NO_LOOKUPS) -> Iterable[Any]:
        """Return the typed values of the events' cells, in the events' order (what
        ``cell`` gives for each, without a row made for every event where the column
        reads a field, the event alone or only its article)."""
        if self.reads is Reads.FIELD:
            return map(attrgetter(self.get), events)
        if self.reads is Reads.EVENT:
            return map(self.get, events)
        if self.reads is Reads.ARTICLE:
            return map(self.by_article(events, lookups).__getitem__,
                       map(attrgetter("article_id"), events))
        return (self.get(EventRow(event, lookups)) for event in events)

    def by_article(self, events: Sequence[Event], lookups: RowLookups) -> dict[Any, Any]:
        """Return {article id: value} for the articles of ``events`` (Reads.ARTICLE)."""
        return self.by_article_id(map(attrgetter("article_id"), events), lookups)

    def by_article_id(self, article_ids: Iterable[int | None],
                      lookups: RowLookups) -> dict[Any, Any]:
        """Return {article id: value} for the distinct ``article_ids`` (Reads.ARTICLE)."""
        return {article_id: self.get(EventRow.of_article(article_id, lookups))
                for article_id in dict.fromkeys(article_ids)}

    def text(self, row: EventRow) -> str:
        """Return the cell as the review table shows it."""
        return (self.shown or self.kind.shown)(self.cell(row))

    def sort_key(self, row: EventRow) -> Any:
        """Return what the review table sorts ``row`` by in this column: the number for
        a numeric column, else the shown text ignoring case."""
        return self.sort_keys([row.event], row.lookups)[0]

    def sort_keys(self, events: Sequence[Event], lookups: RowLookups = NO_LOOKUPS) -> list[Any]:
        """Return :meth:`sort_key` of each event, in order (made a column at a time)."""
        if self.sort_by is not None:
            return [self.sort_by(EventRow(event, lookups)) for event in events]
        values = self.values(events, lookups)
        if self.kind.numeric:
            return list(values)
        shown = self.shown or self.kind.shown
        if self.kind.choices is not None:  # a few values: each one's key worked out once
            keys = {member: shown(member).casefold() for member in self.kind.choices}
            return [keys[value] if value in keys else shown(value).casefold()
                    for value in values]
        if shown is _text_shown:  # text kept as it is: no call per cell
            return ["" if value is None else value.casefold() for value in values]
        return [shown(value).casefold() for value in values]


CORRECTED_EXPLANATION = "corrected by the analyst"


def shown_explanation(event: Event) -> str:
    """Return the explanation the export shows: the tagger's, or for a corrected event
    CORRECTED_EXPLANATION (the tagger's would name the replaced date)."""
    return CORRECTED_EXPLANATION if event.status is Status.CORRECTED else event.explanation


def _date_from_fields(earliest: datetime | None, latest: datetime | None,
                      granularity: Granularity, mod: str | None, status: Status,
                      expression: str | None) -> str:
    # format_event_date from the fields it reads.
    return format_span(earliest, latest, granularity,
                       None if status is Status.CORRECTED else mod, expression=expression)


def _explanation_from_fields(status: Status, explanation: str) -> str:
    return CORRECTED_EXPLANATION if status is Status.CORRECTED else explanation


def _of_article(attribute: str) -> Callable[[EventRow], Any]:
    def get(row: EventRow) -> Any:
        article = row.article
        return getattr(article, attribute) if article is not None else None
    return get


GRANULARITY = choice(Granularity)
STATUS = choice(Status)


def _field(name: str, header: str, kind: Kind, attribute: str | None = None,
           **options: Any) -> Column:
    return Column(name, header, kind, Reads.FIELD, attribute or name, **options)


# The CSV's 20 columns, in the CSV's order (the JSON export's first 20 fields too).
CSV: tuple[Column, ...] = (
    _field("event_id", "Id", WHOLE, "id", restored=False),
    _field("start", "Start", MOMENT, "earliest"),
    _field("end", "End", MOMENT, "latest"),
    _field("granularity", "Granularity", GRANULARITY, required=True,
           shown=lambda value: _choice_text(value).replace("_", " ")),
    Column("date_display", "Date", TEXT, Reads.EVENT, format_event_date, guarded=True,
           sort_by=lambda row: time_order_key(row.event),
           takes=("earliest", "latest", "granularity", "mod", "status", "expression"),
           from_fields=lambda _lookups: _date_from_fields, repeats=True),
    _field("timex_value", "TIMEX3", TEXT, guarded=True),
    _field("expression", "Expression", TEXT, guarded=True),
    _field("title", "Title", TEXT, guarded=True, required=True),
    _field("description", "Sentence", TEXT, guarded=True, required=True),
    _field("status", "Status", STATUS, required=True),
    _field("confidence", "Confidence", NUMBER, required=True),
    Column("explanation", "Explanation", TEXT, Reads.EVENT, shown_explanation, guarded=True,
           takes=("status", "explanation"),
           from_fields=lambda _lookups: _explanation_from_fields),
    _field("analyst_note", "Note", TEXT, "note", guarded=True),
    _field("reviewed_at", "Reviewed", UTC_MOMENT),
    Column("article_title", "Article title", TEXT, Reads.ARTICLE, _of_article("title"),
           guarded=True),
    Column("article_published", "Published", MOMENT, Reads.ARTICLE, _of_article("published")),
    Column("article_url", "Address", TEXT, Reads.ARTICLE, _of_article("url"), guarded=True),
    Column("article_file", "File", TEXT, Reads.ARTICLE, _of_article("source_path"),
           guarded=True),
    _field("char_start", "From", WHOLE, required=True),
    _field("char_end", "To", WHOLE, required=True),
    # Appended last, so readers of the first 20 columns keep working.
    _field("story_id", "Story", WHOLE, restored=False),
    Column("story_sources", "Sources", WHOLE, Reads.ROW,
           lambda row: row.lookups.story_sources.get(row.event.story_id), restored=False,
           takes=("story_id",), from_fields=lambda lookups: lookups.story_sources.get),
)

# The rest of an event's record, after the CSV's fields in the JSON export: what a
# re-import needs to put the event back as it was.
RECORD: tuple[Column, ...] = (
    _field("article_id", "Article id", WHOLE, restored=False),
    _field("expr_start", "Expression from", WHOLE),
    _field("expr_end", "Expression to", WHOLE),
    _field("timex_type", "TIMEX3 type", TEXT),
    _field("mod", "Modifier", TEXT),
    _field("anchor", "Anchor", TEXT),
    _field("inferred", "Inferred", FLAG),
    _field("open_ended", "Open-ended", FLAG),
    _field("version", "Version", WHOLE),
    _field("tagger_explanation", "Tagger's explanation", TEXT, "explanation"),
)

_BY_NAME = {column.name: column for column in CSV + RECORD}


def column_named(name: str) -> Column:
    """Return the column called ``name``; KeyError names it when there is none."""
    return _BY_NAME[name]


# The review table's columns, left to right. "Article" is the article's label, which
# the table gets from the listing (an article with no title still needs a name).
TABLE: tuple[Column, ...] = (
    column_named("date_display"),
    column_named("granularity"),
    column_named("expression"),
    column_named("title"),
    Column("article", "Article", TEXT, Reads.ARTICLE, lambda row: row.article_label),
    column_named("status"),
    column_named("confidence"),
)

CSV_COLUMNS: tuple[str, ...] = tuple(column.name for column in CSV)
