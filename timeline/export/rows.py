"""The export's row: the 20 CSV columns of one event, shared by the CSV and JSON writers.

An event's row shows what the database holds now: after an analyst's correction the
dates, granularity, TIMEX3 value, status and date shown are the corrected ones (the
original stays in the audit trail, which the export does not carry). One column is
not read straight from the event: a corrected event's explanation reads "corrected by
the analyst", because the tagger's explanation names the date it had read, which the
correction replaced ("... = 2023-09-10"); the JSON export keeps the tagger's text
beside it, for a restore.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime
from itertools import chain
from operator import attrgetter

from timeline.display import format_event_date
from timeline.model import Article, Event, Granularity, Status

CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "start", "end", "granularity", "date_display", "timex_value", "expression",
    "title", "description", "status", "confidence", "explanation", "analyst_note",
    "reviewed_at", "article_title", "article_published", "article_url", "article_file",
    "char_start", "char_end",
)

# Every cell that carries free text (from articles, the tagger or the analyst) goes
# through guard_formula; the others hold numbers, ISO dates and fixed words, which
# cannot start with a formula character.
FORMULA_TRIGGERS = "=+-@\t\r"  # the first characters a spreadsheet runs as a formula
_TRIGGER_CHARACTERS = frozenset(FORMULA_TRIGGERS)

_NO_ARTICLE = Article(text="", published=None)
GRANULARITY_TEXT = {granularity: granularity.value for granularity in Granularity}
STATUS_TEXT = {status: status.value for status in Status}
_EARLIEST_POSSIBLE = datetime.min


def guard_formula(cell: str) -> str:
    """Return ``cell`` with a leading apostrophe when a spreadsheet would run it as a
    formula (it starts with =, +, -, @, a tab or a carriage return); else unchanged."""
    if cell and cell[0] in _TRIGGER_CHARACTERS:
        return "'" + cell
    return cell


def time_order_key(event: Event) -> tuple:
    """Sort key: earliest, latest, id, as the store lists them: a missing bound sorts
    after every known one, so events with no start, then those with no end (open-ended
    "after the forum"), come last among their equals."""
    return (
        event.earliest is None,
        event.earliest or _EARLIEST_POSSIBLE,
        event.latest is None,
        event.latest or _EARLIEST_POSSIBLE,
        event.id if event.id is not None else -1,
    )


def in_time_order(events: Iterable[Event]) -> list[Event]:
    """Return the events sorted by :func:`time_order_key` (stable for equal keys)."""
    return sorted(events, key=time_order_key)


CORRECTED_EXPLANATION = "corrected by the analyst"


def shown_explanation(event: Event) -> str:
    """Return the explanation the export shows: the tagger's, or for a corrected event
    CORRECTED_EXPLANATION (the tagger's would name the replaced date)."""
    return CORRECTED_EXPLANATION if event.status is Status.CORRECTED else event.explanation


def date_display(event: Event) -> str:
    """Return the event's date as a person reads it (timeline.display.format_event_date)."""
    return format_event_date(event)


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


def _text(value: object | None) -> str:
    return "" if value is None else str(value)


def article_cells(article: Article | None) -> tuple[str, str, str, str]:
    """Return the four article columns (title, published, url, file) as text."""
    article = article or _NO_ARTICLE
    return (_text(article.title), _iso(article.published), _text(article.url),
            _text(article.source_path))


def _iso_cells(moments: Iterable[datetime | None], known: dict) -> list[str | None]:
    """Return the moments in ISO 8601; ``known`` keeps the text of those seen before
    (events in time order share days, and one's end is often another's start)."""
    cells = []
    append = cells.append
    for moment in moments:
        cell = known.get(moment)
        if cell is None and moment is not None:
            cell = known[moment] = moment.isoformat()
        append(cell)
    return cells


def _guarded_cells(cells: Iterable[str | None]) -> list[str | None]:
    """Return the cells with a leading apostrophe on those a spreadsheet would run."""
    triggers = _TRIGGER_CHARACTERS
    return [("'" + cell) if cell and cell[0] in triggers else cell for cell in cells]


def csv_rows(
    events: Sequence[Event], articles: Mapping[int, Article], *, formula_guard: bool = True
) -> Iterator[tuple]:
    """Return an iterator over the rows of cells of the events, in time order, guarded
    when ``formula_guard``, as csv.writer takes them: text, or an int, a float or None
    (written as str(), repr() and "", which is what the cells hold)."""
    ordered = in_time_order(events)
    guarded = _guarded_cells if formula_guard else _unchanged
    # Many events share an article: its cells are made (and guarded) once, and each
    # of its four columns is looked up by article id.
    cells_by_article = {
        article_id: guarded(article_cells(articles.get(article_id)))
        for article_id in set(map(attrgetter("article_id"), ordered))
    }
    article_lookups = [
        {article_id: cells[index] for article_id, cells in cells_by_article.items()}.__getitem__
        for index in range(len(ARTICLE_COLUMNS))
    ]
    return chain.from_iterable(
        _batch_rows(ordered[first : first + ROWS_PER_BATCH], article_lookups, guarded)
        for first in range(0, len(ordered), ROWS_PER_BATCH)
    )


# Rows are made a batch at a time, column by column: a column is one C-level map or a
# plain comprehension, where a row at a time cost a Python frame and a list for each
# of 10^5 events, and zip hands csv.writer each row without a list. Batches keep the
# cells made in the processor's cache until they are written: whole columns of 10^5
# events made the export slower than rows did.
ROWS_PER_BATCH = 1000
ARTICLE_COLUMNS = ("article_title", "article_published", "article_url", "article_file")


# The event fields the CSV reads, taken from each event of a batch in one C-level call.
_CSV_FIELDS = attrgetter(
    "id", "earliest", "latest", "granularity", "timex_value", "expression", "title",
    "description", "status", "confidence", "explanation", "note", "reviewed_at",
    "article_id", "char_start", "char_end",
)


def _batch_rows(
    batch: Sequence[Event],
    article_lookups: Sequence[Callable[[int | None], str]],
    guarded: Callable[[Iterable[str | None]], Iterable[str | None]],
) -> Iterator[tuple]:
    (ids, earliest, latest, granularities, timex_values, expressions, titles, descriptions,
     statuses, confidences, explanations, notes, reviewed_at, article_ids, char_starts,
     char_ends) = zip(*map(_CSV_FIELDS, batch))
    explanations = [CORRECTED_EXPLANATION if status is Status.CORRECTED else explanation
                    for status, explanation in zip(statuses, explanations)]
    known_iso: dict[datetime | None, str | None] = {}
    return zip(
        ids,
        _iso_cells(earliest, known_iso),
        _iso_cells(latest, known_iso),
        map(GRANULARITY_TEXT.__getitem__, granularities),
        guarded(map(format_event_date, batch)),  # date_display's text
        guarded(timex_values),
        guarded(expressions),
        guarded(titles),
        guarded(descriptions),
        map(STATUS_TEXT.__getitem__, statuses),
        map(float, confidences),  # repr of a float, as before: 1 reads "1.0"
        guarded(explanations),
        guarded(notes),
        _iso_cells(reviewed_at, known_iso),
        *(map(lookup, article_ids) for lookup in article_lookups),
        map(str, char_starts),
        map(str, char_ends),
    )


def _unchanged(cells: Iterable[str | None]) -> Iterable[str | None]:
    return cells
