"""What an alignment method provides: a similarity for candidate beads, and the gain built on it.

Every method (same language, translation, sentence embeddings, bilingual lexicon) is a ``Scorer``;
``align.align`` searches with its gain, and the bead scores users see are its similarity.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from stmtdiff.core.align.search import (
    SAME_LANGUAGE_BEADS,
    Band,
    Gain,
    GainTables,
    align,
    align_tables,
    corridor_band,
)
from stmtdiff.core.model import Bead, Method

TYPE_CHECKING = False  # not ``typing``'s; see stmtdiff.lazyexports.numpy
if TYPE_CHECKING:
    import numpy as np
else:  # numpy loads when an aligner first uses it: a same-language compare never does
    from stmtdiff.lazyexports import numpy as np

#: similarity(i, di, j, dj) in [0, 1] for src[i:i+di] against tgt[j:j+dj], with di, dj >= 1.
Similarity = Callable[[int, int, int, int], float]
#: pairs(rows, cols)[a][b]: similarity(rows[a], 1, cols[b], 1), every pair at once (a matrix,
#: or its rows as lists where the scorer needs no numpy).
PairSimilarity = Callable[[Sequence[int], Sequence[int]], "np.ndarray | list[list[float]]"]


@dataclass(frozen=True, slots=True)
class Scorer:
    """One alignment method applied to one pair of sentence lists."""

    method: Method
    similarity: Similarity
    gain: Gain
    anchors: list[tuple[int, int]] = field(default_factory=list)
    beads: Sequence[tuple[int, int]] = SAME_LANGUAGE_BEADS
    #: Search corridor (target range per source position 0..n) used instead of anchors.
    window: list[tuple[int, int]] | None = None
    #: The gain of every bead type over a whole band at once (vectorised); the same values as
    #: ``gain``, used with ``window`` because calling ``gain`` per cell is slow.
    tables: GainTables | None = None
    #: The texts look like two accounts of one event rather than translations of each other.
    comparable: bool = False
    #: ``similarity`` of many 1-1 pairs at once (vectorised; see ``pair_similarities``).
    pairs: PairSimilarity | None = None


def pair_similarities(
    scorer: Scorer, rows: Sequence[int], cols: Sequence[int]
) -> list[list[float]]:
    """Similarity of each sentence in ``rows`` to each in ``cols``, a list per row: by the
    scorer's vectorised ``pairs`` when it has one, else pair by pair."""
    if scorer.pairs is not None:
        matrix = scorer.pairs(rows, cols)
        return matrix if isinstance(matrix, list) else matrix.tolist()
    return [[scorer.similarity(i, 1, j, 1) for j in cols] for i in rows]


def gain_from_similarity(similarity: Similarity, *, threshold: float, merge_cost: float) -> Gain:
    """Gain that pays ``similarity - threshold`` per sentence covered; skipping pays nothing.

    A bead is worth taking only when its sentences are more alike than ``threshold``; beads of
    more than two sentences pay ``merge_cost`` per extra sentence, so 1-1 wins ties.
    """

    def gain(i: int, di: int, j: int, dj: int) -> float:
        if di == 0 or dj == 0:
            return 0.0
        size = di + dj
        return (similarity(i, di, j, dj) - threshold) * size - merge_cost * (size - 2)

    return gain


#: Gain lost per paragraph boundary a bead crosses on one side but not the other: translators
#: keep paragraphs, so such a bead almost always glues a sentence onto the wrong neighbour.
PARAGRAPH_PENALTY = 1.0
#: Paragraph boundaries are evidence only in a text whose paragraphs hold this many sentences on
#: average (one sentence per line, as in segmented input, says nothing).
INFORMATIVE_PARAGRAPHS = 1.3


def informative_paragraphs(paragraphs: Sequence[int]) -> bool:
    """Whether a text's paragraphs (each sentence's) hold several sentences on average, so that
    where one begins says something about the alignment."""
    count = len(set(paragraphs))
    return bool(count) and len(paragraphs) >= INFORMATIVE_PARAGRAPHS * count


def paragraph_starts(paragraphs: Sequence[int], numbered: Sequence[bool]) -> list[bool]:
    """Whether each sentence opens a paragraph: a new paragraph, or a paragraph number (``3.``,
    ``三、``) at its start. Only where the text's paragraphs hold several sentences: in text with
    one sentence per line (segmented input) a line says nothing, and a number opening a line may
    be the part of a sentence the other side runs on from the line before."""
    if not informative_paragraphs(paragraphs):
        return [False] * len(paragraphs)
    return [
        k > 0 and (numbered[k] or paragraphs[k] != paragraphs[k - 1])
        for k in range(len(paragraphs))
    ]


def respect_paragraphs(
    scorer: Scorer, src_starts: Sequence[bool], tgt_starts: Sequence[bool]
) -> Scorer:
    """The scorer with ``PARAGRAPH_PENALTY`` per paragraph boundary inside a bead on one side
    more than on the other (every method: the evidence is the same whatever scores words)."""
    src_prefix = _prefix(src_starts)
    tgt_prefix = _prefix(tgt_starts)
    if not src_prefix[-1] and not tgt_prefix[-1]:
        return scorer
    inner = scorer.gain

    def gain(i: int, di: int, j: int, dj: int) -> float:
        value = inner(i, di, j, dj)
        if di > 1 or dj > 1:
            src_inside = src_prefix[i + di] - src_prefix[i + 1] if di > 1 else 0
            tgt_inside = tgt_prefix[j + dj] - tgt_prefix[j + 1] if dj > 1 else 0
            value -= PARAGRAPH_PENALTY * abs(src_inside - tgt_inside)
        return value

    inner_tables = scorer.tables
    if inner_tables is None:
        return replace(scorer, gain=gain)
    src_count = np.asarray(src_prefix)
    tgt_count = np.asarray(tgt_prefix)

    def tables(band: Band, beads: Sequence[tuple[int, int]]) -> dict[tuple[int, int], np.ndarray]:
        out = inner_tables(band, beads)
        i = np.minimum(band.rows, len(src_starts))
        j = np.minimum(band.cols, len(tgt_starts))
        for (di, dj), values in out.items():
            if di > 1 or dj > 1:
                src_inside = _inside(src_count, i, di)
                tgt_inside = _inside(tgt_count, j, dj)
                values -= PARAGRAPH_PENALTY * np.abs(src_inside - tgt_inside)
        return out

    return replace(scorer, gain=gain, tables=tables)


def _inside(prefix: np.ndarray, start: np.ndarray, size: int) -> np.ndarray:
    """Paragraph starts strictly inside runs of ``size`` from ``start`` (clipped at the end)."""
    if size <= 1:
        return np.zeros(len(start), dtype=np.int64)
    last = len(prefix) - 1
    inside: np.ndarray = (
        prefix[np.minimum(start + size, last)] - prefix[np.minimum(start + 1, last)]
    )
    return inside


def _prefix(starts: Sequence[bool]) -> list[int]:
    """``out[k]``: how many of ``starts[:k]`` are true."""
    out = [0]
    for start in starts:
        out.append(out[-1] + int(start))
    return out


#: Corridors of more cells than this (a first pass that found almost nothing) are searched
#: cell by cell: the tables hold some forty arrays of this size.
MAX_TABLE_CELLS = 1_000_000


def run(scorer: Scorer, n: int, m: int) -> list[Bead]:
    """Align with ``scorer``; each returned bead's score is its similarity (0 for skips)."""
    band = corridor_band(n, m, scorer.window) if scorer.window is not None and n and m else None
    if scorer.tables is not None and band is not None and band.size <= MAX_TABLE_CELLS:
        found = align_tables(n, m, band, scorer.tables(band, scorer.beads))
        path = [Bead(tuple(range(i, i + di)), tuple(range(j, j + dj))) for i, di, j, dj in found]
    else:
        path = align(
            n, m, scorer.gain, anchors=scorer.anchors, beads=scorer.beads, window=scorer.window
        )
    return [
        Bead(b.src, b.tgt, scorer.similarity(b.src[0], len(b.src), b.tgt[0], len(b.tgt)))
        if b.src and b.tgt
        else Bead(b.src, b.tgt, 0.0)
        for b in path
    ]


def confidence(beads: Sequence[Bead]) -> float:
    """Mean similarity over all sentences, counting unaligned sentences as 0."""
    total = sum(len(b.src) + len(b.tgt) for b in beads)
    if total == 0:
        return 1.0
    return sum(b.score * (len(b.src) + len(b.tgt)) for b in beads) / total
