"""Starting the desktop app: the QApplication, its palette, the database, first-run seeds.

``run(db_url, screenshot)`` is what ``timeline gui`` calls. On an empty database the
bundled seeds/ folder is imported (in the background, like any import), so the window
is never empty. With ``screenshot`` the loaded window is rendered to a PNG and the app
exits.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QMessageLogContext,
    QSettings,
    Qt,
    QTimer,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox, QStyleFactory

from timeline.untrusted_text import days_around
from ui.gateway import (
    NewerSchemaError,
    Repository,
    StoreError,
    default_database_url,
    open_store,
)
from ui.platform_check import missing_libraries, missing_libraries_message, uses_xcb
from ui.settings_store import WindowSettings
from ui.tasks import TaskContext

if TYPE_CHECKING:
    from ui.main_window import MainWindow

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ICON = Path(__file__).resolve().parent.parent / "resources" / "icons" / "timeline.svg"
ORGANIZATION = "timeline"
NEWS_WEEK_LOOKS_AT = 10_000  # unreviewed events read to find the news week
APPLICATION = "Timeline"


def application(argv: list[str] | None = None) -> QApplication:
    """Return the running QApplication, creating and styling it on first call."""
    existing = QApplication.instance()
    if existing is None:
        app = QApplication(argv or [sys.argv[0]])
    elif isinstance(existing, QApplication):
        app = existing
    else:  # a console-only Qt application cannot show the window
        raise RuntimeError("a Qt application without widgets is already running")
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setStyle(QStyleFactory.create("Fusion"))
    if ICON.is_file():
        app.setWindowIcon(QIcon(str(ICON)))
    follow_system_palette(app)
    return app


def dark_palette() -> QPalette:
    """Return the palette used when the system asks for a dark scheme."""
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f1f", QPalette.ColorRole.AlternateBase: "#2a2a2a",
        QPalette.ColorRole.Text: "#e6e6e6", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#e6e6e6", QPalette.ColorRole.Highlight: "#3d7bd9",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#353535",
        QPalette.ColorRole.ToolTipText: "#e6e6e6", QPalette.ColorRole.Link: "#8ab4f8",
        QPalette.ColorRole.PlaceholderText: "#8c8c8c",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#7a7a7a"))
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#7a7a7a"))
    return palette


def follow_system_palette(app: QApplication) -> None:
    """Use a dark palette while the system's colour scheme is dark, and follow changes."""
    hints = QGuiApplication.styleHints()
    apply_scheme(app, hints.colorScheme())
    # A dynamic property of the app: connected once however often the app is asked for.
    if not app.property("timelineFollowsScheme"):
        hints.colorSchemeChanged.connect(lambda scheme: apply_scheme(app, scheme))
        app.setProperty("timelineFollowsScheme", True)


def apply_scheme(app: QApplication, scheme: Qt.ColorScheme) -> None:
    """Give the app the dark palette for a dark scheme, the style's own otherwise."""
    dark = scheme == Qt.ColorScheme.Dark
    app.setPalette(dark_palette() if dark else app.style().standardPalette())


def seed_paths() -> list[Path]:
    """Return the bundled seed folder when it exists (empty list otherwise)."""
    return [SEEDS] if SEEDS.is_dir() else []


def open_window(repo: Repository, settings: QSettings | None = None) -> MainWindow:
    """Return a shown MainWindow on ``repo``; an empty database gets the seeds imported
    (found out on the store worker, like every other read)."""
    from ui.main_window import MainWindow  # after the QApplication exists

    window = MainWindow(repo, settings=settings)
    window.settings.save_database(window.gateway.url)

    def is_empty(store: Repository, _context: TaskContext) -> bool:
        # Counting events is cheap; listing articles reads their text, so it comes second.
        # A read-only database is shown as it is.
        return (store.count_events() == 0 and not store.read_only
                and not store.list_articles())

    def first_listing(empty: bool) -> None:
        if empty and seed_paths():
            window.transfer.import_paths(seed_paths())
        else:
            window.reload()

    window.gateway.submit(is_empty, on_done=first_listing,
                          on_error=lambda error: window.notice(
                              f"Could not read the database: {error}", warning=True))
    window.show()
    return window


# What the offscreen platform (used for --screenshot without a display) says about any
# shown main window; it is about the platform, not the app, and reads like an error.
OFFSCREEN_NOTES = ("does not support propagateSizeHints",)


def _quiet_offscreen_notes(
    _mode: QtMsgType, _context: QMessageLogContext, message: str
) -> None:
    if not any(note in message for note in OFFSCREEN_NOTES):
        print(message, file=sys.stderr)


def no_display() -> bool:
    """Return True on a Linux or BSD session without an X11 or Wayland display."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _say(message: str) -> None:
    print(f"timeline: {message}", file=sys.stderr)


def run(db_url: str | None = None, screenshot: str | None = None) -> int:
    """Open the window (or render it to ``screenshot``); returns the exit code."""
    if no_display() and not os.environ.get("QT_QPA_PLATFORM"):
        if not screenshot:
            # Qt would abort with a page of plugin notes; say it in one line instead.
            _say("no display to open the window on (neither DISPLAY nor WAYLAND_DISPLAY "
                 "is set); run it in a desktop session, or use --screenshot FILE.png")
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    missing = missing_libraries() if uses_xcb() else []
    if missing:
        if not screenshot:
            # Qt would abort (SIGABRT) after a page of plugin notes: one line instead.
            _say(missing_libraries_message(missing))
            return 2
        os.environ["QT_QPA_PLATFORM"] = "offscreen"  # a picture needs no X11 libraries
    if os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        qInstallMessageHandler(_quiet_offscreen_notes)
    # The settings are read before the app exists, so name them the same way here.
    QApplication.setOrganizationName(ORGANIZATION)
    QApplication.setApplicationName(APPLICATION)
    settings = QSettings()
    url = db_url or WindowSettings(settings).last_database() or default_database_url()
    try:
        repo = open_store(url)
    except (NewerSchemaError, StoreError) as error:
        _say(str(error))
        if not screenshot:
            application()
            QMessageBox.critical(None, "Timeline", str(error))
        return 2
    app = application()
    window = open_window(repo, settings)
    exit_code = {"value": 0}
    if screenshot:
        # The picture is the same whatever layout this user last left.
        window.resize(1400, 900)
        window.default_layout()
        _save_screenshot_when_loaded(window, Path(screenshot), exit_code)
    result = app.exec()
    repo.close()
    return exit_code["value"] or result


def show_news_week(window: MainWindow, then: Callable[[], None] = lambda: None) -> None:
    """Select the first unreviewed event of the week before its article's date and show
    that week on the canvas: the part of a news timeline an analyst checks first. The
    events are read on the store worker; ``then()`` runs once it is shown. In the
    Stories layout: the story most sources report, and the days around it."""
    published = [a.published for a in window.articles.values() if a.published is not None]
    # Stories of the days the articles were written about (page furniture dated years
    # after its page is no news).
    news = [s for s in (window.marks.stories.values() if window.marks is not None else ())
            if published and s.earliest is not None
            and days_around(min(published), 7, 0)[0] <= s.earliest <= max(published)]
    if news:
        story = max(news, key=lambda s: (len(s.article_ids), s.conflict, -s.id))
        mark = window.mark_of(story.readings[0].event_ids[0])
        if story.earliest is not None:
            window.select_event(mark)
            window.canvas.zoom_to(*days_around(story.earliest, 3, 4))
            then()
            return
    unreviewed = [event_id for event_id in window.walk.order_in_time
                  if window.walk.statuses.get(event_id) == "unreviewed"]
    articles = dict(window.articles)

    def find(store: Repository, _context: TaskContext) -> tuple[int, datetime] | None:
        # The first 10,000 unreviewed will do: a million read 500 at a time take minutes.
        for first in range(0, min(len(unreviewed), NEWS_WEEK_LOOKS_AT), 500):
            for event in store.get_events(unreviewed[first:first + 500]):
                if event.id is None or event.article_id is None or event.earliest is None:
                    continue  # stored events have an id and an article
                article = articles.get(event.article_id)
                if article is None or article.published is None:
                    continue
                if days_around(article.published, 7, 0)[0] <= event.earliest <= article.published:
                    return event.id, article.published
        return None

    def show(found: tuple[int, datetime] | None) -> None:
        if found is None:
            window.review.next_unreviewed()
            window.canvas.fit_all()
        else:
            event_id, published = found
            window.select_event(event_id)
            window.canvas.zoom_to(*days_around(published, 4, 2))
        then()

    window.gateway.submit(find, on_done=show, on_error=lambda _error: show(None))


def _save_screenshot_when_loaded(
    window: MainWindow, path: Path, exit_code: dict[str, int]
) -> None:
    def loaded() -> None:
        if window.tasks.is_busy():
            return  # the seed import's reload is still to come
        window.loaded.disconnect(loaded)
        window.firstPartShown.disconnect(first_part)
        # Give the canvas and docks a moment to lay out before grabbing.
        show_news_week(window, then=lambda: QTimer.singleShot(300, grab))

    def first_part() -> None:
        # A large store: what is in view is drawn, the rest is listed for minutes; the
        # picture is of the window as the analyst first sees it.
        window.loaded.disconnect(loaded)
        window.firstPartShown.disconnect(first_part)
        QTimer.singleShot(300, lambda: grab(wait=False))

    def grab(wait: bool = True) -> None:
        if wait and window.tasks.is_busy():
            # What the panes still wait for (the story's sources, the key dates).
            QTimer.singleShot(200, grab)
            return
        if not window.grab().save(str(path), "PNG"):
            _say(f"could not write the screenshot {path}")
            exit_code["value"] = 1
        else:
            print(f"timeline: screenshot saved to {path}")
        window.close()
        QApplication.quit()

    def give_up() -> None:
        _say("timed out waiting for the window to load")
        exit_code.update(value=1)
        QApplication.quit()

    window.loaded.connect(loaded)
    window.firstPartShown.connect(first_part)
    # Never hang: give up after three minutes with a message.
    QTimer.singleShot(180_000, give_up)
