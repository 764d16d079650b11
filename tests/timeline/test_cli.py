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


def _stored_database(tmp_path: Path) -> Path:
    database = tmp_path / "t.sqlite3"
    seed = ROOT / "seeds" / "kim-jong-un-arrives-in-russia.txt"
    done = subprocess.run([sys.executable, "-m", "timeline", "ingest", str(seed), "--db",
                           str(database)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return database


def test_a_full_stdout_is_one_line_not_a_traceback(tmp_path):
    database = _stored_database(tmp_path)
    for argv in (["events"], ["events", "--format", "json"], ["export"],
                 ["export", "--format", "json"]):
        with open("/dev/full", "w") as full:
            done = subprocess.run([sys.executable, "-m", "timeline", *argv, "--db", str(database)],
                                  stdout=full, stderr=subprocess.PIPE, text=True, cwd=ROOT,
                                  timeout=120)
        assert done.returncode == 1, (argv, done.stderr)
        assert "Traceback" not in done.stderr and "Exception ignored" not in done.stderr
        assert done.stderr.strip().splitlines() == [
            "timeline: cannot write the output: No space left on device"], argv
