"""The lint and type ratchet (.ci/ratchet.py): a count above the committed one fails,
one below it fails too and asks for the file to be lowered, equal counts pass."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / ".ci" / "ratchet.py"


def _ratchet():
    spec = importlib.util.spec_from_file_location("ratchet", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_equal_counts_pass_and_a_rise_or_a_fall_is_reported():
    ratchet = _ratchet()
    committed = {"ruff": {"timeline": 3, "ui": 5}, "mypy": {"timeline": 0, "ui": 9}}
    assert ratchet.compare(committed, committed) == []
    risen = {"ruff": {"timeline": 4, "ui": 5}, "mypy": {"timeline": 0, "ui": 9}}
    assert ratchet.compare(risen, committed) == [
        "ruff timeline: 4 findings, 3 allowed: fix the new ones"]
    fallen = {"ruff": {"timeline": 3, "ui": 5}, "mypy": {"timeline": 0, "ui": 7}}
    [line] = ratchet.compare(fallen, committed)
    assert "down from 9" in line and "--write" in line


def test_the_committed_counts_name_every_package_for_both_tools():
    committed = json.loads((ROOT / ".ci" / "ratchet.json").read_text(encoding="utf-8"))
    assert set(committed) == {"ruff", "mypy"}
    for counts in committed.values():
        assert set(counts) == {"timeline", "ui"}
        assert all(isinstance(count, int) and count >= 0 for count in counts.values())


def test_mypy_error_lines_are_charged_to_their_package():
    ratchet = _ratchet()
    output = ("timeline/model.py:3: error: Missing return  [no-untyped-def]\n"
              "ui/app.py:10:5: error: Bad  [misc]\n"
              "ui/app.py:11: note: See here\n")
    paths = [match["path"] for match in ratchet.MYPY_ERROR.finditer(output)]
    assert [ratchet._package_of(path) for path in paths] == ["timeline", "ui"]
