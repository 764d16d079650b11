"""What a kind resolver decides for one expression, before it becomes a Mention."""

from __future__ import annotations

from dataclasses import dataclass

from timeline.model import TimexType


@dataclass(frozen=True)
class Resolution:
    """A TIMEX3 value with its type and modifier, how it was reached (``how`` completes
    the sentence "'<phrase>' ..."), a confidence, and which reference time it counted
    from instead of the DCT: "day" (the last day mentioned), "any" (the last time of
    any granularity), "story" (the year the narrative is in) or None; ``clip`` cuts
    the interval at the DCT."""

    value: str
    type: TimexType
    how: str
    confidence: float
    mod: str | None = None
    on_reference: str | None = None
    event_relative: bool = False
    # "earlier this month" ends at the DCT ("to_dct"), "later this month" starts there.
    clip: str | None = None
    # A year-less date read against the DCT: the text is about the present again.
    tells_present: bool = False
