"""`timeline gui --screenshot`: a first run on an empty database imports the bundled
seeds, renders the loaded window to a PNG and exits; settings go to a temp folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from timeline.store import open_repository

ROOT = Path(__file__).resolve().parents[2]


def _run_gui(tmp_path, *args):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               XDG_DATA_HOME=str(tmp_path / "data"))
    return subprocess.run([sys.executable, "-m", "timeline", "gui", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=180)


def test_screenshot_of_first_run_on_the_seed(tmp_path):
    database = tmp_path / "first.sqlite3"
    shot = tmp_path / "window.png"
    result = _run_gui(tmp_path, "--db", str(database), "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    image = QImage(str(shot))
    assert (image.width(), image.height()) == (1400, 900)
    # A drawn window, not a blank one: many colours across a grid of samples.
    colours = {image.pixel(x, y) for x in range(0, 1400, 20) for y in range(0, 900, 20)}
    assert len(colours) > 20
    with open_repository(str(database)) as repo:
        titles = [article.title for article in repo.list_articles()]
        assert titles == ["Kim Jong Un arrives in Russia for talks with Putin"]
        assert repo.count_events() > 0
    assert "propagateSizeHints" not in result.stderr  # the offscreen platform's note
    # The choice of database is remembered for the next start.
    settings_text = next((tmp_path / "config").rglob("*.conf")).read_text()
    assert str(database) in settings_text


def test_newer_database_is_refused_with_one_line(tmp_path):
    database = tmp_path / "newer.sqlite3"
    open_repository(str(database)).close()
    import sqlite3

    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'ffffffffffff'")
    result = _run_gui(tmp_path, "--db", str(database), "--screenshot", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()


def test_no_display_is_one_line_not_an_abort(tmp_path):
    env = {name: value for name, value in os.environ.items()
           if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), XDG_DATA_HOME=str(tmp_path / "data"))
    database = tmp_path / "never.sqlite3"
    result = subprocess.run([sys.executable, "-m", "timeline", "gui", "--db", str(database)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [result.stderr.strip()]
    assert "no display" in result.stderr and "--screenshot" in result.stderr
    assert not database.exists()  # nothing was opened or created



def test_the_settings_fixture_keeps_default_settings_in_the_test_folder(settings, tmp_path):
    from PySide6.QtCore import QSettings

    inside = QSettings()  # the default format, as the app makes them
    assert inside.fileName().startswith(str(tmp_path))
    settings.setValue("x", 1)


def test_settings_without_the_fixture_live_in_the_session_folder(session_settings_folder):
    """After a test that used ``settings`` (the one above), default QSettings are back
    in the session's folder: never the user's, never a finished test's."""
    from PySide6.QtCore import QSettings

    native = QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "timeline", "x")
    ini = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "timeline", "x")
    assert QSettings.defaultFormat() == QSettings.Format.NativeFormat
    for made in (native, ini):
        assert made.fileName().startswith(str(session_settings_folder)), made.fileName()


def test_screenshot_with_an_article_dated_at_either_end_of_the_calendar(tmp_path):
    database = tmp_path / "edges.sqlite3"
    for day, name in (("0001-01-01", "first.txt"), ("9999-12-31", "last.txt")):
        article = tmp_path / name
        article.write_text("The council met on Monday and voted. It met again two days later.",
                           encoding="utf-8")
        done = subprocess.run([sys.executable, "-m", "timeline", "ingest", str(article),
                               "--date", day, "--db", str(database)], cwd=ROOT,
                              capture_output=True, text=True, timeout=180)
        assert done.returncode == 0, done.stderr
    shot = tmp_path / "edges.png"
    result = _run_gui(tmp_path, "--db", str(database), "--screenshot", str(shot))
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "timed out" not in result.stderr
    assert QImage(str(shot)).width() == 1400
