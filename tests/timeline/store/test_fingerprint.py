"""The same story in two formats (.txt and .tml: markup and whitespace apart) is stored
once, and the second import says which article it already is; the fingerprint is
filled in for articles stored before its migration."""

from __future__ import annotations

from datetime import datetime

from alembic import command
from sqlalchemy import create_engine, text

from timeline.commands.ingest import format_summary
from timeline.pipeline import ingest_paths
from timeline.store import migrate, open_repository
from timeline.store.fingerprint import normalized_text, text_fingerprint

STORY = ("NAIROBI, Kenya (Reuters) - Two bombs exploded outside the U.S. embassies on "
         "Friday, Aug. 7, 1998.\n\nRescuers worked through the night & the next day.")
TIMEML = ("<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>embassy</DOCID>\n"
          "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-08\" "
          "functionInDocument=\"CREATION_TIME\">1998-08-08</TIMEX3></DCT>\n<TEXT>\n"
          "NAIROBI, Kenya (Reuters) - Two bombs  exploded outside the U.S. embassies on\n"
          "<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday, Aug. 7, 1998</TIMEX3>."
          "\n\n\nRescuers worked through the night &amp; the next day.\n</TEXT>\n</TimeML>\n")


def test_markup_case_and_whitespace_do_not_change_the_fingerprint():
    assert normalized_text("<p>Two  bombs\n&amp; <b>Rescuers</b></p>") == "two bombs & rescuers"
    marked_up = text_fingerprint("TWO <i>bombs</i> exploded.")
    assert text_fingerprint("Two bombs\nexploded.") == marked_up
    assert text_fingerprint("Two bombs exploded.") != text_fingerprint("Three bombs exploded.")


def test_the_same_story_as_txt_and_tml_goes_in_once(db_url, tmp_path):
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "a-embassy.txt").write_text(STORY, encoding="utf-8")
    (folder / "b-embassy.tml").write_text(TIMEML, encoding="utf-8")
    with open_repository(db_url) as repo:
        summary = ingest_paths([folder], repo, published=datetime(1998, 8, 8))
        assert (summary.added, summary.already) == (1, 1)
        assert len(repo.list_articles()) == 1
        name, stored = summary.same_text[0]
        assert name.endswith("b-embassy.tml") and stored == "a embassy"
        assert f"{name}: already there (same text as a embassy)" in format_summary(summary)
        # Exactly the same text again is still recognised by its content hash.
        again = ingest_paths([folder / "a-embassy.txt"], repo, published=datetime(1998, 8, 8))
        assert again.already == 1 and len(repo.list_articles()) == 1


def test_the_migration_fills_the_fingerprint_of_stored_articles(tmp_path):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}"
    engine = create_engine(url)
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "0002")  # a database from before the fingerprint
        connection.execute(text(
            "INSERT INTO articles (text, title, content_hash) VALUES (:text, 'old', 'x')"),
            {"text": STORY})
    engine.dispose()
    with open_repository(url) as repo:  # upgraded at open
        summary = ingest_paths([_write(tmp_path, TIMEML)], repo, published=datetime(1998, 8, 8))
        assert summary.same_text and summary.same_text[0][1] == "old"
        assert [article.title for article in repo.list_articles()] == ["old"]
    engine = create_engine(url)
    with engine.connect() as connection:
        stored = connection.execute(text("SELECT text_fingerprint FROM articles")).scalar()
    engine.dispose()
    assert stored == text_fingerprint(STORY)


def _write(tmp_path, content):
    path = tmp_path / "late.tml"
    path.write_text(content, encoding="utf-8")
    return path
