"""Text the canvas draws over and over, laid out once: event titles (shortened to a few
fixed widths, so zooming reuses them), cluster counts and lane names."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF, QStaticText

from .layout import Lane
from .style import LINE_H, font_fitting

_TITLE_CACHE_LIMIT = 20000
_ELIDE_WIDTHS = (36, 48, 64, 88, 120, 160, 220, 300)  # px a shortened title may take


class PreparedTexts:
    """Prepared QStaticText in the canvas's fonts, cached by event index, count or lane."""

    def __init__(self, font: QFont) -> None:
        # Rows have a fixed height: a larger font is made to fit it.
        self.font = font_fitting(font, LINE_H - 2)
        self.small_font = QFont(self.font)  # for cluster counts
        if self.font.pointSizeF() > 0:
            self.small_font.setPointSizeF(max(6.0, self.font.pointSizeF() * 0.8))
        else:  # a font set in pixels
            self.small_font.setPixelSize(max(8, round(self.font.pixelSize() * 0.8)))
        self.metrics = QFontMetricsF(self.font)
        self.label_height = self.metrics.height()
        self.forget()

    def forget(self) -> None:
        """Drop every prepared text (after a data change: titles are kept by event index)."""
        self._titles: dict[tuple[int, int], tuple[QStaticText, float]] = {}
        self._title_widths: dict[int, float] = {}
        self._captions: dict[int, QStaticText] = {}
        self._counts: dict[int, QStaticText] = {}

    def title_width(self, event_index: int, title: str) -> float:
        """Return the width (px) of the whole title (measured once per event index)."""
        full_width = self._title_widths.get(event_index)
        if full_width is None:
            full_width = self._title_widths[event_index] = self.metrics.horizontalAdvance(title)
        return full_width

    def title(self, event_index: int, title: str, room: float
              ) -> tuple[QStaticText, float] | None:
        """Return the title as it fits ``room`` px (elided to a few fixed widths) and its
        width (px), or None when not even the shortest fits."""
        full_width = self.title_width(event_index, title)
        if full_width <= room:
            fit = 0  # the whole title
        else:
            widest = next((w for w in reversed(_ELIDE_WIDTHS) if w <= room), None)
            if widest is None:
                return None
            fit = widest
        key = (event_index, fit)
        prepared = self._titles.get(key)
        if prepared is None:
            if len(self._titles) > _TITLE_CACHE_LIMIT:
                self._titles.clear()
            title = " ".join(title.split())  # one line, whatever the source's line breaks
            shown = (
                title
                if fit == 0
                else self.metrics.elidedText(title, Qt.TextElideMode.ElideRight, fit)
            )
            text = _prepared(shown, self.font)
            # Its width read once: asking a QStaticText for its size costs a call into Qt.
            prepared = self._titles[key] = (text, text.size().width())
        return prepared

    def count(self, count: int) -> QStaticText:
        """Return a cluster's count, in the small font."""
        text = self._counts.get(count)
        if text is None:
            text = self._counts[count] = _prepared(str(count), self.small_font)
        return text

    def caption(self, lane: Lane, lane_index: int) -> QStaticText:
        """Return a lane's header: its name and how many events it holds."""
        caption = self._captions.get(lane_index)
        if caption is None:
            caption = self._captions[lane_index] = _prepared(
                f"{lane.name}  ({lane.event_count})", self.font
            )
        return caption


def _prepared(shown: str, font: QFont) -> QStaticText:
    text = QStaticText(shown)
    text.setTextFormat(Qt.TextFormat.PlainText)
    text.prepare(font=font)
    return text
