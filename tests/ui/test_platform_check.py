"""Before Qt starts on X11 the app checks its xcb plugin's libraries: a missing one is
one line naming it and its Debian package, as "no display" is, not a SIGABRT; the
README and .ci/run install every package the plugin needs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from ui import app, platform_check

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def stranded_plugin(tmp_path):
    """A real copy of Qt's xcb plugin, away from the Qt libraries it links against:
    ldd finds them missing, as it would find libxcb-icccm4 missing on a bare system."""
    if shutil.which("ldd") is None or not platform_check.XCB_PLUGIN.is_file():
        pytest.skip("needs ldd and Qt's xcb plugin")
    copy = tmp_path / "platforms" / "libqxcb.so"
    copy.parent.mkdir()
    shutil.copy(platform_check.XCB_PLUGIN, copy)
    return copy


def test_ldd_names_what_the_plugin_lacks(stranded_plugin):
    assert "libQt6XcbQpa.so.6" in platform_check.missing_libraries(stranded_plugin)


def test_a_missing_library_is_one_line_with_its_package():
    line = platform_check.missing_libraries_message(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "libxcb-icccm.so.4, libxcb-keysyms.so.1" in line
    assert "apt-get install libxcb-icccm4 libxcb-keysyms1" in line
    assert "\n" not in line and "--screenshot" in line


def test_the_window_says_it_in_one_line_before_qt_aborts(stranded_plugin, monkeypatch,
                                                           capsys, tmp_path):
    monkeypatch.setattr(platform_check, "XCB_PLUGIN", stranded_plugin)
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    database = tmp_path / "never.sqlite3"
    assert app.run(str(database)) == 2
    err = capsys.readouterr().err.strip()
    assert err.splitlines() == [err]
    assert err.startswith("timeline: the window cannot open on X11")
    assert "libQt6XcbQpa.so.6" in err
    assert not database.exists()  # nothing was opened


def test_only_an_x11_start_is_checked(monkeypatch):
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    assert not platform_check.uses_xcb()
    monkeypatch.delenv("QT_QPA_PLATFORM")
    assert platform_check.uses_xcb() == app.sys.platform.startswith("linux")


def test_readme_and_ci_install_every_package_the_plugin_needs():
    packages = set(platform_check.DEBIAN_PACKAGES.values()) - {"libglx0", "libglvnd0"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    install = re.search(r"^apt-get install (.+)$", readme, re.MULTILINE)
    assert install is not None
    assert packages <= set(install.group(1).split())
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    listed = re.search(r'^qt_packages="([^"]+)"', ci, re.MULTILINE)
    assert listed is not None and set(listed.group(1).split()) == set(install.group(1).split())
