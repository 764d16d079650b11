"""Temporal expressions: detection, resolution against an anchor, TIMEX3 values.

Public API: ``tag(text, dct)`` (in ``tagging``) finds and resolves every expression of a
text; ``parse_user_date(text, anchor)`` (in ``user_dates``) reads what an analyst types
as a date.
"""

from timeline.temporal.tagging import tag
from timeline.temporal.user_dates import parse_user_date

__all__ = ["parse_user_date", "tag"]
