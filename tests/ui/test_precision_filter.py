"""The precision filter travels from the bar to the store query: a day query over 1-10
May 1999 lists the day's event, not the year's or the century's that overlap it."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Article, Granularity
from timeline.pipeline import ingest_article

from tests.ui.waiting import event_at

pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")

TEXT = ("Clinics have faced threats since the 1970s. In 1999 the protests grew. "
        "The doctor was shot on 3 May 1999 in Amherst.")


def test_day_or_finer_keeps_coarse_dates_out_of_a_day_query(qtbot, window, repo):
    ingest_article(Article(text=TEXT, published=datetime(1999, 5, 10), title="Shooting"), repo)
    bar = window.filter_bar
    bar.start_edit.setText("1 May 1999")
    bar.end_edit.setText("10 May 1999")
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        bar.start_edit.returnPressed.emit()
    shown = [event_at(qtbot, window, r) for r in range(window.model.rowCount())]
    assert {e.granularity for e in shown} >= {Granularity.DAY, Granularity.YEAR}
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        bar.precision_box.setCurrentIndex(bar.precision_box.findText("day or finer"))
    shown = [event_at(qtbot, window, r) for r in range(window.model.rowCount())]
    assert [e.expression for e in shown] == ["3 May 1999"]
    assert window.settings.load_filter().min_precision == Granularity.DAY
