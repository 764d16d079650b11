"""The window's other flows on real SQLite files: a publication-date change previewed
before it applies (reviewed events never move), a pasted article, a conflicting change
from elsewhere, and filters remembered between runs."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.model import Article, Status
from timeline.store import open_repository
from ui.app import SEEDS
from ui.dialogs.publication_date import PublicationDateDialog
from ui.main_window import MainWindow

from tests.ui.waiting import current_event, event_at, settle

# The offscreen platform notes that it cannot pass size hints on for a shown main
# window; that is the platform, not the app, so it does not fail these tests.
pytestmark = pytest.mark.qt_log_ignore("does not support propagateSizeHints")


def _open(qtbot, repo, settings):
    window = MainWindow(repo, settings=settings, actor="analyst")
    qtbot.addWidget(window)
    return window


@pytest.fixture
def seeded(qtbot, repo, settings):
    window = _open(qtbot, repo, settings)
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.transfer.import_paths([SEEDS])
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=30_000)
    yield window
    window.close()


def _select_kim_leaving(qtbot, window):
    """Select the event hung on "Sunday": Kim leaves for Russia."""
    for row in range(window.model.rowCount()):
        if event_at(qtbot, window, row).expression == "Sunday":
            window.table.selectRow(row)
            return current_event(qtbot, window)
    raise AssertionError("no Sunday event")


def test_publication_date_change_previews_and_never_moves_reviewed(qtbot, seeded, repo):
    kim = _select_kim_leaving(qtbot, seeded)
    seeded.review.accept()
    settle(qtbot, seeded)
    putin = next(e for e in repo.list_events() if e.expression == "Monday")
    dialog = PublicationDateDialog(repo.get_article(kim.article_id), lambda _d: None)
    qtbot.addWidget(dialog)
    new_date = datetime(2023, 9, 19)
    before = {e.id: e for e in repo.list_events()}

    seeded.transfer.preview_published(kim.article_id, new_date, dialog)
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=30_000)
    rows = [dialog.changes.topLevelItem(i) for i in range(dialog.changes.topLevelItemCount())]
    kinds = {row.text(1): row.text(0) for row in rows}
    assert kinds[kim.title] == "kept (reviewed)"
    assert any(kind == "moves" for kind in kinds.values())
    assert kinds[putin.title] == "moves"  # Monday the 11th becomes Monday the 18th
    met = next(e for e in before.values() if e.expression == "2019")
    assert kinds[met.title] == "same date"  # "2019" reads the same against any date
    assert "keep their date" in dialog.message.text()
    assert {e.id: e for e in repo.list_events()} == before  # a preview changes nothing

    with qtbot.waitSignal(seeded.transfer.publishedChanged, timeout=30_000):
        seeded.transfer.apply_published(kim.article_id, new_date)
    after = repo.get_event(kim.id)
    assert (after.status, after.earliest) == (Status.ACCEPTED, kim.earliest)
    moved = [e for e in repo.list_events() if e.expression == "Monday"]
    assert moved and moved[0].earliest == datetime(2023, 9, 18) != putin.earliest
    assert repo.get_article(kim.article_id).published == new_date


def test_pasted_article_is_imported_and_listed(qtbot, repo, settings):
    window = _open(qtbot, repo, settings)
    article = Article(text="The bridge reopened on Monday after repairs.",
                      published=datetime(2024, 5, 8),
                      title="Bridge reopens", url="https://example.org/bridge", dct_source="pasted")
    with qtbot.waitSignal(window.transfer.importFinished, timeout=30_000) as finished:
        window.transfer.import_article(article)
    assert finished.args[0].added == 1
    qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=30_000)
    event = event_at(qtbot, window, 0)
    assert event.expression == "Monday" and event.earliest == datetime(2024, 5, 6)
    window.close()


def test_change_made_elsewhere_is_refused_and_fresh_value_shown(qtbot, seeded, repo):
    kim = _select_kim_leaving(qtbot, seeded)
    other = open_repository(repo.url)  # another window or analyst
    try:
        other.reject(kim.id, expected_version=kim.version, actor="colleague")
    finally:
        other.close()
    with qtbot.waitSignal(seeded.noticeShown) as notice:
        seeded.review.accept()  # this window still shows the old version
    settle(qtbot, seeded)
    assert "changed elsewhere" in notice.args[0]
    assert "now rejected" in notice.args[0]  # what it became, said with the refusal
    assert repo.get_event(kim.id).status is Status.REJECTED
    assert seeded.current_event().status is Status.REJECTED  # the fresh value is shown
    assert seeded.inspector.shown("status").startswith("rejected")


def test_filters_and_order_are_remembered(qtbot, repo, settings, add_article):
    add_article(5)
    window = _open(qtbot, repo, settings)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.filter_bar.text_edit.setText("event 3")
        window.filter_bar.text_edit.returnPressed.emit()
    assert window.model.rowCount() == 1
    window.review.set_order("confidence")
    window.close()

    again = _open(qtbot, repo, settings)
    assert again.filter_bar.text_edit.text() == "event 3"
    assert again.review.order_mode == "confidence"
    with qtbot.waitSignal(again.loaded, timeout=30_000):
        again.reload()
    assert again.model.rowCount() == 1
    again.close()


def test_saved_article_filter_is_shown_once_articles_are_listed(qtbot, repo, settings, add_article):
    add_article(2, title="First")
    second = add_article(3, title="Second", text_prefix="Later. ")
    window = _open(qtbot, repo, settings)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()
    window.filter_bar.article_picker.set_chosen({second}, emit=True)
    qtbot.waitUntil(lambda: window.model.rowCount() == 3, timeout=30_000)
    window.close()

    again = _open(qtbot, repo, settings)
    with qtbot.waitSignal(again.loaded, timeout=30_000):
        again.reload()
    assert again.filter_bar.article_picker.chosen() == {second}
    assert again.model.rowCount() == 3
    again.close()


def test_the_canvas_layout_is_made_in_the_worker(qtbot, repo, settings, add_article,
                                                  monkeypatch):
    """The lane layout of a listing (the slow part at 100,000 events) is built on the
    worker thread and used as is; a layout for the other hide-rejected setting is not."""
    import threading

    import ui.listing_flow as flow_module
    import ui.state.held as held_module

    add_article(6)
    built = []
    real_build_layout = held_module.build_layout

    def recording_build_layout(events, hide_rejected=False, lane_order=()):
        layout = real_build_layout(events, hide_rejected, lane_order)  # the real one, watched
        built.append((threading.current_thread(), layout))
        return layout

    monkeypatch.setattr(held_module, "build_layout", recording_build_layout)
    monkeypatch.setattr(flow_module, "build_layout", recording_build_layout)
    window = _open(qtbot, repo, settings)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()
        assert window.progress_label.text() == "Listing events…"  # not "No events" yet
    assert window.progress_label.text() == "0 of 6 reviewed"
    thread, layout = built[-1]
    assert thread is not threading.main_thread()
    assert window.canvas.canvas_layout() is layout
    assert len(layout.events) == 6

    event = repo.list_events()[0]
    repo.reject(event.id, expected_version=event.version)
    window.actions_by_name["hideRejected"].trigger()  # hide rejected from now on
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()
    assert built[-1][1].hide_rejected
    assert window.canvas.canvas_layout() is built[-1][1]
    assert event.id not in {shown.id for shown in window.canvas.canvas_layout().events}
    window.close()


def test_a_new_filter_brings_its_events_into_view(qtbot, repo, settings, add_article):
    from ui.canvas import scale
    from ui.state.filters import EventFilter

    add_article(3, title="Old", start=datetime(1990, 1, 1))
    recent = add_article(3, title="Recent", start=datetime(2020, 1, 1), text_prefix="Later. ")
    window = _open(qtbot, repo, settings)
    window.resize(1200, 800)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()
    window.canvas.zoom_to(datetime(1989, 12, 1), datetime(1990, 2, 1))  # the old story
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.set_filter(EventFilter(article_ids=frozenset({recent})))
    view, width = window.canvas.viewport(), window.canvas.time_width()
    shown = window.canvas.canvas_layout().events
    assert len(shown) == 3
    for event in shown:
        assert 0 <= view.x_of(scale.to_days(event.start)) <= width
    window.close()


def test_a_reviewed_event_of_an_untitled_article_stays_in_its_lane(qtbot, repo, settings,
                                                                   add_article):
    untitled = add_article(3, title="")
    window = _open(qtbot, repo, settings)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()
    first = repo.list_events()[0]

    def lane_of(event_id):
        return next(e.group for e in window.canvas.canvas_layout().events if e.id == event_id)

    lane = lane_of(first.id)
    assert lane.startswith(f"article {untitled} — ")  # named with its date
    window.select_event(first.id)
    window.review.accept()
    settle(qtbot, window)
    assert repo.get_event(first.id).status is Status.ACCEPTED
    assert lane_of(first.id) == lane
    window.close()


def test_a_new_listing_keeps_the_selection_and_leaves_the_view_alone(qtbot, repo, settings,
                                                                      add_article):
    add_article(3, title="Old", start=datetime(1990, 1, 1))
    add_article(3, title="Recent", start=datetime(2020, 1, 1), text_prefix="Later. ")
    window = _open(qtbot, repo, settings)
    window.resize(1200, 800)
    window.show()
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()
    first = repo.list_events()[0]  # in 1990
    window.select_event(first.id)
    window.canvas.zoom_to(datetime(2019, 12, 1), datetime(2020, 2, 1))  # the analyst looks away
    view = window.canvas.viewport()
    before = (view.t0, view.px_per_day)
    with qtbot.waitSignal(window.loaded, timeout=30_000):
        window.reload()  # as after an import
    assert window.current_id == first.id
    assert window.canvas.selected_ids() == [first.id]
    assert window.selected_ids() == [first.id]
    view = window.canvas.viewport()
    assert (view.t0, view.px_per_day) == before
    window.close()
