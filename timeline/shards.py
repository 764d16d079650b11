"""Shards of a bulk load: a stable split of the inputs so N machines share one ingest.

An article's shard is a hash of a key that is the same on every machine: the path of
its file relative to the folder given (or the file's own name), plus its position in
the file for the files that hold many articles (.json, .jsonl). Every article falls in
exactly one of the N shards, whatever the machine, its folder's location or its order
of reading.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

_SHARD = re.compile(r"\s*(\d+)\s*/\s*(\d+)\s*")
# Files that may hold many articles: split by article, not by file, so one big feed
# (a 4,000-article .jsonl) is shared too.
MANY_ARTICLE_SUFFIXES = (".json", ".jsonl")


@dataclass(frozen=True)
class Shard:
    """Shard ``index`` (1-based) of ``count``."""

    index: int
    count: int

    def holds(self, key: str) -> bool:
        """Return True when the input with this key belongs to this shard."""
        digest = hashlib.blake2b(key.encode("utf-8", "surrogatepass"), digest_size=8)
        return int.from_bytes(digest.digest(), "big") % self.count == self.index - 1

    def __str__(self) -> str:
        return f"{self.index}/{self.count}"


def parse_shard(text: str) -> Shard:
    """Return the Shard that ``K/N`` names; raises ValueError with a one-line reason."""
    match = _SHARD.fullmatch(text)
    if match is None:
        raise ValueError(f"expected K/N, shard K of N (e.g. 1/3), got {text!r}")
    index, count = int(match[1]), int(match[2])
    if count < 1 or not 1 <= index <= count:
        raise ValueError(f"shard {text!r} does not exist: K must be 1 to N and N at least 1 "
                         "(e.g. 1/3, 2/3, 3/3)")
    return Shard(index, count)


def file_key(file: Path, root: Path) -> str:
    """Return the key that places ``file`` (found under the given ``root``, or given
    itself) in a shard: its path relative to ``root`` with '/' separators, or its name."""
    if file == root:
        return file.name
    try:
        return file.relative_to(root).as_posix()
    except ValueError:
        return file.name


def article_key(key: str, position: int) -> str:
    """Return the key of the article at ``position`` (from 0) in the file keyed ``key``."""
    return f"{key}#{position}"


def split_by_article(file: Path) -> bool:
    """Return True when ``file`` may hold many articles and is shared article by article."""
    return file.suffix.lower() in MANY_ARTICLE_SUFFIXES
