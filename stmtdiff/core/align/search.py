"""Monotonic sentence alignment: anchors first, then dynamic programming between them.

Alignment is a path of beads (1-1, 1-0, 0-1, 1-2, 2-1, 2-2, …) through two sentence lists that
maximises the summed gain of its beads. Whatever scores the beads (same-language similarity,
translation, sentence embeddings, a bilingual lexicon), the search is the same:

1. Anchors: pairs of sentences known to correspond (for one language, sentences that occur exactly
   once on each side, found patience-diff style) split the problem into small gaps.
2. Each gap is solved exactly when small, or inside a band around its diagonal when large, so the
   cost grows linearly with document length instead of quadratically.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Hashable, Sequence

from stmtdiff.core.model import Bead

TYPE_CHECKING = False  # not ``typing``'s; see stmtdiff.lazyexports.numpy
if TYPE_CHECKING:
    import numpy as np
else:  # numpy loads when an aligner first uses it: a same-language compare never does
    from stmtdiff.lazyexports import numpy as np

#: gain(i, di, j, dj): how much aligning src[i:i+di] with tgt[j:j+dj] is worth; 1-0 / 0-1 beads
#: (skips) included. The aligner maximises the sum of gains along the path.
Gain = Callable[[int, int, int, int], float]

# (0, 1) before (1, 0): on a tie the path ends with the insertion, so deletions come first.
SAME_LANGUAGE_BEADS: tuple[tuple[int, int], ...] = ((1, 1), (0, 1), (1, 0), (1, 2), (2, 1), (2, 2))

#: Gaps with at most this many cells are solved exactly; larger ones inside a band.
FULL_DP_CELLS = 60_000
#: Half-width of the band around a large gap's diagonal, in sentences.
BAND = 24


def patience_anchors(
    src_keys: Sequence[Hashable], tgt_keys: Sequence[Hashable], *, depth: int = 4
) -> list[tuple[int, int]]:
    """1-1 pairs of sentences whose key is unique on both sides, longest increasing chain.

    Applied again inside each gap (up to ``depth`` levels), as patience diff does, so that a
    sentence repeated in the document still anchors locally.
    """
    anchors: list[tuple[int, int]] = []
    _patience(src_keys, tgt_keys, 0, len(src_keys), 0, len(tgt_keys), depth, anchors)
    return anchors


def _patience(
    src: Sequence[Hashable],
    tgt: Sequence[Hashable],
    i0: int,
    i1: int,
    j0: int,
    j1: int,
    depth: int,
    out: list[tuple[int, int]],
) -> None:
    if depth == 0 or i0 >= i1 or j0 >= j1:
        return
    src_counts = Counter(src[i0:i1])
    tgt_counts = Counter(tgt[j0:j1])
    tgt_pos = {tgt[j]: j for j in range(j0, j1) if tgt_counts[tgt[j]] == 1}
    pairs = [
        (i, tgt_pos[src[i]])
        for i in range(i0, i1)
        if src_counts[src[i]] == 1 and src[i] in tgt_pos and src[i] is not None
    ]
    chain = _longest_increasing(pairs)
    previous = (i0 - 1, j0 - 1)
    for anchor in [*chain, (i1, j1)]:
        _patience(src, tgt, previous[0] + 1, anchor[0], previous[1] + 1, anchor[1], depth - 1, out)
        if anchor != (i1, j1):
            out.append(anchor)
        previous = anchor


def _longest_increasing(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Longest chain of pairs increasing in both coordinates (pairs come sorted by the first)."""
    return [pairs[k] for k in longest_increasing([j for _, j in pairs])]


def longest_increasing(values: Sequence[int]) -> list[int]:
    """Positions, in order, of a longest strictly increasing subsequence of ``values``
    (patience sorting)."""
    tails: list[int] = []
    tail_index: list[int] = []
    parent: list[int] = [-1] * len(values)
    for k, value in enumerate(values):
        pos = bisect.bisect_left(tails, value)
        if pos == len(tails):
            tails.append(value)
            tail_index.append(k)
        else:
            tails[pos] = value
            tail_index[pos] = k
        parent[k] = tail_index[pos - 1] if pos else -1
    chain: list[int] = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(k)
        k = parent[k]
    return chain[::-1]


def align(
    n: int,
    m: int,
    gain: Gain,
    *,
    anchors: Sequence[tuple[int, int]] = (),
    beads: Sequence[tuple[int, int]] = SAME_LANGUAGE_BEADS,
    band: int = BAND,
    window: Sequence[tuple[int, int]] | None = None,
) -> list[Bead]:
    """Best monotonic path of beads covering ``n`` source and ``m`` target sentences.

    ``anchors`` are 1-1 pairs (increasing in both coordinates) the path must go through.
    ``window``, instead of anchors, gives for each source position ``0..n`` the range of target
    positions the path may pass through (a search corridor around a first rough alignment):
    unlike an anchor, a corridor lets the path group sentences around the points it came from.
    """
    if window is not None:
        if n == 0 or m == 0:
            return _align_gap(0, n, 0, m, gain, beads, band)
        lo, hi = _corridor(n, m, window)
        return _banded_dp(0, 0, n, lo, hi, gain, beads)
    path: list[Bead] = []
    previous = (-1, -1)
    for anchor in [*anchors, (n, m)]:
        i0, j0 = previous[0] + 1, previous[1] + 1
        path.extend(_align_gap(i0, anchor[0], j0, anchor[1], gain, beads, band))
        if anchor != (n, m):
            i, j = anchor
            path.append(Bead((i,), (j,), gain(i, 1, j, 1)))
        previous = anchor
    return path


def _align_gap(
    i0: int,
    i1: int,
    j0: int,
    j1: int,
    gain: Gain,
    beads: Sequence[tuple[int, int]],
    band: int,
) -> list[Bead]:
    n, m = i1 - i0, j1 - j0
    if n == 0 or m == 0:
        return [Bead((i0 + k,), ()) for k in range(n)] + [Bead((), (j0 + k,)) for k in range(m)]
    if n * m <= FULL_DP_CELLS:
        lo = [0] * (n + 1)
        hi = [m] * (n + 1)
    else:
        width = band + abs(n - m) // 8
        lo = [max(0, (i * m) // n - width) for i in range(n + 1)]
        hi = [min(m, (i * m) // n + width) for i in range(n + 1)]
        lo[0], hi[n] = 0, m
        for i in range(1, n + 1):  # keep the band connected: each row overlaps the previous one
            lo[i] = min(lo[i], hi[i - 1])
    return _banded_dp(i0, j0, n, lo, hi, gain, beads)


def _corridor(n: int, m: int, window: Sequence[tuple[int, int]]) -> tuple[list[int], list[int]]:
    """Row bounds from ``window``, clipped to the grid, from (0, 0) to (n, m), and connected:
    both bounds never decrease and each row starts no later than the previous row ends."""
    if len(window) != n + 1:
        raise ValueError(f"window needs {n + 1} rows, got {len(window)}")
    lo = [max(0, min(m, a)) for a, _ in window]
    hi = [max(0, min(m, b)) for _, b in window]
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):
        hi[i] = max(hi[i], hi[i - 1])
        lo[i] = min(lo[i], hi[i - 1])
    for i in range(n - 1, -1, -1):
        lo[i] = min(lo[i], lo[i + 1])
    return lo, hi


def _banded_dp(
    i0: int,
    j0: int,
    n: int,
    lo: list[int],
    hi: list[int],
    gain: Gain,
    beads: Sequence[tuple[int, int]],
) -> list[Bead]:
    neg = float("-inf")
    score: list[list[float]] = [[neg] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (hi[i] - lo[i] + 1) for i in range(n + 1)]
    score[0][0 - lo[0]] = 0.0
    for i in range(n + 1):
        row_lo, row_hi = lo[i], hi[i]
        row_score, row_back = score[i], back[i]
        for j in range(row_lo, row_hi + 1):
            if i == 0 and j == 0:
                continue
            best, best_step = neg, (0, 0)
            for di, dj in beads:
                pi, pj = i - di, j - dj
                if pi < 0 or pj < lo[pi] or pj > hi[pi]:
                    continue
                prev = score[pi][pj - lo[pi]]
                if prev == neg:
                    continue
                value = prev + gain(i0 + pi, di, j0 + pj, dj)
                if value > best:
                    best, best_step = value, (di, dj)
            row_score[j - row_lo] = best
            row_back[j - row_lo] = best_step
    path: list[Bead] = []
    i, j = n, hi[n]
    while i > 0 or j > 0:
        di, dj = back[i][j - lo[i]]
        pi, pj = i - di, j - dj
        path.append(
            Bead(
                tuple(range(i0 + pi, i0 + i)),
                tuple(range(j0 + pj, j0 + j)),
                gain(i0 + pi, di, j0 + pj, dj),
            )
        )
        i, j = pi, pj
    return path[::-1]


class Band:
    """Cells of a grid row by row: row ``i`` holds columns ``lo[i]..hi[i]``, stored flat.

    The vectorised search keeps one value per cell (a bead's gain, indexed by where the bead
    starts) in a flat array, so memory grows with the corridor, not with ``n * m``.
    """

    def __init__(self, lo: Sequence[int] | np.ndarray, hi: Sequence[int] | np.ndarray) -> None:
        self.lo = np.asarray(lo, dtype=np.int64)
        self.hi = np.asarray(hi, dtype=np.int64)
        widths = np.maximum(self.hi - self.lo + 1, 0)
        self.offset = np.concatenate(([0], np.cumsum(widths))).astype(np.int64)
        self.size = int(self.offset[-1])
        #: Row and column of every cell, in storage order.
        self.rows = np.repeat(np.arange(len(widths), dtype=np.int64), widths)
        self.cols = (
            np.arange(self.size, dtype=np.int64) - self.offset[self.rows] + self.lo[self.rows]
        )

    def index(self, rows: np.ndarray, cols: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Flat positions of cells (clipped into range) and whether each cell is in the band."""
        inside = (rows >= 0) & (rows < len(self.lo))
        safe_rows = np.clip(rows, 0, len(self.lo) - 1)
        inside &= (cols >= self.lo[safe_rows]) & (cols <= self.hi[safe_rows])
        flat = self.offset[safe_rows] + cols - self.lo[safe_rows]
        return np.where(inside, flat, 0), inside


#: Gains of every bead type at every cell of a band (by where the bead starts), -inf where a
#: bead may not start.
GainTables = Callable[[Band, Sequence[tuple[int, int]]], dict[tuple[int, int], "np.ndarray"]]


def corridor_band(n: int, m: int, window: Sequence[tuple[int, int]]) -> Band:
    """The band of grid points (0..n, 0..m) a search corridor lets the path through."""
    lo, hi = _corridor(n, m, window)
    return Band(lo, hi)


def align_tables(
    n: int, m: int, band: Band, tables: dict[tuple[int, int], np.ndarray]
) -> list[tuple[int, int, int, int]]:
    """Best monotonic path through ``band`` (grid points) given each bead's gain table.

    Vectorised over each row: where every bead type moving down rows comes from is worked out
    for the whole band at once, so a row is one gather and one maximum over all bead types;
    target skips (0-1) within a row are a running maximum. Returns beads as (i, di, j, dj).
    """
    types = list(tables)
    moves = [t for t, (di, _) in enumerate(types) if di > 0]
    neg = -np.inf
    # One cell past the band stands for "no such cell": its score stays -inf.
    outside = band.size
    origin = np.empty((len(moves), band.size), dtype=np.int32)
    gains = np.empty((len(moves), band.size))
    for row, t in enumerate(moves):
        di, dj = types[t]
        flat, inside = band.index(band.rows - di, band.cols - dj)
        inside &= band.rows >= di
        origin[row] = np.where(inside, flat, outside)
        gains[row] = np.where(inside, tables[types[t]][flat], neg)
    move_types = np.array(moves, dtype=np.int8)
    score = np.full(band.size + 1, neg)
    back = np.full(band.size, -1, dtype=np.int8)
    lo, hi, off = band.lo, band.hi, band.offset
    skip_type = types.index((0, 1)) if (0, 1) in tables else -1
    for i in range(n + 1):
        width = int(hi[i] - lo[i] + 1)
        cells = slice(int(off[i]), int(off[i]) + width)
        if moves:
            values = score[origin[:, cells]] + gains[:, cells]
            pick = values.argmax(axis=0)
            best = values[pick, np.arange(width)]
            best_type = np.where(np.isfinite(best), move_types[pick], -1).astype(np.int8)
        else:
            best = np.full(width, neg)
            best_type = np.full(width, -1, dtype=np.int8)
        if i == 0:
            best[0 - int(lo[0])] = 0.0
            best_type[0 - int(lo[0])] = -1
        if skip_type >= 0 and width > 1:
            skip = tables[(0, 1)][cells][: width - 1]
            # best'[j] = max(best[j], best'[j-1] + skip[j-1]): a running maximum in prefix form.
            prefix = np.concatenate(([0.0], np.cumsum(np.where(np.isfinite(skip), skip, -1e18))))
            carried = np.maximum.accumulate(best - prefix) + prefix
            moved = np.zeros(width, dtype=bool)
            moved[1:] = carried[1:] > best[1:] + 1e-12
            best = np.where(moved, carried, best)
            best_type[moved] = skip_type
        score[cells] = best
        back[cells] = best_type
    path: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while i > 0 or j > 0:
        t = int(back[int(off[i]) + j - int(lo[i])])
        if t < 0:
            raise ValueError("no path through the band")
        di, dj = types[t]
        path.append((i - di, di, j - dj, dj))
        i, j = i - di, j - dj
    return path[::-1]
