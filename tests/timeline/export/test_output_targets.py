"""Where an export lands when -o names something odd: a symbolic link is written
through to its target, a pipe or device is written to directly (never replaced), and
only a regular file is swapped in whole by a rename."""

from __future__ import annotations

import importlib.util
import json
import os
import stat
import threading
from pathlib import Path

import pytest

from timeline.export import ExportError, export_to_path
from timeline.export.files import write_text_file

_spec = importlib.util.spec_from_file_location(
    "export_samples", Path(__file__).with_name("export_samples.py"))
samples = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(samples)


def _export(target) -> int:
    return export_to_path("json", samples.sample_events(), samples.sample_articles(), target)


def test_a_symlink_is_written_through_to_its_target_and_stays_a_link(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    _export(link)
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert json.loads(real.read_text(encoding="utf-8"))["events"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_a_symlink_to_a_file_not_yet_there_creates_the_target(tmp_path):
    (tmp_path / "sub").mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "sub" / "new.json")
    _export(link)
    assert link.is_symlink() and json.loads((tmp_path / "sub" / "new.json").read_text())


def test_a_device_is_written_to_directly_not_replaced(tmp_path):
    before = os.stat("/dev/null")
    _export("/dev/null")
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (
        before.st_ino, before.st_rdev)
    assert not [name for name in os.listdir("/dev") if name.startswith(".null.")]


def test_a_full_device_is_a_one_line_error():
    with pytest.raises(ExportError, match="No space left on device") as caught:
        _export("/dev/full")
    assert "\n" not in str(caught.value)
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_a_fifo_is_written_to_and_stays_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    # The reader opens the pipe at its own pace; the writer waits for it briefly.
    for _attempt in range(200):
        try:
            _export(fifo)
            break
        except ExportError as error:
            assert "no program reads" in str(error)
            threading.Event().wait(0.01)
    reader.join(10)
    assert json.loads(received[0])["events"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_fifo_nobody_reads_is_refused_without_hanging(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(ExportError, match="no program reads"):
        _export(fifo)
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_without_following_links_a_planted_link_is_replaced_not_written_through(tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me", encoding="utf-8")
    planted = tmp_path / "out.txt"
    planted.symlink_to(victim)
    write_text_file(planted, lambda out: out.write("tagged"), follow_links=False)
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not planted.is_symlink() and planted.read_text(encoding="utf-8") == "tagged"
