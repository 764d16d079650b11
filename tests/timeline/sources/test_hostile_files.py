"""Hostile article files: each is refused in one line naming it (or read, when it is
fine text in an unusual form), and the good files beside it still load."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.model import Article
from timeline.sources import SourceError, collect_files, iter_articles, load_article

GOOD = {"text": "SEOUL, Sept. 12, 2023 - Kim arrived on Tuesday.", "published": "2023-09-12"}


def _loaded(path: Path) -> list[Article | SourceError]:
    return list(iter_articles(path))


@pytest.mark.parametrize("field", ["text", "title", "outlet", "url"])
def test_a_lone_surrogate_in_a_json_lines_entry_refuses_that_entry_only(tmp_path, field):
    bad = dict(GOOD, text=GOOD["text"] + " again")
    bad[field] = bad.get(field, "x") + "\ud800"
    # json.dumps writes the lone surrogate as the escape \ud800, which json.loads accepts.
    lines = [json.dumps(bad), json.dumps(GOOD)]
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    first, second = _loaded(path)
    assert isinstance(first, SourceError)
    assert first.name == f"{path}:1"
    assert "not valid Unicode" in first.reason and "\n" not in str(first)
    assert isinstance(second, Article) and second.text == GOOD["text"]


def test_a_lone_surrogate_in_a_json_file_is_refused_by_load_article(tmp_path):
    path = tmp_path / "one.json"
    path.write_text(json.dumps(dict(GOOD, text="Kim \udfff arrived on Tuesday.")),
                    encoding="utf-8")
    with pytest.raises(SourceError, match="not valid Unicode"):
        load_article(path)


ENTITY_BOMB = """<?xml version="1.0"?>
<!DOCTYPE TimeML [<!ENTITY big "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA">]>
<TimeML>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-08-07">1998-08-07</TIMEX3></DCT>
<TITLE>{title}</TITLE>
<TEXT>Bombs exploded on Friday.</TEXT>
</TimeML>
"""


def test_a_timeml_file_declaring_entities_is_refused(tmp_path):
    path = tmp_path / "bomb.tml"
    # Linear in the file's size but 60x in the title: the expansion expat allows.
    path.write_text(ENTITY_BOMB.format(title="&big;" * 1000), encoding="utf-8")
    with pytest.raises(SourceError) as refused:
        load_article(path)
    assert "entit" in refused.value.reason and str(path) in str(refused.value)


def test_a_plain_doctype_without_entities_still_loads(tmp_path):
    path = tmp_path / "fine.tml"
    path.write_text(ENTITY_BOMB.replace('<!ENTITY big "', '<!-- "').replace('">]>', '" -->]>')
                    .format(title="Blasts"), encoding="utf-8")
    article = load_article(path)
    assert article.title == "Blasts" and "exploded" in article.text


@pytest.mark.parametrize("field", ["title", "outlet", "url", "language"])
def test_a_metadata_field_past_the_cap_is_refused(tmp_path, field):
    from timeline.sources.assemble import MAX_FIELD_CHARS

    path = tmp_path / "long.json"
    path.write_text(json.dumps(dict(GOOD, **{field: "x" * (MAX_FIELD_CHARS + 1)})),
                    encoding="utf-8")
    with pytest.raises(SourceError, match=f"{field}.*too long"):
        load_article(path)


def test_a_ten_kilobyte_url_is_within_the_cap(tmp_path):
    url = "https://example.org/" + "a" * 10_000
    path = tmp_path / "url.json"
    path.write_text(json.dumps(dict(GOOD, url=url)), encoding="utf-8")
    assert load_article(path).url == url


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_a_utf16_or_utf32_file_with_a_byte_order_mark_is_read(tmp_path, codec):
    text = "SEOUL, Sept. 12, 2023 - Kim arrived in Vladivostok on Tuesday. Привет."
    path = tmp_path / "wide.txt"
    raw = text.encode(codec)
    if codec == "utf-16-be":
        raw = b"\xfe\xff" + raw
    path.write_bytes(raw)
    assert load_article(path).text == text


def test_utf16_without_a_byte_order_mark_is_still_refused_as_binary(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Kim arrived on Tuesday.".encode("utf-16-le"))
    with pytest.raises(SourceError, match="binary"):
        load_article(path)


def test_a_symlink_loop_named_directly_says_what_it_is(tmp_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    (error,) = collect_files(loop)
    assert isinstance(error, SourceError) and "symbolic link loop" in error.reason
    with pytest.raises(SourceError, match="symbolic link loop"):
        load_article(loop)
    bare = tmp_path / "LOOP"
    bare.symlink_to(bare)
    with pytest.raises(SourceError, match="symbolic link loop"):
        load_article(bare)


def test_a_symlink_loop_inside_a_folder_is_named_and_the_rest_loads(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (folder / "b.txt").symlink_to(folder / "b.txt")
    found = _loaded(folder)
    assert isinstance(found[0], Article)
    assert isinstance(found[1], SourceError) and found[1].name == str(folder / "b.txt")
    assert "symbolic link loop" in found[1].reason


def test_a_dangling_symlink_in_a_folder_is_named(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    (error,) = _loaded(folder)
    assert isinstance(error, SourceError) and "points to nothing" in error.reason


def test_a_folder_given_to_load_article_is_called_a_folder(tmp_path):
    with pytest.raises(SourceError, match="is a folder"):
        load_article(tmp_path)


def test_a_folder_symlink_loop_inside_a_folder_is_named(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps(GOOD), encoding="utf-8")
    (folder / "sub").symlink_to(folder / "sub")
    found = _loaded(folder)
    assert isinstance(found[0], Article)
    assert [str(error) for error in found[1:]] == [
        f"{folder / 'sub'}: a symbolic link loop (following it never reaches a file)"]
