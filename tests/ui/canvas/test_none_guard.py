"""PySide6 6.12 on Python 3.11 drops a reference to None on every Qt call that returns
nothing; the canvas gives None enough references on import that a session of drawing
never runs out. Run in fresh interpreters, since the failure aborts the process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
DRAW_A_LOT = """
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
sys.path.insert(0, {root!r})
from PySide6.QtCore import QRectF
from PySide6.QtGui import QGuiApplication, QImage, QPainter
app = QGuiApplication([])
if {guarded}:
    import ui.canvas.view  # gives None its headroom
image = QImage(64, 64, QImage.Format.Format_ARGB32_Premultiplied)
painter = QPainter(image)
for _ in range(300_000):
    painter.fillRect(QRectF(1, 1, 4, 4), 0)
painter.end()
print("drew")
"""


def _no_core_file() -> None:
    # The unguarded run aborts on purpose: leave no core dump behind.
    import resource

    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))


def run(guarded: bool, folder: Path) -> subprocess.CompletedProcess:
    script = DRAW_A_LOT.format(root=str(ROOT), guarded=guarded)
    return subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, cwd=folder,
        preexec_fn=_no_core_file if sys.platform != "win32" else None,
    )


def test_with_the_canvas_imported_many_qt_calls_are_safe(tmp_path):
    result = run(guarded=True, folder=tmp_path)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "drew"


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_without_it_the_same_calls_abort_on_this_python(tmp_path):
    result = run(guarded=False, folder=tmp_path)
    if result.returncode == 0:
        pytest.skip("this PySide6 build keeps None's count: the guard is no longer needed")
    assert "deallocating None" in result.stderr
