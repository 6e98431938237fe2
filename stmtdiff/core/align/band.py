"""The banded search shared by the aligners (``semantic``, ``lexical``): bead shapes, the
first pass of 1-1 pairs and the corridor around it, band tables filled by blocks, gain tables,
and the two measures every bead score weighs against its surroundings (its neighbours' mean
similarity, and how well its edges fit). Whatever scores a bead, these are the same.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from stmtdiff.core.align.search import Band

TYPE_CHECKING = False  # not ``typing``'s; see stmtdiff.lazyexports.numpy
if TYPE_CHECKING:
    import numpy as np
else:  # numpy loads when an aligner first uses it: a same-language compare never does
    from stmtdiff.lazyexports import numpy as np

#: measure(di, dj, i, j): a similarity of each bead (i[k], di, j[k], dj) of arrays of beads.
Measure = Callable[[int, int, "np.ndarray", "np.ndarray"], "np.ndarray"]
#: measure(rows, cols): a similarity of each pair of sentences (rows[k], cols[k]).
PairMeasure = Callable[["np.ndarray", "np.ndarray"], "np.ndarray"]

#: Largest bead with several sentences on each side, in sentences on both sides together (5
#: allows 2-3 and 3-2).
MAX_BEAD = 5
#: Most sentences facing a single sentence (1-5, 5-1): a free translation renders one long
#: sentence as five short ones (dev strict F1, 1-4 -> 1-5: MAC-Dev translation 0.907 -> 0.914,
#: Text+Berg dev 0.882 -> 0.891; 2-4, 3-3 and 4-2 beads add nothing but time).
MAX_FAN = 5
#: Most sentences on one side of a bead.
MAX_SIDE = max(MAX_BEAD - 1, MAX_FAN)
#: Candidate targets kept per source sentence in the first pass.
TOP_K = 3
#: Source sentences whose candidates are found at once (bounds the first pass's memory).
TOP_K_ROWS = 512
#: Half-width of the second-pass corridor around the first-pass chain, in sentences. Free
#: translations stray further from that chain than Bertalign's 5 (MAC-Dev strict F1 semantic
#: 0.894 -> 0.900, lexical 0.781 -> 0.786; no change from 8 up to 16, nor on the other dev sets).
WINDOW = 8


def bead_types(max_bead: int = MAX_BEAD, max_fan: int = MAX_FAN) -> tuple[tuple[int, int], ...]:
    """Skips, and every bead with both sides non-empty and either at most ``max_bead``
    sentences or one sentence against at most ``max_fan``."""
    types = [(0, 1), (1, 0)]
    sides = range(1, max(max_bead - 1, max_fan) + 1)
    types += [
        (a, b)
        for a in sides
        for b in sides
        if a + b <= max_bead or (min(a, b) == 1 and max(a, b) <= max_fan)
    ]
    return tuple(types)


def first_pass(similarity: np.ndarray, top_k: int = TOP_K) -> list[tuple[int, int]]:
    """Best monotonic chain of 1-1 pairs, each pair worth its similarity if among the source
    sentence's ``top_k`` most similar targets and nothing otherwise; 0-based pairs."""
    n, m = similarity.shape
    if n == 0 or m == 0:
        return []
    k = min(top_k, m)
    # By blocks of rows: one argpartition over the whole matrix would hold a negated copy and
    # an int64 index per cell (1.3 GB for 8,000 sentences a side).
    top = np.empty((n, k), dtype=np.int64)
    for start in range(0, n, TOP_K_ROWS):
        rows = similarity[start : start + TOP_K_ROWS]
        top[start : start + len(rows)] = np.argpartition(-rows, k - 1, axis=1)[:, :k]
    rows = np.arange(n)[:, None]
    values = np.maximum(similarity[rows, top], 0.0)
    previous = np.zeros(m + 1, dtype=np.float64)
    back = np.zeros((n + 1, m + 1), dtype=np.int8)  # 0: skip source, 1: pair, 2: skip target
    weights = np.zeros(m + 1, dtype=np.float64)
    for i in range(1, n + 1):
        weights[:] = 0.0
        weights[top[i - 1] + 1] = values[i - 1]
        current = previous.copy()
        diagonal = previous[:-1] + weights[1:]
        take = diagonal > current[1:]
        current[1:][take] = diagonal[take]
        back[i, 1:][take] = 1
        running = np.maximum.accumulate(current)
        left = running > current
        back[i][left] = 2
        previous = running
    pairs: list[tuple[int, int]] = []
    i, j = n, m
    while i > 0 and j > 0:
        step = back[i, j]
        if step == 1:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
        elif step == 2:
            j -= 1
        else:
            i -= 1
    return pairs[::-1]


def corridor(
    pairs: Sequence[tuple[int, int]], n: int, m: int, width: int = WINDOW
) -> list[tuple[int, int]]:
    """Target range for each source position 0..n: between consecutive first-pass pairs, from
    the previous pair's target minus ``width`` to the next pair's target plus ``width``."""
    points = [(i + 1, j + 1) for i, j in pairs]
    if not points or points[-1] != (n, m):
        points.append((n, m))
    window: list[tuple[int, int]] = [(0, min(m, width))]
    previous_j = 0
    previous_i = 0
    for i, j in points:
        lower, upper = max(0, previous_j - width), min(m, j + width)
        window.extend([(lower, upper)] * (i - previous_i))
        previous_i, previous_j = i, j
    return window


#: Rows of the band filled by one matrix product.
BLOCK = 64


def fill_band(
    band: Band, n: int, block: Callable[[int, int, int, int], np.ndarray], depth: int = 0
) -> np.ndarray:
    """Values of every cell of ``band`` (rows ``0..n-1``), ``block(i0, i1, j0, j1)`` giving the
    dense values of rows ``i0:i1`` and columns ``j0:j1`` (a matrix product, typically); with
    ``depth``, each cell holds that many values (the block's last axis)."""
    out = np.zeros((band.size, depth) if depth else band.size, dtype=np.float64)
    for i0 in range(0, n, BLOCK):
        i1 = min(n, i0 + BLOCK)
        start, stop = int(band.offset[i0]), int(band.offset[i1])
        if start == stop:
            continue
        j0 = int(band.lo[i0:i1].min())
        j1 = int(band.hi[i0:i1].max()) + 1
        dense = block(i0, i1, j0, j1)
        out[start:stop] = dense[band.rows[start:stop] - i0, band.cols[start:stop] - j0]
    return out


def lookup_band(band: Band) -> Band:
    """Cells a gain table over ``band`` (grid points) needs to look at: each bead's neighbours
    and parts lie within MAX_SIDE sentences of where it starts."""
    n, m = len(band.lo) - 1, int(band.hi[-1])
    rows = np.arange(n)
    lo = np.maximum(0, band.lo[np.maximum(0, rows - MAX_SIDE)] - 1)
    hi = np.minimum(m - 1, band.hi[np.minimum(n, rows + 1)] + MAX_SIDE)
    return Band(lo, hi)


def edge_halves(
    first: PairMeasure,
    last: PairMeasure,
    n: int,
    m: int,
    rows: np.ndarray,
    cols: np.ndarray,
    neighbour_weight: float,
) -> tuple[np.ndarray, np.ndarray]:
    """At each cell (rows[k], cols[k]): how well a bead starting there starts alike, and how
    well one ending there ends alike. ``first`` is how alike source and target sentences' first
    clauses are, ``last`` the same for last clauses; each edge counts less ``neighbour_weight``
    times its mean fit to the sentences just outside the bead."""

    def fit(measure: PairMeasure, around: Sequence[tuple[np.ndarray, ...]]) -> np.ndarray:
        total = np.zeros(len(rows))
        count = np.zeros(len(rows))
        for near_rows, near_cols, present in around:
            total += np.where(present, measure(near_rows, near_cols), 0.0)
            count += present
        mean = np.where(count > 0, total / np.maximum(count, 1), 0.0)
        fitted: np.ndarray = measure(rows, cols) - neighbour_weight * mean
        return fitted

    return (
        fit(first, ((rows - 1, cols, rows > 0), (rows, cols - 1, cols > 0))),
        fit(last, ((rows + 1, cols, rows + 1 < n), (rows, cols + 1, cols + 1 < m))),
    )


def edge_fit(
    first: Callable[[int, int], float],
    last: Callable[[int, int], float],
    n: int,
    m: int,
    bead: tuple[int, int, int, int],
    neighbour_weight: float,
) -> float:
    """How well the bead (i, di, j, dj) starts alike and ends alike (``edge_halves`` at its
    first and at its last cell, averaged), ``first(a, b)`` and ``last(a, b)`` scoring one pair
    of sentences: the scalar gains use the same formula as the tables."""
    i, di, j, dj = bead
    rows, cols = np.array([i, i + di - 1]), np.array([j, j + dj - 1])
    head, tail = edge_halves(
        one_pair(first, n, m), one_pair(last, n, m), n, m, rows, cols, neighbour_weight
    )
    return float((head[0] + tail[1]) / 2)


def edge_tables(
    cells: Band,
    n: int,
    m: int,
    first: np.ndarray,
    last: np.ndarray,
    neighbour_weight: float,
) -> tuple[np.ndarray, np.ndarray]:
    """``edge_halves`` at every cell of ``cells``, given ``first`` and ``last`` there."""
    return edge_halves(
        band_lookup(cells, first),
        band_lookup(cells, last),
        n,
        m,
        cells.rows,
        cells.cols,
        neighbour_weight,
    )


def band_lookup(cells: Band, table: np.ndarray) -> PairMeasure:
    """The values of ``table`` (one per cell of ``cells``) as a pair measure: 0 off the band."""

    def measure(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        flat, inside = cells.index(rows, cols)
        values: np.ndarray = np.where(inside, table[flat], 0.0)
        return values

    return measure


def one_pair(similarity: Callable[[int, int], float], n: int, m: int) -> PairMeasure:
    """``similarity(a, b)`` of one pair of sentences as a pair measure (0 outside the texts)."""

    def measure(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        return np.array(
            [
                similarity(int(a), int(b)) if 0 <= a < n and 0 <= b < m else 0.0
                for a, b in zip(rows, cols, strict=True)
            ]
        )

    return measure


def edge_fit_table(
    cells: Band,
    tables: tuple[np.ndarray, np.ndarray],
    di: int,
    dj: int,
    i: np.ndarray,
    j: np.ndarray,
) -> np.ndarray:
    """``edge_fit`` for arrays of beads, from ``edge_tables``."""
    head, tail = tables
    start, start_inside = cells.index(i, j)
    end, end_inside = cells.index(i + di - 1, j + dj - 1)
    fit: np.ndarray = (
        np.where(start_inside, head[start], 0.0) + np.where(end_inside, tail[end], 0.0)
    ) / 2
    return fit


def band_gains(
    band: Band,
    n: int,
    m: int,
    beads: Sequence[tuple[int, int]],
    skip: float,
    score: Measure,
) -> dict[tuple[int, int], np.ndarray]:
    """Gain tables for ``beads`` over ``band``: ``skip`` for 1-0 and 0-1, ``score(di, dj, i, j)``
    for the rest, and -inf where a bead would run past the end of either text."""
    out: dict[tuple[int, int], np.ndarray] = {}
    for di, dj in beads:
        i, j = band.rows, band.cols
        valid = (i + di <= n) & (j + dj <= m)
        if di == 0 or dj == 0:
            out[(di, dj)] = np.where(valid, skip, -np.inf)
            continue
        i, j = np.minimum(i, n - 1), np.minimum(j, m - 1)
        out[(di, dj)] = np.where(valid, score(di, dj, i, j), -np.inf)
    return out


def neighbour_mean(
    measure: Measure,
    n: int,
    m: int,
    di: int,
    dj: int,
    i: np.ndarray,
    j: np.ndarray,
) -> np.ndarray:
    """Mean similarity of each side of the beads (i, di, j, dj) to the sentences just outside
    the other side, ``measure(di, dj, i, j)`` giving similarities of arrays of beads."""
    total = np.zeros(len(i))
    for side in ("tgt", "src"):
        values = np.zeros(len(i))
        count = np.zeros(len(i))
        for step in (-1, (dj if side == "tgt" else di)):
            if side == "tgt":
                p = j + step
                present = (p >= 0) & (p < m)
                found = measure(di, 1, i, p)
            else:
                p = i + step
                present = (p >= 0) & (p < n)
                found = measure(1, dj, p, j)
            values += np.where(present, found, 0.0)
            count += present
        total += np.where(count > 0, values / np.maximum(count, 1), 0.0)
    return total / 2


def one_bead(similarity: Callable[[int, int, int, int], float], n: int, m: int) -> Measure:
    """``similarity(i, di, j, dj)`` of one pair of runs as a measure of length-1 arrays (0 for
    a run starting outside the texts), so a scalar gain calls the tables' formula."""

    def measure(di: int, dj: int, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        a, b = int(rows[0]), int(cols[0])
        return np.array([similarity(a, di, b, dj) if 0 <= a < n and 0 <= b < m else 0.0])

    return measure
