"""The store is reached only through the gateway: no module under ui/ but the worker
(ui/tasks.py) and the gateway (ui/gateway.py) imports timeline.store, and the window
holds no repository."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

UI = Path(__file__).resolve().parents[2] / "ui"
ALLOWED = {"tasks.py", "gateway.py"}


def _imports_store(path: Path) -> bool:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            if any(alias.name.startswith("timeline.store") for alias in node.names):
                return True
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.startswith("timeline.store"):
                return True
            if node.module == "timeline" and any(a.name == "store" for a in node.names):
                return True
    return False


def test_only_the_worker_and_the_gateway_import_the_store():
    importers = sorted(str(path.relative_to(UI)) for path in UI.rglob("*.py")
                       if _imports_store(path))
    assert set(importers) <= ALLOWED, importers
    assert "gateway.py" in importers  # the check sees an import where there is one


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # offscreen platform's note
def test_the_window_keeps_no_repository(window):
    assert not hasattr(window, "repo")
    for name in ("session", "transfer", "model", "inspector", "source_pane"):
        assert not hasattr(getattr(window, name), "repo"), name
