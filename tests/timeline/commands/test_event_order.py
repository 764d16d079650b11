"""`timeline events` and the CSV export list events in one order, from one key
(``timeline.export.order.time_order_key``): precise and coarse dates by start, then
end, and open-ended ones (no start, or no end) after them."""

from __future__ import annotations

import argparse
import csv
import io
import json
from datetime import datetime
from pathlib import Path

import pytest

from timeline.commands import events as events_command
from timeline.commands import export as export_command
from timeline.export.order import in_time_order
from timeline.pipeline import ingest_paths
from timeline.store import open_repository

# Precise (a minute, a day), coarse (a decade part, a year, a decade) and open-ended
# events ("up until Thursday", "after the forum", "until next year") in one article.
TEXT = (
    "Fighting went on up until Thursday, when a ceasefire took hold. "
    "The rebels left after the forum. In the 1990s the town grew. "
    "The mayor resigned in 1998. On Monday police arrested two men. "
    "The blast occurred at 10:35 a.m. Friday. Prices rose in the late 1980s. "
    "Prices fell in early 2019. He will stay until next year."
)


def run(register, *argv: str) -> int:
    parser = argparse.ArgumentParser(prog="timeline")
    register(parser.add_subparsers())
    args = parser.parse_args(list(argv))
    return int(args.func(args) or 0)


@pytest.fixture
def database(tmp_path: Path) -> Path:
    article = tmp_path / "story.txt"
    article.write_text(TEXT, encoding="utf-8")
    database = tmp_path / "order.sqlite3"
    with open_repository(str(database)) as repository:
        ingest_paths([article], repository, published=datetime(1998, 8, 7))
    return database


def test_events_and_the_csv_list_events_in_the_same_order(database, capsys):
    assert run(events_command.register, "events", "--db", str(database),
               "--format", "json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert run(export_command.register, "export", "--db", str(database)) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    listed_ids = [str(item["id"]) for item in listed]
    assert listed_ids == [row["event_id"] for row in rows]
    # The set holds what the order must handle.
    granularities = {item["granularity"] for item in listed}
    assert {"minute", "day", "year", "decade"} <= granularities
    open_starts = [item for item in listed if item["earliest"] is None]
    assert len(open_starts) >= 2
    # ... and the order is the shared key's: open-ended events after the dated ones.
    with open_repository(str(database), read_only=True) as repository:
        expected = [str(event.id) for event in in_time_order(repository.list_events())]
    assert listed_ids == expected
    starts = [item["earliest"] for item in listed]
    known = [start for start in starts if start is not None]
    assert starts[: len(known)] == sorted(known)
    assert listed[-1]["earliest"] is None


def test_the_table_lists_the_same_order(database, capsys):
    assert run(events_command.register, "events", "--db", str(database)) == 0
    table_ids = [line.split()[0] for line in capsys.readouterr().out.splitlines()[1:-1]]
    assert run(export_command.register, "export", "--db", str(database)) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert table_ids == [row["event_id"] for row in rows]
