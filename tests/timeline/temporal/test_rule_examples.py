"""Every example line of every rule (timeline/temporal/rules/) runs as a test."""

from __future__ import annotations

import re

import pytest

from timeline.temporal import tag
from timeline.temporal.detect import detect
from timeline.temporal.rules import EXAMPLE_DCT, RULES

EXAMPLES = [(rule.name, example) for rule in RULES for example in rule.examples]
_EXAMPLE = re.compile(
    r"^(?P<before>[^\[]*)\[(?P<phrase>[^\]]+)\](?P<after>[^\]]*?)\s*=>\s*(?P<value>\S+)$"
)


def test_every_rule_has_examples():
    assert all(rule.examples for rule in RULES), [r.name for r in RULES if not r.examples]


@pytest.mark.parametrize(("rule_name", "example"), EXAMPLES, ids=[f"{n}: {e}" for n, e in EXAMPLES])
def test_rule_example(rule_name: str, example: str):
    parsed = _EXAMPLE.match(example)
    assert parsed, f"malformed example line in rule {rule_name}: {example!r}"
    text = parsed["before"] + parsed["phrase"] + parsed["after"]
    start = len(parsed["before"])
    end = start + len(parsed["phrase"])
    mentions = tag(text, EXAMPLE_DCT)
    if parsed["value"] == "none":
        overlapping = [m for m in mentions if m.start < end and start < m.end]
        assert not overlapping, f"{parsed['phrase']!r} must not be tagged, got {overlapping}"
        return
    found = {(m.start, m.end): m for m in mentions}
    assert (start, end) in found, (
        f"expected {parsed['phrase']!r} tagged, got {[(m.text, m.value) for m in mentions]}"
    )
    assert found[(start, end)].value == parsed["value"]
    # The example must be found by its own rule, not by a neighbour that happens to agree.
    rules_at = {(d.start, d.end): d.rule.name for d in detect(text)}
    assert rules_at[(start, end)] == rule_name
