"""The window's state (ui/state/) is plain data: importing every module of it, in a
fresh interpreter, loads no Qt, so it is tested and used without a window."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
STATE = ROOT / "ui" / "state"


def test_importing_every_state_module_loads_no_qt():
    modules = sorted(".".join(path.relative_to(ROOT).with_suffix("").parts)
                     for path in STATE.glob("*.py"))
    assert "ui.state.listing" in modules and "ui.state.filters" in modules
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(','.join(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'PyQt5', 'PyQt6')))\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
