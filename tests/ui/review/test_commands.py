"""Review commands save through the store gateway (on the worker), undo and redo through
the store, and never overwrite a change made elsewhere (a second repository on the same
file stands for another window). Each step is awaited before the store is read."""

from __future__ import annotations

from datetime import datetime

from timeline.model import Granularity, Status
from timeline.store import open_repository
from ui.gateway import StoreGateway
from ui.review.commands import ReviewSession
from ui.tasks import TaskManager


def _settle(qtbot, session):
    qtbot.waitUntil(session.is_settled, timeout=10_000)


def _first(repo):
    return repo.list_events()[0]


def test_accept_saves_at_once_and_undo_redo_restore(qtbot, repo, gateway, add_article):
    add_article(2)
    session = ReviewSession(gateway, actor="analyst")
    event = _first(repo)
    session.accept(event)
    _settle(qtbot, session)
    assert repo.get_event(event.id).status is Status.ACCEPTED
    session.undo()
    _settle(qtbot, session)
    assert repo.get_event(event.id).status is Status.UNREVIEWED
    session.redo()
    _settle(qtbot, session)
    assert repo.get_event(event.id).status is Status.ACCEPTED
    fields = [review.field for review in repo.history(event.id)]
    assert fields.count("status") == 3  # accept, undo, redo: each audited


def test_correct_then_undo_puts_the_old_interval_back(qtbot, repo, gateway, add_article):
    add_article(1)
    session = ReviewSession(gateway)
    event = _first(repo)
    session.correct(event, datetime(2020, 2, 1), datetime(2020, 3, 1), Granularity.MONTH)
    _settle(qtbot, session)
    corrected = repo.get_event(event.id)
    assert (corrected.status, corrected.earliest, corrected.granularity) == (
        Status.CORRECTED, datetime(2020, 2, 1), Granularity.MONTH)
    session.undo()
    _settle(qtbot, session)
    restored = repo.get_event(event.id)
    assert (restored.status, restored.earliest, restored.latest, restored.granularity) == (
        Status.UNREVIEWED, event.earliest, event.latest, event.granularity)


def test_note_is_saved_and_undone(qtbot, repo, gateway, add_article):
    add_article(1)
    session = ReviewSession(gateway)
    event = _first(repo)
    session.annotate(event, "check against the Kyodo wire")
    _settle(qtbot, session)
    assert repo.get_event(event.id).note == "check against the Kyodo wire"
    session.undo()
    _settle(qtbot, session)
    assert repo.get_event(event.id).note in (None, "")


def test_stale_change_is_refused_and_fresh_value_shown(qtbot, repo, gateway, add_article, tmp_path):
    add_article(1)
    session = ReviewSession(gateway)
    seen = _first(repo)
    other = open_repository(repo.url)  # another window on the same database
    try:
        other.reject(seen.id, expected_version=seen.version, actor="colleague")
    finally:
        other.close()
    with qtbot.waitSignal(session.refused) as refused:
        session.accept(seen)  # the window still holds the old version
    _settle(qtbot, session)
    message, current = refused.args
    assert "changed elsewhere" in message
    assert current.status is Status.REJECTED
    assert repo.get_event(seen.id).status is Status.REJECTED  # nothing overwritten
    assert session.undo_stack.count() == 0  # the refused command left the stack


def test_undo_refused_when_changed_elsewhere_after(qtbot, repo, gateway, add_article):
    add_article(1)
    session = ReviewSession(gateway)
    event = _first(repo)
    session.accept(event)
    _settle(qtbot, session)
    accepted = repo.get_event(event.id)
    repo.annotate(event.id, expected_version=accepted.version, note="colleague's note",
                  actor="colleague")
    with qtbot.waitSignal(session.refused):
        session.undo()
        _settle(qtbot, session)
    fresh = repo.get_event(event.id)
    assert fresh.status is Status.ACCEPTED and fresh.note == "colleague's note"


def test_conflict_on_shared_postgresql(qtbot):
    """Team mode: two analysts on one PostgreSQL; the second, stale, change is refused."""
    import os
    import uuid

    import pytest

    from timeline.model import Article, Event

    url = os.environ.get("TIMELINE_TEST_PG_URL")
    if not url:
        if os.environ.get("TIMELINE_REQUIRE_PG") == "1":
            pytest.fail("TIMELINE_REQUIRE_PG=1 but TIMELINE_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL test server (TIMELINE_TEST_PG_URL)")
    mine, theirs = open_repository(url), open_repository(url)
    try:
        text = f"The talks resumed on Monday. ({uuid.uuid4()})"  # a new article each run
        event = Event(title="Talks resume", description=text, char_start=0, char_end=28,
                      expression="Monday", expr_start=20, expr_end=26, timex_type="DATE",
                      timex_value="2023-09-11", mod=None, earliest=datetime(2023, 9, 11),
                      latest=datetime(2023, 9, 12), granularity=Granularity.DAY,
                      confidence=0.8, explanation="test")
        article_id = mine.add_article(Article(text=text, published=datetime(2023, 9, 12)), [],
                                      [event]).article_id
        seen = mine.list_events(article_ids=[article_id])[0]
        tasks = TaskManager()
        session = ReviewSession(StoreGateway(mine, tasks), actor="analyst-one")
        theirs.correct(seen.id, expected_version=seen.version, earliest=datetime(2023, 9, 4),
                       latest=datetime(2023, 9, 5), granularity=Granularity.DAY,
                       actor="analyst-two")
        with qtbot.waitSignal(session.refused) as refused:
            session.reject(seen)
            _settle(qtbot, session)
        assert refused.args[1].status is Status.CORRECTED
        assert mine.get_event(seen.id).earliest == datetime(2023, 9, 4)
    finally:
        tasks.shutdown()
        mine.close()
        theirs.close()


def test_several_events_are_rejected_and_undone_as_one_step(qtbot, repo, gateway, add_article):
    add_article(4)
    session = ReviewSession(gateway)
    events = repo.list_events()[:3]
    session.reject_all(events)
    _settle(qtbot, session)
    assert [repo.get_event(e.id).status for e in events] == [Status.REJECTED] * 3
    assert session.undo_stack.count() == 1
    session.undo()
    _settle(qtbot, session)
    assert [repo.get_event(e.id).status for e in events] == [Status.UNREVIEWED] * 3


def test_two_changes_to_one_event_undo_and_redo_in_turn(qtbot, repo, gateway, add_article):
    """Undoing an older change after a newer one on the same event is not a conflict:
    the window itself moved the version on."""
    add_article(1)
    session = ReviewSession(gateway)
    refusals = []
    session.refused.connect(lambda message, _current: refusals.append(message))
    event = _first(repo)
    session.accept(event)
    _settle(qtbot, session)
    session.annotate(repo.get_event(event.id), "second look")
    _settle(qtbot, session)
    session.undo()
    _settle(qtbot, session)
    session.undo()
    _settle(qtbot, session)
    undone = repo.get_event(event.id)
    assert (undone.status, undone.note) == (Status.UNREVIEWED, None)
    session.redo()
    _settle(qtbot, session)
    session.redo()
    _settle(qtbot, session)
    redone = repo.get_event(event.id)
    assert (redone.status, redone.note) == (Status.ACCEPTED, "second look")
    assert refusals == []


def test_undo_past_a_change_made_elsewhere_is_refused(qtbot, repo, gateway, add_article):
    """Accept; a colleague adds a note; this window rejects the fresh event. Undoing the
    reject is this window's own; undoing the accept as well would wipe the colleague's
    note, so it is refused."""
    add_article(1)
    session = ReviewSession(gateway)
    refusals = []
    session.refused.connect(lambda message, _current: refusals.append(message))
    event = _first(repo)
    session.accept(event)
    _settle(qtbot, session)
    accepted = repo.get_event(event.id)
    repo.annotate(event.id, expected_version=accepted.version, note="colleague's note",
                  actor="colleague")
    session.reject(repo.get_event(event.id))  # the window shows the fresh event
    _settle(qtbot, session)
    session.undo()  # the reject: this window's own change on the fresh event
    _settle(qtbot, session)
    assert refusals == []
    assert repo.get_event(event.id).status is Status.ACCEPTED
    session.undo()  # the accept: from before the colleague's note
    _settle(qtbot, session)
    assert len(refusals) == 1 and "changed elsewhere" in refusals[0]
    kept = repo.get_event(event.id)
    assert (kept.status, kept.note) == (Status.ACCEPTED, "colleague's note")
