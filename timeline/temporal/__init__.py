"""Temporal expressions: detection, resolution against an anchor, TIMEX3 values."""
