"""Sentences as TF-IDF vectors (plain dicts) and their cosine.

Written out rather than taken from scikit-learn: loading scikit-learn alone costs about
two CPU-seconds, most of the five a summary of a 400-article collection may take, and
the few thousand short sentences of such a collection need nothing it adds.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable

WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?", re.UNICODE)

# Function words carry no content: two sentences sharing only these say different things.
STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
out over own said same says she should so some such than that the their theirs them then
there these they this those through to too under until up very was we were what when where
which while who whom why will with would you your yours mr mrs ms s t one two new
""".split())

Vector = dict[str, float]


def content_words(text: str) -> list[str]:
    """Return the lowercased words of ``text`` without function words or bare numbers."""
    words = []
    for word in WORD.findall(text.lower()):
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) > 1 and word not in STOPWORDS and not word.isdigit():
            words.append(word)
    return words


def document_frequencies(texts: Iterable[list[str]]) -> tuple[Counter[str], int]:
    """Return (in how many texts each word occurs, how many texts there are)."""
    frequencies: Counter[str] = Counter()
    count = 0
    for words in texts:
        frequencies.update(set(words))
        count += 1
    return frequencies, count


def inverse_frequencies(frequencies: Counter[str], count: int) -> dict[str, float]:
    """Return each word's smoothed inverse document frequency, as scikit-learn's
    TfidfVectorizer computes it: ln((1 + texts) / (1 + texts with the word)) + 1."""
    return {word: math.log((1 + count) / (1 + times)) + 1.0
            for word, times in frequencies.items()}


def tfidf(words: list[str], idf: dict[str, float]) -> Vector:
    """Return the unit-length TF-IDF vector of ``words`` (sublinear term frequency;
    a word ``idf`` does not know weighs 1, as a word found in every text)."""
    vector = {word: (1.0 + math.log(times)) * idf.get(word, 1.0)
              for word, times in Counter(words).items()}
    return normalized(vector)


def normalized(vector: Vector) -> Vector:
    """Return ``vector`` scaled to length one (an empty one stays empty)."""
    length = math.sqrt(sum(value * value for value in vector.values()))
    return {word: value / length for word, value in vector.items()} if length else {}


def centroid(vectors: Iterable[Vector]) -> Vector:
    """Return the unit-length mean of ``vectors``."""
    total: dict[str, float] = {}
    for vector in vectors:
        for word, value in vector.items():
            total[word] = total.get(word, 0.0) + value
    return normalized(total)


def cosine(first: Vector, second: Vector) -> float:
    """Return the cosine of two unit-length vectors (0 when either is empty)."""
    if len(first) > len(second):
        first, second = second, first
    return sum(value * second.get(word, 0.0) for word, value in first.items())
