"""TimelineJS exports: its spreadsheet (CSV) columns and its JSON, ready to load.

A date fills only the parts its granularity knows: a year event fills Year alone, a
month event Year and Month, so TimelineJS shows "2019", not "1 January 2019". The
end, when the event runs past one unit, is the last unit it covers (TimelineJS ends
are inclusive; ours are exclusive). Events with no start cannot be placed on a
TimelineJS timeline and are left out; the writers return how many rows they wrote.

TimelineJS renders headlines and text as HTML, so article text is escaped and only
http(s) links are made clickable. Groups: timeline.export.timelinejs_groups.

The TimelineJS CSV is for TimelineJS (or the Google Sheet it reads), not for a
spreadsheet user (they get the CSV or the xlsx file). Its formula guard therefore
writes a leading =, +, -, @, tab or carriage return as an HTML character reference
("&#61;SUM(1,2)"): a spreadsheet sees text starting with "&", and TimelineJS, which
reads these cells as HTML, shows "=SUM(1,2)", with no apostrophe.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from enum import IntEnum
from typing import Any, TextIO

from timeline.export.json_writer import write_document
from timeline.export.rows import FORMULA_TRIGGERS, date_display, in_time_order
from timeline.export.timelinejs_groups import Grouping, choose_grouping, plain_label
from timeline.model import Article, Event, Granularity, article_of

TIMELINEJS_COLUMNS: tuple[str, ...] = (
    "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
    "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
    "Media Thumbnail", "Alt Text", "Type", "Group", "Background",
)

UTF8_BOM = "\ufeff"
_AS_REFERENCE = {character: f"&#{ord(character)};" for character in FORMULA_TRIGGERS}


def guard_html_formula(cell: str) -> str:
    """Return an HTML cell with a leading formula character (=, +, -, @, tab, carriage
    return) written as its character reference, which TimelineJS shows as the character
    and a spreadsheet cannot run; other cells unchanged."""
    if cell and cell[0] in _AS_REFERENCE:
        return _AS_REFERENCE[cell[0]] + cell[1:]
    return cell
TINY = timedelta(microseconds=1)


class Precision(IntEnum):
    """How many date parts a TimelineJS date gets."""

    YEAR = 1
    MONTH = 2
    DAY = 3
    TIME = 4


GRANULARITY_PRECISION = {
    Granularity.CENTURY: Precision.YEAR,
    Granularity.DECADE: Precision.YEAR,
    Granularity.YEAR: Precision.YEAR,
    Granularity.HALF: Precision.MONTH,
    Granularity.QUARTER: Precision.MONTH,
    Granularity.SEASON: Precision.MONTH,
    Granularity.MONTH: Precision.MONTH,
    Granularity.WEEK: Precision.DAY,
    Granularity.DAY: Precision.DAY,
    Granularity.PART_OF_DAY: Precision.DAY,  # "early" goes in Display Date, not a clock time
    Granularity.HOUR: Precision.TIME,
    Granularity.MINUTE: Precision.TIME,
    Granularity.SECOND: Precision.TIME,
}


def _precision_of(moment: datetime) -> Precision:
    if moment.hour or moment.minute or moment.second or moment.microsecond:
        return Precision.TIME
    if moment.day != 1:
        return Precision.DAY
    if moment.month != 1:
        return Precision.MONTH
    return Precision.YEAR


def _event_precision(event: Event, earliest: datetime) -> Precision:
    """The stated granularity's precision, made finer when the interval's ends say so
    (a "month" event running 12-14 Sep is shown by day)."""
    stated = GRANULARITY_PRECISION.get(event.granularity, Precision.YEAR)
    if event.granularity is Granularity.PART_OF_DAY:
        return Precision.DAY
    ends = [earliest] + ([event.latest] if event.latest is not None else [])
    return max([stated] + [_precision_of(end) for end in ends])


def _unit_key(moment: datetime, precision: Precision) -> tuple[int, ...]:
    parts = (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second)
    return parts[: {Precision.YEAR: 1, Precision.MONTH: 2, Precision.DAY: 3}.get(precision, 6)]


def _clock(moment: datetime) -> str:
    return f"{moment:%H:%M:%S}" if moment.second else f"{moment:%H:%M}"


def date_parts(event: Event) -> tuple[dict[str, int], dict[str, int] | None]:
    """Return (start, end) as TimelineJS date dicts (year, month, day, hour, minute,
    second as needed); end is None when the event fits in one unit of its precision.
    Raises ValueError for an event with no start (see placeable)."""
    earliest = event.earliest
    if earliest is None:
        raise ValueError("an event with no start has no TimelineJS date")
    precision = _event_precision(event, earliest)
    start = _parts(earliest, precision)
    if event.latest is None or event.latest <= earliest:
        return start, None
    if precision is Precision.TIME:
        # A clock range ends at its exclusive end, as a timetable writes "14:00-17:00".
        return start, (_parts(event.latest, precision) if event.latest - earliest
                       > timedelta(minutes=1) else None)
    last = event.latest - TINY
    if _unit_key(last, precision) == _unit_key(earliest, precision):
        return start, None
    return start, _parts(last, precision)


def _parts(moment: datetime, precision: Precision) -> dict[str, int]:
    parts = {"year": moment.year}
    if precision >= Precision.MONTH:
        parts["month"] = moment.month
    if precision >= Precision.DAY:
        parts["day"] = moment.day
    if precision >= Precision.TIME:
        parts["hour"] = moment.hour
        parts["minute"] = moment.minute
        if moment.second:
            parts["second"] = moment.second
    return parts


def link_html(url: str | None, label: str) -> str:
    """Return ``label`` as an HTML link to ``url`` when that is an http(s) address (never
    a javascript: link), else ``label`` alone; both escaped."""
    address = (url or "").strip()
    if address.lower().startswith(("http://", "https://")):
        return f'<a href="{html.escape(address)}">{html.escape(label)}</a>'
    return html.escape(label)


def _source_html(article: Article | None, event: Event) -> str:
    if article is None:
        return ""
    label = article.title or article.url or article.source_path or f"article {event.article_id}"
    return f"<p>Source: {link_html(article.url, label)}</p>"


def event_text_html(event: Event, article: Article | None) -> str:
    """Return the slide text: the event's sentence, then a link to its source."""
    return f"<p>{html.escape(event.description)}</p>{_source_html(article, event)}"


def placeable(events: Sequence[Event]) -> list[Event]:
    """Return the events TimelineJS can place (those with a start), in time order."""
    return [event for event in in_time_order(events) if event.earliest is not None]


def write_timelinejs_csv(
    events: Sequence[Event],
    articles: Mapping[int, Article],
    out: TextIO,
    *,
    formula_guard: bool = True,
    excel: bool = False,
    group: str | Grouping = "auto",
) -> int:
    """Write TimelineJS's spreadsheet columns, one row per placeable event; return the
    number of rows written (events with no start are left out). ``group`` is a mode
    of timelinejs_groups.choose_grouping or a Grouping chosen already."""
    if excel:
        out.write(UTF8_BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(TIMELINEJS_COLUMNS)
    rows_written = 0
    slides = placeable(events)
    grouping = _grouping(group, slides, articles)
    for event in slides:
        article = article_of(event, articles)
        start, end = date_parts(event)
        end = end or {}
        cells = [
            str(start["year"]), _text(start.get("month")), _text(start.get("day")),
            _time_cell(start), _text(end.get("year")), _text(end.get("month")),
            _text(end.get("day")), _time_cell(end), plain_label(date_display(event)),
            html.escape(event.title), event_text_html(event, article), "", "", "", "", "",
            "", grouping.label(event, article) or "", "",
        ]
        if formula_guard:
            cells = [guard_html_formula(cell) for cell in cells]
        writer.writerow(cells)
        rows_written += 1
    return rows_written


def _text(value: int | None) -> str:
    return "" if value is None else str(value)


def _time_cell(parts: dict[str, int]) -> str:
    if "hour" not in parts:
        return ""
    clock = f"{parts['hour']:02d}:{parts['minute']:02d}"
    return f"{clock}:{parts['second']:02d}" if "second" in parts else clock


def _grouping(group: str | Grouping, slides: Sequence[Event],
              articles: Mapping[int, Article]) -> Grouping:
    return group if isinstance(group, Grouping) else choose_grouping(slides, articles, group)


def timelinejs_document(
    events: Sequence[Event], articles: Mapping[int, Article], *, group: str | Grouping = "auto"
) -> dict[str, Any]:
    """Return the TimelineJS JSON document (``{"events": [...]}``) for the placeable
    events; a slide has a "group" unless the grouping (see write_timelinejs_csv) is none."""
    slides: list[dict[str, Any]] = []
    placed = placeable(events)
    grouping = _grouping(group, placed, articles)
    for index, event in enumerate(placed):
        article = article_of(event, articles)
        start, end = date_parts(event)
        slide = {
            "start_date": start,
            "text": {"headline": html.escape(event.title),
                     "text": event_text_html(event, article)},
            "display_date": plain_label(date_display(event)),
            "unique_id": f"event-{event.id if event.id is not None else f'n{index}'}",
        }
        label = grouping.label(event, article)
        if label is not None:
            slide["group"] = label
        if end is not None:
            slide["end_date"] = end
        slides.append(slide)
    return {"events": slides}


def write_timelinejs_json(
    events: Sequence[Event],
    articles: Mapping[int, Article],
    out: TextIO,
    *,
    group: str | Grouping = "auto",
) -> int:
    """Write the TimelineJS JSON document to ``out``; return the number of slides."""
    document = timelinejs_document(events, articles, group=group)
    write_document(document, out)
    return len(document["events"])
