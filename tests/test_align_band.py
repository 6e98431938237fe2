"""The banded search shared by the aligners: a bead's mean similarity to its neighbours."""

from __future__ import annotations

import numpy as np

from stmtdiff.core.align.band import neighbour_mean, one_bead


def _similarity(i: int, di: int, j: int, dj: int) -> float:
    """A made-up similarity that tells every run pair apart."""
    return (i + 1) * 0.1 + di * 0.01 + (j + 1) * 0.001 + dj * 0.0001


def bead_neighbour_mean(n: int, m: int, bead: tuple[int, int, int, int]) -> float:
    """The mean for one bead, as the scalar gains take it: the vectorised formula on a
    measure of length-1 arrays."""
    i, di, j, dj = bead
    measure = one_bead(_similarity, n, m)
    return float(neighbour_mean(measure, n, m, di, dj, np.array([i]), np.array([j]))[0])


def test_a_bead_in_the_middle_averages_both_neighbours_of_each_side() -> None:
    # Source run 2..3 against targets 1 and 4 (outside target run 2..3), target run against
    # sources 1 and 4; the two sides' means are averaged.
    around_tgt = (_similarity(2, 2, 1, 1) + _similarity(2, 2, 4, 1)) / 2
    around_src = (_similarity(1, 1, 2, 2) + _similarity(4, 1, 2, 2)) / 2
    found = bead_neighbour_mean(6, 6, (2, 2, 2, 2))
    assert found == (around_tgt + around_src) / 2


def test_a_bead_at_the_start_counts_only_the_neighbours_inside_the_texts() -> None:
    found = bead_neighbour_mean(3, 3, (0, 1, 0, 1))
    assert found == (_similarity(0, 1, 1, 1) + _similarity(1, 1, 0, 1)) / 2


def test_a_bead_covering_both_texts_has_no_neighbours() -> None:
    assert bead_neighbour_mean(2, 2, (0, 2, 0, 2)) == 0.0


def test_one_bead_gets_the_value_the_vectorised_mean_gives_it_among_others() -> None:
    n, m = 5, 4

    def measure(di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        i, j = np.clip(i, 0, n - 1), np.clip(j, 0, m - 1)
        return np.array([_similarity(int(a), di, int(b), dj) for a, b in zip(i, j, strict=True)])

    rows, cols = np.array([0, 1, 3, 4]), np.array([0, 2, 1, 3])
    table = neighbour_mean(measure, n, m, 1, 1, rows, cols)
    scalar = [
        bead_neighbour_mean(n, m, (int(a), 1, int(b), 1)) for a, b in zip(rows, cols, strict=True)
    ]
    assert table.tolist() == scalar
