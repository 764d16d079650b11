"""The seed article's expectations (tests/kim-jong-un-arrives-in-russia.expected.json)."""

from __future__ import annotations

from datetime import datetime

import pytest

from timeline.temporal import tag


@pytest.fixture(scope="module")
def seed_mentions(seed_text, seed_expected):
    published = datetime.fromisoformat(seed_expected["published"])
    return tag(seed_text, published)


def _at(mentions, start, end):
    return [m for m in mentions if m.start == start and m.end == end]


def test_seed_offsets_point_at_the_expected_phrases(seed_text, seed_expected):
    # Guards the expectation file against drifting from the seed text itself.
    for entry in (
        seed_expected["expressions"] + seed_expected["not_dates"] + seed_expected["unresolved"]
    ):
        assert seed_text[entry["start"] : entry["end"]] == entry["text"]


def test_every_expected_expression(seed_mentions, seed_expected):
    for expected in seed_expected["expressions"]:
        found = _at(seed_mentions, expected["start"], expected["end"])
        assert len(found) == 1, (
            f"{expected['text']!r} not tagged with its exact extent: {seed_mentions}"
        )
        mention = found[0]
        assert mention.text == expected["text"]
        assert mention.type.value == expected["type"]
        assert mention.value in expected.get("value_alternatives", [expected["value"]])
        assert mention.granularity.value == expected["granularity"]
        earliest = datetime.fromisoformat(expected["earliest"]) if expected["earliest"] else None
        latest = datetime.fromisoformat(expected["latest"]) if expected["latest"] else None
        assert (mention.earliest, mention.latest) == (earliest, latest), expected["why"]


def test_no_false_dates(seed_mentions, seed_expected):
    for phrase in seed_expected["not_dates"]:
        overlapping = [
            m for m in seed_mentions if m.start < phrase["end"] and phrase["start"] < m.end
        ]
        assert not overlapping, f"{phrase['text']!r} must not be a date: {overlapping}"


def test_event_relative_expression_is_open_ended(seed_mentions, seed_expected, seed_text):
    published = datetime.fromisoformat(seed_expected["published"])
    for phrase in seed_expected["unresolved"]:
        overlapping = [
            m for m in seed_mentions if m.start < phrase["end"] and phrase["start"] < m.end
        ]
        assert len(overlapping) == 1, (
            f"{phrase['text']!r} should be kept as an event-relative mention"
        )
        mention = overlapping[0]
        assert mention.event_relative
        assert not mention.is_anchored  # never a made-up day
        assert mention.latest is None and mention.earliest == published  # after the DCT, no end
        assert mention.value == "FUTURE_REF"
        assert mention.confidence < 0.5


def test_explanations_and_anchors_are_readable(seed_mentions):
    sunday = next(m for m in seed_mentions if m.text == "Sunday")
    assert sunday.explanation == (
        "'Sunday' + past tense -> the Sunday before the DCT Tue 2023-09-12 = 2023-09-10"
    )
    assert sunday.anchor == "DCT 2023-09-12"
    assert all(0 < m.confidence <= 1 for m in seed_mentions)
