"""Where the painter puts titles: beside the dot, else on a free line below in the lane."""

from __future__ import annotations

from datetime import datetime, timedelta


from tests.ui.canvas.test_view import day_event
from ui.canvas.data import CanvasEvent

DAY = timedelta(days=1)


def _titles(canvas):
    canvas.repaint()
    return canvas.title_boxes()


def test_a_crowded_dot_gets_its_title_on_the_free_line_below(canvas):
    # The year 2019 and a day in it take two rows; March 2020 has the second row free.
    year = CanvasEvent(1, datetime(2019, 1, 1), datetime(2020, 1, 1), "year", "unreviewed",
                       "The year before", "Article")
    events = [year, day_event(2, datetime(2019, 1, 5)),
              day_event(3, datetime(2020, 3, 1)), day_event(4, datetime(2020, 3, 2))]
    canvas.set_events(events)
    canvas.zoom_to(datetime(2020, 2, 20), datetime(2020, 3, 30))  # about 23 px a day
    titles = _titles(canvas)
    # Event 3 has one day (too little) before event 4's dot: its title goes a line down.
    assert 3 in titles and 4 in titles
    spot = canvas.glyph_centre(3)
    assert titles[3].top() > spot.y() + 5
    assert titles[3].left() > spot.x()
    assert abs(titles[4].center().y() - canvas.glyph_centre(4).y()) < 3  # beside its dot
    assert canvas.hit_ids_at(titles[3].center().x(), titles[3].center().y()) == [3]


def test_no_title_goes_below_into_the_next_lane(canvas):
    events = [day_event(3, datetime(2020, 3, 1), group="A"),
              day_event(4, datetime(2020, 3, 2), group="A"),
              day_event(5, datetime(2020, 3, 25), group="B")]
    canvas.set_events(events)
    canvas.zoom_to(datetime(2020, 2, 20), datetime(2020, 3, 30))
    assert 3 not in _titles(canvas)  # one row in lane A: the line below is B's header


def test_a_title_cut_short_by_the_next_dot_takes_a_roomier_line_below(canvas):
    year = CanvasEvent(1, datetime(2019, 1, 1), datetime(2020, 1, 1), "year", "unreviewed",
                       "The year before", "Article")
    long_title = CanvasEvent(3, datetime(2020, 3, 1), datetime(2020, 3, 2), "day", "unreviewed",
                             "A title far too long for one day's width beside its dot", "Article")
    canvas.set_events([year, day_event(2, datetime(2019, 1, 5)), long_title,
                       day_event(4, datetime(2020, 3, 2))])
    canvas.zoom_to(datetime(2020, 2, 28), datetime(2020, 3, 15))  # about 60 px a day
    titles = _titles(canvas)
    spot = canvas.glyph_centre(3)
    assert titles[3].top() > spot.y() + 5  # on the free line below
    assert titles[3].width() > 120  # more than the day beside its dot would give
