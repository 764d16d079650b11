"""While a folder is imported, the status line and the progress bar tell the same count:
the line's percentage is the bar's, from files done, and ends at 100%."""

from __future__ import annotations

import re

import pytest

from ui.state.import_progress import progress_report

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def test_the_line_and_the_bar_say_the_same_percentage(qtbot, window, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(1, 4):  # thirds: 33% and 66%, where two roundings part
        (folder / f"2021-03-0{number}-report-{number}.txt").write_text(
            f"The council met on Monday about item {number}.", encoding="utf-8")
    seen = []
    window.noticeShown.connect(
        lambda line: seen.append((line, window.import_progress.text())))
    with qtbot.waitSignal(window.transfer.importFinished, timeout=60_000):
        window.transfer.import_paths([folder])
    counted = [(line, bar) for line, bar in seen if line.startswith("Imported ")
               and " of " in line and "%" in line]
    assert [line.split(" · ")[0] for line, _bar in counted] == [
        "Imported 0 of 3 articles (0%)", "Imported 1 of 3 articles (33%)",
        "Imported 2 of 3 articles (66%)", "Imported 3 of 3 articles (100%)"]
    for line, bar in counted:
        assert re.search(r"\((\d+%)\)", line).group(1) == bar
    # The file just done, then the rate and the time left.
    assert re.search(r"· 2021-03-03-report-3\.txt \(.*left\)$", counted[-1][0]), counted[-1][0]


def test_progress_report_counts_whole_files():
    assert progress_report(0, 0) == (0, "Imported 0 of 0 articles (0%)")
    assert progress_report(89, 90, "/a/b.txt") == (98, "Imported 89 of 90 articles (98%) · b.txt")
    assert progress_report(2, 3, "b.txt", "4.1 articles/s, 0:01 left") == (
        66, "Imported 2 of 3 articles (66%) · b.txt (4.1 articles/s, 0:01 left)")
    assert progress_report(1, 1)[0] == 100
