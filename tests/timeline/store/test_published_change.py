"""apply_published_change: untouched events follow the new date, reviewed ones stay."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import create_engine, select

from timeline.model import Granularity, Status
from timeline.store import NotFoundError, PublishedChange, open_repository
from timeline.store.schema import ArticleRow, EventRow, MentionRow, ReviewRow


def snapshot(url: str) -> dict[str, list[tuple]]:
    """Every row of every table, read past the repository."""
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return {
                row.__tablename__: sorted(tuple(r) for r in connection.execute(
                    select(row.__table__)))
                for row in (ArticleRow, MentionRow, EventRow, ReviewRow)
            }
    finally:
        engine.dispose()


@pytest.fixture
def article(repo, make_article, make_event, make_mention):
    """An article dated Tue 12 Sep 2023 with four events: two reviewed or noted, two not."""
    events = [
        # "on Sunday", sentence at 0, expression at 22: untouched, will move.
        make_event(title="Kim leaves", char_start=0, expr_start=22),
        # Sentence at 40: the analyst accepted it.
        make_event(datetime(2023, 9, 11), title="Putin arrives", char_start=40, expr_start=60),
        # Sentence at 80: untouched, disappears with the new date.
        make_event(datetime(2023, 9, 12), title="Report", char_start=80, expr_start=90),
        # Sentence at 120: unreviewed but annotated, so touched.
        make_event(datetime(2023, 9, 9), title="Noted", char_start=120, expr_start=130),
        # Sentence at 160: a year, same under either date.
        make_event(title="Summit", char_start=160, expr_start=170, earliest=datetime(2019, 1, 1),
                   latest=datetime(2020, 1, 1), granularity=Granularity.YEAR, timex_value="2019"),
    ]
    outcome = repo.add_article(make_article(), [make_mention()], events)
    stored = {event.title: event for event in repo.list_events()}
    repo.accept(stored["Putin arrives"].id, expected_version=1, actor="analyst-a")
    repo.annotate(stored["Noted"].id, expected_version=1, note="keep", actor="analyst-a")
    return outcome.article_id, {event.title: event for event in repo.list_events()}


def retagged(make_event, make_mention):
    """What the tagger gives against the new date, Tue 19 Sep 2023."""
    events = [
        make_event(datetime(2023, 9, 17), title="Kim leaves", char_start=0, expr_start=22,
                   anchor="DCT 2023-09-19"),
        make_event(datetime(2023, 9, 18), title="Putin arrives", char_start=40, expr_start=60),
        make_event(datetime(2023, 9, 16), title="Noted", char_start=120, expr_start=130),
        make_event(title="Summit", char_start=160, expr_start=170, earliest=datetime(2019, 1, 1),
                   latest=datetime(2020, 1, 1), granularity=Granularity.YEAR, timex_value="2019"),
        make_event(datetime(2023, 9, 20), title="Next week's talks", char_start=200,
                   expr_start=210),
    ]
    mentions = [make_mention(value="2023-09-17", earliest=datetime(2023, 9, 17),
                             latest=datetime(2023, 9, 18))]
    return mentions, events


NEW_DATE = datetime(2023, 9, 19, 8, 0)


def test_a_dry_run_reports_the_change_and_writes_nothing(
    repo, db_url, article, make_event, make_mention
):
    article_id, before = article
    mentions, events = retagged(make_event, make_mention)
    rows_before = snapshot(db_url)

    change = repo.apply_published_change(article_id, NEW_DATE, mentions, events, dry_run=True)

    assert isinstance(change, PublishedChange)
    assert [(old.id, new.id, new.earliest) for old, new in change.moved] == [
        (before["Kim leaves"].id, before["Kim leaves"].id, datetime(2023, 9, 17))]
    assert [event.title for event in change.added] == ["Next week's talks"]
    assert change.added[0].id is None
    assert change.removed == [before["Report"]]
    assert change.kept_reviewed == [before["Putin arrives"], before["Noted"]]
    assert snapshot(db_url) == rows_before


def test_the_change_rewrites_untouched_events_and_keeps_reviewed_ones(
    repo, article, make_event, make_mention
):
    article_id, before = article
    mentions, events = retagged(make_event, make_mention)

    change = repo.apply_published_change(article_id, NEW_DATE, mentions, events, actor="analyst-b")

    after = {event.title: event for event in repo.list_events(article_ids=[article_id])}
    assert set(after) == {"Kim leaves", "Putin arrives", "Noted", "Summit", "Next week's talks"}
    moved = after["Kim leaves"]
    assert (moved.id, moved.version, moved.earliest, moved.anchor, moved.status) == (
        before["Kim leaves"].id, 2, datetime(2023, 9, 17), "DCT 2023-09-19", Status.UNREVIEWED)
    assert change.moved == [(before["Kim leaves"], moved)]
    assert after["Putin arrives"] == before["Putin arrives"]
    assert after["Noted"] == before["Noted"]
    assert after["Summit"] == before["Summit"]  # same resolution: not rewritten
    assert change.added == [after["Next week's talks"]]
    assert change.removed == [before["Report"]]
    assert change.kept_reviewed == [before["Putin arrives"], before["Noted"]]

    stored_article = repo.get_article(article_id)
    assert (stored_article.published, stored_article.dct_source) == (NEW_DATE, "analyst")
    assert repo.article_mentions(article_id) == mentions

    moved_history = [(r.field, r.new_value, r.actor) for r in repo.history(moved.id)]
    assert ("earliest", "2023-09-17 00:00:00", "analyst-b") in moved_history
    assert ("anchor", "DCT 2023-09-19", "analyst-b") in moved_history
    flagged = repo.history(before["Putin arrives"].id)[-1]
    assert (flagged.field, flagged.old_value, flagged.new_value) == (
        "article.published", "2023-09-12 08:00:00", "2023-09-19 08:00:00")


def test_an_unknown_article_is_not_found(repo):
    with pytest.raises(NotFoundError):
        repo.apply_published_change(4242, NEW_DATE, [], [])


def test_reviewing_after_a_dry_run_is_respected_by_the_real_run(
    db_url, repo, article, make_event, make_mention
):
    article_id, before = article
    mentions, events = retagged(make_event, make_mention)
    preview = repo.apply_published_change(article_id, NEW_DATE, mentions, events, dry_run=True)
    assert [old.title for old, _ in preview.moved] == ["Kim leaves"]
    # Another desk accepts the event between the preview and the change.
    with open_repository(db_url) as other_desk:
        accepted = other_desk.accept(before["Kim leaves"].id, expected_version=1)

    change = repo.apply_published_change(article_id, NEW_DATE, mentions, events)

    assert change.moved == []
    assert accepted in change.kept_reviewed
    assert repo.get_event(accepted.id) == accepted


def test_a_bare_date_becomes_midnight_and_an_empty_retag_removes_the_untouched(repo, article):
    article_id, _ = article
    repo.apply_published_change(article_id, date(2023, 9, 20), [], [])
    assert repo.get_article(article_id).published == datetime(2023, 9, 20)
    # No new events: only the touched ones are left.
    assert sorted(e.title for e in repo.list_events(article_ids=[article_id])) == [
        "Noted", "Putin arrives"]
    assert repo.article_mentions(article_id) == []
