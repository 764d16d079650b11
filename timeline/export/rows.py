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

from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime

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

_NO_ARTICLE = Article(text="", published=None)
GRANULARITY_TEXT = {granularity: granularity.value for granularity in Granularity}
STATUS_TEXT = {status: status.value for status in Status}
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


def csv_rows(
    events: Sequence[Event], articles: Mapping[int, Article], *, formula_guard: bool = True
) -> Iterable[list[str]]:
    """Yield the cells of each event, in time order, guarded when ``formula_guard``."""
    guard = guard_formula if formula_guard else _unchanged
    triggers = FORMULA_TRIGGERS if formula_guard else ""
    # Many events share an article: its cells are made (and guarded) once.
    article_cache: dict[int | None, tuple[str, str, str, str]] = {}
    for event in in_time_order(events):
        article = article_cache.get(event.article_id)
        if article is None:
            article = article_cache[event.article_id] = tuple(
                guard(cell) for cell in article_cells(articles.get(event.article_id)))
        earliest, latest = event.earliest, event.latest
        # The guard is written out inline here: this loop runs once per exported event.
        title, description, explanation = event.title, event.description, event.explanation
        if event.status is Status.CORRECTED:
            explanation = CORRECTED_EXPLANATION
        timex_value, expression, note = event.timex_value or "", event.expression or "", event.note or ""
        if triggers:
            if title and title[0] in triggers:
                title = "'" + title
            if description and description[0] in triggers:
                description = "'" + description
            if explanation and explanation[0] in triggers:
                explanation = "'" + explanation
            if timex_value and timex_value[0] in triggers:
                timex_value = "'" + timex_value
            if expression and expression[0] in triggers:
                expression = "'" + expression
            if note and note[0] in triggers:
                note = "'" + note
        reviewed_at = event.reviewed_at
        yield [
            "" if event.id is None else str(event.id),
            "" if earliest is None else earliest.isoformat(),
            "" if latest is None else latest.isoformat(),
            GRANULARITY_TEXT[event.granularity],
            guard(date_display(event)),
            timex_value,
            expression,
            title,
            description,
            STATUS_TEXT[event.status],
            repr(float(event.confidence)),
            explanation,
            note,
            "" if reviewed_at is None else reviewed_at.isoformat(),
            *article,
            str(event.char_start),
            str(event.char_end),
        ]


def _unchanged(cell: str) -> str:
    return cell
