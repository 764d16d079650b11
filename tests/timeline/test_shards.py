"""Shards of a bulk load: the split is the same on every machine, bad K/N is refused."""

from __future__ import annotations

import pytest

from timeline.shards import Shard, file_key, parse_shard


def test_the_split_is_the_same_on_every_machine(tmp_path):
    # The key is the path under the folder given, so the folder's own place does not count.
    assert file_key(tmp_path / "a" / "b" / "x.txt", tmp_path / "a") == "b/x.txt"
    assert file_key(tmp_path / "x.txt", tmp_path / "x.txt") == "x.txt"
    # A fixed hash (not Python's salted hash()): these placements never change.
    placed = [Shard(1, 2).holds(f"feed.jsonl#{n}") for n in range(8)]
    assert placed == [Shard(1, 2).holds(f"feed.jsonl#{n}") for n in range(8)]
    assert placed == [True, False, True, True, True, True, True, True]


@pytest.mark.parametrize("text", ["0/2", "3/2", "1/0", "2", "a/b", "-1/2", ""])
def test_a_shard_that_does_not_exist_is_refused_with_a_reason(text):
    with pytest.raises(ValueError, match="K/N|does not exist"):
        parse_shard(text)


def test_shard_k_of_n_is_read():
    assert parse_shard("2/3") == Shard(2, 3) and parse_shard(" 1 / 1 ") == Shard(1, 1)
