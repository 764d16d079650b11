"""Events become canvas rows with the date as read; open-ended ones are drawn at their one
bound with the open side marked, never as a made-up interval; unanchored ones stay off."""

from datetime import datetime

from timeline.model import Event, Granularity, Status
from ui.canvas.data import OPEN_AFTER, OPEN_BEFORE
from ui.state.canvas_rows import to_canvas_event


def _event(**changes):
    fields = dict(title="Kim left for Russia", description="Kim left for Russia on Sunday.",
                  char_start=0, char_end=30, expression="Sunday", expr_start=20, expr_end=26,
                  timex_type="DATE", timex_value="2023-09-10", mod=None,
                  earliest=datetime(2023, 9, 10), latest=datetime(2023, 9, 11),
                  granularity=Granularity.DAY, confidence=0.85, explanation="", id=7, article_id=1,
                  status=Status.CORRECTED)
    fields.update(changes)
    return Event(**fields)


def test_dated_event_becomes_a_canvas_row():
    row = to_canvas_event(_event(), "Kim article")
    assert (row.id, row.start, row.end, row.granularity, row.status, row.group) == (
        7, datetime(2023, 9, 10), datetime(2023, 9, 11), "day", "corrected", "Kim article")
    assert row.date_display == "Sun 10 Sep 2023"


def test_open_ended_events_are_drawn_at_their_bound_never_as_an_interval():
    after = to_canvas_event(_event(latest=None, open_ended=True), "a")
    assert (after.open_side, after.start, after.end) == (
        OPEN_AFTER, datetime(2023, 9, 10), datetime(2023, 9, 10))
    assert after.date_display.startswith("open-ended")
    before = to_canvas_event(_event(earliest=None, open_ended=True), "a")
    assert (before.open_side, before.start, before.end) == (
        OPEN_BEFORE, datetime(2023, 9, 11), datetime(2023, 9, 11))
    assert to_canvas_event(_event(), "a").open_side == ""


def test_events_with_no_bound_are_not_drawn():
    assert to_canvas_event(_event(earliest=None, latest=None), "a") is None


def test_a_held_row_keeps_what_the_canvas_draws_and_no_date_text():
    from timeline.store.heads import EventHead
    from ui.state.held import HeldListing

    head = EventHead(id=9, article_id=1, title="Kim left", expression="after the forum",
                     earliest=datetime(2023, 9, 10), latest=None, granularity=Granularity.DAY,
                     status=Status.REJECTED, confidence=0.4, mod=None)
    held = HeldListing(labels={1: "Kim article"})
    [row] = held.add([head])
    assert (row.id, row.start, row.end, row.open_side, row.status, row.group, row.expression) == (
        9, datetime(2023, 9, 10), datetime(2023, 9, 10), OPEN_AFTER, "rejected", "Kim article",
        "after the forum")
    # A million held rows carry no date text: nothing in the window reads it from them.
    assert row.date_display == ""
    assert held.confidences == {9: 0.4} and held.last_id == 9
