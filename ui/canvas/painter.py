"""The one paint routine for the lanes and their events.

Per visible row it asks the layout for the clusters in view at this zoom (two bisects plus
the breaks of this zoom), then draws a glyph, a bar, an open-ended arrow or a cluster for
each. Glyphs are blitted from pre-rendered images (vectors when exporting SVG); cluster
badges are drawn together after the rows; text is drawn from cached QStaticText.
"""

from __future__ import annotations

from bisect import bisect_left, insort
from math import ceil, floor

from PySide6.QtCore import QLineF, QPointF, QRectF
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPalette, QPen, QStaticText

from .bars import OPEN_ARROW_PX, paint_bar, paint_open_tail
from .data import KIND_FINE, KIND_OPEN_AFTER, KIND_OPEN_BEFORE
from .hits import sticky_header
from .layout import BAR_PX, CanvasLayout
from .scale import Viewport
from .style import AXIS_H, GLYPH, LINE_H, GlyphAtlas, draw_glyph, draw_halo, faded
from .texts import PreparedTexts

LABEL_MIN_PX = 36  # room needed beside a glyph before its title is drawn
# A title cut shorter than this beside its glyph looks for a line below with more room.
SHORT_TITLE_PX = 120


class LanePainter:
    """Draws lane bands, group headers and events; holds the caches that make it fast."""

    def __init__(self, font: QFont) -> None:
        self.atlas = GlyphAtlas()
        # Where the last frame drew each title (left, top, width: a line tall) and whose
        # it is (row index, position in the row); plain numbers, cheaper than QRectF.
        self.label_hits: list[tuple[float, float, float, int, int]] = []
        self._halo_key: tuple[int, float] | None = None
        self.set_font(font)

    def use_pixel_ratio(self, ratio: float) -> None:
        """Render glyphs for a device with ``ratio`` device pixels per pixel (HiDPI)."""
        if ratio != self.atlas.ratio:
            self.atlas = GlyphAtlas(ratio)

    def set_font(self, font: QFont) -> None:
        """Use ``font`` for titles and lane names (smaller if a line of it is taller than a
        row); drops the texts prepared in the font before."""
        self.texts = PreparedTexts(font)

    def forget_texts(self) -> None:
        """Drop prepared texts (after a data change: titles are cached by event index)."""
        self.texts.forget()

    def _use_halo_colour(self, colour: QColor) -> None:
        """Pre-render the disc drawn under glyphs that sit on bars, in ``colour``."""
        key = (colour.rgba(), self.atlas.ratio)
        if self._halo_key != key:
            self.halo_colour, self._halo_key = QColor(colour), key
            self.halo = self.atlas.halo_image(colour)

    def cluster_width(self, count: int) -> float:
        """Return the least width (px) of a cluster badge of ``count`` events: wide enough
        for its count (and a little over the gap that parts clusters)."""
        return max(GLYPH + 3, self.texts.count(count).size().width() + 7)

    def paint_bands(
        self, painter: QPainter, layout: CanvasLayout, scroll_y: float, width: float,
        lanes_bottom: float, palette: QPalette,
    ) -> None:
        """Draw the lane backgrounds, alternating per lane (cached by the view: it changes
        with the scroll, not with time)."""
        first_line, last_line = _visible_lines(scroll_y, lanes_bottom)
        painter.save()
        painter.setClipRect(QRectF(0, AXIS_H, width, lanes_bottom - AXIS_H))
        base = palette.color(QPalette.ColorRole.Base)
        alternate = palette.color(QPalette.ColorRole.AlternateBase)
        painter.fillRect(QRectF(0, 0, width, lanes_bottom), base)
        for lane_index, lane in enumerate(layout.lanes):
            if lane.header_line + lane.row_count < first_line or lane.header_line > last_line:
                continue
            top = AXIS_H + lane.header_line * LINE_H - scroll_y
            if lane_index % 2:
                painter.fillRect(QRectF(0, top + LINE_H, width, lane.row_count * LINE_H), alternate)
        painter.restore()

    def paint_events(
        self, painter: QPainter, layout: CanvasLayout, viewport: Viewport, scroll_y: float,
        width: float, lanes_bottom: float, palette: QPalette, vector: bool = False,
    ) -> None:
        """Draw every event in view: glyphs, bars, clusters, titles."""
        first_line, last_line = _visible_lines(scroll_y, lanes_bottom)
        painter.save()
        painter.setClipRect(QRectF(0, AXIS_H, width, lanes_bottom - AXIS_H))
        text_colour = self.text_colour = palette.color(QPalette.ColorRole.Text)
        self._use_halo_colour(palette.color(QPalette.ColorRole.Base))
        painter.setFont(self.texts.font)
        t_margin = (GLYPH + 2) / viewport.px_per_day
        t_left, t_right = viewport.t_of(0) - t_margin, viewport.t_of(width) + t_margin
        drawn = _Frame()
        for lane in layout.lanes:
            if lane.header_line + lane.row_count < first_line or lane.header_line > last_line:
                continue
            start_row = lane.first_row + max(0, first_line - lane.header_line - 1)
            stop_row = lane.first_row + min(lane.row_count, last_line - lane.header_line)
            drawn.lane_end = lane.header_line + lane.row_count  # the lane's last line
            for row_index in range(start_row, stop_row):
                row = layout.rows[row_index]
                y = AXIS_H + row.line * LINE_H - scroll_y
                self._paint_row(
                    painter, layout, row_index, viewport, y, t_left, t_right, width, drawn,
                    vector,
                )
        self._place_below(layout, width, drawn)
        # Bars lie under everything; then cluster badges, then glyphs (a glyph beside a
        # wide badge keeps its whole shape), then titles. A badge is outlined and round-
        # cornered on the lane's own background, so it never reads as a grey interval bar.
        painter.setPen(QPen(faded(text_colour, 170), 1))
        painter.setBrush(QBrush(palette.color(QPalette.ColorRole.Base)))
        for box in drawn.badges:
            painter.drawRoundedRect(box, 3, 3)
        painter.setFont(self.texts.small_font)
        painter.setPen(text_colour)
        for box, count in zip(drawn.badges, drawn.counts, strict=True):
            text = self.texts.count(count)
            text_width = text.size().width()
            if text_width <= box.width() + 2:
                painter.drawStaticText(
                    QPointF(box.left() + (box.width() - text_width) / 2, box.top() - 0.5), text
                )
        self._paint_glyphs(painter, drawn.glyphs, vector)
        if drawn.leaders:
            # A title moved to a line below hangs from its glyph by a faint hook.
            painter.setPen(QPen(faded(text_colour, 110), 1))
            painter.drawLines(drawn.leaders)
        painter.setFont(self.texts.font)
        painter.setPen(text_colour)
        for spot, text in drawn.titles:
            painter.drawStaticText(spot, text)
        self.label_hits = drawn.label_hits
        painter.restore()

    def _place_below(self, layout: CanvasLayout, width: float, drawn: _Frame) -> None:
        """Give the titles that had no room beside their glyph (or too little: they were
        cut short) a free stretch on one of the two lines below, in the same lane, when
        there is one with more room; else they stay beside the glyph, cut, or are not drawn."""
        label_height = self.texts.label_height
        for (index, row_index, position, cx, label_left, line, lane_end, beside,
             beside_top) in drawn.pending:
            least = max(LABEL_MIN_PX, beside * 1.5) if beside else LABEL_MIN_PX
            placed = False
            for down in (1, 2):
                below = line + down
                occupied = drawn.occupied.get(below)
                if below > lane_end or occupied is None:
                    break  # the next lane's header, or a line out of view
                # The nearest thing drawn at or after the title's left, and the one before.
                after = bisect_left(occupied, (label_left - 3,))
                if after and occupied[after - 1][1] > label_left - 3:
                    continue
                right = occupied[after][0] if after < len(occupied) else width + 3
                room = min(right, width + 3) - 3 - label_left
                if room < least:
                    continue
                prepared = self.texts.title(index, layout.events[index].title, room)
                if prepared is None:
                    continue
                text, text_width = prepared
                top = drawn.line_top[below] + (LINE_H - label_height) / 2
                drawn.titles.append((QPointF(label_left, top), text))
                insort(occupied, (label_left, label_left + text_width))
                drawn.label_hits.append((label_left, top, text_width, row_index, position))
                glyph_bottom = drawn.line_top[line] + (LINE_H + GLYPH) / 2
                hook_y = top + label_height / 2
                drawn.leaders.extend((QLineF(cx, glyph_bottom, cx, hook_y),
                                      QLineF(cx, hook_y, label_left - 2, hook_y)))
                placed = True
                break
            if not placed and beside:
                prepared = self.texts.title(index, layout.events[index].title, beside)
                if prepared is not None:
                    drawn.titles.append((QPointF(label_left, beside_top), prepared[0]))
                    drawn.label_hits.append((label_left, beside_top, prepared[1], row_index,
                                             position))

    def _paint_glyphs(
        self, painter: QPainter, glyphs: list[tuple[float, float, int, bool]], vector: bool
    ) -> None:
        """Draw status glyphs centred at (cx, cy); those on a bar of their own colour sit on a
        disc of the background, or their shape would vanish into it."""
        half_glyph = self.atlas.size / 2
        images = self.atlas.images
        for cx, cy, status, on_bar in glyphs:
            if vector:
                if on_bar:
                    draw_halo(painter, self.halo_colour, cx, cy)
                draw_glyph(painter, status, cx, cy)
                continue
            # Pixel-aligned so the glyph stays crisp; glyph_centre() uses the same rounding.
            spot = QPointF(round(cx - half_glyph), round(cy - half_glyph))
            if on_bar:
                painter.drawImage(spot, self.halo)
            painter.drawImage(spot, images[status])

    def paint_headers(
        self, painter: QPainter, layout: CanvasLayout, scroll_y: float, width: float,
        lanes_bottom: float, palette: QPalette,
    ) -> None:
        """Draw each visible lane's header line: its name and how many events it holds."""
        first_line, last_line = _visible_lines(scroll_y, lanes_bottom)
        painter.save()
        painter.setClipRect(QRectF(0, AXIS_H, width, lanes_bottom - AXIS_H))
        for lane_index, lane in enumerate(layout.lanes):
            if first_line - 1 <= lane.header_line <= last_line:
                self._paint_header(
                    painter,
                    layout,
                    lane_index,
                    AXIS_H + lane.header_line * LINE_H - scroll_y,
                    width,
                    palette,
                )
        painter.restore()

    def paint_pinned_header(
        self,
        painter: QPainter,
        layout: CanvasLayout,
        scroll_y: float,
        width: float,
        palette: QPalette,
    ) -> None:
        """Draw, over the events, the header of the lane scrolled into (its name stays in view)."""
        pinned = sticky_header(layout, scroll_y)
        if pinned is None:
            return
        painter.save()
        painter.setClipRect(QRectF(0, AXIS_H, width, LINE_H))
        self._paint_header(painter, layout, pinned[0], pinned[1], width, palette)
        painter.restore()

    def _paint_header(
        self,
        painter: QPainter,
        layout: CanvasLayout,
        lane_index: int,
        top: float,
        width: float,
        palette: QPalette,
    ) -> None:
        painter.fillRect(QRectF(0, top, width, LINE_H), palette.color(QPalette.ColorRole.Button))
        painter.setFont(self.texts.font)
        painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
        painter.drawStaticText(
            QPointF(6, top + (LINE_H - self.texts.label_height) / 2),
            self.texts.caption(layout.lanes[lane_index], lane_index),
        )

    def _paint_row(
        self,
        painter: QPainter,
        layout: CanvasLayout,
        row_index: int,
        viewport: Viewport,
        y: float,
        t_left: float,
        t_right: float,
        width: float,
        drawn: _Frame,
        vector: bool,
    ) -> None:
        """Draw a row's bars and note its badges, glyphs and titles in ``drawn``; what
        it draws is noted as taken on its line, the titles with no room beside their
        glyph as waiting for a line below."""
        row = layout.rows[row_index]
        occupied: list[tuple[float, float]] = []
        drawn.occupied[row.line] = occupied
        drawn.line_top[row.line] = y
        runs = row.runs(t_left, t_right, viewport.px_per_day)
        if not runs:
            return
        t0, ppd = viewport.t0, viewport.px_per_day
        starts, ends, members = row.starts, row.ends, row.members
        statuses, kinds, events = layout.statuses, layout.kinds, layout.events
        mid_y = y + LINE_H / 2
        label_top = mid_y - self.texts.label_height / 2
        last = len(runs) - 1
        for number, (first, final) in enumerate(runs):
            x0 = (starts[first] - t0) * ppd
            x1 = (ends[final] - t0) * ppd
            if first != final:
                count = final - first + 1
                x0, x1 = self._badge_span(count, x0, x1)
                x0, x1 = max(x0, -2.0), min(x1, width + 2)
                drawn.badges.append(QRectF(x0 + 0.5, y + 3.5, x1 - x0 - 1, LINE_H - 7))
                drawn.counts.append(count)
                occupied.append((x0, x1))
                continue
            index = members[first]
            status = statuses[index]
            kind = kinds[index]
            cx = glyph_x(kind, x0, x1)
            on_bar = x1 - x0 >= BAR_PX
            if on_bar:
                paint_bar(painter, kind, status, x0, x1, mid_y, width, vector)
            elif kind >= KIND_OPEN_AFTER:
                paint_open_tail(painter, kind, status, cx, mid_y, vector)
                on_bar = True  # the glyph sits on its tail
            drawn.glyphs.append((cx, mid_y, status, on_bar))
            occupied.append((min(x0, cx - GLYPH / 2), max(x1, cx + GLYPH / 2)) if on_bar
                            else (cx - GLYPH / 2, cx + GLYPH / 2))
            if cx < 0 or x1 <= 0:
                continue  # at most half a glyph just left of the view: a title would float alone
            # After an open-ended event's arrowhead when it points right.
            arrow_room = OPEN_ARROW_PX if kind == KIND_OPEN_AFTER else 0
            label_left = max(cx + GLYPH / 2 + 3 + arrow_room, 0.0)
            if number < last:
                next_first, next_final = runs[number + 1]
                next_x0, next_x1 = (starts[next_first] - t0) * ppd, (ends[next_final] - t0) * ppd
                if next_first == next_final:
                    # Up to the next glyph: a day's glyph sits in the middle of its faint bar,
                    # so the title may run over the bar's first half.
                    next_kind = kinds[members[next_first]]
                    next_left = glyph_x(next_kind, next_x0, next_x1) - GLYPH / 2
                    if next_kind == KIND_OPEN_BEFORE:
                        next_left -= OPEN_ARROW_PX  # its arrow points back at this title
                else:
                    next_left = self._badge_span(next_final - next_first + 1, next_x0, next_x1)[0]
                room = next_left - 3 - label_left
            else:
                room = width - label_left
            if (LABEL_MIN_PX <= room < SHORT_TITLE_PX and number < last
                    and self.texts.title_width(index, events[index].title) > room):
                # Cut short by the next glyph: it keeps its room here, and takes a line
                # below instead when one has clearly more.
                occupied.append((label_left, label_left + room))
                drawn.pending.append((index, row_index, first, cx, label_left, row.line,
                                      drawn.lane_end, room, label_top))
            elif room >= LABEL_MIN_PX and (
                prepared := self.texts.title(index, events[index].title, room)
            ):
                text, text_width = prepared
                drawn.titles.append((QPointF(label_left, label_top), text))
                occupied.append((label_left, label_left + text_width))
                drawn.label_hits.append((label_left, label_top, text_width, row_index, first))
            else:
                drawn.pending.append((index, row_index, first, cx, label_left, row.line,
                                      drawn.lane_end, 0.0, label_top))

    def _badge_span(self, count: int, x0: float, x1: float) -> tuple[float, float]:
        """Return where a cluster of ``count`` events over [x0, x1] draws its badge: at
        least wide enough for its count, around the same middle."""
        least = self.cluster_width(count)
        if x1 - x0 >= least:
            return x0, x1
        centre = (x0 + x1) / 2
        return centre - least / 2, centre + least / 2


class _Frame:
    """What one paint of the events collects to draw after the bars, in layers."""

    __slots__ = ("badges", "counts", "glyphs", "label_hits", "lane_end", "leaders",
                 "line_top", "occupied", "pending", "titles")

    def __init__(self) -> None:
        self.badges: list[QRectF] = []
        self.counts: list[int] = []
        self.glyphs: list[tuple[float, float, int, bool]] = []  # cx, cy, status, on a bar
        self.titles: list[tuple[QPointF, QStaticText]] = []
        # Where each title is, and whose it is: (left, top, width, row index, position).
        self.label_hits: list[tuple[float, float, float, int, int]] = []
        self.lane_end = 0  # the last line of the lane being drawn
        # Per line in view: the x-stretches drawn on it (sorted by the painter's order).
        self.occupied: dict[int, list[tuple[float, float]]] = {}
        self.line_top: dict[int, float] = {}
        # Titles with no room beside their glyph:
        # (event index, row index, position, glyph x, title left, line, lane's last line,
        # room beside the glyph when it had some (else 0), the top of a title there).
        self.pending: list[tuple[int, int, int, float, float, int, int, float, float]] = []
        self.leaders: list[QLineF] = []


def glyph_x(kind: int, x0: float, x1: float) -> float:
    """Return the x of an event's status glyph, given its stretch [x0, x1] in px.

    A narrow event's glyph is its centre. On a bar it marks the start (kept in view, so
    the title beside it stays readable), except for a day-or-finer time, whose glyph stays
    in the middle of its uncertain stretch while that middle is in view.
    """
    if x1 - x0 < BAR_PX:
        return (x0 + x1) / 2
    at_start = min(max(x0, 0.0), x1 - GLYPH) + GLYPH / 2 + 1
    if kind == KIND_FINE:
        return max((x0 + x1) / 2, at_start)
    return at_start


def _visible_lines(scroll_y: float, lanes_bottom: float) -> tuple[int, int]:
    return floor(scroll_y / LINE_H), ceil((scroll_y + lanes_bottom - AXIS_H) / LINE_H)
