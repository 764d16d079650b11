"""Choosing a day's sentences: near the day's centre, no repeats, one per story first."""

from __future__ import annotations

from datetime import datetime

from tests.timeline.summary.test_ranking import event
from timeline.summary.ranking import own_story
from timeline.summary.selection import Candidate, Choice, choose_lines, word_count_factor
from timeline.summary.vectors import content_words, document_frequencies, inverse_frequencies, tfidf

DAY = datetime(2023, 3, 5)
SENTENCES = [
    "The dam at Riverton broke on Sunday, flooding the lower town of Riverton.",
    "The dam at Riverton broke on Sunday and flooded the lower town of Riverton.",
    "Army helicopters lifted families from the roofs of Riverton on Sunday.",
    "Tulips were planted in the park on Sunday by the gardening club volunteers.",
]


def candidates(sentences: list[str] = SENTENCES) -> list[Candidate]:
    words = [content_words(sentence) for sentence in sentences]
    idf = inverse_frequencies(*document_frequencies(words))
    return [Candidate(event(i + 1, i + 1, DAY, sentence), sentence,
                      tfidf(words[i], idf), 1.0)
            for i, sentence in enumerate(sentences)]


def test_the_sentence_nearest_the_days_centre_goes_first():
    chosen = choose_lines(candidates(), 1, story_of=own_story, choice=Choice(topic=0.0))
    assert chosen[0].sentence in SENTENCES[:2]


def test_a_sentence_repeating_a_chosen_one_is_left_out():
    chosen = choose_lines(candidates(), 2, story_of=own_story, choice=Choice(topic=0.0))
    texts = [candidate.sentence for candidate in chosen]
    assert len(texts) == 2
    assert not (SENTENCES[0] in texts and SENTENCES[1] in texts)
    assert SENTENCES[2] in texts


def test_one_sentence_a_story_while_other_stories_remain():
    stories = {1: "flood", 2: "flood", 3: "flood", 4: "garden"}
    chosen = choose_lines(candidates(), 2, story_of=lambda e: stories[e.id],
                          choice=Choice(topic=0.0))
    assert {stories[candidate.event.id] for candidate in chosen} == {"flood", "garden"}


def test_a_sentence_another_day_shows_is_not_shown_again():
    taken = {(1, 0), (2, 0)}  # (article id, offset) of the two dam sentences
    chosen = choose_lines(candidates(), 1, story_of=own_story, taken=taken,
                          choice=Choice(topic=0.0))
    assert chosen[0].sentence not in SENTENCES[:2]
    assert (chosen[0].event.article_id, 0) in taken  # and it is now taken too


def test_fragments_and_run_ons_weigh_less():
    assert word_count_factor("Flood.", 45) < 1.0
    assert word_count_factor(" ".join(["word"] * 80), 45) < 1.0
    assert word_count_factor(SENTENCES[0], 45) == 1.0


def test_no_candidates_no_lines():
    assert choose_lines([], 3, story_of=own_story) == []
