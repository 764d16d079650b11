"""Loading articles from real files in a temp dir: formats, DCT order, bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.sources import (
    MissingDateError,
    SourceError,
    article_from_text,
    iter_articles,
    load_article,
    parse_published,
)
from timeline.sources.reading import MAX_BYTES
from timeline.sources.timeml import timeml_dct, timeml_text

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "kim-jong-un-arrives-in-russia.txt"
# The TempEval-3 corpus and its tool sit in ../shared beside the project when present.
SHARED = ROOT.parent / "shared"
AQUAINT = SHARED / "data" / "aquaint"
TE3INPUT = SHARED / "tools" / "te3input.py"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>X1</DOCID>
<DCT><TIMEX3 tid="t0" type="TIME" value="1998-08-07" functionInDocument="CREATION_TIME">1998-08-07</TIMEX3></DCT>
<TITLE>Blasts &amp; fear</TITLE>
<TEXT>
NAIROBI, Kenya (AP) _ Bombs <EVENT eid="e1">exploded</EVENT> <TIMEX3 tid="t1" type="DATE" value="1998-08-07">Friday</TIMEX3>, AT&amp;T said &lt;ok&gt;.
</TEXT>
</TimeML>
"""


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_seed_takes_text_and_sidecar_metadata():
    article = load_article(SEED)
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.published == datetime(2023, 9, 12)
    assert article.dct_source == "sidecar"
    assert article.title == "Kim Jong Un arrives in Russia for talks with Putin"
    assert article.source_path == str(SEED)


def test_command_line_date_wins_over_sidecar():
    article = load_article(SEED, datetime(2020, 1, 2))
    assert (article.published, article.dct_source) == (datetime(2020, 1, 2), "cli")


def test_timeml_text_is_stripped_and_unescaped_with_its_dct(tmp_path):
    article = load_article(write(tmp_path / "x.tml", TML))
    assert article.published == datetime(1998, 8, 7)
    assert article.dct_source == "timeml"
    assert article.title == "Blasts & fear"
    assert article.text == (
        "\nNAIROBI, Kenya (AP) _ Bombs exploded Friday, AT&T said <ok>.\n"
    )


@pytest.mark.skipif(not TE3INPUT.exists(),
                    reason="the shared AQUAINT corpus is not beside the project")
def test_timeml_text_matches_te3input_on_the_corpus(tmp_path):
    """Our text equals the TempEval-3 tool's output (as the scorer reads it)."""
    subprocess.run([sys.executable, str(TE3INPUT), str(AQUAINT), str(tmp_path)], check=True)
    names = sorted(p.name for p in AQUAINT.glob("*.tml"))
    assert len(names) == 73
    for name in names:
        stripped = (tmp_path / name).read_text(encoding="utf-8")
        assert load_article(AQUAINT / name).text == timeml_text(stripped), name


@pytest.mark.parametrize(
    "content, reason",
    [
        ("<TimeML><TEXT>no end</TimeML>", "malformed TimeML"),
        ("<TimeML><DOCID>x</DOCID></TimeML>", "no <TEXT> element"),
        (TML.replace('value="1998-08-07"', 'value="soon"', 1), "DCT value 'soon'"),
    ],
)
def test_malformed_timeml_is_refused(tmp_path, content, reason):
    with pytest.raises(SourceError) as caught:
        load_article(write(tmp_path / "bad.tml", content))
    assert reason in str(caught.value)
    assert str(caught.value).startswith(str(tmp_path / "bad.tml"))
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 au lait", "not UTF-8 text (undecodable byte 0xe9 at offset 3)"),
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
    ],
)
def test_bad_text_files_are_refused_with_reason(tmp_path, content, reason):
    path = write(tmp_path / "2023-09-12-a.txt", content)
    with pytest.raises(SourceError) as caught:
        load_article(path)
    assert str(caught.value) == f"{path}: {caught.value.reason}"
    assert reason in caught.value.reason


def test_huge_file_is_refused_from_its_size(tmp_path):
    path = tmp_path / "2023-09-12-huge.txt"
    with open(path, "wb") as handle:  # sparse: the size is real, no disk is used
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(SourceError, match="too large"):
        load_article(path)


def test_sidecar_with_bad_json_or_bad_date_is_refused(tmp_path):
    text = write(tmp_path / "a.txt", "Kim arrived on Tuesday.")
    write(tmp_path / "a.meta.json", '{"published": "2023-09-12",')
    with pytest.raises(SourceError, match=r"sidecar a\.meta\.json.*invalid JSON"):
        load_article(text)
    write(tmp_path / "a.meta.json", '{"published": "12/09/2023"}')
    with pytest.raises(SourceError, match="bad date '12/09/2023'"):
        load_article(text)
    write(tmp_path / "a.meta.json", '{"published": "2023-09-12", "title": 7}')
    with pytest.raises(SourceError, match="'title' must be a string"):
        load_article(text)


def test_dateline_then_file_name_then_a_clear_refusal(tmp_path):
    dateline = write(tmp_path / "a.txt", "SEOUL, Sept. 12, 2023 (Reuters) - Kim arrived.")
    assert load_article(dateline).published == datetime(2023, 9, 12)
    assert load_article(dateline).dct_source == "dateline"
    # A dateline without a year takes the year from the file name.
    yearless = write(tmp_path / "2023-01-05-b.txt", "LONDON, 12 September (Reuters) - Talks.")
    article = load_article(yearless)
    assert (article.published, article.dct_source) == (datetime(2023, 9, 12), "dateline")
    named = write(tmp_path / "2023-09-12-kim.md", "Kim arrived on Tuesday.")
    assert (load_article(named).published, load_article(named).dct_source) == (
        datetime(2023, 9, 12), "filename")
    undated = write(tmp_path / "kim.txt", "SEOUL, Sept. 12 (Reuters) - Kim arrived.")
    with pytest.raises(MissingDateError) as caught:
        load_article(undated)
    assert "has no year" in str(caught.value) and "--date" in str(caught.value)


def test_article_from_text_for_stdin():
    article = article_from_text("Kim left on Sunday.", datetime(2023, 9, 12), title="T")
    assert (article.published, article.dct_source, article.title) == (
        datetime(2023, 9, 12), "cli", "T")
    pasted = article_from_text("Kim left.", datetime(2023, 9, 12), dct_source="analyst")
    assert pasted.dct_source == "analyst"
    with pytest.raises(MissingDateError, match="<stdin>: no publication date"):
        article_from_text("Kim left on Sunday.", None)
    with pytest.raises(SourceError, match="empty"):
        article_from_text("   ", datetime(2023, 9, 12))


def test_parse_published_accepts_iso_forms():
    assert parse_published("2023-09-12") == datetime(2023, 9, 12)
    assert parse_published("2023-09-12T08:30:00+09:00") == datetime(2023, 9, 12, 8, 30)
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_published("Sept 12")


def test_jsonl_bad_line_is_reported_and_others_go_on(tmp_path):
    lines = [
        json.dumps({"text": "Kim left on Sunday.", "published": "2023-09-12", "url": "u1"}),
        '{"text": "broken',
        json.dumps({"text": "No date here."}),
        "",
        json.dumps({"text": "Putin arrived on Monday.", "published": "2023-09-12T10:00"}),
    ]
    path = write(tmp_path / "feed.jsonl", "\n".join(lines))
    results = list(iter_articles(path))
    assert [type(r).__name__ for r in results] == [
        "Article", "SourceError", "MissingDateError", "Article"]
    assert results[0].url == "u1" and results[0].dct_source == "json"
    assert results[0].source_path == f"{path}:1"
    assert str(results[1]).startswith(f"{path}:2: invalid JSON")
    # A JSON entry is told to carry its date, not to grow a sidecar it cannot have.
    assert '"published" field in the entry' in str(results[2])
    assert "sidecar" not in str(results[2])
    assert results[3].published == datetime(2023, 9, 12, 10)


def test_json_list_and_single_object(tmp_path):
    listing = write(tmp_path / "list.json", json.dumps([
        {"text": "A happened.", "published": "2023-01-01", "title": "A", "outlet": "O"},
        {"text": "", "published": "2023-01-01"},
    ]))
    first, second = iter_articles(listing)
    assert (first.title, first.outlet, first.source_path) == ("A", "O", f"{listing}#1")
    assert isinstance(second, SourceError) and "empty" in str(second)
    single = write(tmp_path / "one.json", json.dumps({"text": "B.", "published": "2023-02-02"}))
    assert load_article(single).published == datetime(2023, 2, 2)
    broken = write(tmp_path / "bad.json", "{nope")
    (error,) = iter_articles(broken)
    assert isinstance(error, SourceError) and "invalid JSON" in str(error)


HTML = """<!DOCTYPE html><html><head><title>Kim in Russia</title>
<meta property="og:title" content="Kim Jong Un arrives in Russia">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-09-12T06:00:00+09:00">
<script>document.write("never run"); throw new Error("x")</script>
</head><body><nav>Home | World | Sport</nav><article>
<h1>Kim Jong Un arrives in Russia</h1>
<p>North Korean leader Kim Jong Un has arrived in Russia, Japanese media reported on Tuesday, for a discussion with Russian President Vladimir Putin.</p>
<p>Kim left for Russia on Sunday accompanied by top arms industry and military officials and the foreign minister of his country.</p>
<p>A train carrying the North Korean leader arrived at Khasan station, the main gateway to the Far East.</p>
</article><footer>Copyright 2021</footer></body></html>"""


def test_html_main_text_and_metadata_date(tmp_path):
    article = load_article(write(tmp_path / "page.html", HTML))
    assert "Kim left for Russia on Sunday" in article.text
    assert "never run" not in article.text and "Home | World" not in article.text
    assert (article.published, article.dct_source) == (datetime(2023, 9, 12), "html")
    assert article.title == "Kim Jong Un arrives in Russia"
    assert article.outlet == "Example News"


def test_html_without_article_text_is_refused(tmp_path):
    with pytest.raises(SourceError, match="no article text"):
        load_article(write(tmp_path / "2023-01-01-empty.htm", "<html><body></body></html>"))


def test_folder_is_read_recursively_in_sorted_order(tmp_path):
    write(tmp_path / "b" / "2023-01-02-b.txt", "B happened.")
    write(tmp_path / "a.txt", "A happened.")
    write(tmp_path / "a.meta.json", '{"published": "2023-01-01"}')
    write(tmp_path / "c.md", "C undated.")
    write(tmp_path / "notes.csv", "skipped,type")
    write(tmp_path / ".hidden.txt", "skipped")
    write(tmp_path / "README.md", "About this folder.")
    write(tmp_path / "z.txt", b"\x00\x01binary")
    results = list(iter_articles(tmp_path))
    names = [r.name if isinstance(r, SourceError) else r.source_path for r in results]
    assert names == [str(tmp_path / "a.txt"), str(tmp_path / "b" / "2023-01-02-b.txt"),
                     str(tmp_path / "c.md"), str(tmp_path / "z.txt")]
    assert isinstance(results[2], MissingDateError)
    assert "binary" in str(results[3])
    assert [str(r) for r in iter_articles(tmp_path)] == [str(r) for r in results]


def test_named_missing_or_unsupported_file_is_reported(tmp_path):
    (missing,) = iter_articles(tmp_path / "nope.txt")
    assert "no such file" in str(missing)
    (unsupported,) = iter_articles(write(tmp_path / "x.csv", "a,b"))
    assert "unsupported file type" in str(unsupported)
    (sidecar,) = iter_articles(write(tmp_path / "x.meta.json", '{"published": "2023-01-01"}'))
    assert "a sidecar holds metadata" in str(sidecar)


def test_html_in_a_declared_legacy_charset(tmp_path):
    page = HTML.replace("<head>", '<head><meta charset="iso-8859-1">').replace(
        "Kim left for Russia", "Kim left for Mosc\u00f4w")
    article = load_article(write(tmp_path / "legacy.html", page.encode("latin-1")))
    assert "Kim left for Mosc\u00f4w" in article.text


def test_a_symbolic_link_loop_is_walked_once(tmp_path):
    write(tmp_path / "2023-01-01-a.txt", "A happened.")
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    assert [a.source_path for a in iter_articles(tmp_path)] == [str(tmp_path / "2023-01-01-a.txt")]


@settings(max_examples=100, deadline=None)
@given(content=st.binary(max_size=200), suffix=st.sampled_from([".txt", ".tml", ".jsonl", ".html"]))
def test_any_bytes_give_an_article_or_a_one_line_source_error(content, suffix):
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"2023-09-12-any{suffix}"
        path.write_bytes(content)
        for result in iter_articles(path):
            if isinstance(result, SourceError):
                assert str(result).startswith(str(path)) and "\n" not in str(result)
            else:
                assert result.text.strip() and result.published is not None


def test_first_line_headline_becomes_the_title(tmp_path):
    story = write(tmp_path / "2023-09-12-a.md", "# Kim arrives in Russia\n\nKim arrived today.")
    assert load_article(story).title == "Kim arrives in Russia"
    plain = write(tmp_path / "2023-09-12-b.txt", "Kim arrived today.\nHe met Putin.")
    # No headline, and a file name that is a date: named by its first words.
    assert load_article(plain).title == "Kim arrived today."
    one_line = write(tmp_path / "2023-09-12-c.txt", "Kim arrived today")
    assert load_article(one_line).title == "Kim arrived today"  # its words, not a headline


def test_an_untitled_article_is_named_by_its_file_then_its_first_words(tmp_path):
    named = write(tmp_path / "2023-09-12_kenya-embassy-blast.txt",
                  "TWO bombs exploded. Many died.")
    assert load_article(named).title == "kenya embassy blast"
    unnamed = write(tmp_path / "19980807.txt",
                    "NAIROBI, Kenya (Reuters) - Two bombs exploded outside the U.S. embassies "
                    "in Nairobi and Dar es Salaam on Friday. Many died.")
    assert load_article(unnamed).title == ("Two bombs exploded outside the U.S. embassies in "
                                           "Nairobi and…")
    pasted = article_from_text("Talks ended on Friday. Both sides left.", datetime(2023, 9, 12))
    assert pasted.title == "Talks ended on Friday."
    given = article_from_text("Talks ended.", datetime(2023, 9, 12), title="Talks end")
    assert given.title == "Talks end"


def test_html_without_a_date_in_its_markup_falls_back_to_the_dateline(tmp_path):
    page = ("<html><head><title>Kim in Russia</title></head><body><article>"
            "<p>SEOUL, Sept. 12, 2023 (Reuters) - North Korean leader Kim Jong Un has arrived "
            "in Russia for a discussion with Russian President Vladimir Putin, media said.</p>"
            "<p>Kim left for Russia on Sunday accompanied by top arms industry and military "
            "officials and the foreign minister, the reports said.</p></article></body></html>")
    article = load_article(write(tmp_path / "page.htm", page))
    assert (article.published, article.dct_source) == (datetime(2023, 9, 12), "dateline")


def test_hostile_timeml_is_refused_quickly_and_reads_nothing_else(tmp_path):
    secret = write(tmp_path / "secret.txt", "do not read")
    entity = write(tmp_path / "2023-01-01-x.tml", (
        f'<!DOCTYPE TimeML [<!ENTITY s SYSTEM "file://{secret}">]>'
        "<TimeML><TEXT>&s;</TEXT></TimeML>"))
    with pytest.raises(SourceError) as caught:
        load_article(entity)
    assert "do not read" not in str(caught.value)
    # Many empty DCT elements: a regex scan from each one was quadratic (minutes).
    many = "<TimeML>" + "<DCT/>" * 100_000 + "<TEXT>Kim left.</TEXT></TimeML>"
    assert timeml_dct(many) is None
    assert load_article(write(tmp_path / "2023-01-02-many.tml", many)).text == "Kim left."


def test_deeply_nested_json_is_refused_not_a_crash(tmp_path):
    (error,) = iter_articles(write(tmp_path / "deep.json", "[" * 100_000))
    assert isinstance(error, SourceError) and "nested too deeply" in str(error)
    lines = "[" * 100_000 + "\n" + json.dumps({"text": "Kim left.", "published": "2023-09-12"})
    bad, good = iter_articles(write(tmp_path / "deep.jsonl", lines))
    assert "nested too deeply" in str(bad) and good.text == "Kim left."
    text = write(tmp_path / "a.txt", "Kim left.")
    write(tmp_path / "a.meta.json", "{" * 100_000)
    with pytest.raises(SourceError, match="sidecar a.meta.json"):
        load_article(text)
