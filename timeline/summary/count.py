"""How many key dates a collection supports when nobody says.

A day counts when at least two articles name it precisely (one, for a collection of one
article): a day named once is as likely a side remark as a happening. Long collections
are capped so the summary stays a spine, not a list: about two dates per ten articles,
at least five, at most forty.
"""

from __future__ import annotations

from collections.abc import Sequence

from timeline.summary.ranking import DayEvidence

MIN_CAP, MAX_CAP = 5, 40


def supported_count(ranked: Sequence[DayEvidence], article_count: int) -> tuple[int, str]:
    """Return (how many of the ranked days to keep, why, in a sentence)."""
    needed = 2 if article_count >= 2 else 1
    supported = sum(1 for found in ranked if len(found.article_ids) >= needed)
    cap = min(MAX_CAP, max(MIN_CAP, round(article_count / 5)))
    count = min(supported, cap)
    named = f"{len(ranked)} day{'s' if len(ranked) != 1 else ''} named precisely"
    source_rule = ("named by at least 2 articles" if needed == 2
                   else "named by its one article")
    if count == 0:
        return 0, f"no day is {source_rule} ({named})"
    why = f"{count} date{'s' if count != 1 else ''}: the days {source_rule}"
    if supported > cap:
        why += f", the strongest {cap} of {supported} (about 2 per 10 articles, {MAX_CAP} at most)"
    return count, f"{why}; {named}, {article_count} article{'s' if article_count != 1 else ''}"
