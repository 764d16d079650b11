"""What the canvas mixins (``interaction``, ``rendering``) expect of the widget they are
mixed into: TimelineCanvas's state and the methods they call.

Declarations for the type checker only: at run time ``CanvasHost`` is an empty base, so
it changes nothing of how TimelineCanvas behaves. Keep it in step with
``TimelineCanvas.__init__``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Signal
from PySide6.QtGui import QFont, QImage
from PySide6.QtWidgets import QScrollBar, QWidget

from . import scale
from .data import CanvasEvent
from .edges import Beyond
from .hits import Hit
from .layout import CanvasLayout
from .overview import Overview
from .painter import LanePainter

if TYPE_CHECKING:
    _Widget = QWidget
else:
    _Widget = object  # the widget class comes last in TimelineCanvas's bases


class CanvasHost(_Widget):
    """The attributes of TimelineCanvas the mixins read and write."""

    _events: dict[int, CanvasEvent]
    _hide_rejected: bool
    _layout: CanvasLayout
    _other_layout: CanvasLayout | None
    _layout_version: int
    _viewport: scale.Viewport
    _scroll_y: float
    _selected: set[int]
    _lanes: LanePainter
    _overview: Overview
    _axis_font: QFont
    _label_widths: dict[str, float]
    # The cached pictures and what they were drawn for (compared whole, never read apart).
    _cache: QImage | None
    _cache_key: tuple[object, ...] | None
    _bands: QImage | None
    _bands_key: tuple[object, ...] | None
    _fitted: bool
    _key_spans: list[tuple[float, float]]  # the key dates' days, in days
    _lane_scrollbar: QScrollBar
    # Set by CanvasInteraction._init_interaction.
    _press: tuple[QPointF, float, float] | None  # pos, t0, scroll_y
    _mode: str | None  # pending | pan | box | overview
    _rubber_band: QRectF | None
    _hovered: Hit | None
    _edge_rects: list[tuple[str, QRectF]]
    _label_hits: tuple[tuple[object, ...] | None, list[tuple[float, float, float, int, int]]]

    if TYPE_CHECKING:
        selectionChanged = Signal(list)
        eventActivated = Signal(int)

        def time_width(self) -> float: ...

        def lanes_height(self) -> float: ...

        def fit_all(self) -> None: ...

        def center_on(self, event_id: int) -> None: ...

        def view_key(self) -> tuple[object, ...]: ...

        def beyond_view(self) -> Beyond: ...

        def go_beyond(self, side: str) -> None: ...

        def _set_scroll(self, scroll_y: float) -> None: ...
