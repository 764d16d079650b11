"""The outlet comes from a dateline's bracket when the source names none, and only a
well-known agency counts."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.sources import article_from_text, load_article
from timeline.sources.outlets import dateline_outlet


@pytest.mark.parametrize("text, outlet", [
    ("NAIROBI, Kenya (Reuters) - Two bombs exploded.", "Reuters"),
    ("Embassies bombed\n\nWASHINGTON (AP) _ The president spoke.", "AP"),
    ("SEOUL, Sept. 12 (Yonhap) -- Talks ended.", "Yonhap"),
    ("MOSCOW, March 3 (Interfax) - Talks ended.", "Interfax"),
    ("LONDON (Kent) - a region, not an outlet.", None),
    ("The talks (Reuters reported) ended on Friday.", None),  # no dateline
    ("Talks ended.\nMore.\nMore.\nMore.\nMore.\nPARIS (AFP) - far down.", None),
])
def test_dateline_outlet(text, outlet):
    assert dateline_outlet(text) == outlet


def test_a_loaded_article_takes_its_datelines_outlet_unless_it_gives_one(tmp_path):
    story = tmp_path / "2023-09-12-talks.txt"
    story.write_text("SEOUL, Sept. 12 (Yonhap) -- Talks ended on Monday.", encoding="utf-8")
    assert load_article(story).outlet == "Yonhap"
    (tmp_path / "2023-09-12-talks.meta.json").write_text('{"outlet": "Korea Herald"}',
                                                          encoding="utf-8")
    assert load_article(story).outlet == "Korea Herald"
    pasted = article_from_text("WASHINGTON (AP) _ It rained.", datetime(2023, 9, 12))
    assert pasted.outlet == "AP"
