"""Speed of the temporal tagger against dateparser's own search, in one process.

    .venv/bin/python bench/tagger_speed.py [--data DIR] [--seconds S]

Tags the 73 TempEval-3 AQUAINT articles (tags stripped, as the accuracy bench does)
repeatedly for at least ``--seconds``, then runs
``dateparser.search.search_dates(text, languages=['en'], settings=...)`` over the same
texts the same way, and prints characters per second for both and their ratio. Both run
warm (one untimed pass first) on one thread. The last line is a JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dateparser.search import search_dates  # noqa: E402

from timeline.sources import article_from_text  # noqa: E402
from timeline.sources.timeml import timeml_dct, timeml_text  # noqa: E402
from timeline.temporal import tag  # noqa: E402

SHARED = ROOT.parent / "shared"


def load_texts(data_dir: Path) -> list[tuple[str, datetime]]:
    """Return (article text, DCT) for every .tml file, tags stripped as te3input does."""
    articles = []
    for path in sorted(data_dir.glob("*.tml")):
        document = path.read_text(encoding="utf-8")
        article = article_from_text(timeml_text(document), timeml_dct(document))
        articles.append((article.text, article.published))
    return articles


def chars_per_second(work, articles, seconds: float) -> tuple[float, int]:
    """Run ``work(text, dct)`` over all articles until ``seconds`` have passed."""
    for text, dct in articles:  # warm-up: caches, compiled patterns, dateparser's data
        work(text, dct)
    total_chars = rounds = 0
    started = time.perf_counter()
    while True:
        for text, dct in articles:
            work(text, dct)
            total_chars += len(text)
        rounds += 1
        elapsed = time.perf_counter() - started
        if elapsed >= seconds:
            return total_chars / elapsed, rounds


def dateparser_search(text: str, dct: datetime):
    return search_dates(
        text,
        languages=["en"],
        settings={
            "RELATIVE_BASE": dct,
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
        },
    )


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=SHARED / "data" / "aquaint")
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    articles = load_texts(args.data)
    characters = sum(len(text) for text, _ in articles)
    ours, our_rounds = chars_per_second(tag, articles, args.seconds)
    theirs, their_rounds = chars_per_second(dateparser_search, articles, args.seconds)
    print(f"{len(articles)} articles, {characters} characters per round")
    print(f"timeline.temporal.tag                    {ours:12,.0f} chars/s  ({our_rounds} rounds)")
    print(
        f"dateparser search_dates(languages=['en']) {theirs:11,.0f} chars/s "
        f" ({their_rounds} rounds)"
    )
    print(f"ratio tagger / dateparser                 {ours / theirs:11.2f}x")
    print(
        json.dumps(
            {
                "articles": len(articles),
                "characters": characters,
                "tagger_chars_per_s": round(ours),
                "dateparser_en_chars_per_s": round(theirs),
                "ratio": round(ours / theirs, 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
