"""Export of the canvas's current view: PNG at any size, SVG with vector glyphs.

Both show the same stretch of time as the widget does; a larger PNG gets the same window
drawn with more pixels per day, and more lanes if it is taller.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QImageWriter, QPainter

from .scale import Viewport


class ExportedCanvas(Protocol):
    """What the export reads of the canvas (TimelineCanvas is one)."""

    def viewport(self) -> Viewport: ...

    def time_width(self) -> float: ...

    def width(self) -> int: ...

    def height(self) -> int: ...

    def logicalDpiY(self) -> int: ...  # noqa: N802 (Qt's name)

    def paint_onto(
        self, painter: QPainter, width: int, height: int, vector: bool = False
    ) -> None: ...


@contextmanager
def _same_time_window(canvas: ExportedCanvas, width: int) -> Iterator[None]:
    """Stretch the canvas's scale to ``width`` px for the duration, then put it back."""
    viewport = canvas.viewport()
    saved = (viewport.t0, viewport.px_per_day)
    viewport.px_per_day *= width / canvas.time_width()
    try:
        yield
    finally:
        viewport.t0, viewport.px_per_day = saved


def write_png(
    canvas: ExportedCanvas, path: str | Path, width: int | None = None, height: int | None = None
) -> None:
    """Write the canvas's view to a PNG at ``width`` x ``height`` (default: the widget's
    size). Raises OSError with a one-line message when the file cannot be written."""
    width, height = int(width or canvas.width()), int(height or canvas.height())
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    painter = QPainter(image)
    with _same_time_window(canvas, width):
        canvas.paint_onto(painter, width, height)
    painter.end()
    # What QImage.save does (whose binding wants the format as str, its stub as bytes).
    if not Path(path).parent.is_dir() or not QImageWriter(str(path), b"PNG").write(image):
        raise OSError(f"could not write the image to {path}")


def write_svg(canvas: ExportedCanvas, path: str | Path) -> None:
    """Write the canvas's view to an SVG file, glyphs and soft bars as vector shapes.
    Raises OSError with a one-line message when the file cannot be written."""
    from PySide6.QtSvg import QSvgGenerator  # only export needs the SVG module

    if not Path(path).parent.is_dir():
        raise OSError(f"could not write the drawing to {path}: no such folder")
    width, height = canvas.width(), canvas.height()
    generator = QSvgGenerator()
    generator.setFileName(str(path))
    generator.setSize(QSize(width, height))
    generator.setViewBox(QRectF(0, 0, width, height))
    # Fonts are sized in points: at the generator's default 72 dpi the text would come out
    # smaller than on screen and off the middle of its row.
    generator.setResolution(canvas.logicalDpiY())
    generator.setTitle("Timeline")
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError(f"could not write the drawing to {path}")
    canvas.paint_onto(painter, width, height, vector=True)
    painter.end()
