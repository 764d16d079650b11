"""`timeline remove-article`: an article and its events go, audited; --dry-run only says."""

from __future__ import annotations

from datetime import datetime

from timeline.cli import main
from timeline.model import Article
from timeline.pipeline import ingest_article
from timeline.store import open_repository

TEXT = "The Ostrava bridge reopened on Tuesday after repairs."


def stored(tmp_path) -> tuple[str, int]:
    db = str(tmp_path / "cases.sqlite3")
    with open_repository(db) as repo:
        summary = ingest_article(Article(text=TEXT, published=datetime(2023, 4, 12),
                                         title="Bridge reopens", outlet="Local"), repo)
    return db, summary.article_ids[0]


def test_dry_run_says_what_would_go_and_keeps_it(tmp_path, capsys):
    db, article_id = stored(tmp_path)
    assert main(["remove-article", "--db", db, "--dry-run", str(article_id)]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"would remove article {article_id} 'Bridge reopens' (Local, "
                          "2023-04-12): 1 event, 0 analyst edits")
    with open_repository(db) as repo:
        assert len(repo.list_events()) == 1 and repo.list_article_removals() == []


def test_remove_article_removes_and_records(tmp_path, capsys):
    db, article_id = stored(tmp_path)
    assert main(["remove-article", "--db", db, str(article_id)]) == 0
    assert capsys.readouterr().out.startswith(f"removed article {article_id} 'Bridge reopens'")
    with open_repository(db) as repo:
        assert repo.list_events() == [] and repo.list_articles() == []
        [record] = repo.list_article_removals()
        assert (record.title, record.events) == ("Bridge reopens", 1)


def test_an_unknown_id_is_one_line_and_the_others_still_go(tmp_path, capsys):
    db, article_id = stored(tmp_path)
    assert main(["remove-article", "--db", db, "404", str(article_id)]) == 1
    captured = capsys.readouterr()
    assert captured.err == ("timeline remove-article: no article with id 404; "
                            "nothing removed\n")
    assert "removed article" in captured.out


def test_a_missing_database_is_refused_without_creating_it(tmp_path, capsys):
    missing = tmp_path / "typo.sqlite3"
    assert main(["remove-article", "--db", str(missing), "1"]) == 2
    assert "no database at" in capsys.readouterr().err and not missing.exists()
