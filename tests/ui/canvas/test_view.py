"""The canvas widget under pytest-qt: zoom around the cursor, pan, click and keys, fit-all,
clusters splitting, and pixels of a rendered frame in each status's colour and shape."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import (
    QColor, QHelpEvent, QImage, QMouseEvent, QNativeGestureEvent, QPainter, QPalette, QPointingDevice, QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QScrollBar, QToolTip

from ui.canvas.data import KIND_FINE, KIND_INTERVAL, KIND_UNCERTAIN, CanvasEvent
from ui.canvas.hits import hit_at, tooltip_html
from ui.canvas.layout import build_layout
from ui.canvas.painter import glyph_x
from ui.canvas.scale import from_days, to_days
from ui.canvas.style import AXIS_H, STATUS_COLOURS

DAY = timedelta(days=1)


def day_event(event_id: int, day: datetime, status: str = "unreviewed", group: str = "Article") -> CanvasEvent:
    return CanvasEvent(event_id, day, day + DAY, "day", status, f"Event {event_id}", group,
                       expression=f"on day {event_id}", source=f"article-{group}.txt")


def four_statuses() -> list[CanvasEvent]:
    first = datetime(2023, 9, 4)
    return [day_event(i + 1, first + 3 * i * DAY, status)
            for i, status in enumerate(["unreviewed", "accepted", "corrected", "rejected"])]


def wheel(widget, x: float, y: float, notches: float, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    position = QPointF(x, y)
    event = QWheelEvent(position, QPointF(widget.mapToGlobal(position.toPoint())), QPoint(0, 0),
                        QPoint(0, int(120 * notches)), Qt.MouseButton.NoButton, modifiers,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def mouse(widget, kind, x: float, y: float, buttons=Qt.MouseButton.LeftButton,
          modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    button = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseMove else Qt.MouseButton.LeftButton
    position = QPointF(x, y)
    event = QMouseEvent(kind, position, QPointF(widget.mapToGlobal(position.toPoint())), button, buttons, modifiers)
    QApplication.sendEvent(widget, event)


def drag(widget, start: QPointF, end: QPointF, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    mouse(widget, QEvent.Type.MouseButtonPress, start.x(), start.y(), modifiers=modifiers)
    steps = 5
    for i in range(1, steps + 1):
        point = start + (end - start) * (i / steps)
        mouse(widget, QEvent.Type.MouseMove, point.x(), point.y(), modifiers=modifiers)
    mouse(widget, QEvent.Type.MouseButtonRelease, end.x(), end.y(), buttons=Qt.MouseButton.NoButton,
          modifiers=modifiers)


def render(widget) -> QImage:
    image = QImage(widget.width(), widget.height(), QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    widget.paint_onto(painter, widget.width(), widget.height())
    painter.end()
    return image


def close(colour: QColor, expected: QColor, tolerance: int = 40) -> bool:
    return all(abs(a - b) <= tolerance for a, b in zip(colour.getRgb()[:3], expected.getRgb()[:3]))


@pytest.mark.parametrize("notches", [1, -1, 3, -2.5])
def test_wheel_zoom_keeps_the_time_under_the_cursor(canvas, notches):
    canvas.set_events(four_statuses())
    x = 317.0
    before_time = canvas.viewport().t_of(x)
    before_scale = canvas.viewport().px_per_day
    wheel(canvas, x, 200, notches)
    assert canvas.viewport().px_per_day != pytest.approx(before_scale)
    assert abs(canvas.viewport().x_of(before_time) - x) < 1.0


def test_ctrl_wheel_zooms_in_bigger_steps(canvas):
    canvas.set_events(four_statuses())
    start = canvas.viewport().px_per_day
    wheel(canvas, 400, 200, 1)
    plain = canvas.viewport().px_per_day / start
    canvas.fit_all()
    wheel(canvas, 400, 200, 1, Qt.KeyboardModifier.ControlModifier)
    assert canvas.viewport().px_per_day / start > plain * 1.3


def test_drag_pans_by_the_dragged_amount(canvas):
    canvas.set_events(four_statuses())
    time_at_300 = canvas.viewport().t_of(300)
    drag(canvas, QPointF(300, 200), QPointF(420, 200))
    assert abs(canvas.viewport().x_of(time_at_300) - 420) < 1.0


def test_shift_drag_zooms_to_the_box(canvas):
    canvas.set_events(four_statuses())
    left, right = canvas.viewport().t_of(200), canvas.viewport().t_of(500)
    drag(canvas, QPointF(200, 300), QPointF(500, 320), Qt.KeyboardModifier.ShiftModifier)
    assert abs(canvas.viewport().t_of(0) - left) * canvas.viewport().px_per_day < 1.0
    assert abs(canvas.viewport().t_of(canvas.width()) - right) * canvas.viewport().px_per_day < 1.0


def test_click_on_a_glyph_selects_it_and_says_which(canvas, qtbot):
    canvas.set_events(four_statuses())
    spot = canvas.glyph_centre(3)
    with qtbot.waitSignal(canvas.selectionChanged) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=spot.toPoint())
    assert blocker.args == [[3]]
    assert canvas.selected_ids() == [3]
    with qtbot.waitSignal(canvas.selectionChanged) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         pos=canvas.glyph_centre(1).toPoint())
    assert blocker.args == [[1, 3]]
    with qtbot.waitSignal(canvas.selectionChanged) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                         pos=canvas.glyph_centre(3).toPoint())
    assert blocker.args == [[1]]
    with qtbot.waitSignal(canvas.selectionChanged) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier,
                         pos=canvas.glyph_centre(4).toPoint())
    assert blocker.args == [[1, 4]]
    with qtbot.waitSignal(canvas.selectionChanged) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(canvas.width() - 20, canvas.height() - 60))
    assert blocker.args == [[]]


def test_select_from_the_app_emits_nothing(canvas, qtbot):
    canvas.set_events(four_statuses())
    with qtbot.assertNotEmitted(canvas.selectionChanged):
        canvas.select([2, 4, 99])
    assert canvas.selected_ids() == [2, 4]


def test_double_click_asks_to_open_the_source(canvas, qtbot):
    canvas.set_events(four_statuses())
    with qtbot.waitSignal(canvas.eventActivated) as blocker:
        qtbot.mouseDClick(canvas, Qt.MouseButton.LeftButton, pos=canvas.glyph_centre(2).toPoint())
    assert blocker.args == [2]


def test_fit_all_shows_every_event(canvas):
    events = [day_event(1, datetime(1912, 4, 15)), day_event(2, datetime(1969, 7, 20), group="B"),
              day_event(3, datetime(2001, 9, 11), group="C")]
    canvas.set_events(events)
    canvas.zoom_to(datetime(1990, 1, 1), datetime(1990, 2, 1))
    canvas.fit_all()
    viewport = canvas.viewport()
    for ev in events:
        assert 0 <= viewport.x_of(to_days(ev.start)) and viewport.x_of(to_days(ev.end)) <= canvas.width()
        spot = canvas.glyph_centre(ev.id)
        assert 40 <= spot.y() <= canvas.height() - 30
        assert canvas.hit_ids_at(spot.x(), spot.y()) == [ev.id]


def test_home_fits_all_and_plus_minus_zoom(canvas, qtbot):
    canvas.set_events(four_statuses())
    fitted = canvas.viewport().px_per_day
    qtbot.keyClick(canvas, Qt.Key.Key_Plus)
    assert canvas.viewport().px_per_day == pytest.approx(fitted * 1.5)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    qtbot.keyClick(canvas, Qt.Key.Key_Minus)
    assert canvas.viewport().px_per_day == pytest.approx(fitted / 1.5)
    time_at_middle = canvas.viewport().t_of(450)
    qtbot.keyClick(canvas, Qt.Key.Key_Right)
    assert canvas.viewport().x_of(time_at_middle) == pytest.approx(450 - canvas.width() / 8)
    qtbot.keyClick(canvas, Qt.Key.Key_Left)
    assert canvas.viewport().x_of(time_at_middle) == pytest.approx(450)
    qtbot.keyClick(canvas, Qt.Key.Key_Home)
    assert canvas.viewport().px_per_day == pytest.approx(fitted)


def test_up_and_down_keys_scroll_the_lanes(canvas, qtbot):
    events = [day_event(i + 1, datetime(2010, 1, 1) + i * DAY, group=f"Group {i:02d}") for i in range(40)]
    canvas.set_events(events)
    top = canvas.glyph_centre(1).y()
    qtbot.keyClick(canvas, Qt.Key.Key_Down)
    assert canvas.glyph_centre(1).y() == pytest.approx(top - 3 * 18)
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert canvas.glyph_centre(1).y() == pytest.approx(top)


def test_escape_clears_the_selection(canvas, qtbot):
    canvas.set_events(four_statuses())
    canvas.select([1, 2])
    with qtbot.waitSignal(canvas.selectionChanged) as blocker:
        qtbot.keyClick(canvas, Qt.Key.Key_Escape)
    assert blocker.args == [[]] and canvas.selected_ids() == []


def test_f_zooms_to_the_selection(canvas, qtbot):
    canvas.set_events(four_statuses())
    canvas.select([2, 3])
    qtbot.keyClick(canvas, Qt.Key.Key_F)
    viewport = canvas.viewport()
    start, end = to_days(datetime(2023, 9, 7)), to_days(datetime(2023, 9, 11))
    assert viewport.t_of(0) <= start and end <= viewport.t_of(canvas.width())
    assert (end - start) * viewport.px_per_day > canvas.width() * 0.6


def test_a_cluster_splits_when_zoomed_in(canvas, qtbot):
    dense = [day_event(i + 1, datetime(2020, 3, 1) + i * DAY) for i in range(5)]
    far = day_event(99, datetime(1990, 1, 1), group="Other")
    canvas.set_events(dense + [far])
    canvas.zoom_to(datetime(1989, 1, 1), datetime(2021, 1, 1))  # both, far apart
    middle = QPointF(canvas.viewport().x_of(to_days(datetime(2020, 3, 3, 12))), canvas.glyph_centre(1).y())
    hit = hit_at(canvas.canvas_layout(), canvas.viewport(), 0.0, middle.x(), middle.y())
    assert hit is not None and hit.is_cluster and hit.last - hit.first + 1 == 5
    assert "5 events" in tooltip_html(canvas.canvas_layout(), hit)
    assert all(f"Event {i}" in tooltip_html(canvas.canvas_layout(), hit) for i in range(1, 6))
    # A click on a cluster zooms in until its members stand apart.
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=middle.toPoint())
    for ev in dense:
        spot = canvas.glyph_centre(ev.id)
        assert canvas.hit_ids_at(spot.x(), spot.y()) == [ev.id]


def test_center_on_brings_the_event_to_the_middle(canvas):
    events = [day_event(i + 1, datetime(2000, 1, 1) + 40 * i * DAY, group=f"G{i}") for i in range(30)]
    canvas.set_events(events)
    canvas.zoom_to(datetime(2000, 1, 1), datetime(2000, 3, 1))
    canvas.center_on(27)
    spot = canvas.glyph_centre(27)
    assert abs(spot.x() - canvas.width() / 2) < 2
    assert 40 < spot.y() < canvas.height() - 30


def test_tooltip_tells_title_date_expression_and_source(canvas):
    canvas.set_events(four_statuses())
    spot = canvas.glyph_centre(2)
    hit = hit_at(canvas.canvas_layout(), canvas.viewport(), 0.0, spot.x(), spot.y())
    text = tooltip_html(canvas.canvas_layout(), hit)
    for part in ("Event 2", "Thu 7 Sep 2023", "on day 2", "article-Article.txt", "accepted"):
        assert part in text


def test_each_status_has_its_colour_and_shape_in_the_picture(canvas):
    canvas.set_events(four_statuses())
    # About 9 px a day: each day is a point glyph, the two days between them keep them apart.
    canvas.zoom_to(datetime(2023, 8, 20), datetime(2023, 11, 28))
    image = render(canvas)
    background = canvas.palette().color(QPalette.ColorRole.Base)
    centres = {ev.id: canvas.glyph_centre(ev.id) for ev in four_statuses()}

    def pixel(event_id: int, dx: int = 0, dy: int = 0) -> QColor:
        spot = centres[event_id]
        return image.pixelColor(int(spot.x()) + dx, int(spot.y()) + dy)

    def ink(event_id: int, dx: int, dy: int) -> int:
        return background.lightness() - pixel(event_id, dx, dy).lightness()

    # Unreviewed: a hollow grey ring.
    assert close(pixel(1), background, 25)
    assert close(pixel(1, 4, 0), STATUS_COLOURS[0], 60)
    # Accepted: a filled circle in bluish green.
    assert close(pixel(2), STATUS_COLOURS[1])
    # Corrected: a blue diamond -- less ink on the diagonal than the circle, more on the axis.
    assert close(pixel(3), STATUS_COLOURS[2])
    assert ink(2, 3, 3) > 150 > 100 > ink(3, 3, 3)
    assert ink(3, 0, 5) > ink(2, 0, 5) + 30
    # Rejected: a vermillion cross -- ink on the diagonals, none at the middle of an edge.
    assert close(pixel(4), STATUS_COLOURS[3])
    assert close(pixel(4, 3, 3), STATUS_COLOURS[3], 60)
    assert close(pixel(4, 4, 0), background, 40)


def test_update_event_repaints_in_the_new_status(canvas):
    canvas.set_events(four_statuses())
    changed = day_event(1, datetime(2023, 9, 4), "accepted")
    canvas.update_event(changed)
    spot = canvas.glyph_centre(1)
    assert close(render(canvas).pixelColor(int(spot.x()), int(spot.y())), STATUS_COLOURS[1])


def test_hide_rejected_removes_the_cross(canvas):
    canvas.set_events(four_statuses())
    spot = canvas.glyph_centre(4)
    canvas.set_hide_rejected(True)
    assert canvas.glyph_centre(4) is None
    assert not close(render(canvas).pixelColor(int(spot.x()), int(spot.y())), STATUS_COLOURS[3])


def test_a_year_only_event_is_a_faded_bar_across_its_year(canvas):
    year = CanvasEvent(7, datetime(2019, 1, 1), datetime(2020, 1, 1), "year", "accepted", "Summit year", "A")
    canvas.set_events([year])
    canvas.zoom_to(datetime(2018, 7, 1), datetime(2020, 7, 1))
    image = render(canvas)
    y = int(canvas.glyph_centre(7).y())
    inside = image.pixelColor(int(canvas.viewport().x_of(to_days(datetime(2019, 7, 1)))), y + 3)
    outside = image.pixelColor(int(canvas.viewport().x_of(to_days(datetime(2020, 3, 1)))), y + 3)
    background = canvas.palette().color(QPalette.ColorRole.Base)
    assert close(outside, background, 12)
    # Tinted towards the status colour, but faded: far from the full colour.
    assert inside.green() > inside.red() + 20 and not close(inside, STATUS_COLOURS[1], 40)


def test_dark_palette_draws_on_dark(canvas):
    palette = QPalette()
    for role, colour in ((QPalette.ColorRole.Base, "#1e1e1e"), (QPalette.ColorRole.AlternateBase, "#262626"),
                         (QPalette.ColorRole.Window, "#2b2b2b"), (QPalette.ColorRole.Button, "#333333"),
                         (QPalette.ColorRole.Text, "#e8e8e8"), (QPalette.ColorRole.WindowText, "#e8e8e8"),
                         (QPalette.ColorRole.ButtonText, "#e8e8e8")):
        palette.setColor(role, QColor(colour))
    canvas.setPalette(palette)
    canvas.set_events(four_statuses())
    image = render(canvas)
    assert close(image.pixelColor(canvas.width() - 5, canvas.height() - 60), QColor("#1e1e1e"), 8)
    axis_pixels = [image.pixelColor(x, y).lightness() for x in range(0, 300) for y in range(2, 38)]
    assert max(axis_pixels) > 180  # light labels on the dark axis


def test_export_png_and_svg(canvas, tmp_path):
    canvas.set_events(four_statuses())
    canvas.export_png(str(tmp_path / "view.png"), 640, 360)
    assert QImage(str(tmp_path / "view.png")).size().toTuple() == (640, 360)
    canvas.export_svg(str(tmp_path / "view.svg"))
    svg = (tmp_path / "view.svg").read_text(encoding="utf-8")
    assert "<svg" in svg and "#009e73" in svg.lower()


def test_export_png_to_a_missing_folder_says_so(canvas, tmp_path):
    canvas.set_events(four_statuses())
    with pytest.raises(OSError, match="could not write"):
        canvas.export_png(str(tmp_path / "no" / "such" / "view.png"))


def test_clicking_the_overview_moves_the_window_there(canvas, qtbot):
    events = [day_event(1, datetime(1950, 1, 1)), day_event(2, datetime(2000, 1, 1))]
    canvas.set_events(events)
    canvas.zoom_to(datetime(1950, 1, 1), datetime(1951, 1, 1))
    strip_y = canvas.height() - 10
    x = canvas.width() * 0.75
    qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=QPoint(int(x), strip_y))
    wanted = canvas._overview.t_of(int(x), canvas.width())
    middle = canvas.viewport().t_of(canvas.width() / 2)
    assert abs(middle - wanted) * canvas.viewport().px_per_day < 1.0
    assert abs(canvas.viewport().px_per_day * 365 - canvas.width()) < canvas.width() * 0.01  # scale kept


def test_shift_wheel_scrolls_the_lanes(canvas):
    events = [day_event(i + 1, datetime(2010, 1, 1) + i * DAY, group=f"Group {i:02d}") for i in range(40)]
    canvas.set_events(events)
    top_before = canvas.glyph_centre(1).y()
    wheel(canvas, 400, 200, -2, Qt.KeyboardModifier.ShiftModifier)
    moved = top_before - canvas.glyph_centre(1).y()
    assert moved > 0
    # It stops at the last lane.
    for _ in range(100):
        wheel(canvas, 400, 200, -3, Qt.KeyboardModifier.ShiftModifier)
    last = canvas.glyph_centre(40).y()
    assert canvas.height() - 30 - 18 <= last <= canvas.height() - 30


def test_a_fitted_view_stays_fitted_when_resized_until_moved(canvas, qtbot):
    canvas.set_events(four_statuses())
    canvas.resize(600, 300)
    viewport = canvas.viewport()
    first, last = to_days(datetime(2023, 9, 4)), to_days(datetime(2023, 9, 14))
    assert 0 < viewport.x_of(first) < 40 and 560 < viewport.x_of(last) < 600
    wheel(canvas, 300, 150, 1)
    scale_after_zoom = canvas.viewport().px_per_day
    canvas.resize(900, 300)
    assert canvas.viewport().px_per_day == pytest.approx(scale_after_zoom)


def test_a_bigger_png_shows_the_same_time_window(canvas, tmp_path):
    canvas.set_events(four_statuses())
    t_left, t_right = canvas.viewport().t_of(0), canvas.viewport().t_of(canvas.width())
    canvas.export_png(str(tmp_path / "big.png"), canvas.width() * 2, canvas.height())
    assert (canvas.viewport().t_of(0), canvas.viewport().t_of(canvas.width())) == (t_left, t_right)
    big = QImage(str(tmp_path / "big.png"))
    # The accepted event's glyph marks the middle of its day, at twice its x in the
    # twice-as-wide picture.
    spot = canvas.glyph_centre(2)
    x_big = 2 * canvas.viewport().x_of(to_days(datetime(2023, 9, 7, 12)))
    assert close(big.pixelColor(int(x_big), int(spot.y())), STATUS_COLOURS[1], 60)


def test_export_svg_to_a_missing_folder_says_so(canvas, tmp_path):
    canvas.set_events(four_statuses())
    with pytest.raises(OSError, match="could not write"):
        canvas.export_svg(str(tmp_path / "no" / "view.svg"))


@pytest.mark.qt_log_ignore("This plugin does not support raise")  # the offscreen platform's note
def test_hovering_a_glyph_shows_its_tooltip(canvas, qtbot):
    canvas.set_events(four_statuses())
    spot = canvas.glyph_centre(2).toPoint()
    QApplication.sendEvent(canvas, QHelpEvent(QEvent.Type.ToolTip, spot, canvas.mapToGlobal(spot)))
    qtbot.waitUntil(QToolTip.isVisible, timeout=2000)
    assert "Event 2" in QToolTip.text() and "on day 2" in QToolTip.text()
    empty = QPoint(canvas.width() - 20, canvas.height() - 60)
    QApplication.sendEvent(canvas, QHelpEvent(QEvent.Type.ToolTip, empty, canvas.mapToGlobal(empty)))
    qtbot.waitUntil(lambda: not QToolTip.isVisible(), timeout=2000)


def test_a_layout_built_beforehand_is_used_when_it_matches(canvas):
    events = four_statuses()
    prepared = build_layout(events)
    canvas.set_events(events, prepared)
    assert canvas.canvas_layout() is prepared
    canvas.set_hide_rejected(True)
    canvas.set_events(events, prepared)  # made with rejected shown: not usable now
    assert canvas.canvas_layout() is not prepared
    assert canvas.glyph_centre(4) is None


def test_titles_keep_the_text_colour_after_an_interval_bar(canvas):
    interval = CanvasEvent(1, datetime(2020, 1, 1), datetime(2020, 1, 20), "day", "accepted", "Siege", "A")
    after = CanvasEvent(2, datetime(2020, 1, 25), datetime(2020, 1, 26), "day", "accepted", "Talks", "A")
    canvas.set_events([interval, after])
    canvas.zoom_to(datetime(2019, 12, 25), datetime(2020, 2, 10))
    image = render(canvas)
    spot = canvas.glyph_centre(2)
    label = [image.pixelColor(x, y) for x in range(int(spot.x()) + 8, int(spot.x()) + 40)
             for y in range(int(spot.y()) - 6, int(spot.y()) + 6)]
    darkest = min(label, key=QColor.lightness)
    text = canvas.palette().color(QPalette.ColorRole.Text)
    assert close(darkest, text, 60), darkest.name()


@pytest.mark.parametrize("status", ["unreviewed", "accepted", "corrected", "rejected"])
def test_a_glyph_on_a_bar_of_its_own_colour_keeps_its_shape(canvas, status):
    siege = CanvasEvent(1, datetime(2020, 1, 1), datetime(2020, 3, 1), "day", status, "Siege", "A")
    canvas.set_events([siege])
    canvas.zoom_to(datetime(2019, 12, 1), datetime(2020, 4, 1))
    image = render(canvas)
    spot = canvas.glyph_centre(1)
    x, y = int(spot.x()), int(spot.y())
    background = canvas.palette().color(QPalette.ColorRole.Base)
    bar_far_from_glyph = image.pixelColor(x + 60, y + 3)
    assert not close(bar_far_from_glyph, background, 30)  # the bar is drawn ...
    # ... but just outside the glyph's outline the background shows, not the bar's colour
    # (beside the cross's arms; round the circles' and the diamond's edge).
    spots = ((5, 0), (-5, 0)) if status == "rejected" else ((4, 4), (-4, 4), (4, -4), (-4, -4))
    for dx, dy in spots:
        assert close(image.pixelColor(x + dx, y + dy), background, 45), (dx, dy)


def test_where_the_glyph_sits_on_a_bar():
    assert glyph_x(KIND_FINE, 100, 106) == 103  # narrow: its centre
    assert glyph_x(KIND_FINE, 100, 300) == 200  # a day zoomed in: the middle of the day
    assert glyph_x(KIND_UNCERTAIN, 100, 300) == pytest.approx(100 + 11 / 2 + 1)  # a year: its start
    assert glyph_x(KIND_INTERVAL, -500, 300) == pytest.approx(11 / 2 + 1)  # start kept in view
    assert glyph_x(KIND_FINE, -900, 300) == pytest.approx(11 / 2 + 1)  # middle gone: kept in view


def test_hovering_rings_the_event_and_moving_off_clears_it(canvas):
    canvas.set_events(four_statuses())
    canvas.zoom_to(datetime(2023, 8, 20), datetime(2023, 11, 28))  # points, not bars
    spot = canvas.glyph_centre(3)
    mouse(canvas, QEvent.Type.MouseMove, spot.x(), spot.y(), buttons=Qt.MouseButton.NoButton)
    assert canvas.hit_ids_at(spot.x(), spot.y()) == [3]
    assert canvas.cursor().shape() == Qt.CursorShape.PointingHandCursor
    before = canvas.grab().toImage()
    mouse(canvas, QEvent.Type.MouseMove, canvas.width() - 20, canvas.height() - 60, buttons=Qt.MouseButton.NoButton)
    assert canvas.cursor().shape() == Qt.CursorShape.ArrowCursor
    after = canvas.grab().toImage()
    # The faint ring around the glyph is gone; the glyph itself is unchanged.
    ring = QPoint(int(spot.x()) + 7, int(spot.y()))
    assert before.pixelColor(ring) != after.pixelColor(ring)
    assert before.pixelColor(spot.toPoint()) == after.pixelColor(spot.toPoint())


def test_an_empty_canvas_says_so(canvas):
    canvas.set_events([])
    image = canvas.grab().toImage()
    middle = [image.pixelColor(x, canvas.height() // 2) for x in range(canvas.width() // 2 - 60, canvas.width() // 2 + 60)]
    base = canvas.palette().color(QPalette.ColorRole.Base)
    assert any(not close(colour, base, 30) for colour in middle)


def test_a_big_selection_rings_the_events_in_view(canvas):
    events = [day_event(i + 1, datetime(2000, 1, 1) + 3 * i * DAY, group=f"G{i % 3}") for i in range(900)]
    canvas.set_events(events)
    canvas.zoom_to(datetime(2000, 1, 1), datetime(2000, 4, 1))
    canvas.select(range(1, 901))
    spots = canvas._selected_spots()
    in_view = [ev.id for ev in events if 0 <= canvas.viewport().x_of(to_days(ev.start) + 0.5) <= canvas.width()]
    assert sorted((round(s.x()), round(s.y())) for s in spots) == sorted(
        (round(canvas.glyph_centre(i).x()), round(canvas.glyph_centre(i).y())) for i in in_view
    )


def test_no_title_floats_without_its_glyph_at_the_left_edge(canvas):
    ended = CanvasEvent(1, datetime(2020, 1, 1), datetime(2020, 1, 31), "month", "accepted", "Ended earlier", "A")
    canvas.set_events([ended])
    # The month ends 1 px left of the view: inside the painter's margin, out of sight.
    viewport = canvas.viewport()
    viewport.px_per_day = 40.0
    viewport.t0 = to_days(datetime(2020, 1, 31)) + 1 / viewport.px_per_day
    image = render(canvas)
    y = int(AXIS_H + 18 + 9)
    text = canvas.palette().color(QPalette.ColorRole.Text)
    strip = [image.pixelColor(x, yy) for x in range(0, 120) for yy in range(y - 6, y + 6)]
    assert not any(close(colour, text, 80) for colour in strip)


def test_a_trackpad_pinch_zooms_around_the_fingers(canvas):
    canvas.set_events(four_statuses())
    x = 250.0
    before_time, before_scale = canvas.viewport().t_of(x), canvas.viewport().px_per_day
    gesture = QNativeGestureEvent(Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(),
                                  2, QPointF(x, 200), QPointF(x, 200), QPointF(x, 200), 0.25, QPointF(0, 0))
    QApplication.sendEvent(canvas, gesture)
    assert canvas.viewport().px_per_day == pytest.approx(before_scale * 1.25)
    assert abs(canvas.viewport().x_of(before_time) - x) < 1.0


def test_update_event_moves_a_corrected_date_and_lane(canvas):
    events = four_statuses() + [day_event(9, datetime(2023, 9, 5), group="Other")]
    canvas.set_events(events)
    moved = day_event(2, datetime(2023, 9, 13), "corrected", group="Other")
    canvas.update_event(moved)
    spot = canvas.glyph_centre(2)
    assert abs(spot.x() - canvas.viewport().x_of(to_days(datetime(2023, 9, 13, 12)))) < 1.5
    assert spot.y() > canvas.glyph_centre(9).y() - 1  # in the "Other" lane, below "Article"
    assert canvas.hit_ids_at(spot.x(), spot.y()) == [2]
    rebuilt = build_layout([moved if ev.id == 2 else ev for ev in events])
    assert canvas.canvas_layout().place_of_id == rebuilt.place_of_id


def test_the_lane_scrolled_into_keeps_its_name_pinned_at_the_top(canvas):
    events = [day_event(i + 1, datetime(2010, 1, 1), group="Tall") for i in range(1)]
    # Thirty overlapping intervals: a lane thirty rows tall.
    events += [CanvasEvent(100 + i, datetime(2010, 1, 1), datetime(2010, 3, 1), "day", "accepted", f"Long {i}", "Tall")
               for i in range(30)]
    events.append(day_event(999, datetime(2011, 1, 1), group="Next"))
    canvas.set_events(events)
    wheel(canvas, 400, 200, -3, Qt.KeyboardModifier.ShiftModifier)  # 9 lines down, inside "Tall"
    image = render(canvas)
    header = canvas.palette().color(QPalette.ColorRole.Button)
    assert close(image.pixelColor(canvas.width() - 30, AXIS_H + 9), header, 3)
    # The pinned header hides the row under it from clicks as well.
    assert canvas.hit_ids_at(canvas.width() / 2, AXIS_H + 9) == []
    top_row_event = canvas.hit_ids_at(canvas.viewport().x_of(to_days(datetime(2010, 2, 1))), AXIS_H + 18 + 9)
    assert len(top_row_event) == 1


def test_no_stub_of_a_lower_tier_label_at_the_left_edge(canvas):
    canvas.set_events(four_statuses())
    canvas.zoom_to(datetime(2023, 9, 5, 6), datetime(2023, 9, 5, 18))  # hours: 75 px each
    viewport = canvas.viewport()
    # The 10:00 tick 10 px left of the view: its label "10:00" would start at -7 px.
    viewport.t0 = to_days(datetime(2023, 9, 5, 10)) + 10 / viewport.px_per_day
    image = render(canvas)
    axis_colour = canvas.palette().color(QPalette.ColorRole.Window)
    lower_tier_start = [image.pixelColor(x, y) for x in range(0, 14) for y in range(AXIS_H // 2 + 1, AXIS_H - 7)]
    assert all(close(colour, axis_colour, 30) for colour in lower_tier_start)
    # The next hour's label is drawn beside its tick.
    next_label = [image.pixelColor(x, y) for x in range(68, 100) for y in range(AXIS_H // 2 + 1, AXIS_H - 7)]
    assert min(colour.lightness() for colour in next_label) < axis_colour.lightness() - 100


def test_a_scroll_bar_shows_and_moves_the_lanes_when_they_overflow(canvas, qtbot):
    canvas.set_events(four_statuses())
    bar = canvas.findChild(QScrollBar)
    assert bar is not None and not bar.isVisible()  # one lane: nothing to scroll
    events = [day_event(i + 1, datetime(2010, 1, 1) + i * DAY, group=f"Group {i:02d}") for i in range(40)]
    canvas.set_events(events)
    assert bar.isVisible() and bar.value() == 0
    assert bar.geometry().right() == canvas.width() - 1 and bar.geometry().top() == AXIS_H
    # The lanes follow the bar ...
    top = canvas.glyph_centre(1).y()
    bar.setValue(5 * 18)
    assert canvas.glyph_centre(1).y() == pytest.approx(top - 5 * 18)
    # ... and the bar follows the lanes, to its end at the last lane.
    qtbot.keyClick(canvas, Qt.Key.Key_Up)
    assert bar.value() == 2 * 18
    for _ in range(20):
        qtbot.keyClick(canvas, Qt.Key.Key_PageDown)
    assert bar.value() == bar.maximum() > 0
    last = canvas.glyph_centre(40).y()
    assert canvas.height() - 30 - 18 <= last <= canvas.height() - 30


def _ink_rows(image: QImage, left: int, right: int, top: int, bottom: int) -> list[int]:
    return [y for y in range(top, bottom)
            if any(image.pixelColor(x, y).lightness() < 110 for x in range(left, right))]


def test_svg_text_has_the_size_and_place_it_has_on_screen(canvas, tmp_path):
    from PySide6.QtSvg import QSvgRenderer

    canvas.set_events(four_statuses())
    canvas.export_svg(str(tmp_path / "view.svg"))
    drawn = QImage(canvas.width(), canvas.height(), QImage.Format.Format_ARGB32)
    drawn.fill(QColor("white"))
    painter = QPainter(drawn)
    QSvgRenderer(str(tmp_path / "view.svg")).render(painter)
    painter.end()
    on_screen = render(canvas)
    # The lane header's caption "Article  (4)", in the line under the axis.
    svg_rows = _ink_rows(drawn, 4, 120, AXIS_H + 1, AXIS_H + 18)
    screen_rows = _ink_rows(on_screen, 4, 120, AXIS_H + 1, AXIS_H + 18)
    assert screen_rows and svg_rows
    assert abs(svg_rows[0] - screen_rows[0]) <= 1 and abs(svg_rows[-1] - screen_rows[-1]) <= 1


@pytest.mark.parametrize("side", ["after", "before"])
def test_an_open_ended_event_is_a_glyph_at_its_bound_with_an_arrow_to_the_open_side(canvas, side):
    bound = datetime(2023, 9, 13)
    forum = CanvasEvent(1, bound, bound, "day", "accepted", "", "A", expression=f"{side} the forum",
                        open_side=side)
    canvas.set_events([forum, day_event(2, datetime(2023, 9, 1)), day_event(3, datetime(2023, 9, 25))])
    canvas.zoom_to(datetime(2023, 8, 28), datetime(2023, 9, 30))
    spot = canvas.glyph_centre(1)
    assert spot.x() == pytest.approx(canvas.viewport().x_of(to_days(bound)), abs=1)
    image = render(canvas)
    x, y = int(spot.x()), int(spot.y())
    towards = 1 if side == "after" else -1
    background = canvas.palette().color(QPalette.ColorRole.Base)
    assert close(image.pixelColor(x, y), STATUS_COLOURS[1])
    for dx in (9, 14):  # the arrow's shaft and head
        assert close(image.pixelColor(x + towards * dx, y), STATUS_COLOURS[1], 50), dx
        assert close(image.pixelColor(x - towards * dx, y), background, 20), dx
    text = tooltip_html(canvas.canvas_layout(), hit_at(canvas.canvas_layout(), canvas.viewport(), 0.0, x, y))
    assert f"open-ended: {side}" in text and f"{side} the forum" in text


def test_a_wide_count_badge_answers_clicks_across_its_whole_width(canvas):
    minute = timedelta(minutes=1)
    crowd = [CanvasEvent(i + 1, datetime(2020, 1, 1) + i * minute, datetime(2020, 1, 1) + (i + 1) * minute,
                         "minute", "accepted", f"Report {i}", "Wire") for i in range(1500)]
    canvas.set_events(crowd + [day_event(9998, datetime(2000, 1, 1), group="Archive"),
                               day_event(9999, datetime(2040, 1, 1), group="Archive")])
    canvas.zoom_to(datetime(1999, 1, 1), datetime(2041, 1, 1))  # the crowd in one badge
    layout = canvas.canvas_layout()
    row = layout.rows[layout.place_of_id[1][0]]
    middle = (canvas.viewport().x_of(row.starts[0]) + canvas.viewport().x_of(row.ends[-1])) / 2
    y = canvas.glyph_centre(1).y()
    image = render(canvas)
    # The badge (four digits) is drawn wider than a glyph: find its outline's right edge.
    ink = [x for x in range(int(middle), int(middle) + 40)
           if image.pixelColor(x, int(y)).lightness() < 150]
    right_edge = max(ink)
    assert right_edge - middle > 12
    assert len(canvas.hit_ids_at(right_edge - 1, y)) == 1500
    assert len(canvas.hit_ids_at(2 * middle - right_edge + 1, y)) == 1500
    assert canvas.hit_ids_at(right_edge + 8, y) == []


def test_a_title_runs_up_to_the_next_days_glyph_not_to_its_days_start(canvas):
    first = CanvasEvent(1, datetime(2023, 9, 10), datetime(2023, 9, 11), "day", "accepted",
                        "Kim leaves for Russia with arms-industry and military officials", "A")
    second = CanvasEvent(2, datetime(2023, 9, 11), datetime(2023, 9, 12), "day", "accepted", "Putin arrives", "A")
    canvas.set_events([first, second])
    canvas.zoom_to(datetime(2023, 9, 9), datetime(2023, 9, 15))  # 150 px a day
    image = render(canvas)
    y = int(canvas.glyph_centre(1).y())
    second_start = int(canvas.viewport().x_of(to_days(second.start)))
    second_glyph_left = int(canvas.glyph_centre(2).x() - 11 / 2)
    past_its_start = [image.pixelColor(x, y + dy) for x in range(second_start + 5, second_glyph_left - 3)
                      for dy in range(-5, 6)]
    assert min(colour.lightness() for colour in past_its_start) < 100  # title ink over the day's first half
    assert not any(close(image.pixelColor(x, y), QColor("black"), 100)
                   for x in range(second_glyph_left - 2, second_glyph_left))  # but clear of its glyph


def _ink_extent(image: QImage, left: int, right: int, top: int, bottom: int) -> tuple[int, int]:
    rows = _ink_rows(image, left, right, top, bottom)
    return rows[0], rows[-1]


def _first_axis_label_width(image: QImage) -> int:
    """Width of the first upper-tier label's ink (tick lines, inked top to bottom, left out)."""
    def inked(x: int, y: int) -> bool:
        return image.pixelColor(x, y).lightness() < 110
    columns = [x for x in range(0, 400) if any(inked(x, y) for y in range(3, 18))
               and not all(inked(x, y) for y in range(3, 18))]
    run = [columns[0]]
    for x in columns[1:]:
        if x - run[-1] > 8:
            break
        run.append(x)
    return run[-1] - run[0]


def test_a_large_widget_font_is_fitted_to_the_rows_and_the_axis_follows_it(canvas):
    events = [day_event(1, datetime(2023, 9, 4)), day_event(2, datetime(2023, 9, 4), group="Second")]
    canvas.set_events(events)
    small_label = _first_axis_label_width(render(canvas))
    font = canvas.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    canvas.setFont(font)
    assert _first_axis_label_width(render(canvas)) > small_label * 1.15  # the axis writes in the widget's font
    font.setPointSizeF(30)
    canvas.setFont(font)
    image = render(canvas)
    spot = canvas.glyph_centre(1)
    row_top = int(spot.y() - 18 / 2)
    title_left = int(spot.x() + 11)
    top, bottom = _ink_extent(image, title_left, title_left + 60, row_top - 18, row_top + 2 * 18)
    assert row_top <= top and bottom < row_top + 18  # the title stays in its own row


def test_toggling_hide_rejected_back_reuses_the_layout_kept_in_step(canvas):
    events = four_statuses() + [day_event(5, datetime(2023, 9, 20), "rejected", group="Other")]
    canvas.set_events(events)
    shown = canvas.canvas_layout()
    canvas.set_hide_rejected(True)
    hidden = canvas.canvas_layout()
    assert 4 not in hidden.place_of_id and 5 not in hidden.place_of_id
    # Reviewing while hidden: the kept layout follows each change.
    moved = day_event(2, datetime(2023, 9, 25), "corrected", group="Other")
    canvas.update_event(moved)
    canvas.update_event(day_event(4, datetime(2023, 9, 13), "rejected"))  # retitled, still hidden
    hidden = canvas.canvas_layout()  # rebuilt once: the move opened the lane "Other" when hidden
    canvas.set_hide_rejected(False)
    assert canvas.canvas_layout() is shown  # no relayout
    current = [moved if ev.id == 2 else ev for ev in events]
    full = build_layout(current)
    assert canvas.canvas_layout().place_of_id == full.place_of_id
    assert canvas.canvas_layout().events == full.events
    canvas.set_hide_rejected(True)
    assert canvas.canvas_layout() is hidden
    assert canvas.canvas_layout().place_of_id == build_layout(current, True).place_of_id


def test_the_overview_names_years_between_its_ends(canvas):
    canvas.set_events([day_event(1, datetime(1990, 6, 1)), day_event(2, datetime(2020, 6, 1))])
    image = render(canvas)
    strip_top = canvas.height() - 30
    # No events between the ends, so any ink in the middle of the strip is a year label.
    middle_ink = [x for x in range(150, canvas.width() - 150) for y in range(strip_top + 3, strip_top + 15)
                  if image.pixelColor(x, y).lightness() < 150]
    assert middle_ink
    # The first label starts just right of a year's tick.
    ink_starts = from_days(canvas._overview.t_of(min(middle_ink), canvas.width()))
    year_start = to_days(datetime(ink_starts.year, 1, 1))
    assert 0 < canvas._overview.x_of(to_days(ink_starts), canvas.width()) - canvas._overview.x_of(
        year_start, canvas.width()) < 5


def test_reviewing_while_rejected_are_hidden_needs_no_full_relayout(canvas):
    events = four_statuses() + [day_event(5, datetime(2023, 9, 20), "accepted", group="Other")]
    canvas.set_events(events)
    canvas.set_hide_rejected(True)
    layout = canvas.canvas_layout()
    canvas.update_event(day_event(2, datetime(2023, 9, 7), "rejected"))
    assert canvas.glyph_centre(2) is None and canvas.canvas_layout() is layout
    canvas.update_event(day_event(4, datetime(2023, 9, 13), "accepted"))  # shown again
    assert canvas.canvas_layout() is layout
    spot = canvas.glyph_centre(4)
    assert spot is not None and canvas.hit_ids_at(spot.x(), spot.y()) == [4]
    current = [day_event(2, datetime(2023, 9, 7), "rejected") if ev.id == 2 else
               day_event(4, datetime(2023, 9, 13), "accepted") if ev.id == 4 else ev for ev in events]
    assert layout.place_of_id == build_layout(current, True).place_of_id


def test_a_glyph_beside_a_wide_count_badge_is_drawn_over_its_edge(canvas):
    minute = timedelta(minutes=1)
    start = datetime(2020, 1, 1)
    crowd = [CanvasEvent(i + 1, start + i * minute, start + (i + 1) * minute, "minute", "unreviewed",
                         f"Report {i}", "Wire") for i in range(60)]
    canvas.set_events(crowd)
    # 60 minutes in 2 px: one badge "60", wider than the gap that parts it from a neighbour.
    canvas.viewport().px_per_day = 2 * 24
    layout = canvas.canvas_layout()
    row = layout.rows[0]
    middle = (row.starts[0] + row.ends[-1]) / 2
    canvas.viewport().t0 = middle - 400 / canvas.viewport().px_per_day
    viewport = canvas.viewport()
    badge_right = viewport.x_of(middle) + canvas._lanes.cluster_width(60) / 2
    # An accepted event just far enough to stand apart (12.5 px after the crowd's end),
    # whose glyph then starts left of the badge's right edge.
    after = row.ends[-1] + 12.5 / viewport.px_per_day
    neighbour = CanvasEvent(99, from_days(after), from_days(after) + minute, "minute", "accepted", "Neighbour", "Wire")
    canvas.set_events(crowd + [neighbour])
    spot = canvas.glyph_centre(99)
    assert spot.x() - 11 / 2 < badge_right - 1
    hit = hit_at(canvas.canvas_layout(), canvas.viewport(), 0.0, 400, spot.y())
    assert hit is not None and hit.is_cluster and hit.last - hit.first + 1 == 60
    image = render(canvas)
    # Where the badge's outline runs under the glyph's left part: the status colour wins.
    assert close(image.pixelColor(int(badge_right), int(spot.y())), STATUS_COLOURS[1])
