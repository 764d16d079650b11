"""Sorting in slices (ui.canvas.sorting): the order sorted gives, stable, at any size."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import ui.canvas.sorting as sorting
from ui.canvas.sorting import sorted_in_slices


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 9), st.integers()), max_size=300),
       st.integers(1, 40))
def test_slices_merged_give_what_sorted_gives_equal_keys_kept_in_order(items, size):
    real_slice = sorting.SLICE
    sorting.SLICE = size  # small slices, so that a few hundred items make many
    try:
        by_first = sorted_in_slices(items, key=lambda item: item[0])
        plain = sorted_in_slices([second for _first, second in items])
    finally:
        sorting.SLICE = real_slice
    assert by_first == sorted(items, key=lambda item: item[0])  # stable: ties in order
    assert plain == sorted(second for _first, second in items)


def test_a_generator_is_sorted_too():
    assert sorted_in_slices(iter([3.0, 1.0, 2.0])) == [1.0, 2.0, 3.0]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.floats(allow_nan=False), max_size=30), max_size=30),
       st.integers(1, 40))
def test_runs_of_floats_sorted_into_one_array_give_what_sorted_gives(runs, size):
    from array import array

    real_slice = sorting.SLICE
    sorting.SLICE = size  # slices of a few numbers: many merged
    try:
        merged = sorting.sorted_floats(array("d", run) for run in runs)
    finally:
        sorting.SLICE = real_slice
    assert isinstance(merged, array) and merged.typecode == "d"
    assert list(merged) == sorted(number for run in runs for number in run)
