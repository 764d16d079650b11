"""`timeline ingest` as a real process: bad inputs among good ones, SIGKILL part way
then a rerun, the summary and exit codes, the progress bar only on a terminal."""

from __future__ import annotations

import io
import json
import os
import pty
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

from timeline.pipeline import analyse
from timeline.sources import load_article
from timeline.store import open_repository

ROOT = Path(__file__).resolve().parents[3]
SEED = ROOT / "seeds" / "kim-jong-un-arrives-in-russia.txt"


def timeline(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "timeline", *args], cwd=ROOT, capture_output=True,
        text=True, timeout=300, **kwargs)


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def good_and_bad_folder(folder: Path) -> tuple[set[str], dict[str, str]]:
    """Write good articles and bad inputs; return (good paths, bad path -> reason part)."""
    folder.mkdir()
    shutil.copy(SEED, folder)
    shutil.copy(SEED.with_name(SEED.stem + ".meta.json"), folder)
    (folder / "2023-09-13-council.txt").write_text("The council met on Monday and voted.\n")
    (folder / "sub").mkdir()
    (folder / "sub" / "feed.jsonl").write_text(json.dumps(
        {"text": "Talks ended on Friday in Geneva.", "published": "2023-09-15"}) + "\n")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00")
    (folder / "notes.csv").write_text("not,an,article\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "latin1.md").write_bytes("Le caf\xe9 a ferm\xe9 lundi.".encode("latin-1"))
    (folder / "broken.json").write_text('[{"text": "Kim left on Sunday", "published": ')
    with open(folder / "2023-09-12-huge.txt", "w", encoding="utf-8") as huge:
        line = "The committee met again on Monday and adjourned without a vote.\n"
        huge.write(line * (60 * 1024 * 1024 // len(line) + 1))  # about 60 MB of real text
    good = {str(folder / SEED.name), str(folder / "2023-09-13-council.txt"),
            f"{folder / 'sub' / 'feed.jsonl'}:1"}
    bad = {str(folder / "image.txt"): "binary", str(folder / "empty.txt"): "empty",
           str(folder / "latin1.md"): "not UTF-8", str(folder / "broken.json"): "invalid JSON",
           str(folder / "2023-09-12-huge.txt"): "too large"}
    return good, bad


def test_every_good_article_goes_in_and_every_bad_one_is_named(tmp_path):
    good, bad = good_and_bad_folder(tmp_path / "in")
    database = tmp_path / "t.db"
    result = timeline("ingest", str(tmp_path / "in"), "--db", sqlite_url(database))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert "added: 3 articles" in result.stdout
    assert f"refused: {len(bad)}" in result.stdout
    assert "skipped (not article files): 1 (notes.csv)" in result.stdout
    refused_lines = [line.strip() for line in result.stdout.splitlines() if line.startswith("  ")]
    assert len(refused_lines) == len(bad)
    for name, reason in bad.items():
        (line,) = [line for line in refused_lines if line.startswith(f"{name}: ")]
        assert reason in line
    with open_repository(sqlite_url(database)) as repo:
        assert {a.source_path for a in repo.list_articles()} == good


def test_bad_date_and_bad_database_exit_2_with_one_line(tmp_path):
    result = timeline("ingest", str(SEED), "--date", "next week",
                      "--db", sqlite_url(tmp_path / "t.db"))
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0 and "2023-03-05" in result.stderr
    (tmp_path / "not-a-db").write_text("this is not a database file " * 100)
    result = timeline("ingest", str(SEED), "--db", sqlite_url(tmp_path / "not-a-db"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("timeline ingest: ")


def test_rerun_reports_already_there_and_exits_0(tmp_path):
    url = sqlite_url(tmp_path / "t.db")
    first = timeline("ingest", str(SEED), "--db", url)
    assert first.returncode == 0, first.stdout + first.stderr
    second = timeline("ingest", str(SEED), "--db", url)
    assert second.returncode == 0
    assert "added: 0 articles" in second.stdout and "already there: 1" in second.stdout
    assert first.stderr == "" and second.stderr == ""  # no bar when stderr is not a tty


def test_progress_bar_is_drawn_on_a_terminal(tmp_path):
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "ingest", str(SEED),
         "--db", sqlite_url(tmp_path / "t.db")],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=terminal, text=True)
    os.close(terminal)
    output, _ = process.communicate(timeout=120)
    drawn = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        drawn += chunk
    os.close(controller)
    assert process.returncode == 0
    assert b"] 1/1 kim-jong-un" in drawn and b"[" + b"#" * 28 + b"]" in drawn
    assert "added: 1 article " in output


def large_folder(folder: Path, count: int) -> list[Path]:
    """``count`` dated copies of the bundled seed article, each with its own text (own
    hash) and its own publication date in the file name."""
    folder.mkdir()
    text = SEED.read_text(encoding="utf-8").strip()
    paths = []
    for number in range(count):
        published = date(2023, 1, 1) + timedelta(days=number)
        path = folder / f"{published:%Y-%m-%d}-seed-edition-{number}.txt"
        path.write_text(f"{text}\n\nEdition {number} of the seed.\n", encoding="utf-8")
        paths.append(path)
    return paths


# Runs `timeline ingest` with Repository.add_prepared (an ingest's writing) made to stop
# after the Nth article is stored: it creates PAUSED and waits there until PAUSED.go
# exists (or a minute has passed). The test then signals a process known to be part
# way, never one that has already finished, whatever the machine's load.
PAUSING_DRIVER = """
import os, sys, time
from pathlib import Path
from timeline.store.repository import Repository

pause_at, paused = int(sys.argv[1]), Path(sys.argv[2])
add_prepared, stored = Repository.add_prepared, []

def pausing_add_prepared(self, *args, **kwargs):
    outcome = add_prepared(self, *args, **kwargs)
    stored.append(1)
    if len(stored) == pause_at:
        paused.touch()
        deadline = time.monotonic() + 60
        while not paused.with_name(paused.name + ".go").exists() and time.monotonic() < deadline:
            time.sleep(0.01)
    return outcome

Repository.add_prepared = pausing_add_prepared
sys.argv = ["timeline", *sys.argv[3:]]
from timeline.cli import main
sys.exit(main())
"""


def paused_ingest(command: list[str], pause_at: int, paused: Path) -> list[str]:
    """Return ``command`` (a `python -m timeline ...` line) run through the pausing driver."""
    return [sys.executable, "-c", PAUSING_DRIVER, str(pause_at), str(paused), *command[3:]]


def wait_until_paused(process: subprocess.Popen, paused: Path) -> None:
    """Wait until the driven ingest has paused; fail with its output if it ended first."""
    deadline = time.monotonic() + 300
    while not paused.exists():
        if process.poll() is not None:
            output = process.communicate()
            raise AssertionError(f"the ingest ended before it paused: {output}")
        assert time.monotonic() < deadline, "the ingest never reached the pause"
        time.sleep(0.02)


def stored_articles(database: Path) -> int:
    try:
        with sqlite3.connect(f"file:{database}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.Error:
        return 0


def test_sigkill_part_way_leaves_whole_articles_and_a_rerun_finishes(tmp_path):
    paths = large_folder(tmp_path / "in", count=292)
    database = tmp_path / "t.db"
    command = [sys.executable, "-m", "timeline", "ingest", str(tmp_path / "in"),
               "--db", sqlite_url(database)]
    paused = tmp_path / "paused"
    process = subprocess.Popen(paused_ingest(command, 25, paused), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_paused(process, paused)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL

    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    with open_repository(sqlite_url(database)) as repo:
        stored = repo.list_articles()
        assert 25 <= len(stored) < len(paths)
        for article in stored:
            mentions, events = analyse(load_article(Path(article.source_path)))
            assert repo.count_events(article_ids=[article.id]) == len(events)
            assert len(repo.article_mentions(article.id)) == len(mentions)

    rerun = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert f"added: {len(paths) - len(stored)} articles" in rerun.stdout
    assert f"already there: {len(stored)}" in rerun.stdout
    with open_repository(sqlite_url(database)) as repo:
        articles = repo.list_articles()
        assert len(articles) == len(paths)
        assert len({a.content_hash for a in articles}) == len(paths)
        assert {a.source_path for a in articles} == {str(p) for p in paths}


def test_ctrl_c_stops_after_the_article_in_hand_and_prints_the_summary(tmp_path):
    paths = large_folder(tmp_path / "in", count=146)
    database = tmp_path / "t.db"
    paused = tmp_path / "paused"
    command = [sys.executable, "-m", "timeline", "ingest", str(tmp_path / "in"),
               "--db", sqlite_url(database)]
    process = subprocess.Popen(paused_ingest(command, 10, paused), cwd=ROOT,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    wait_until_paused(process, paused)
    process.send_signal(signal.SIGINT)
    (tmp_path / "paused.go").touch()  # the interrupt is asked for: let the ingest go on
    output, errors = process.communicate(timeout=60)
    assert process.returncode == 130
    assert "interrupted; run it again" in errors and "Traceback" not in errors
    added = int(output.split("added: ")[1].split()[0])
    # Stopped after the article in hand: the ten stored before the interrupt, or one more
    # when the interrupt came while the eleventh was being read.
    assert added in (10, 11) and stored_articles(database) == added < len(paths)


def test_a_stopped_ingest_says_how_many_files_were_not_read():
    from timeline.commands.ingest import format_summary
    from timeline.pipeline import IngestSummary

    summary = IngestSummary(refused=[("a.txt", "database write failed: disk is full")] * 3,
                            stopped="stopped: the database failed", left=1305)
    lines = format_summary(summary).splitlines()
    assert lines[2] == "refused: 3" and lines[-1] == "not read: 1305 (the database kept failing)"
    assert len(lines) == 7


def descendants(pid: int) -> set[int]:
    """Return the ids of the processes below ``pid`` (children, grandchildren...)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(fields[1])
    found: set[int] = set()
    frontier = {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_sigkill_of_a_parallel_ingest_leaves_whole_articles_and_no_worker(tmp_path):
    paths = large_folder(tmp_path / "in", count=120)
    database = tmp_path / "t.db"
    command = [sys.executable, "-m", "timeline", "ingest", str(tmp_path / "in"),
               "--db", sqlite_url(database), "--jobs", "2"]
    paused = tmp_path / "paused"
    process = subprocess.Popen(paused_ingest(command, 12, paused), cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wait_until_paused(process, paused)
    workers = descendants(process.pid)
    assert len(workers) >= 2  # the fork server and its workers
    process.send_signal(signal.SIGKILL)
    process.wait()
    # The workers notice that the writer is gone and end on their own.
    deadline = time.monotonic() + 30
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(alive(pid) for pid in workers)

    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        # Every stored article has all its events, and every event its story.
        counts = connection.execute(
            "SELECT a.source_path, count(e.id), count(e.story_id) FROM articles a "
            "LEFT JOIN events e ON e.article_id = a.id GROUP BY a.id").fetchall()
    assert 12 <= len(counts) < len(paths)
    for source_path, events, grouped in counts:
        assert events == grouped == len(analyse(load_article(Path(source_path)))[1])

    rerun = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    assert f"added: {len(paths) - len(counts)} articles" in rerun.stdout
    assert f"already there: {len(counts)}" in rerun.stdout
    assert stored_articles(database) == len(paths)


def test_bad_jobs_and_shard_are_one_line_and_exit_2(tmp_path):
    url = sqlite_url(tmp_path / "t.db")
    for option, value, words in (("--jobs", "0", "1 or more"), ("--jobs", "two", "1 or more"),
                                 ("--shard", "3/2", "does not exist"),
                                 ("--shard", "half", "K/N")):
        result = timeline("ingest", str(SEED), "--db", url, option, value)
        assert result.returncode == 2, result.stdout + result.stderr
        assert result.stderr.startswith(f"timeline ingest: {option}: ")
        assert words in result.stderr and result.stderr.strip().count("\n") == 0
    assert not (tmp_path / "t.db").exists() or stored_articles(tmp_path / "t.db") == 0


def test_without_a_terminal_a_long_ingest_prints_a_progress_line_now_and_then(tmp_path):
    from timeline.commands.ingest import ProgressLines
    from timeline.parallel_ingest import IngestProgress

    lines = io.StringIO()
    reporter = ProgressLines(lines, every=0.05)
    reporter(IngestProgress(0, 40, 0, 1, 0.0, None, ""))
    time.sleep(0.06)
    reporter(IngestProgress(10, 40, 1, 1, 5.0, 6.0, "feed.jsonl:10"))
    reporter(IngestProgress(11, 40, 1, 1, 5.0, 5.8, "feed.jsonl:11"))  # too soon: nothing
    assert lines.getvalue() == (
        "timeline ingest: 10/40 articles (25%), 5.0 articles/s, 0:06 left\n")
