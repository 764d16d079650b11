"""The sentence-case form shared by the tagger's sentence tests: "text with [the phrase]
=> VALUE", where VALUE is the expected TIMEX3 value or "none" (no date may overlap)."""

from __future__ import annotations

import re
from datetime import datetime

from timeline.temporal import tag

_CASE = re.compile(
    r"^(?P<before>[^\[]*)\[(?P<phrase>[^\]]+)\](?P<after>[^\]]*?)\s*=>\s*(?P<value>\S+)$"
)


def check_sentence(dct: str, case: str) -> None:
    """Tag the case's text as published on ``dct`` and assert the bracketed phrase comes
    out with exactly that extent and value (or that nothing overlaps it for "none")."""
    parsed = _CASE.match(case)
    assert parsed, f"malformed case {case!r}"
    text = parsed["before"] + parsed["phrase"] + parsed["after"]
    start = len(parsed["before"])
    end = start + len(parsed["phrase"])
    mentions = tag(text, datetime.fromisoformat(dct))
    seen = [(m.text, m.value) for m in mentions]
    if parsed["value"] == "none":
        assert not [m for m in mentions if m.start < end and start < m.end], seen
        return
    found = {(m.start, m.end): m for m in mentions}
    assert (start, end) in found, f"expected {parsed['phrase']!r}, got {seen}"
    assert found[(start, end)].value == parsed["value"], seen
