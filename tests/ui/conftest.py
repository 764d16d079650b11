"""Fixtures for the desktop app's tests: real SQLite files in tmp_path and QSettings
kept in tmp_path, so neither the user's database nor their settings are touched."""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QSettings

import ui.listing_flow as flow_module
import ui.state.held as held_module
from timeline.model import Article, Event, Granularity
from timeline.store import open_repository


def _point_settings_at(folder) -> None:
    # Native and INI alike: on Linux they are the same files, elsewhere not.
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        for scope in (QSettings.Scope.UserScope, QSettings.Scope.SystemScope):
            QSettings.setPath(fmt, scope, str(folder))


@pytest.fixture(scope="session", autouse=True)
def session_settings_folder(tmp_path_factory):
    """Every QSettings of the UI tests lives in a folder of the test session, never in
    the user's own configuration, also in tests that do not ask for ``settings``."""
    folder = tmp_path_factory.mktemp("qsettings")
    _point_settings_at(folder)
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    return folder


@pytest.fixture
def settings(tmp_path, session_settings_folder) -> QSettings:
    """A QSettings in an INI file under tmp_path (default-scope ones go there too, until
    the test ends: then the paths and format go back to the session's)."""
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield QSettings(str(folder / "timeline.ini"), QSettings.Format.IniFormat)
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)
    _point_settings_at(session_settings_folder)


@pytest.fixture
def window(qtbot, repo, settings):
    """The main window, shown, on ``repo`` with the bundled seeds imported and listed
    (a test module may define its own ``window`` instead)."""
    from ui.app import SEEDS
    from ui.main_window import MainWindow

    main = MainWindow(repo, settings=settings)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    with qtbot.waitSignal(main.loaded, timeout=60_000):
        main.transfer.import_paths([SEEDS])
    yield main
    main.close()


@pytest.fixture
def gateway(qtbot, repo):
    """A store gateway on ``repo`` with its own task manager (shut down afterwards)."""
    from ui.gateway import StoreGateway
    from ui.tasks import TaskManager

    tasks = TaskManager()
    yield StoreGateway(repo, tasks)
    tasks.shutdown()


@pytest.fixture
def repo(tmp_path):
    """A repository on a fresh SQLite file."""
    repository = open_repository(f"sqlite:///{tmp_path / 'timeline.sqlite3'}")
    yield repository
    repository.close()


def add_synthetic_article(repo, count: int, *, title: str = "Synthetic", start=datetime(2020, 1, 1),
                          text_prefix: str = "") -> int:
    """Store one article with ``count`` day events (one sentence each); returns its id."""
    sentences = [f"{text_prefix}Event number {i} happened on day {i}." for i in range(count)]
    text = " ".join(sentences)
    events, offset = [], 0
    for i, sentence in enumerate(sentences):
        day = start + timedelta(days=i)
        expr_at = sentence.index(f"day {i}")
        events.append(Event(
            title=f"{title} event {i}", description=sentence,
            char_start=offset, char_end=offset + len(sentence),
            expression=f"day {i}", expr_start=offset + expr_at,
            expr_end=offset + expr_at + len(f"day {i}"),
            timex_type="DATE", timex_value=day.strftime("%Y-%m-%d"), mod=None,
            earliest=day, latest=day + timedelta(days=1), granularity=Granularity.DAY,
            confidence=0.5 + (i % 5) / 10, explanation=f"synthetic day {i}", anchor="2020-01-01",
        ))
        offset += len(sentence) + 1
    article = Article(text=text, published=start, title=title, dct_source="cli")
    return repo.add_article(article, [], events).article_id


@pytest.fixture
def add_article(repo):
    """``add_article(count, **options) -> article id``: store a synthetic article in ``repo``."""
    return lambda count, **options: add_synthetic_article(repo, count, **options)


# The listing reads (ui.listing_flow) the ``calls`` fixture counts.
WATCHED = ("list_events", "list_event_heads", "list_event_ids", "earliest_at_ranks",
           "list_articles", "list_article_heads", "count_events", "review_progress",
           "get_events", "list_stories", "list_stories_after")


@pytest.fixture
def calls(repo, monkeypatch):
    """The listing reads the window makes of ``repo``, counted (the real ones run)."""
    counted: Counter[str] = Counter()
    arguments: list[tuple[str, dict]] = []
    for name in WATCHED:
        real = getattr(repo, name)

        def watched(*args, _name=name, _real=real, **kwargs):
            counted[_name] += 1
            arguments.append((_name, kwargs))
            return _real(*args, **kwargs)

        monkeypatch.setattr(repo, name, watched)
    counted.arguments = arguments  # type: ignore[attr-defined]
    return counted


@pytest.fixture
def small_chunks(monkeypatch):
    """A first view of about 10 events and chunks of 15, so 60 events come in parts."""
    monkeypatch.setattr(held_module, "FIRST_EVENTS", 10)
    monkeypatch.setattr(flow_module, "CHUNK", 15)
