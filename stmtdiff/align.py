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

from stmtdiff.model import Bead

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
    tails: list[int] = []
    tail_index: list[int] = []
    parent: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_index.append(k)
        else:
            tails[pos] = j
            tail_index[pos] = k
        parent[k] = tail_index[pos - 1] if pos else -1
    chain: list[tuple[int, int]] = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(pairs[k])
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
