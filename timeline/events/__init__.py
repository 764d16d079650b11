"""Events: sentences hung on the temporal mentions that date them (``extract``, where
the decisions an analyst should know are written down), with ``sentences``, ``titles``,
``datelines`` and ``narrative`` (reference-time propagation)."""

from timeline.events.extract import extract_events
from timeline.events.sentences import Sentence, split_sentences

__all__ = ["Sentence", "extract_events", "split_sentences"]
