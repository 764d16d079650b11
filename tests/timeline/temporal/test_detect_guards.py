"""A rule's guard and kind are names checked when the tagger loads: a misspelt name
fails at import instead of silently meaning no guard (or no resolver)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from timeline.temporal import detect, resolve
from timeline.temporal.rules import RULES


def test_every_rule_names_a_guard_and_a_kind_that_exist():
    detect._check_guards(RULES)  # the real rules load, as the import showed
    assert {rule.kind for rule in RULES} <= resolve.KINDS.keys()


def test_a_misspelt_guard_is_refused_by_name():
    guarded = next(rule for rule in RULES if rule.guard)
    with pytest.raises(LookupError, match="not_a_cuont"):
        detect._check_guards([replace(guarded, guard="not_a_cuont")])
