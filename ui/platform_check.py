"""Before Qt starts on X11: are the libraries of its xcb platform plugin installed?

Without one of them (libxcb-icccm4 on a minimal Debian) Qt prints a page of plugin
notes and aborts the process (SIGABRT); asked first, the app says it in one line, as it
does when there is no display at all. Qt-free: it reads ``ldd``'s list of the plugin's
libraries, which loads nothing into this process.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6

XCB_PLUGIN = Path(PySide6.__file__).resolve().parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"

# The Debian package of each library the plugin needs beyond a base system (from
# ``ldd libqxcb.so`` and ``dpkg -S``); README and .ci/run list the same packages.
DEBIAN_PACKAGES = {
    "libGL.so.1": "libgl1", "libEGL.so.1": "libegl1", "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0", "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6", "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0", "libgthread-2.0.so.0": "libglib2.0-0",
    "libxkbcommon.so.0": "libxkbcommon0", "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1", "libxcb.so.1": "libxcb1",
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0", "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-randr.so.0": "libxcb-randr0", "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0", "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1", "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def uses_xcb() -> bool:
    """Return True when Qt will start on its xcb (X11) plugin: Linux or BSD, an X11
    display, no Wayland one, and no other platform asked for."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return False
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":", 1)[0] == "xcb"
    return bool(os.environ.get("DISPLAY")) and not os.environ.get("WAYLAND_DISPLAY")


def missing_libraries(plugin: Path | None = None) -> list[str]:
    """Return the libraries ``plugin`` (Qt's xcb plugin by default) needs that the
    system cannot find (sonames, in ``ldd``'s order); empty when all are there, or when
    ``ldd`` or the plugin is not there to ask (Qt then says for itself)."""
    plugin = plugin if plugin is not None else XCB_PLUGIN
    ldd = shutil.which("ldd")
    if ldd is None or not plugin.is_file():
        return []
    try:
        listed = subprocess.run([ldd, str(plugin)], capture_output=True, text=True,
                                timeout=30, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.split("=>", 1)[0].strip() for line in listed.splitlines()
            if line.rstrip().endswith("not found")]


def missing_libraries_message(missing: list[str]) -> str:
    """Return the one line that says the window cannot open for want of ``missing``,
    with the Debian packages that bring them."""
    packages = sorted({DEBIAN_PACKAGES[name] for name in missing if name in DEBIAN_PACKAGES})
    install = f"; on Debian: apt-get install {' '.join(packages)}" if packages else ""
    return (f"the window cannot open on X11: Qt's xcb plugin needs {', '.join(missing)}, "
            f"not installed{install}; or use --screenshot FILE.png")
