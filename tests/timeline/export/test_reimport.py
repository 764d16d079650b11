"""Reading a JSON export back when it was edited to attack: numbers past what a
database column holds, NUL characters and lone surrogates are refused in one line
naming the field, and an ingest of the file stores none of it and goes on."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from timeline.export.json_writer import export_document
from timeline.export.reimport import ExportFormatError, read_export
from timeline.pipeline import ingest_paths
from timeline.store import open_repository

_spec = importlib.util.spec_from_file_location(
    "export_samples", Path(__file__).with_name("export_samples.py"))
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)


def _document() -> dict:
    # Through JSON text, as a file would hold it.
    return json.loads(json.dumps(export_document(samples.sample_events(),
                                                 samples.sample_articles())))


@pytest.mark.parametrize("field", ["char_end", "char_start", "expr_start", "version"])
@pytest.mark.parametrize("value", [2**70, -(2**70)])
def test_a_number_past_64_bits_is_refused_naming_the_field(field, value):
    document = _document()
    document["events"][0][field] = value
    with pytest.raises(ExportFormatError, match=f"'{field}'.*range") as refused:
        read_export(document, "edited.json")
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("where", ["article", "event"])
@pytest.mark.parametrize("bad", ["\x00", "\ud800"])
def test_nul_or_a_lone_surrogate_in_any_text_is_refused(where, bad):
    document = _document()
    if where == "article":
        document["articles"][0]["text"] += bad
    else:
        document["events"][0]["analyst_note"] = f"see{bad}"
    with pytest.raises(ExportFormatError) as refused:
        read_export(document, "edited.json")
    assert "NUL" in str(refused.value) or "not valid Unicode" in str(refused.value)


def test_an_ingest_of_an_edited_export_refuses_it_in_one_line_and_goes_on(tmp_path):
    document = _document()
    document["events"][0]["char_end"] = 2**70
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-edited.json").write_text(json.dumps(document), encoding="utf-8")
    (folder / "b.json").write_text(json.dumps(
        {"text": "SEOUL, Sept. 12, 2023 - Kim arrived on Tuesday.", "published": "2023-09-12"}),
        encoding="utf-8")
    with open_repository(str(tmp_path / "db.sqlite3")) as repo:
        summary = ingest_paths([folder], repo)
        assert summary.added == 1
        ((name, reason),) = summary.refused
        assert name.endswith("a-edited.json") and "char_end" in reason and "\n" not in reason
        assert len(repo.list_articles()) == 1


def test_reviewed_at_is_written_as_utc_and_read_back_as_stored():
    document = _document()
    stamps = [event["reviewed_at"] for event in document["events"] if event["reviewed_at"]]
    assert "2023-09-14T10:30:05+00:00" in stamps
    assert all(stamp.endswith("+00:00") for stamp in stamps)
    reviewed = {event.reviewed_at for _article, events in read_export(document)
                for event in events}
    wanted = {event.reviewed_at for event in samples.sample_events()}
    assert reviewed == wanted  # naive UTC again, as the store keeps it
