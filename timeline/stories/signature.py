"""A clause's signature: the weighted words that say what happened.

Built from the event's title (the clause that holds its date, date phrase cut out,
as timeline.events makes it), so "the strike, which began on Monday, ended on
Friday" gives "The strike began" and "The strike ended", two signatures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import Stemmer

from timeline.stories.lexicon import CONCEPTS, PHASES, STOP_WORDS

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*[A-Za-z]|[A-Za-z]|\d+(?:[.,]\d+)?")
_STEMMER = Stemmer.Stemmer("english")
# A name or a concept says more about the happening than a common word.
NAME_WEIGHT = 2.0
CONCEPT_WEIGHT = 2.0
WORD_WEIGHT = 1.0


@dataclass(frozen=True)
class Signature:
    """The tokens of a clause with their weights, and its phase (START, END or None)."""

    weights: dict[str, float]
    phase: str | None
    mass: float = 0.0  # the sum of the weights
    names: frozenset[str] = frozenset()  # the tokens written as names

    @property
    def tokens(self) -> frozenset[str]:
        """Return the signature's tokens."""
        return frozenset(self.weights)



@lru_cache(maxsize=65536)
def signature_of(clause: str) -> Signature:
    """Return the Signature of ``clause`` (cached: one title often serves many events)."""
    weights: dict[str, float] = {}
    names: set[str] = set()
    phase = None
    for index, match in enumerate(_WORD.finditer(clause)):
        word = match.group().strip("'-")
        if word.lower().endswith("'s"):
            word = word[:-2]
        lower = word.lower()
        if lower in PHASES:
            # The phase is compared on its own: "began" and "started" are one phase.
            phase = phase or PHASES[lower]
            continue
        if lower in CONCEPTS:
            token, weight = CONCEPTS[lower], CONCEPT_WEIGHT
        elif lower in STOP_WORDS or len(lower) < 2 or lower.isdigit():
            continue
        else:
            token = _STEMMER.stemWord(lower)
            # A capital inside the clause marks a name; the first word's capital is the
            # sentence's.
            named = word[0].isupper() and (index > 0 or word.isupper())
            weight = NAME_WEIGHT if named else WORD_WEIGHT
            if named:
                names.add(token)
        weights[token] = max(weight, weights.get(token, 0.0))
    # A token written once as a name and once as a word ("Strike" opening the clause,
    # "strike" later) counts as a word.
    names = {token for token in names if weights[token] == NAME_WEIGHT}
    return Signature(weights, phase, sum(weights.values()), frozenset(names))


def overlap(one: Signature, other: Signature) -> tuple[float, float]:
    """Return (shared weight, shared weight / the smaller signature's weight)."""
    if not one.weights or not other.weights:
        return 0.0, 0.0
    small, large = (one, other) if len(one.weights) <= len(other.weights) else (other, one)
    found = large.weights
    shared = 0.0
    for token, weight in small.weights.items():
        if token in found:
            shared += min(weight, found[token])
    return shared, shared / min(one.mass, other.mass)
