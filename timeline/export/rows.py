"""The export's row: the 20 CSV columns of one event, shared by the CSV and JSON writers.

An event's row shows what the database holds now: after an analyst's correction the
dates, granularity, TIMEX3 value, status and date shown are the corrected ones (the
original stays in the audit trail, which the export does not carry).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

from timeline.display import format_span
from timeline.model import Article, Event, Status

CSV_COLUMNS: tuple[str, ...] = (
    "event_id", "start", "end", "granularity", "date_display", "timex_value", "expression",
    "title", "description", "status", "confidence", "explanation", "analyst_note",
    "reviewed_at", "article_title", "article_published", "article_url", "article_file",
    "char_start", "char_end",
)

# Cells that carry free text (from articles, the tagger or the analyst): the only ones
# that can start with a character a spreadsheet reads as a formula. The others hold
# numbers, ISO dates and fixed words.
FREE_TEXT_COLUMNS = frozenset({
    "date_display", "timex_value", "expression", "title", "description", "explanation",
    "analyst_note", "article_title", "article_url", "article_file",
})
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

_NO_ARTICLE = Article(text="", published=None)
_EARLIEST_POSSIBLE = datetime.min


def guard_formula(cell: str) -> str:
    """Return ``cell`` with a leading apostrophe when a spreadsheet would run it as a
    formula (it starts with =, +, -, @, a tab or a carriage return); else unchanged."""
    if cell and cell[0] in FORMULA_TRIGGERS:
        return "'" + cell
    return cell


def time_order_key(event: Event) -> tuple:
    """Sort key: earliest, latest, id; events with no start (open-ended) last."""
    return (
        event.earliest is None,
        event.earliest or _EARLIEST_POSSIBLE,
        event.latest or _EARLIEST_POSSIBLE,
        event.id if event.id is not None else -1,
    )


def in_time_order(events: Iterable[Event]) -> list[Event]:
    """Return the events sorted by :func:`time_order_key` (stable for equal keys)."""
    return sorted(events, key=time_order_key)


def date_display(event: Event) -> str:
    """Return the event's date as a person reads it (see timeline.display).

    A corrected event reads as the analyst set it: the tagger's modifier ("early",
    "about") described the tagger's reading, not the corrected interval.
    """
    mod = None if event.status is Status.CORRECTED else event.mod
    return format_span(event.earliest, event.latest, event.granularity, mod,
                       expression=event.expression)


def _iso(moment: datetime | None) -> str:
    return moment.isoformat() if moment is not None else ""


def _text(value: object | None) -> str:
    return "" if value is None else str(value)


def csv_cells(event: Event, article: Article | None) -> list[str]:
    """Return the event's 20 cells, in CSV_COLUMNS order, as text (no formula guard)."""
    article = article or _NO_ARTICLE
    return [
        _text(event.id),
        _iso(event.earliest),
        _iso(event.latest),
        event.granularity.value,
        date_display(event),
        _text(event.timex_value),
        _text(event.expression),
        event.title,
        event.description,
        event.status.value,
        repr(float(event.confidence)),  # repr round-trips: float(cell) == confidence
        event.explanation,
        _text(event.note),
        _iso(event.reviewed_at),
        _text(article.title),
        _iso(article.published),
        _text(article.url),
        _text(article.source_path),
        str(event.char_start),
        str(event.char_end),
    ]


def csv_rows(
    events: Sequence[Event], articles: Mapping[int, Article], *, formula_guard: bool = True
) -> Iterable[list[str]]:
    """Yield the cells of each event, in time order, guarded when ``formula_guard``."""
    guarded = [index for index, name in enumerate(CSV_COLUMNS) if name in FREE_TEXT_COLUMNS]
    for event in in_time_order(events):
        cells = csv_cells(event, articles.get(event.article_id))
        if formula_guard:
            for index in guarded:
                cell = cells[index]
                if cell and cell[0] in FORMULA_TRIGGERS:
                    cells[index] = "'" + cell
        yield cells
