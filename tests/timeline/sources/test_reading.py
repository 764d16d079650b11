"""Inputs that are not article files: a named pipe among articles (it must not hang
the ingest), a folder with nothing to read in it (named, not passed over)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from timeline.sources import SourceError, collect_files, iter_articles

ROOT = Path(__file__).resolve().parents[3]


def test_a_named_pipe_is_refused_without_reading_it(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    os.mkfifo(folder / "pipe.txt")  # no writer: opening it to read would block for ever
    (folder / "2023-09-12-a.txt").write_text("The council met on Monday.\n")
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "ingest", str(folder), "--db", str(tmp_path / "t.db")],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "added: 1 article" in done.stdout
    assert f"  {folder / 'pipe.txt'}: not a regular file" in done.stdout


def test_a_folder_with_no_article_file_is_named_with_what_was_looked_for(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "notes.csv").write_text("a,b\n")
    (tmp_path / "other" / "sub").mkdir()  # an empty sub-folder of a good folder is fine
    (tmp_path / "other" / "a.md").write_text("x")
    for folder in (empty, tmp_path / "other" / "sub"):
        (error,) = collect_files(folder)
        assert isinstance(error, SourceError) and error.name == str(folder)
        assert error.reason.startswith("no article files in the folder (looked for .txt")
    assert collect_files(tmp_path / "other") == [tmp_path / "other" / "a.md"]
    (error,) = iter_articles(empty)
    assert "no article files" in str(error)
