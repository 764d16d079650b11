"""The window the listing tests count the reads of: shown, in a chosen layout, with the
Key dates dock hidden (it lists on its own)."""

from __future__ import annotations

from ui.main_window import MainWindow


def open_listing_window(qtbot, repo, settings, layout: str | None) -> MainWindow:
    """Return a shown MainWindow on ``repo`` in ``layout`` ("articles", "stories", or
    None for the one the window picks), its Key dates dock hidden."""
    if layout is not None:
        settings.setValue("view/layout", layout)
    window = MainWindow(repo, settings=settings, actor="analyst")
    qtbot.addWidget(window)
    window.key_dates.dock.hide()  # it lists on its own; these tests count the listing's reads
    window.show()
    return window
