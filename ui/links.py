"""Opening an article's original: only http, https and file links ever leave the app.

Article metadata comes from files and pasted text, so a link may be anything
(``javascript:``, ``data:``, a custom scheme that starts a program). Everything goes
through ``open_link``, which refuses all but the three safe schemes with a message.
The function that actually opens a URL is injectable so tests can watch it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

ALLOWED_SCHEMES = frozenset({"http", "https", "file"})

Opener = Callable[[QUrl], bool]
_opener: Opener = QDesktopServices.openUrl


def set_opener(opener: Opener | None) -> None:
    """Use ``opener`` to open URLs (None puts back the system browser)."""
    global _opener
    _opener = opener if opener is not None else QDesktopServices.openUrl


def link_for(url: str | None, source_path: str | None) -> QUrl | None:
    """Return the article's link: its URL if any, else its local file, else None."""
    if url and url.strip():
        return QUrl(url.strip())
    if source_path:
        return QUrl.fromLocalFile(str(Path(source_path).resolve()))
    return None


def refusal(url: QUrl) -> str | None:
    """Return why ``url`` may not be opened, or None when it is safe to open."""
    if not url.isValid() or not url.scheme():
        return f"Not opened: “{url.toString()[:80]}” is not a complete link."
    scheme = url.scheme().lower()
    if scheme not in ALLOWED_SCHEMES:
        return (f"Not opened: links of type “{scheme}:” are refused; "
                "only http, https and file links open.")
    if scheme in ("http", "https") and not url.host():
        return f"Not opened: “{url.toString()[:80]}” has no host."
    return None


def open_link(url: QUrl | str) -> str | None:
    """Open a safe link with the system's handler; return None, or the refusal message."""
    qurl = url if isinstance(url, QUrl) else QUrl(url)
    reason = refusal(qurl)
    if reason is not None:
        return reason
    if not _opener(qurl):
        return f"The system could not open {qurl.toDisplayString()}."
    return None
