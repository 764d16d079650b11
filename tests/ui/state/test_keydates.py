"""The Key dates summary's bound: above KEY_DATES_UP_TO listed events it says so and
reads no event, so a million-event store keeps the worker free."""

from __future__ import annotations

import ui.state.keydates as keydates_module
from ui.state.keydates import key_dates


def test_too_many_events_are_not_summarised(repo, add_article, monkeypatch):
    add_article(6)
    monkeypatch.setattr(keydates_module, "KEY_DATES_UP_TO", 5)
    summary, articles = key_dates(repo, {})
    assert summary.dates == () and articles == {}
    assert "up to 5 events; 6 are listed" in summary.reason
    monkeypatch.setattr(keydates_module, "KEY_DATES_UP_TO", 6)
    summary, articles = key_dates(repo, {})
    assert articles and "up to" not in summary.reason
