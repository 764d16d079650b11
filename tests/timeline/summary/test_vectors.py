"""TF-IDF vectors and cosine, written out."""

from __future__ import annotations

import math

from timeline.summary.vectors import (
    centroid, content_words, cosine, document_frequencies, inverse_frequencies, tfidf,
)


def test_function_words_and_numbers_carry_no_content():
    assert content_words("The dam at Riverton broke in 2023, and Riverton's mayor spoke.") == [
        "dam", "riverton", "broke", "riverton", "mayor", "spoke"]


def test_cosine_of_unit_vectors():
    texts = [content_words(t) for t in ("dam broke", "dam broke again", "tulips planted")]
    idf = inverse_frequencies(*document_frequencies(texts))
    vectors = [tfidf(words, idf) for words in texts]
    assert math.isclose(cosine(vectors[0], vectors[0]), 1.0)
    assert cosine(vectors[0], vectors[1]) > 0.5
    assert cosine(vectors[0], vectors[2]) == 0.0
    middle = centroid(vectors[:2])
    assert math.isclose(math.sqrt(sum(v * v for v in middle.values())), 1.0)
    assert cosine({}, vectors[0]) == 0.0
