"""Showing text that came from article files: links without passwords, in the
punycode form of their host, without control characters and short enough to show;
tooltips that show markup as the characters it is made of."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.untrusted_text import (
    MAX_SHOWN_URL_CHARS, days_around, display_link, display_url, tooltip_text,
)


@pytest.mark.parametrize("url, shown", [
    ("http://user:secret@example.org/a", "http://user:***@example.org/a"),
    ("https://:secret@example.org:8443/", "https://:***@example.org:8443/"),
    ("https://user@example.org/", "https://user@example.org/"),
    ("https://xn--pple-43d.com/login", "https://xn--pple-43d.com/login"),
    ("https://аpple.com/login", "https://xn--pple-43d.com/login"),
    ("https://Example.ORG/Path?q=1#top", "https://example.org/Path?q=1#top"),
    # (urlsplit drops tabs and newlines, as browsers do)
    ("https://example.org/a\u202eb\nc d", "https://example.org/a%E2%80%AEbc%20d"),
    ("javascript:alert(1)", "javascript:alert(1)"),
    ("https://[::1]:80/x", "https://[::1]:80/x"),
    ("http://[broken/x", "http://[broken/x"),
])
def test_display_url(url, shown):
    assert display_url(url) == shown


def test_a_password_is_hidden_even_in_a_url_that_does_not_parse():
    assert "secret" not in display_url("http://user:secret@[broken/x")


def test_a_ten_kilobyte_url_is_elided_in_the_middle():
    url = "https://example.org/" + "a" * 10_000 + "/end.html"
    shown = display_url(url)
    assert len(shown) == MAX_SHOWN_URL_CHARS
    assert shown.startswith("https://example.org/aaa") and shown.endswith("/end.html")
    assert "…" in shown


def test_display_link_falls_back_to_the_file(tmp_path):
    path = tmp_path / "story.txt"
    assert display_link(None, str(path)) == f"file://{path}"
    assert display_link("  ", None) is None
    assert display_link("https://a:b@example.org", str(path)) == "https://a:***@example.org"


def test_tooltip_text_shows_markup_as_text():
    shown = tooltip_text('<img src="x"><b>bold</b> & more\nline two')
    assert "<b>" not in shown and "&lt;b&gt;bold&lt;/b&gt;" in shown and "&amp; more" in shown
    assert shown.startswith("<p") and "white-space:pre-wrap" in shown


@pytest.mark.parametrize("moment, before, after, expected", [
    (datetime(2023, 9, 12), 7, 2, (datetime(2023, 9, 5), datetime(2023, 9, 14))),
    (datetime(1, 1, 1), 7, 2, (datetime.min, datetime(1, 1, 3))),
    (datetime(9999, 12, 31), 4, 2, (datetime(9999, 12, 27), datetime.max)),
])
def test_days_around_stops_at_the_ends_of_the_calendar(moment, before, after, expected):
    assert days_around(moment, before, after) == expected
