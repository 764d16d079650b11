"""Key dates on Timeline17 (the development folders in ../shared/data/t17).

Per folder, as the README there says: a fresh SQLite file holding the folder's articles
published in START..END (cached under bench/out/t17/ between runs; delete it to ingest
again), then `timeline summary --dates N --per-date L --from START --to END --format
json`, scored with ../shared/tools/score_tls.py (tilse, in the venv given by
--tls-python, default /work/tls-venv/bin/python). Prints per folder and the mean date F1,
AR1 and AR2 with the peers of the README beside, the summary's wall time per folder, and
as its last line a JSON object.

    .venv/bin/python bench/t17_summary.py [--folders A,B] [--set NAME=VALUE ...]

--set changes a field of timeline.summary.Weights or Choice and runs the summary in this
process instead of through the command (for tuning; the figures then are not the
command's own).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "t17"
TOOLS = ROOT.parent / "shared" / "tools"
OUT = ROOT / "bench" / "out" / "t17"
FOLDERS = ("EgyptianProtest_cnn", "H1N1_bbc", "H1N1_guardian", "H1N1_reuters", "MJ_bbc",
           "haiti_bbc", "IraqWar_guardian")
LONG = ("MJ_bbc", "IraqWar_guardian")
PEERS = {  # the README's table: date F1, AR1, AR2, mean over the 7 timelines
    "RANDOM": (0.689, 0.106, 0.027),
    "PUBDATE-COUNT": (0.699, 0.119, 0.033),
    "DATEWISE unsupervised": (0.772, 0.174, 0.053),
    "DATEWISE supervised": (0.755, 0.173, 0.054),
}
TIMELINE = [str(ROOT / ".venv" / "bin" / "timeline")]


def task(folder: str) -> dict:
    """Return the folder's (only) gold timeline with its N, L, start and end."""
    return json.loads((DATA / f"{folder}.timelines.json").read_text())["timelines"][0]


def ingested(folder: str, gold: dict) -> Path:
    """Return the folder's SQLite file, ingesting the articles in span when missing."""
    OUT.mkdir(parents=True, exist_ok=True)
    db = OUT / f"{folder}.sqlite3"
    if db.exists():
        return db
    articles = OUT / f"{folder}.in.jsonl"
    with articles.open("w") as out:
        for line in (DATA / f"{folder}.jsonl").open():
            if gold["start"] <= json.loads(line)["published"] <= gold["end"]:
                out.write(line)
    partial = db.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    subprocess.run([*TIMELINE, "ingest", "--db", f"sqlite:///{partial}", str(articles)],
                   check=True, stdout=subprocess.DEVNULL)
    partial.rename(db)
    return db


def timing_collection() -> Path:
    """Return a SQLite file of 400 articles (EgyptianProtest_cnn's 271, the densest in
    dated sentences, and haiti_bbc's first 129), ingesting it when missing."""
    db = OUT / "timing400.sqlite3"
    if db.exists():
        return db
    lines = (DATA / "EgyptianProtest_cnn.jsonl").read_text().splitlines()
    lines += (DATA / "haiti_bbc.jsonl").read_text().splitlines()[: 400 - len(lines)]
    articles = OUT / "timing400.in.jsonl"
    articles.write_text("\n".join(lines) + "\n")
    partial = db.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    subprocess.run([*TIMELINE, "ingest", "--db", f"sqlite:///{partial}", str(articles)],
                   check=True, stdout=subprocess.DEVNULL)
    partial.rename(db)
    return db


def time_command(db: Path, *options: str, rounds: int = 5) -> list[tuple[float, float]]:
    """Return (wall, CPU) seconds of ``rounds`` runs of `timeline summary` on ``db``."""
    seconds = []
    for _ in range(rounds):
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        began = time.perf_counter()
        subprocess.run([*TIMELINE, "summary", "--db", f"sqlite:///{db}", *options,
                        "--format", "json"], check=True, capture_output=True)
        wall = time.perf_counter() - began
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
        seconds.append((wall, cpu))
    return seconds


def command_summary(db: Path, gold: dict) -> tuple[dict, float]:
    """Return the command's JSON and its wall time in seconds."""
    began = time.perf_counter()
    done = subprocess.run(
        [*TIMELINE, "summary", "--db", f"sqlite:///{db}", "--dates", str(gold["n_dates"]),
         "--per-date", str(gold["sents_per_date"]), "--from", gold["start"], "--to",
         gold["end"], "--format", "json"], check=True, capture_output=True, text=True)
    return json.loads(done.stdout), time.perf_counter() - began


def tuned_summary(db: Path, gold: dict, settings: dict) -> tuple[dict, float]:
    """Return the summary made in this process with changed settings, and its time."""
    from timeline.store import open_repository
    from timeline.summary import Choice, Weights, summarize
    from timeline.summary.formats import as_json

    weights = dataclasses.replace(Weights(), **{k: v for k, v in settings.items()
                                                if k in Weights.__dataclass_fields__})
    choice = dataclasses.replace(Choice(), **{k: v for k, v in settings.items()
                                              if k in Choice.__dataclass_fields__})
    began = time.perf_counter()
    with open_repository(f"sqlite:///{db}") as repository:
        events = repository.list_events()
        articles = {article.id: article for article in repository.list_articles()}
    summary = summarize(events, articles, dates=gold["n_dates"],
                        per_date=gold["sents_per_date"],
                        first=date.fromisoformat(gold["start"]),
                        last=date.fromisoformat(gold["end"]), weights=weights, choice=choice)
    return as_json(summary, articles), time.perf_counter() - began


def parse_settings(pairs: list[str]) -> dict:
    """Return NAME=VALUE pairs as a dict of numbers."""
    settings = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        settings[name] = int(value) if value.lstrip("-").isdigit() else float(value)
    return settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folders", default=",".join(FOLDERS))
    parser.add_argument("--set", action="append", default=[], metavar="NAME=VALUE")
    parser.add_argument("--tls-python", default="/work/tls-venv/bin/python")
    parser.add_argument("--timing", action="store_true",
                        help="also time the command on a 400-article collection")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"no Timeline17 data at {DATA}", file=sys.stderr)
        return 2
    settings = parse_settings(args.set)
    folders = [name for name in args.folders.split(",") if name]
    pairs, seconds = [], {}
    for folder in folders:
        gold = task(folder)
        db = ingested(folder, gold)
        made, seconds[folder] = (tuned_summary(db, gold, settings) if settings
                                 else command_summary(db, gold))
        system = OUT / f"{folder}.sys.json"
        system.write_text(json.dumps(made, ensure_ascii=False, indent=1))
        pairs += [str(DATA / f"{folder}.timelines.json"), str(system)]
    scores = OUT / "scores.json"
    subprocess.run([args.tls_python, str(TOOLS / "score_tls.py"), *pairs, "--json",
                    str(scores), "--quiet"], check=True, stdout=subprocess.DEVNULL)
    scored = json.loads(scores.read_text())
    rows = {}
    print(f"{'folder':22} {'date F1':>7} {'AR1':>6} {'AR2':>6} {'time s':>7}")
    for folder, timeline in zip(folders, scored["timelines"]):
        figures = (timeline["date"]["f_score"], timeline["align_m1"]["rouge_1"]["f_score"],
                   timeline["align_m1"]["rouge_2"]["f_score"])
        rows[folder] = figures
        print(f"{folder:22} {figures[0]:7.3f} {figures[1]:6.3f} {figures[2]:6.3f} "
              f"{seconds[folder]:7.2f}")
    average = scored["average"]
    mean = (average["date"]["f_score"], average["align_m1"]["rouge_1"]["f_score"],
            average["align_m1"]["rouge_2"]["f_score"])
    print(f"{'mean (news-tls average)':22} {mean[0]:7.3f} {mean[1]:6.3f} {mean[2]:6.3f}")
    long = [rows[name] for name in LONG if name in rows]
    if long:
        print(f"{'mean of the long two':22} "
              + " ".join(f"{sum(r[i] for r in long) / len(long):{w}.3f}"
                         for i, w in ((0, 7), (1, 6), (2, 6))))
    for name, figures in PEERS.items():
        print(f"{'peer ' + name:22} {figures[0]:7.3f} {figures[1]:6.3f} {figures[2]:6.3f}")
    timing = {}
    if args.timing:
        db = timing_collection()
        for label, options in (("auto", ()), ("20x3", ("--dates", "20", "--per-date", "3"))):
            runs = time_command(db, *options)
            timing[label] = runs
            walls, cpus = sorted(run[0] for run in runs), sorted(run[1] for run in runs)
            print(f"400 articles, {label}: median {walls[len(walls) // 2]:.2f} s wall "
                  f"(max {walls[-1]:.2f}), median {cpus[len(cpus) // 2]:.2f} CPU-s "
                  f"({len(runs)} runs)")
    print(json.dumps({"folders": rows, "mean": mean, "seconds": seconds,
                      "settings": settings, "timing": timing}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
