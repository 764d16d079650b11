"""The status line after an import names the article a near-duplicate already is."""

from __future__ import annotations

from timeline.pipeline import IngestSummary
from ui.dialogs.import_results import summary_line


def test_one_article_already_there_is_named():
    summary = IngestSummary(already=1, same_text=[("/case/b-embassy.tml", "a embassy")])
    assert summary_line(summary) == ("Imported 0 articles (0 events), 1 already there "
                                     "(same text as a embassy)")
    many = IngestSummary(added=2, events=5, already=3,
                         same_text=[("a", "x"), ("b", "y"), ("c", "z")])
    assert summary_line(many) == "Imported 2 articles (5 events), 3 already in the database"
