"""A summary written out: plain text, JSON, CSV (one row a sentence), a Markdown
brief with a source link on every line, and a TimelineJS document (one slide a date)."""

from __future__ import annotations

import csv
import html
import json
from collections.abc import Hashable
from typing import Any, TextIO

from timeline.display import DAY_NAMES, MONTH_NAMES
from timeline.export.timelinejs import link_html
from timeline.model import Article
from timeline.summary.lines import KeyDate, Summary, SummaryLine

FORMATS = ("text", "json", "csv", "markdown", "timelinejs")
CSV_COLUMNS = ("date", "sentence", "event_id", "story_id", "article_title", "outlet", "url")
# Spreadsheets run a cell that starts with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _key(story: Hashable) -> object:
    # A story key is written as it is when JSON can hold it, else as text.
    return story if isinstance(story, (int, str)) or story is None else str(story)


def as_json(summary: Summary, articles: dict[int, Article]) -> dict[str, Any]:
    """Return the summary as {"dates": [...], "reason": ...}, dates in date order."""
    return {
        "dates": [{
            "date": key_date.day.isoformat(),
            "sentences": [line.sentence for line in key_date.lines],
            "event_ids": list(key_date.event_ids),
            "story_ids": [_key(story) for story in key_date.story_ids],
            "sources": key_date.sources,
            "score": round(key_date.score, 3),
            "lines": [_line_json(line, articles) for line in key_date.lines],
        } for key_date in summary.dates],
        "reason": summary.reason,
    }


def _article(line: SummaryLine, articles: dict[int, Article]) -> Article | None:
    return articles.get(line.article_id) if line.article_id is not None else None


def _line_json(line: SummaryLine, articles: dict[int, Article]) -> dict[str, Any]:
    article = _article(line, articles)
    return {
        "sentence": line.sentence,
        "event_id": line.event_id,
        "story_id": _key(line.story_id),
        "article_id": line.article_id,
        "source_ids": list(line.source_ids),
        "title": article.title if article else None,
        "outlet": article.outlet if article else None,
        "url": article.url or None if article else None,
    }


def write_json(summary: Summary, articles: dict[int, Article], out: TextIO) -> None:
    """Write the JSON form to ``out``; returns nothing."""
    json.dump(as_json(summary, articles), out, ensure_ascii=False, indent=1)
    out.write("\n")


def write_text(summary: Summary, articles: dict[int, Article], out: TextIO) -> None:
    """Write one block per date: the day, its source count, its sentences."""
    for key_date in summary.dates:
        plural = "s" if key_date.sources != 1 else ""
        out.write(f"{_day_label(key_date)}  ({key_date.sources} source{plural})\n")
        for line in key_date.lines:
            out.write(f"  - {line.sentence}\n")
        out.write("\n")


def _guard(cell: object) -> object:
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


def write_csv(summary: Summary, articles: dict[int, Article], out: TextIO) -> None:
    """Write one CSV row per sentence (RFC 4180, a header first)."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for key_date in summary.dates:
        for line in key_date.lines:
            article = _article(line, articles)
            writer.writerow([_guard(cell) for cell in (
                key_date.day.isoformat(), line.sentence, line.event_id,
                _key(line.story_id), article.title if article else "",
                article.outlet if article else "", article.url if article else "",
            )])


def source_link(article: Article | None) -> str:
    """Return a Markdown link to the article (its URL), or its title and outlet."""
    if article is None:
        return "(source unknown)"
    name = _one_line(article.title or article.outlet or "source")
    if article.url:
        return f"[{_escape(name)}]({article.url.replace(')', '%29').replace(' ', '%20')})"
    outlet = f", {_escape(article.outlet)}" if article.outlet and article.title else ""
    return f"_{_escape(name)}{outlet}_"


def write_markdown(summary: Summary, articles: dict[int, Article], out: TextIO) -> None:
    """Write a brief: a heading per date, a bullet per sentence with its source link."""
    out.write("# Key dates\n\n")
    for key_date in summary.dates:
        plural = "s" if key_date.sources != 1 else ""
        out.write(f"## {_day_label(key_date)} ({key_date.sources} source{plural})\n\n")
        for line in key_date.lines:
            link = source_link(_article(line, articles))
            out.write(f"- {_escape(line.sentence)} ({link})\n")
        out.write("\n")


def _one_line(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _escape(text: str) -> str:
    # Brackets, emphasis and a leading '#' would turn a sentence into markup.
    for mark in ("\\", "[", "]", "*", "_", "`", "<", ">"):
        text = text.replace(mark, "\\" + mark)
    return text


def _day_label(key_date: KeyDate) -> str:
    day = key_date.day
    return f"{DAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]} {day.year}"


def timelinejs_slides(summary: Summary, articles: dict[int, Article]) -> dict[str, Any]:
    """Return the summary as a TimelineJS document: one slide per key date, its lines
    as the slide's text, each with a link to its source (http(s) links only)."""
    slides = []
    for key_date in summary.dates:
        day = key_date.day
        plural = "s" if key_date.sources != 1 else ""
        items = "".join(f"<li>{html.escape(line.sentence)} {_source_html(_article(line, articles))}"
                        "</li>" for line in key_date.lines)
        slides.append({
            "start_date": {"year": day.year, "month": day.month, "day": day.day},
            "display_date": _day_label(key_date),
            "text": {"headline": html.escape(_one_line(key_date.lines[0].sentence, 80)
                                             if key_date.lines else _day_label(key_date)),
                     "text": f"<ul>{items}</ul><p>{key_date.sources} source{plural}</p>"},
            "unique_id": f"key-date-{day.isoformat()}",
        })
    return {"title": {"text": {"headline": "Key dates",
                               "text": html.escape(summary.reason)}},
            "events": slides}


def write_timelinejs(summary: Summary, articles: dict[int, Article], out: TextIO) -> None:
    """Write the summary as a TimelineJS JSON document (see timelinejs_slides)."""
    json.dump(timelinejs_slides(summary, articles), out, ensure_ascii=False, indent=1)
    out.write("\n")


def _source_html(article: Article | None) -> str:
    if article is None:
        return ""
    return f"({link_html(article.url, _one_line(article.title or article.outlet or 'source', 60))})"


WRITERS = {"text": write_text, "json": write_json, "csv": write_csv,
           "markdown": write_markdown, "timelinejs": write_timelinejs}
