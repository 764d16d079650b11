"""The detection rules, kept as data: a pattern, what it resolves as, and examples.

Each rule's ``pattern`` is a regular expression whose ``{NAME}`` fragments come from
``lexicon.FRAGMENTS`` and whose named groups feed the resolver named by ``kind``
(``resolve.py``). Groups named ``lead`` and ``tail`` are context read by the resolver but
left out of the expression's extent, as TimeML annotators do ("about [three days]",
"[Friday]'s ruling"). ``guard`` names an extra check on the context (``detect.GUARDS``).
``examples`` are sentences with the expected expression in [brackets] and its TIMEX3
value after ``=>``, read against the example document date (Tuesday 12 September 2023);
the test suite runs every one of them.

When two rules match overlapping text the longer match wins; on a tie, the earlier rule
(``RULES`` lists the calendar rules first, then the relative ones).
"""

from __future__ import annotations

from timeline.temporal.rules.calendar import CALENDAR_RULES
from timeline.temporal.rules.relative import RELATIVE_RULES
from timeline.temporal.rules.rule import EXAMPLE_DCT, Rule

__all__ = ["EXAMPLE_DCT", "RULES", "Rule"]

RULES: tuple[Rule, ...] = CALENDAR_RULES + RELATIVE_RULES
