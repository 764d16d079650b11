"""What the status bar says while an import runs: the bar and its line from one count.

The bar used to work out its own percentage (Qt's %p%) while the line counted files in
words; an analyst read the two side by side and they did not match. Both now come from
``progress_report``, and the line names the file just finished, not one in hand.
"""

from __future__ import annotations

from pathlib import PurePath


def progress_report(done: int, total: int, last: str = "", pace: str = "") -> tuple[int, str]:
    """Return (percent, line) for ``done`` of ``total`` articles stored, ``last`` the
    file of the article finished last and ``pace`` the rate and time left: the percent is
    whole articles done (rounded down, so 100% only at the end) and the line says the
    same ("Imported 2 of 3 articles (66%) · b.txt (4.1 articles/s, 0:01 left)")."""
    percent = done * 100 // total if total > 0 else 0
    articles = "article" if total == 1 else "articles"
    line = f"Imported {done} of {total} {articles} ({percent}%)"
    name = PurePath(last).name if last else ""
    if name and pace:
        name = f"{name} ({pace})"
    return percent, f"{line} · {name}" if name else line
