"""The review table's model over a real SQLite store: Qt's model checks, lazy fetching,
sorting, and row updates."""

from __future__ import annotations

from PySide6.QtCore import Qt

from timeline.model import Status
from ui.models.event_table import (
    ARTICLE, CONFIDENCE, DATE, EVENT_ID_ROLE, STATUS, TITLE, EventTableModel,
)


def _model(repo, **options):
    model = EventTableModel(repo.get_events, **options)
    model.set_ids([event.id for event in repo.list_events()])
    return model


def test_passes_qt_model_checks(qtmodeltester, repo, add_article):
    add_article(30)
    model = _model(repo, page_size=7)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 30


def test_fetches_rows_lazily_a_page_at_a_time(repo, add_article):
    add_article(500)
    model = _model(repo, page_size=50)
    assert model.fetch_count == 0  # ids only until a row is shown
    assert model.data(model.index(120, TITLE)) == "Synthetic event 120"
    assert model.fetch_count == 1
    model.data(model.index(149, TITLE))  # same page: no new fetch
    assert model.fetch_count == 1
    model.data(model.index(150, TITLE))
    assert model.fetch_count == 2


def test_cache_stays_bounded(repo, add_article):
    add_article(300)
    model = _model(repo, page_size=20, cache_limit=40)
    for row in range(0, 300, 10):
        model.data(model.index(row, TITLE))
    assert len(model._cache) <= 40
    assert model.data(model.index(0, TITLE)) == "Synthetic event 0"  # evicted rows come back


def test_sorts_by_confidence_and_back_to_time_order(repo, add_article):
    add_article(12)
    model = _model(repo)
    model.sort(CONFIDENCE, Qt.SortOrder.AscendingOrder)
    confidences = [float(model.data(model.index(r, CONFIDENCE))) for r in range(model.rowCount())]
    assert confidences == sorted(confidences)
    assert confidences[0] < confidences[-1]
    model.sort(DATE, Qt.SortOrder.DescendingOrder)
    assert model.data(model.index(0, TITLE)) == "Synthetic event 11"
    model.sort(DATE, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(0, TITLE)) == "Synthetic event 0"


def test_sort_keeps_row_of_in_step(repo, add_article):
    add_article(10)
    model = _model(repo)
    model.sort(TITLE, Qt.SortOrder.DescendingOrder)
    for row in range(model.rowCount()):
        event_id = model.data(model.index(row, 0), EVENT_ID_ROLE)
        assert model.row_of(event_id) == row


def test_shows_date_as_read_and_article_title(repo, add_article):
    article_id = add_article(3, title="Train report")
    model = _model(repo)
    model.set_article_titles({article_id: "Train report"})
    assert model.data(model.index(0, DATE)) == "Wed 1 Jan 2020"
    assert model.data(model.index(0, ARTICLE)) == "Train report"


def test_article_titles_tell_of_a_change_only_when_they_changed(qtbot, repo, add_article):
    article_id = add_article(3, title="Train report")
    model = _model(repo)
    model.set_article_titles({article_id: "Train report"})
    with qtbot.assertNotEmitted(model.dataChanged):
        model.set_article_titles({article_id: "Train report"})  # the same, given again
    with qtbot.waitSignal(model.dataChanged, timeout=1000):
        model.set_article_titles({article_id: "Train report #2"})
    assert model.data(model.index(0, ARTICLE)) == "Train report #2"


def test_update_event_changes_the_row(qtbot, repo, add_article):
    add_article(3)
    model = _model(repo)
    event = model.event_at(1)
    rejected = repo.reject(event.id, expected_version=event.version)
    with qtbot.waitSignal(model.dataChanged) as changed:
        model.update_event(rejected)
    assert changed.args[0].row() == 1
    assert model.data(model.index(1, STATUS)) == Status.REJECTED.value


def test_keys_from_the_listing_sort_like_fetched_keys(repo, add_article):
    from ui.models.event_table import ARTICLE, EXPRESSION, GRANULARITY, sort_keys_for

    article_id = add_article(25, title="Keyed")
    events = repo.list_events()
    keyed = EventTableModel(repo.get_events)
    keyed.set_ids([e.id for e in events], sort_keys_for(events, {article_id: "Keyed"}))
    fetched = _model(repo)
    for column in (GRANULARITY, EXPRESSION, TITLE, ARTICLE, STATUS, CONFIDENCE):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            keyed.sort(column, order)
            fetched.sort(column, order)
            assert keyed.ids() == fetched.ids(), (column, order)
    assert keyed.fetch_count == 0  # sorting needed no fetch


def test_a_row_removed_from_the_store_since_the_listing_shows_as_gone(repo, add_article):
    import sqlite3

    add_article(3)
    model = _model(repo)
    gone_id = model.id_at(1)
    # Another program (another analyst's publication-date change, in team mode) removes
    # the event after the listing and before its row is first shown.
    connection = sqlite3.connect(repo.url.removeprefix("sqlite:///"))
    try:
        connection.execute("DELETE FROM events WHERE id = ?", (gone_id,))
        connection.commit()
    finally:
        connection.close()
    assert model.event_at(1) is None
    assert model.data(model.index(1, TITLE)) == "(no longer in the database)"
    assert model.data(model.index(1, STATUS)) is None
    assert model.data(model.index(0, TITLE)) == "Synthetic event 0"  # its neighbours still show


def test_a_corrected_date_reads_as_in_the_exports_without_the_taggers_modifier(repo):
    from datetime import datetime

    from timeline.export.rows import date_display
    from timeline.model import Article, Event, Granularity

    text = "The ceasefire began early on Monday."
    event = Event(title="Ceasefire begins", description=text, char_start=0, char_end=len(text),
                  expression="early on Monday", expr_start=20, expr_end=35, timex_type="DATE",
                  timex_value="2023-09-11", mod="START", earliest=datetime(2023, 9, 11),
                  latest=datetime(2023, 9, 12), granularity=Granularity.DAY, confidence=0.8,
                  explanation="test")
    repo.add_article(Article(text=text, published=datetime(2023, 9, 12)), [], [event])
    model = _model(repo)
    assert model.data(model.index(0, DATE)) == "Mon 11 Sep 2023, early"  # the tagger's reading
    stored = repo.list_events()[0]
    corrected = repo.correct(stored.id, expected_version=stored.version,
                             earliest=datetime(2023, 9, 13), latest=datetime(2023, 9, 14),
                             granularity=Granularity.DAY)
    model.update_event(corrected)
    assert model.data(model.index(0, DATE)) == "Wed 13 Sep 2023" == date_display(corrected)
