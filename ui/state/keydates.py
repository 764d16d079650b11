"""The Key dates panel's summary, made on the worker thread (Qt-free).

The collection's key dates as ``timeline.summary`` chooses them for the events the
current filters let through, with the analyst's choices kept: a dropped date is never
shown, a pinned one always is (with its own sentences, even when the ranking would not
choose it).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from timeline.model import Article
from timeline.summary.lines import Summary
from timeline.summary.summarize import summarize

PER_DATE = 2
KEY_DATES_UP_TO = 200_000  # events summarised at most (see key_dates)


def key_dates(repo: Any, query: Mapping[str, Any], *, pinned: frozenset[date] = frozenset(),
              dropped: frozenset[date] = frozenset(), per_date: int = PER_DATE,
              check: Callable[[], None] = lambda: None) -> tuple[Summary, dict[int, Article]]:
    """Return the summary of the events ``query`` (list_events keywords) lets through,
    without the ``dropped`` days and with every ``pinned`` day, and the articles by id."""
    listed = repo.count_events(**query)
    if listed > KEY_DATES_UP_TO:
        # Summarising reads every sentence: a million would hold the store worker for
        # minutes and its memory twice over. Filtered to fewer, they are made again.
        return Summary(dates=(), reason=(
            f"Key dates are made for up to {KEY_DATES_UP_TO:,} events; {listed:,} are "
            "listed: filter to fewer to see them.")), {}
    events = repo.list_events(**query)
    check()
    articles = {article.id: article for article in repo.list_articles()}
    summary = summarize(events, articles, per_date=per_date)
    check()
    chosen = {key_date.day: key_date for key_date in summary.dates
              if key_date.day not in dropped}
    for day in sorted(pinned - chosen.keys() - dropped):
        found = summarize(events, articles, dates=1, per_date=per_date, first=day, last=day)
        for key_date in found.dates:
            chosen[key_date.day] = key_date
    dates = tuple(chosen[day] for day in sorted(chosen))
    notes = summary.notes + tuple(
        f"pinned {day.isoformat()}: nothing in the collection is dated that day"
        for day in sorted(pinned - chosen.keys() - dropped))
    return replace(summary, dates=dates, notes=notes), articles
