"""The `timeline` dispatcher: building its parser loads no command's heavy libraries."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_building_the_parser_loads_neither_the_store_nor_the_tagger():
    # Every command registers its parser at start, so a library one command imports at
    # module level is paid by all (SQLAlchemy and Alembic were a fifth of a second).
    script = (
        "import sys\n"
        "from timeline.cli import build_parser\n"
        "build_parser()\n"
        "print(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'sqlalchemy', 'alembic', 'dateparser', 'PySide6'}))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
