"""The CSV rows made in batches, column by column, read the same as the cells of each
event taken one at a time, across batch boundaries, with and without the guard."""

from __future__ import annotations

import csv
import gc
import importlib.util
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from timeline.display import format_event_date
from timeline.export import guard_formula, write_csv
from timeline.export.rows import CSV_COLUMNS, ROWS_PER_BATCH
from timeline.model import Article, Granularity, Status

_spec = importlib.util.spec_from_file_location(
    "export_samples", Path(__file__).with_name("export_samples.py"))
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)

TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def one_event_at_a_time(event, article, guarded: bool) -> list[str]:
    """The 22 cells of one event, each made on its own (the reference); no story
    sources are given to the writer, so that cell is empty."""
    def text(value) -> str:
        cell = "" if value is None else value
        return guard_formula(cell) if guarded else cell

    def iso(moment) -> str:
        return "" if moment is None else moment.isoformat()

    def utc(moment) -> str:
        return "" if moment is None else moment.replace(tzinfo=UTC).isoformat()

    article = article or Article(text="", published=None)
    explanation = ("corrected by the analyst" if event.status is Status.CORRECTED
                   else event.explanation)
    return [
        "" if event.id is None else str(event.id), iso(event.earliest), iso(event.latest),
        event.granularity.value, text(format_event_date(event)), text(event.timex_value),
        text(event.expression), text(event.title), text(event.description),
        event.status.value, repr(float(event.confidence)), text(explanation),
        text(event.note), utc(event.reviewed_at), text(article.title),
        iso(article.published), text(article.url), text(article.source_path),
        str(event.char_start), str(event.char_end),
        "" if event.story_id is None else str(event.story_id), "",
    ]


def many_events(count: int):
    """``count`` events over three articles (one of them missing), some with text that
    starts with a formula character, some open-ended or corrected, in scrambled order."""
    events = []
    for number in range(count):
        start = datetime(2001, 1, 1) + timedelta(hours=7 * ((number * 7919) % count))
        trigger = TRIGGERS[number % len(TRIGGERS)] if number % 5 == 0 else ""
        open_ended = number % 37 == 0
        events.append(samples.event(
            id=number + 1 if number % 101 else None,
            title=f"{trigger}Event {number}",
            description=f"{trigger if number % 3 else ''}Said, \"number {number}\", then left.",
            expression=None if number % 11 == 0 else f"{trigger}on day {number}",
            timex_value=None if number % 13 == 0 else start.date().isoformat(),
            note=f"{trigger}note" if number % 4 == 0 else None,
            earliest=None if open_ended else start,
            latest=None if open_ended else start + timedelta(days=1),
            granularity=Granularity.UNKNOWN if open_ended else Granularity.DAY,
            mod="START" if number % 6 == 0 else None,
            status=[Status.UNREVIEWED, Status.ACCEPTED, Status.CORRECTED][number % 3],
            reviewed_at=datetime(2023, 9, 14, 10, 0, number % 60) if number % 3 else None,
            confidence=1 if number % 17 == 0 else number / count,  # an int reads "1.0"
            article_id=(1, 2, 99)[number % 3],
        ))
    return events


@pytest.mark.parametrize("guarded", [True, False])
def test_rows_across_batches_equal_each_event_made_on_its_own(guarded):
    events = many_events(2 * ROWS_PER_BATCH + 123)
    articles = samples.sample_articles()  # ids 1 and 2; 99 is missing
    out = io.StringIO(newline="")
    written = write_csv(events, articles, out, formula_guard=guarded)

    rows = list(csv.reader(io.StringIO(out.getvalue(), newline=""), strict=True))
    ordered = sorted(events, key=lambda event: (
        event.earliest is None, event.earliest or datetime.min, event.latest or datetime.min,
        event.id if event.id is not None else -1))
    assert written == len(events)
    assert rows[0] == list(CSV_COLUMNS)
    assert rows[1:] == [one_event_at_a_time(event, articles.get(event.article_id), guarded)
                        for event in ordered]
    if guarded:  # the guard did fire in this data, in more than one column
        assert sum(cell.startswith("'") for row in rows[1:] for cell in row) > len(events) // 5


def test_writing_leaves_the_garbage_collector_on_even_when_the_output_fails():
    class BrokenOutput(io.StringIO):
        """Takes the header, then fails as a full disk would."""

        def write(self, text):
            if self.tell() > 0:
                raise OSError("disk full")
            return super().write(text)

    assert gc.isenabled()
    with pytest.raises(OSError, match="disk full"):
        write_csv(many_events(500), samples.sample_articles(), BrokenOutput(newline=""))
    assert gc.isenabled()
    gc.disable()
    try:
        write_csv(many_events(5), samples.sample_articles(), io.StringIO(newline=""))
        assert not gc.isenabled()
    finally:
        gc.enable()
