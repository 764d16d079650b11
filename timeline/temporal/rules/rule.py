"""The shape of a detection rule and the document date its examples are read against."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

EXAMPLE_DCT = datetime(2023, 9, 12)  # a Tuesday


@dataclass(frozen=True)
class Rule:
    """One detection rule (see the module docstring for what each field means)."""

    name: str
    pattern: str
    kind: str
    guard: str | None = None
    examples: tuple[str, ...] = field(default=())
