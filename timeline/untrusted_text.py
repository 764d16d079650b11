"""Showing what came from article files, which anyone may have written: links with
no password, their host in the punycode form (a look-alike Unicode domain shows as
the ``xn--`` name it is, as browsers do for mixed scripts), no control or direction
characters, short enough to show; tooltips that show markup as text; day windows
that stop at the ends of the calendar. Qt-free, so the window only calls these."""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import quote, urlsplit

# Long enough for any address a person reads; a 10 KB tracking URL is cut in the
# middle so its start (the host) and its end (the page) both show.
MAX_SHOWN_URL_CHARS = 200
_URL_TAIL_CHARS = 60
MAX_TOOLTIP_CHARS = 4000
HIDDEN_PASSWORD = "***"
# Characters that would hide or reorder what is shown: controls, format characters
# (right-to-left overrides, zero-width joiners), line and paragraph separators, and
# any space but the plain one.
_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp", "Zs", "Co", "Cs", "Cn"})
_PASSWORD = re.compile(r"(//[^/@:?#]*:)[^/@?#]*@")


def display_url(url: str) -> str:
    """Return ``url`` as it is safe to show: the password replaced by ***, the host
    in lower case and in punycode, invisible characters percent-encoded, and at most
    MAX_SHOWN_URL_CHARS characters (elided in the middle)."""
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:  # e.g. an unclosed IPv6 bracket: shown as text, password hidden
        return _elided(_visible(_PASSWORD.sub(rf"\g<1>{HIDDEN_PASSWORD}@", url)))
    netloc = parts.netloc
    if netloc:
        userinfo, at, hostport = netloc.rpartition("@")
        if ":" in userinfo:
            userinfo = userinfo.split(":", 1)[0] + ":" + HIDDEN_PASSWORD
        netloc = f"{_visible(userinfo)}{at}{_ascii_host(hostport)}"
    shown = f"{parts.scheme}:" if parts.scheme else ""
    if netloc or url[len(shown):].startswith("//"):
        shown += f"//{netloc}"
    shown += _visible(parts.path)
    if parts.query or url.endswith("?"):
        shown += "?" + _visible(parts.query)
    if parts.fragment:
        shown += "#" + _visible(parts.fragment)
    return _elided(shown)


def display_link(url: str | None, source_path: str | None) -> str | None:
    """Return the article's link as display_url shows it: its URL if any, else its
    local file as a file:// link, else None."""
    if url and url.strip():
        return display_url(url)
    if source_path:
        return _elided("file://" + _visible(str(Path(source_path).resolve()), keep_space=True))
    return None


def tooltip_text(text: str) -> str:
    """Return rich text that a Qt tooltip shows as exactly ``text`` (markup in it is
    shown, never rendered; lines kept; very long text cut)."""
    if len(text) > MAX_TOOLTIP_CHARS:
        text = text[:MAX_TOOLTIP_CHARS] + "…"
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'


def days_around(moment: datetime, before: int, after: int) -> tuple[datetime, datetime]:
    """Return (``before`` days before ``moment``, ``after`` days after it), each
    stopped at the first or last moment of the calendar instead of overflowing."""
    try:
        start = moment - timedelta(days=before)
    except OverflowError:
        start = datetime.min
    try:
        end = moment + timedelta(days=after)
    except OverflowError:
        end = datetime.max
    return start, end


def _ascii_host(hostport: str) -> str:
    if hostport.startswith("["):  # an IPv6 address, with or without a port
        return _visible(hostport)
    host, colon, port = hostport.partition(":")
    labels = [_ascii_label(label) for label in host.lower().split(".")]
    return ".".join(labels) + colon + _visible(port)


def _ascii_label(label: str) -> str:
    if label.isascii():
        return _visible(label)
    try:
        return label.encode("idna").decode("ascii")
    except UnicodeError:  # not a valid IDN label: still shown as punycode, never as Unicode
        return "xn--" + label.encode("punycode").decode("ascii")


def _visible(text: str, *, keep_space: bool = False) -> str:
    return "".join(
        quote(char, safe="") if unicodedata.category(char) in _INVISIBLE
        and not (keep_space and char == " ") else char
        for char in text
    )


def _elided(text: str) -> str:
    if len(text) <= MAX_SHOWN_URL_CHARS:
        return text
    head = MAX_SHOWN_URL_CHARS - _URL_TAIL_CHARS - 1
    return text[:head] + "…" + text[-_URL_TAIL_CHARS:]
