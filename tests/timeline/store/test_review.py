"""Review operations: versioned, audited, and refused when based on a stale version."""

from __future__ import annotations

import getpass
import threading
from datetime import UTC, datetime, timedelta

import pytest

from timeline.model import Granularity, Status
from timeline.store import ConflictError, NotFoundError, StoreError, open_repository


@pytest.fixture
def event(repo, make_article, make_event):
    """One stored unreviewed event."""
    repo.add_article(make_article(), [], [make_event()])
    return repo.list_events()[0]


def changes(history):
    return [(review.field, review.old_value, review.new_value) for review in history]


def test_accept_bumps_the_version_stamps_the_review_and_audits_the_status(repo, event):
    before = datetime.now(UTC).replace(tzinfo=None) - timedelta(seconds=5)
    accepted = repo.accept(event.id, expected_version=1, actor="analyst-a")

    assert accepted.status is Status.ACCEPTED
    assert accepted.version == 2
    assert accepted.reviewed_at is not None and accepted.reviewed_at >= before
    assert repo.get_event(event.id) == accepted
    [review] = repo.history(event.id)
    assert (review.event_id, review.field, review.old_value, review.new_value, review.actor) == (
        event.id, "status", "unreviewed", "accepted", "analyst-a")
    assert review.at == accepted.reviewed_at


def test_the_actor_defaults_to_the_logged_in_user(repo, event):
    repo.reject(event.id, expected_version=1)
    assert [review.actor for review in repo.history(event.id)] == [getpass.getuser()]
    assert repo.get_event(event.id).status is Status.REJECTED


def test_correct_writes_one_audit_row_per_changed_field(repo, event):
    corrected = repo.correct(
        event.id,
        expected_version=1,
        earliest=datetime(2023, 9, 9),
        latest=datetime(2023, 9, 11),
        granularity=Granularity.DAY,  # unchanged: no row for it
        timex_value="2023-09-09/2023-09-10",
        actor="analyst-a",
    )
    assert (corrected.status, corrected.version) == (Status.CORRECTED, 2)
    assert (corrected.earliest, corrected.latest) == (datetime(2023, 9, 9), datetime(2023, 9, 11))
    # latest and granularity did not change: no rows for them.
    assert changes(repo.history(event.id)) == [
        ("status", "unreviewed", "corrected"),
        ("earliest", "2023-09-10 00:00:00", "2023-09-09 00:00:00"),
        ("timex_value", "2023-09-10", "2023-09-09/2023-09-10"),
    ]


def test_a_backwards_correction_is_refused_and_changes_nothing(repo, event):
    with pytest.raises(StoreError, match="before it starts"):
        repo.correct(event.id, expected_version=1, earliest=datetime(2023, 9, 12),
                     latest=datetime(2023, 9, 10), granularity=Granularity.DAY)
    assert repo.get_event(event.id) == event
    assert repo.history(event.id) == []


def test_annotate_sets_the_note_and_keeps_the_status(repo, event):
    noted = repo.annotate(event.id, expected_version=1, note="check the KCNA wording")
    assert (noted.note, noted.status, noted.version) == (
        "check the KCNA wording", Status.UNREVIEWED, 2)
    assert changes(repo.history(event.id)) == [("note", None, "check the KCNA wording")]


def test_a_stale_version_from_a_second_connection_is_a_conflict_and_changes_nothing(
    db_url, repo, event
):
    with open_repository(db_url) as other_desk:
        seen_by_other = other_desk.get_event(event.id)
        repo.accept(event.id, expected_version=event.version, actor="analyst-a")

        with pytest.raises(ConflictError) as raised:
            other_desk.reject(event.id, expected_version=seen_by_other.version, actor="analyst-b")

        assert raised.value.current.status is Status.ACCEPTED
        assert raised.value.current.version == 2
        assert "reload" in str(raised.value)
        # The other desk retries on the fresh version and wins fairly.
        rejected = other_desk.reject(event.id, expected_version=raised.value.current.version,
                                     actor="analyst-b")
    assert rejected.version == 3
    assert [(r.actor, r.new_value) for r in repo.history(event.id)] == [
        ("analyst-a", "accepted"), ("analyst-b", "rejected")]


@pytest.mark.parametrize("operation", ["accept", "reject", "annotate", "correct", "restore"])
def test_every_operation_refuses_a_stale_version(repo, event, operation):
    repo.annotate(event.id, expected_version=1, note="first look")
    arguments = {
        "accept": {},
        "reject": {},
        "annotate": {"note": "stale note"},
        "correct": {"earliest": datetime(2023, 1, 1), "latest": datetime(2023, 1, 2),
                    "granularity": Granularity.DAY},
        "restore": {"state": event},
    }[operation]
    current = repo.get_event(event.id)
    with pytest.raises(ConflictError):
        getattr(repo, operation)(event.id, expected_version=1, **arguments)
    assert repo.get_event(event.id) == current
    assert len(repo.history(event.id)) == 1


def test_two_desks_racing_on_one_version_one_wins_one_conflicts(db_url, repo, event):
    results: dict[str, object] = {}
    desks = {name: open_repository(db_url) for name in ("a", "b")}
    start_together = threading.Barrier(2, timeout=30)

    def review(name: str, operation: str) -> None:
        try:
            start_together.wait()
            results[name] = getattr(desks[name], operation)(
                event.id, expected_version=1, actor=name)
        except Exception as error:  # recorded and asserted on below
            results[name] = error

    threads = [threading.Thread(target=review, args=("a", "accept"), daemon=True),
               threading.Thread(target=review, args=("b", "reject"), daemon=True)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    for desk in desks.values():
        desk.close()

    errors = [result for result in results.values()
              if isinstance(result, Exception) and not isinstance(result, ConflictError)]
    assert errors == []
    conflicts = [name for name, result in results.items() if isinstance(result, ConflictError)]
    assert len(results) == 2 and len(conflicts) == 1
    [winner] = set(results) - set(conflicts)
    final = repo.get_event(event.id)
    assert final.version == 2
    assert final.status is (Status.ACCEPTED if winner == "a" else Status.REJECTED)
    assert [review.actor for review in repo.history(event.id)] == [winner]


def test_restore_puts_the_earlier_state_back_and_audits_it(repo, event):
    corrected = repo.correct(event.id, expected_version=1, earliest=datetime(2023, 9, 9),
                             latest=datetime(2023, 9, 10), granularity=Granularity.DAY,
                             timex_value="2023-09-09")
    noted = repo.annotate(event.id, expected_version=corrected.version, note="moved a day")

    undone = repo.restore(event.id, expected_version=noted.version, state=event)

    assert undone.version == 4
    for field in ("status", "earliest", "latest", "granularity", "timex_value", "note"):
        assert getattr(undone, field) == getattr(event, field)
    assert undone.reviewed_at is None  # back to unreviewed: no longer reviewed
    assert changes(repo.history(event.id))[-5:] == [
        ("status", "corrected", "unreviewed"),
        ("earliest", "2023-09-09 00:00:00", "2023-09-10 00:00:00"),
        ("latest", "2023-09-10 00:00:00", "2023-09-11 00:00:00"),
        ("timex_value", "2023-09-09", "2023-09-10"),
        ("note", "moved a day", None),
    ]
    # Redo: the corrected state comes back too.
    redone = repo.restore(event.id, expected_version=undone.version, state=noted)
    assert (redone.status, redone.earliest, redone.note) == (
        Status.CORRECTED, datetime(2023, 9, 9), "moved a day")
    assert redone.reviewed_at is not None


def test_a_review_of_a_missing_event_is_not_found(repo):
    with pytest.raises(NotFoundError):
        repo.accept(999, expected_version=1)
    assert repo.history(999) == []


def test_accepting_twice_bumps_the_version_but_audits_no_unchanged_field(repo, event):
    first = repo.accept(event.id, expected_version=1)
    second = repo.accept(event.id, expected_version=first.version)
    assert (second.status, second.version) == (Status.ACCEPTED, 3)
    assert second.reviewed_at >= first.reviewed_at
    assert changes(repo.history(event.id)) == [("status", "unreviewed", "accepted")]


def test_a_blank_note_clears_the_note(repo, event):
    noted = repo.annotate(event.id, expected_version=1, note="check")
    cleared = repo.annotate(event.id, expected_version=noted.version, note="   ")
    assert cleared.note is None
    assert changes(repo.history(event.id)) == [("note", None, "check"), ("note", "check", None)]
