"""The one paint routine for the lanes and their events.

Per visible row it asks the layout for the clusters in view at this zoom (two bisects plus
the breaks of this zoom), then draws a glyph, a bar, an open-ended arrow or a cluster for
each. Glyphs are blitted from pre-rendered images (vectors when exporting SVG); cluster
badges are drawn together after the rows; text is drawn from cached QStaticText.
"""

from __future__ import annotations

from math import ceil, floor

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen, QStaticText

from .bars import OPEN_ARROW_PX, paint_bar, paint_open_tail
from .data import KIND_FINE, KIND_OPEN_AFTER, KIND_OPEN_BEFORE
from .hits import sticky_header
from .layout import BAR_PX, CanvasLayout
from .scale import Viewport
from .style import AXIS_H, GLYPH, LINE_H, GlyphAtlas, draw_glyph, draw_halo, faded, font_fitting

LABEL_MIN_PX = 36  # room needed beside a glyph before its title is drawn
_LABEL_CACHE_LIMIT = 20000
_ELIDE_WIDTHS = (36, 48, 64, 88, 120, 160, 220, 300)  # px a shortened title may take


class LanePainter:
    """Draws lane bands, group headers and events; holds the caches that make it fast."""

    def __init__(self, font: QFont) -> None:
        self.atlas = GlyphAtlas()
        self._halo_key: tuple[int, float] | None = None
        self.set_font(font)

    def use_pixel_ratio(self, ratio: float) -> None:
        """Render glyphs for a device with ``ratio`` device pixels per pixel (HiDPI)."""
        if ratio != self.atlas.ratio:
            self.atlas = GlyphAtlas(ratio)

    def set_font(self, font: QFont) -> None:
        """Use ``font`` for titles (smaller if a line of it is taller than a row); the
        small font for counts derives from it."""
        self.font = font_fitting(font, LINE_H - 2)
        self.small_font = QFont(font)
        if self.font.pointSizeF() > 0:
            self.small_font.setPointSizeF(max(6.0, self.font.pointSizeF() * 0.8))
        else:  # a font set in pixels
            self.small_font.setPixelSize(max(8, round(self.font.pixelSize() * 0.8)))
        self.metrics = QFontMetricsF(self.font)
        self.small_metrics = QFontMetricsF(self.small_font)
        self.label_height = self.metrics.height()
        self.forget_texts()

    def _use_halo_colour(self, colour: QColor) -> None:
        """Pre-render the disc drawn under glyphs that sit on bars, in ``colour``."""
        key = (colour.rgba(), self.atlas.ratio)
        if self._halo_key != key:
            self.halo_colour, self._halo_key = QColor(colour), key
            self.halo = self.atlas.halo_image(colour)

    def forget_texts(self) -> None:
        """Drop cached texts (after a data or font change)."""
        self.titles: dict[tuple[int, int], QStaticText] = {}
        self.title_widths: dict[int, float] = {}
        self.captions: dict[int, QStaticText] = {}
        self.counts: dict[int, QStaticText] = {}

    def _title(self, event_index: int, title: str, room: float) -> QStaticText | None:
        """Return the title as it fits ``room`` px (elided to a few fixed widths, so that
        zooming reuses the cache), or None when not even the shortest fits."""
        full_width = self.title_widths.get(event_index)
        if full_width is None:
            full_width = self.title_widths[event_index] = self.metrics.horizontalAdvance(title)
        if full_width <= room:
            fit = 0  # the whole title
        else:
            fit = next((w for w in reversed(_ELIDE_WIDTHS) if w <= room), None)
            if fit is None:
                return None
        key = (event_index, fit)
        text = self.titles.get(key)
        if text is None:
            if len(self.titles) > _LABEL_CACHE_LIMIT:
                self.titles.clear()
            title = " ".join(title.split())  # one line, whatever the source's line breaks
            shown = title if fit == 0 else self.metrics.elidedText(title, Qt.TextElideMode.ElideRight, fit)
            text = QStaticText(shown)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(font=self.font)
            self.titles[key] = text
        return text

    def _count(self, count: int) -> QStaticText:
        text = self.counts.get(count)
        if text is None:
            text = QStaticText(str(count))
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.prepare(font=self.small_font)
            self.counts[count] = text
        return text

    def cluster_width(self, count: int) -> float:
        """Return the least width (px) of a cluster badge of ``count`` events: wide enough
        for its count (and a little over the gap that parts clusters)."""
        return max(GLYPH + 3, self._count(count).size().width() + 4)

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
        painter.setFont(self.font)
        t_margin = (GLYPH + 2) / viewport.px_per_day
        t_left, t_right = viewport.t_of(0) - t_margin, viewport.t_of(width) + t_margin
        clusters: list[QRectF] = []
        count_spots: list[tuple[float, float, float, int]] = []
        painter.setPen(text_colour)
        for lane in layout.lanes:
            if lane.header_line + lane.row_count < first_line or lane.header_line > last_line:
                continue
            start_row = lane.first_row + max(0, first_line - lane.header_line - 1)
            stop_row = lane.first_row + min(lane.row_count, last_line - lane.header_line)
            for row_index in range(start_row, stop_row):
                row = layout.rows[row_index]
                y = AXIS_H + row.line * LINE_H - scroll_y
                self._paint_row(painter, layout, row, viewport, y, t_left, t_right, width,
                                clusters, count_spots, vector)
        # A cluster is an outlined, round-cornered badge on the lane's own background, so
        # it never reads as a grey (unreviewed) interval bar.
        painter.setPen(QPen(faded(text_colour, 170), 1))
        painter.setBrush(QBrush(palette.color(QPalette.ColorRole.Base)))
        for box in clusters:
            painter.drawRoundedRect(box, 3, 3)
        painter.setFont(self.small_font)
        painter.setPen(text_colour)
        for left, top, box_width, count in count_spots:
            text = self._count(count)
            text_width = text.size().width()
            if text_width <= box_width + 2:
                painter.drawStaticText(QPointF(left + (box_width - text_width) / 2, top), text)
        painter.restore()

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
                self._paint_header(painter, layout, lane_index, AXIS_H + lane.header_line * LINE_H - scroll_y,
                                   width, palette)
        painter.restore()

    def paint_pinned_header(
        self, painter: QPainter, layout: CanvasLayout, scroll_y: float, width: float, palette: QPalette,
    ) -> None:
        """Draw, over the events, the header of the lane scrolled into (its name stays in view)."""
        pinned = sticky_header(layout, scroll_y)
        if pinned is None:
            return
        painter.save()
        painter.setClipRect(QRectF(0, AXIS_H, width, LINE_H))
        self._paint_header(painter, layout, pinned[0], pinned[1], width, palette)
        painter.restore()

    def _paint_header(self, painter: QPainter, layout: CanvasLayout, lane_index: int, top: float, width: float,
                      palette: QPalette) -> None:
        painter.fillRect(QRectF(0, top, width, LINE_H), palette.color(QPalette.ColorRole.Button))
        painter.setFont(self.font)
        painter.setPen(palette.color(QPalette.ColorRole.ButtonText))
        painter.drawStaticText(QPointF(6, top + (LINE_H - self.label_height) / 2), self._caption(layout, lane_index))

    def _caption(self, layout: CanvasLayout, lane_index: int) -> QStaticText:
        caption = self.captions.get(lane_index)
        if caption is None:
            lane = layout.lanes[lane_index]
            caption = self.captions[lane_index] = QStaticText(f"{lane.name}  ({lane.event_count})")
            caption.setTextFormat(Qt.TextFormat.PlainText)
            caption.prepare(font=self.font)
        return caption

    def _paint_row(self, painter, layout, row, viewport, y, t_left, t_right, width,
                   clusters, count_spots, vector) -> None:
        runs = row.runs(t_left, t_right, viewport.px_per_day)
        if not runs:
            return
        t0, ppd = viewport.t0, viewport.px_per_day
        starts, ends, members = row.starts, row.ends, row.members
        statuses, kinds, events = layout.statuses, layout.kinds, layout.events
        mid_y = y + LINE_H / 2
        half_glyph = self.atlas.size / 2
        glyph_top = round(mid_y - half_glyph)
        label_top = mid_y - self.label_height / 2
        images = self.atlas.images
        last = len(runs) - 1
        for number, (first, final) in enumerate(runs):
            x0 = (starts[first] - t0) * ppd
            x1 = (ends[final] - t0) * ppd
            if first != final:
                count = final - first + 1
                least = self.cluster_width(count)
                if x1 - x0 < least:
                    centre = (x0 + x1) / 2
                    x0, x1 = centre - least / 2, centre + least / 2
                x0, x1 = max(x0, -2.0), min(x1, width + 2)
                clusters.append(QRectF(x0 + 0.5, y + 3.5, x1 - x0 - 1, LINE_H - 7))
                count_spots.append((x0, y + 3, x1 - x0, count))
                continue
            index = members[first]
            status = statuses[index]
            kind = kinds[index]
            cx = glyph_x(kind, x0, x1)
            on_bar = x1 - x0 >= BAR_PX
            if on_bar and paint_bar(painter, kind, status, x0, x1, mid_y, width, vector):
                painter.setPen(self.text_colour)  # the bar took the pen; titles need it
            elif kind >= KIND_OPEN_AFTER:
                paint_open_tail(painter, kind, status, cx, mid_y, vector)
                on_bar = True  # the glyph sits on its tail
            if vector:
                if on_bar:
                    draw_halo(painter, self.halo_colour, cx, mid_y)
                draw_glyph(painter, status, cx, mid_y)
            else:
                # Pixel-aligned so the glyph stays crisp; glyph_centre() uses the same rounding.
                spot = QPointF(round(cx - half_glyph), glyph_top)
                if on_bar:
                    # On a bar of its own colour the shape would vanish: a disc of the
                    # background under it keeps the status readable by shape.
                    painter.drawImage(spot, self.halo)
                painter.drawImage(spot, images[status])
            if cx < 0 or x1 <= 0:
                continue  # at most half a glyph just left of the view: a title would float alone
            # After an open-ended event's arrowhead when it points right.
            arrow_room = OPEN_ARROW_PX if kind == KIND_OPEN_AFTER else 0
            label_left = max(cx + GLYPH / 2 + 3 + arrow_room, 0.0)
            if number < last:
                next_first, next_final = runs[number + 1]
                next_x0 = (starts[next_first] - t0) * ppd
                if next_first == next_final:
                    # Up to the next glyph: a day's glyph sits in the middle of its faint bar,
                    # so the title may run over the bar's first half.
                    next_kind = kinds[members[next_first]]
                    next_x = glyph_x(next_kind, next_x0, (ends[next_first] - t0) * ppd)
                    if next_kind == KIND_OPEN_BEFORE:
                        next_x -= OPEN_ARROW_PX  # its arrow points back at this title
                    room = next_x - GLYPH / 2 - 3 - label_left
                else:
                    # A cluster badge may reach half a glyph left of its start.
                    room = next_x0 - GLYPH / 2 - 3 - label_left
            else:
                room = width - label_left
            if room >= LABEL_MIN_PX and (text := self._title(index, events[index].title, room)):
                painter.drawStaticText(QPointF(label_left, label_top), text)


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
