"""export_to_path: whole files or nothing, a BOM on request, one-line errors."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import stat
from pathlib import Path

import openpyxl
import pytest

from timeline.export import FORMATS, ExportError, export_to_path, published_events
from timeline.model import Status

_spec = importlib.util.spec_from_file_location(
    "export_samples", Path(__file__).with_name("export_samples.py"))
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)


class BrokenEvents(list):
    """A list of events that fails part way through being read, as a disk or a bug might."""

    def __iter__(self):
        yield from super().__iter__()
        raise OSError(28, "No space left on device")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_writes_a_whole_file(tmp_path, fmt):
    target = tmp_path / f"out.{fmt}"
    written = export_to_path(fmt, samples.sample_events(), samples.sample_articles(), target)
    if fmt == "xlsx":
        assert openpyxl.load_workbook(target).active.max_row == written + 1
        text = ""
    else:
        text = target.read_text(encoding="utf-8")
    if fmt == "xlsx":
        pass
    elif fmt.endswith("json"):
        assert json.loads(text)["events"]
    else:
        assert len(list(csv.reader(text.splitlines()))) >= written
    assert written == (4 if fmt.startswith("timelinejs") else 5)
    assert [path.name for path in tmp_path.iterdir()] == [target.name]  # no temp file left


def test_excel_adds_a_byte_order_mark_to_the_bytes(tmp_path):
    plain, excel = tmp_path / "plain.csv", tmp_path / "excel.csv"
    export_to_path("csv", samples.sample_events(), samples.sample_articles(), plain)
    export_to_path("csv", samples.sample_events(), samples.sample_articles(), excel, excel=True)
    assert excel.read_bytes() == b"\xef\xbb\xbf" + plain.read_bytes()
    assert b"\r\n" in plain.read_bytes()  # no newline translation on the way to the file


def test_a_new_file_gets_the_usual_mode_and_a_replaced_one_keeps_its_own(tmp_path):
    previous_umask = os.umask(0o022)
    try:
        fresh = tmp_path / "fresh.csv"
        export_to_path("csv", [], {}, fresh)
        assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # not the temp file's 0600
        private = tmp_path / "private.csv"
        private.write_text("old\n")
        private.chmod(0o600)
        export_to_path("csv", [], {}, private)
        assert stat.S_IMODE(private.stat().st_mode) == 0o600
        assert private.read_text().startswith("event_id,")
    finally:
        os.umask(previous_umask)


def test_a_failure_part_way_leaves_the_old_file_and_no_temp_file(tmp_path):
    target = tmp_path / "out.csv"
    target.write_text("the previous export\n", encoding="utf-8")
    with pytest.raises(ExportError, match="No space left on device"):
        export_to_path("csv", BrokenEvents(samples.sample_events()), samples.sample_articles(),
                       target)
    assert target.read_text(encoding="utf-8") == "the previous export\n"
    assert [path.name for path in tmp_path.iterdir()] == ["out.csv"]


def test_a_failure_in_a_new_file_leaves_nothing(tmp_path):
    target = tmp_path / "new.json"
    with pytest.raises(ExportError):
        export_to_path("json", BrokenEvents(samples.sample_events()), {}, target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("make_path, reason", [
    (lambda tmp: tmp / "missing" / "out.csv", "does not exist"),
    (lambda tmp: tmp, "it is a folder"),
    (lambda tmp: Path("/proc/timeline-export-test.csv"), "cannot write"),
])
def test_an_unwritable_path_is_a_one_line_error(tmp_path, make_path, reason):
    target = make_path(tmp_path)
    with pytest.raises(ExportError) as caught:
        export_to_path("csv", samples.sample_events(), samples.sample_articles(), target)
    message = str(caught.value)
    assert reason in message and str(target) in message and "\n" not in message


def test_an_unknown_format_is_refused_before_anything_is_written(tmp_path):
    with pytest.raises(ExportError, match="unknown export format 'ods'"):
        export_to_path("ods", [], {}, tmp_path / "out.ods")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_text_that_is_not_valid_unicode_is_a_one_line_error_and_leaves_nothing(tmp_path, fmt):
    broken = samples.event(id=1, title="half a pair \udc80")
    with pytest.raises(ExportError, match="not valid Unicode") as caught:
        export_to_path(fmt, [broken], samples.sample_articles(), tmp_path / f"out.{fmt}")
    assert "\n" not in str(caught.value)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", FORMATS)
def test_only_timelinejs_leaves_rejected_events_out_and_only_unless_statuses_were_chosen(fmt):
    events = samples.sample_events()
    rejected = sum(1 for event in events if event.status is Status.REJECTED)
    assert rejected  # the samples hold a rejected event to leave out
    kept, left_out = published_events(fmt, events, statuses_chosen=False)
    if fmt.startswith("timelinejs"):
        assert left_out == rejected
        assert kept == [event for event in events if event.status is not Status.REJECTED]
    else:
        assert (kept, left_out) == (events, 0)
    assert published_events(fmt, events, statuses_chosen=True) == (events, 0)


def test_a_text_longer_than_a_spreadsheet_cell_is_refused_for_xlsx_only(tmp_path):
    long = samples.event(id=1, description="word " * 7000)  # 35,000 characters
    with pytest.raises(ExportError, match="description has 35,000 characters; a spreadsheet "
                                          "cell holds 32,767") as caught:
        export_to_path("xlsx", [long], samples.sample_articles(), tmp_path / "out.xlsx")
    assert "\n" not in str(caught.value) and list(tmp_path.iterdir()) == []
    assert export_to_path("csv", [long], samples.sample_articles(), tmp_path / "out.csv") == 1
