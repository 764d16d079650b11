"""File dialogs open in the folder last used, else ~/Documents, else home: never in the
folder the app happened to be started from."""

from __future__ import annotations

from pathlib import Path

from ui.folders import in_start_folder, remember_folder, start_folder


def test_the_home_documents_folder_then_the_last_one_used(settings, tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.chdir(tmp_path)  # the process's own folder is never the answer
    assert start_folder(settings) == str(home)
    (home / "Documents").mkdir()
    assert start_folder(settings) == str(home / "Documents")
    case = tmp_path / "case-a"
    case.mkdir()
    (case / "report.txt").write_text("x", encoding="utf-8")
    remember_folder(settings, case / "report.txt")
    assert start_folder(settings) == str(case)
    assert in_start_folder(settings, "timeline.csv") == str(case / "timeline.csv")
    case.joinpath("report.txt").unlink()
    case.rmdir()  # gone since: back to Documents
    assert start_folder(settings) == str(home / "Documents")
    assert Path(start_folder(settings)).is_dir()
