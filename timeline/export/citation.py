"""One event as a citation an analyst pastes into a report: the sentence, who published
it, when, and where to find it."""

from __future__ import annotations

from datetime import datetime

from timeline.calendar import MONTH_ABBREVIATIONS
from timeline.model import Article, Event


def citation_date(published: datetime | None) -> str:
    """Return the publication day as "12 Sep 2023" ("" when unknown), in English
    whatever the desktop's locale."""
    if published is None:
        return ""
    return f"{published.day} {MONTH_ABBREVIATIONS[published.month - 1]} {published.year}"


def citation(event: Event, article: Article | None) -> str:
    """Return ``"<sentence>" — <outlet>, <date>. <url>``: the source's name is the outlet,
    else the article's title; the link is the URL, else the file it came from; parts
    that are unknown are left out, never invented."""
    sentence = " ".join(event.description.split()) or event.title
    quoted = f"\u201c{sentence}\u201d" if '"' in sentence else f'"{sentence}"'
    if article is None:
        return quoted
    source = ", ".join(part for part in (
        (article.outlet or article.title or "").strip(), citation_date(article.published))
        if part)
    link = (article.url or "").strip() or (article.source_path or "").strip()
    text = f"{quoted} \u2014 {source}." if source else quoted
    return f"{text} {link}" if link else text
