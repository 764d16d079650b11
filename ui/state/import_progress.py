"""What the status bar says while an import runs: the bar and its line from one count.

The bar used to work out its own percentage (Qt's %p%) while the line counted files in
words; an analyst read the two side by side and they did not match. Both now come from
``progress_report``, and the line names the file just finished, not one in hand.
"""

from __future__ import annotations

from pathlib import PurePath


def progress_report(done: int, total: int, last: str = "") -> tuple[int, str]:
    """Return (percent, line) for ``done`` of ``total`` files read, ``last`` the file
    finished last: the percent is whole files done (rounded down, so 100% only at the
    end) and the line says the same ("Imported 2 of 3 files (66%) · b.txt")."""
    percent = done * 100 // total if total > 0 else 0
    files = "file" if total == 1 else "files"
    line = f"Imported {done} of {total} {files} ({percent}%)"
    name = PurePath(last).name if last else ""
    return percent, f"{line} · {name}" if name else line
