"""Key dates of a collection: ranked days, a few sentences each, every line linked to
its event, story and sources. Qt-free; the store is read by the caller."""

from timeline.summary.lines import KeyDate, Summary, SummaryLine
from timeline.summary.ranking import Weights, own_story
from timeline.summary.selection import Choice
from timeline.summary.summarize import DEFAULT_PER_DATE, summarize

__all__ = ["DEFAULT_PER_DATE", "Choice", "KeyDate", "Summary", "SummaryLine", "Weights",
           "own_story", "summarize"]
