"""Cross-language scoring from multilingual sentence embeddings (Bertalign's two passes).

1. Embed every sentence and every run of up to ``MAX_SIDE`` consecutive sentences; cosine
   similarity of two runs is the evidence that they say the same thing. Runs are composed from
   their sentences where the encoder allows it; after the first pass, short runs near a
   sentence it leaves unpaired are embedded as joined text (``merge_runs``).
2. First pass: keep each source sentence's ``TOP_K`` most similar target sentences and find the
   best monotonic chain of such 1-1 pairs. It is right most of the time but only knows 1-1.
3. Second pass: a banded search in a corridor of ``WINDOW`` sentences around that chain, over
   every bead up to ``MAX_BEAD`` sentences (1-1, 1-2, 2-1, 1-3, 2-2, ...) or of one sentence
   against up to ``MAX_FAN`` (1-5, 5-1), scoring each bead by its similarity minus its
   similarity to the neighbouring sentences (a margin: a bead must fit better than its
   neighbours would) times a length penalty, plus how well its edges match (its sides' first
   clauses, and their last clauses: ``stmtdiff.core.text.clauses``).

The core stays pure: the encoder is any object with ``encode(texts) -> array`` (one row per
text), created, cached and passed in by front-end code.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import numpy as np

from stmtdiff.core.align.scoring import Scorer
from stmtdiff.core.align.search import Band
from stmtdiff.core.model import Method
from stmtdiff.core.text.clauses import edge_clauses
from stmtdiff.core.text.scripts import base_language, sentence_separator

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


#: Gain of a bead whose sides are unrelated: worse than leaving both sides unaligned.
UNRELATED = -1.0


class Encoder(Protocol):
    """Anything that embeds texts: one L2-normalised row per text, float32."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


@runtime_checkable
class RunEncoder(Protocol):
    """An encoder that can also embed runs of consecutive texts from the texts alone, far
    cheaper than embedding each joined run (``stmtdiff.adapters.models.usepool``)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_runs(self, texts: Sequence[str], size: int) -> np.ndarray:
        """Unit vectors of ``texts[i:i+size]`` for every i that fits (size 1: the texts)."""
        ...


@runtime_checkable
class ClauseEncoder(Protocol):
    """An encoder that can embed a sentence's clauses from what it computes reading the
    sentence, instead of reading each clause as a text (``stmtdiff.adapters.models.usepool``)."""

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_clauses(
        self, texts: Sequence[str], clauses: Sequence[tuple[int, str]]
    ) -> np.ndarray:
        """Unit vectors of ``clauses``, each ``(k, clause)``: a clause of ``texts[k]``."""
        ...


@dataclass(frozen=True, slots=True)
class SemanticParams:
    """The second pass's costs; defaults tuned on MAC-Dev (zh-en) and Text+Berg dev (de-fr)."""

    #: Gain of leaving a sentence unaligned (Bertalign's ``skip``).
    skip: float = -0.15
    #: Subtract the mean similarity to neighbouring sentences.
    margin: bool = True
    #: Weight of that margin on the encoder's cosines (word evidence subtracts its own in full).
    neighbour_weight: float = 0.8
    #: Multiply by log2(1 + shorter/longer), lengths in characters scaled by the document ratio.
    length_penalty: bool = True
    #: Runs of up to this many sentences are embedded as text (what Bertalign does); longer
    #: runs are composed from their sentences (``RunEncoder``; else the normalised sum of
    #: their vectors), which costs no encoder time. Composing runs of 3 and 4 is as good on
    #: MAC-Dev as embedding them (semantic 0.892 -> 0.894, translation 0.897 both) and
    #: embeds half as many texts, 2.7 times faster (``benchmarks/encoder_speed.py``).
    #: With a ``RunEncoder`` even these start composed, and only those holding a sentence the
    #: first pass leaves unpaired are embedded (``merge_runs``): composing all of them lost two
    #: behaviours the tests specify, embedding these few loses none, with dev F1 unchanged
    #: (MAC-Dev semantic 0.910, translation 0.918, Text+Berg dev 0.891 both) and 30 joined
    #: pairs read instead of 996 for 2x500 UN dev sentences.
    concatenate: int = 2
    #: Runs less similar than this (cosine) are never aligned: better left as missing/extra.
    #: Low, because free (literary) translations of one sentence can sit near 0.1; the margin
    #: and the skip cost keep unrelated neighbours apart.
    floor: float = 0.05
    #: Weight of word-level (lexicon) evidence added to the cosine, when there is any.
    word_weight: float = 0.6
    #: In a bead of several sentences on one side, each must be at least this similar to the
    #: other side on its own (None: no such check).
    member_floor: float | None = None
    #: Largest bead with several sentences on each side, in sentences on both sides together.
    max_bead: int = MAX_BEAD
    #: Most sentences facing a single sentence.
    max_fan: int = MAX_FAN
    #: A merge must not make the bead less similar than it is without the merged sentence at
    #: either end by more than this: a sentence the other side leaves out is not absorbed.
    merge_tolerance: float | None = 0.1
    #: Paid by 2-2 beads: two sentences on each side are nearly always two 1-1 beads, and the
    #: merged texts' cosine flatters the pairing.
    two_two_cost: float = 0.04
    #: Gained per sentence beyond two in a bead: the search adds up one gain per bead, so a
    #: long sentence rendered as three short ones is otherwise cheaper as a pair and two skips.
    #: Dev strict F1, 0 -> 0.01: MAC-Dev translation 0.914 -> 0.917, semantic 0.910 -> 0.912,
    #: same-language 0.915 -> 0.914, Text+Berg dev semantic 0.886 -> 0.890, UN dev 0.980 ->
    #: 0.979 (mean of the six dev rows 0.9159 -> 0.9170; 0.005 and 0.02 are no better).
    merge_bonus: float = 0.01
    #: Weight of how well the bead's sides start alike and end alike (first clause against
    #: first clause, last against last; ``stmtdiff.core.text.clauses``), less how well those edges
    #: match
    #: the neighbouring sentences' (by ``neighbour_weight``): it settles which of several short
    #: sentences belong to a long one. Dev strict F1, 0 -> 0.4: MAC-Dev translation 0.900 ->
    #: 0.907, same-language 0.890 -> 0.911, Text+Berg dev 0.860 -> 0.882 (docs/alignment.md).
    edge_weight: float = 0.4


#: For versions that are not translations of each other (two readouts of one meeting): only
#: clearly related sentences pair up, few merges, and leaving a sentence out costs little.
COMPARABLE = SemanticParams(
    skip=-0.1,
    floor=0.3,
    member_floor=0.3,
    max_bead=4,
    max_fan=3,
    neighbour_weight=1.0,
    edge_weight=0.0,
    merge_bonus=0.0,
)
#: A document whose length ratio is off the language pair's by more than this factor is taken
#: for a comparable text, not a translation (translations seen in the dev data stay within 1.4).
COMPARABLE_RATIO = 1.6


#: Share of the longer text's sentences that are the mutual best match of a sentence of the
#: other text at or above which lengths that look off mean a free translation, not another text.
#: The comparable pairs of the dev data (readouts of one call or meeting) sit at 0.30-0.38, and
#: a short readout against a long statement cannot exceed shorter/longer.
TRANSLATED_SHARE = 0.5


def mutual_share(similarity: np.ndarray) -> float:
    """Share of the longer side's sentences that are mutual best matches across the sides."""
    n, m = similarity.shape
    if n == 0 or m == 0:
        return 0.0
    best_tgt = similarity.argmax(axis=1)
    best_src = similarity.argmax(axis=0)
    mutual = int((best_src[best_tgt] == np.arange(n)).sum())
    return float(mutual) / float(max(n, m))


def looks_comparable(
    src: Sequence[str],
    tgt: Sequence[str],
    expected_ratio: float,
    similarity: np.ndarray | None = None,
) -> bool:
    """True when the texts' lengths are too far apart for one to translate the other, unless
    ``similarity`` (sentence against sentence) shows most sentences matching one another."""
    src_chars = sum(len(t) for t in src)
    tgt_chars = sum(len(t) for t in tgt)
    if not src_chars or not tgt_chars or expected_ratio <= 0:
        return False
    factor = (tgt_chars / src_chars) / expected_ratio
    if max(factor, 1 / factor) <= COMPARABLE_RATIO:
        return False
    return similarity is None or mutual_share(similarity) < TRANSLATED_SHARE


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


def _normalise(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    unit: np.ndarray = (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
    return unit


def joined_runs(texts: Sequence[str], lang: str, starts: Iterable[int], size: int) -> list[str]:
    """The texts of the runs of ``size`` sentences from ``starts``, as one text each (Chinese
    and Japanese join sentences without a space)."""
    separator = sentence_separator(lang)
    return [separator.join(texts[i : i + size]) for i in starts]


def run_vectors(
    texts: Sequence[str], lang: str, encoder: Encoder, *, concatenate: int
) -> list[np.ndarray]:
    """``out[k-1][i]``: unit vector of ``texts[i:i+k]`` for k = 1..MAX_SIDE (zero past the end).

    Runs of up to ``concatenate`` sentences are embedded as text; a longer run's vector is
    composed by the encoder when it can (``RunEncoder``), else the normalised sum of its
    sentences' vectors.
    """
    n = len(texts)
    composer = encoder if isinstance(encoder, RunEncoder) else None
    embedded = composer.encode_runs(texts, 1) if composer else encoder.encode(list(texts))
    single = _normalise(np.asarray(embedded, dtype=np.float32).reshape(n, -1))
    dim = single.shape[1]
    out = [single]
    for k in range(2, MAX_SIDE + 1):
        runs = np.zeros((n, dim), dtype=np.float32)
        count = n - k + 1
        if count > 0:
            if k <= concatenate:
                joined = joined_runs(texts, lang, range(count), k)
                runs[:count] = _normalise(np.asarray(encoder.encode(joined), dtype=np.float32))
            elif composer is not None:
                runs[:count] = _normalise(np.asarray(composer.encode_runs(texts, k)))
            else:
                total = sum(single[offset : offset + count] for offset in range(k))
                runs[:count] = _normalise(np.asarray(total))
        out.append(runs)
    return out


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


def merge_runs(
    pairs: Sequence[tuple[int, int]], n: int, m: int, size: int
) -> tuple[list[int], ...]:
    """Starts of the runs of ``size`` source sentences, then of target sentences, that hold a
    sentence the first pass left unpaired: a merge can only beat the chain's 1-1 pairs where
    the chain skips a sentence, so only there must such a run's vector be exact."""
    out = []
    for count, paired in ((n, {i for i, _ in pairs}), (m, {j for _, j in pairs})):
        lone = np.ones(count, dtype=bool)
        lone[list(paired)] = False
        starts = [i for i in range(count - size + 1) if lone[i : i + size].any()]
        out.append(starts)
    return tuple(out)


def _lengths(texts: Sequence[str]) -> list[np.ndarray]:
    single = np.array([max(1, len(t)) for t in texts], dtype=np.float64)
    out = [single]
    n = len(texts)
    for k in range(2, MAX_SIDE + 1):
        runs = np.zeros(n, dtype=np.float64)
        count = n - k + 1
        if count > 0:
            runs[:count] = sum(single[o : o + count] for o in range(k))
        out.append(runs)
    return out


#: Cosine of unrelated sentences, and how far above it a clear translation sits.
_UNRELATED_COSINE = 0.2
_TRANSLATION_SPAN = 0.5


def display_similarity(cosine: float) -> float:
    """Map an encoder cosine to [0, 1]: about 0 for unrelated sentences, 1 for translations.

    Cross-language cosines of this encoder sit below 0.2 for most unrelated sentences and at
    0.45-0.9 for translations of each other (UN dev documents; literary translation, MAC-Dev,
    sits lower, at 0.25-0.8).
    """
    return float(display_similarities(np.array(cosine)))


def display_similarities(cosines: np.ndarray) -> np.ndarray:
    """``display_similarity`` of an array of cosines."""
    mapped: np.ndarray = np.clip((cosines - _UNRELATED_COSINE) / _TRANSLATION_SPAN, 0.0, 1.0)
    return mapped


@dataclass(frozen=True, slots=True)
class View:
    """One pair of text lists to embed and compare: the originals, or a translation of one side
    against the other (same language, where the encoder is sharpest)."""

    src: Sequence[str]
    src_lang: str
    tgt: Sequence[str]
    tgt_lang: str
    weight: float = 1.0


class RunTables(Protocol):
    """Word evidence over a band of (source sentence, target sentence) cells, split per sentence
    so runs add up (``stmtdiff.core.align.lexical.LexicalEvidence.run_tables``)."""

    def words(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray: ...


class WordEvidence(Protocol):
    """Word-level similarity of runs in [0, 1] (``stmtdiff.core.align.lexical.LexicalEvidence``)."""

    def words(self, i: int, di: int, j: int, dj: int) -> float: ...

    def run_tables(self, band: Band) -> RunTables: ...


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


def edge_vectors(
    texts: Sequence[str], lang: str, encoder: Encoder
) -> tuple[np.ndarray, np.ndarray]:
    """Unit vectors of each text's first clause and of its last clause."""
    edges = [edge_clauses(text, lang) for text in texts]
    if isinstance(encoder, ClauseEncoder) and edges:
        wanted = [(k, clause) for k, pair in enumerate(edges) for clause in pair]
        vectors = _normalise(np.asarray(encoder.encode_clauses(texts, wanted), dtype=np.float32))
        return vectors[0::2], vectors[1::2]
    unique = sorted({clause for pair in edges for clause in pair})
    if not unique:
        return np.zeros((0, 1), dtype=np.float32), np.zeros((0, 1), dtype=np.float32)
    vectors = _normalise(np.asarray(encoder.encode(unique), dtype=np.float32))
    row = {clause: k for k, clause in enumerate(unique)}
    first = vectors[[row[a] for a, _ in edges]]
    last = vectors[[row[b] for _, b in edges]]
    return first, last


def edge_fit(
    first: Callable[[int, int], float],
    last: Callable[[int, int], float],
    n: int,
    m: int,
    bead: tuple[int, int, int, int],
    neighbour_weight: float,
) -> float:
    """How well the bead (i, di, j, dj) starts alike and ends alike: ``first(a, b)`` is how
    alike source sentence a's first clause and target sentence b's are, ``last`` the same for
    last clauses. Each edge counts less ``neighbour_weight`` times how well it fits the
    sentences just outside the bead; the two edges are averaged."""
    i, di, j, dj = bead
    last_i, last_j = i + di - 1, j + dj - 1
    head = [first(i - 1, j)] if i > 0 else []
    head += [first(i, j - 1)] if j > 0 else []
    tail = [last(last_i + 1, last_j)] if last_i + 1 < n else []
    tail += [last(last_i, last_j + 1)] if last_j + 1 < m else []
    fits = [
        own - neighbour_weight * (sum(around) / len(around) if around else 0.0)
        for own, around in ((first(i, j), head), (last(last_i, last_j), tail))
    ]
    return sum(fits) / 2


def edge_tables(
    cells: Band,
    n: int,
    m: int,
    first: np.ndarray,
    last: np.ndarray,
    neighbour_weight: float,
) -> tuple[np.ndarray, np.ndarray]:
    """``edge_fit``'s two halves at every cell of ``cells``, given ``first`` and ``last`` there:
    how well a bead starting at the cell starts alike, and how well one ending at it ends
    alike, each less its fit to the cells just outside."""
    rows, cols = cells.rows, cells.cols

    def fit(table: np.ndarray, around: Sequence[tuple[np.ndarray, ...]]) -> np.ndarray:
        total = np.zeros(len(table))
        count = np.zeros(len(table))
        for near_rows, near_cols, present in around:
            flat, inside = cells.index(near_rows, near_cols)
            total += np.where(present & inside, table[flat], 0.0)
            count += present
        mean = np.where(count > 0, total / np.maximum(count, 1), 0.0)
        fitted: np.ndarray = table - neighbour_weight * mean
        return fitted

    return (
        fit(first, ((rows - 1, cols, rows > 0), (rows, cols - 1, cols > 0))),
        fit(last, ((rows + 1, cols, rows + 1 < n), (rows, cols + 1, cols + 1 < m))),
    )


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


class _Embedded:
    """Run vectors of one view and their cached cosines and neighbour margins."""

    def __init__(self, view: View, encoder: Encoder, concatenate: int) -> None:
        self.view = view
        self.encoder = encoder
        self.weight = view.weight
        self._edges: tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None = None
        if isinstance(encoder, ClauseEncoder):
            # Clauses first: the pass that reads a sentence for its clauses also keeps its
            # parts for the runs, so each sentence is read once.
            self.edges()
        # A RunEncoder composes every run at first; ``embed_runs`` later embeds as joined text
        # the runs of up to ``concatenate`` sentences that the first pass makes worth it.
        self.deferred = concatenate if isinstance(encoder, RunEncoder) else 1
        now = 1 if self.deferred > 1 else concatenate
        self.src = run_vectors(view.src, view.src_lang, encoder, concatenate=now)
        self.tgt = run_vectors(view.tgt, view.tgt_lang, encoder, concatenate=now)
        self.n, self.m = len(view.src), len(view.tgt)
        self._cos: dict[tuple[int, int, int, int], float] = {}

    def edges(self) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """First- and last-clause vectors of the source, then of the target (embedded on first
        use, comparable texts never need them, unless a ``ClauseEncoder`` makes them cheap)."""
        if self._edges is None:
            view = self.view
            self._edges = (
                *edge_vectors(view.src, view.src_lang, self.encoder),
                *edge_vectors(view.tgt, view.tgt_lang, self.encoder),
            )
        return self._edges

    def embed_runs(self, pairs: Sequence[tuple[int, int]]) -> None:
        """Embed as joined text the deferred runs (up to ``concatenate`` sentences) that hold a
        sentence the first-pass chain ``pairs`` leaves unpaired: Bertalign's second pass reads
        real concatenations, here only where a merge is plausible."""
        view = self.view
        for size in range(2, self.deferred + 1):
            starts = merge_runs(pairs, self.n, self.m, size)
            sides = ((view.src, view.src_lang, self.src), (view.tgt, view.tgt_lang, self.tgt))
            for (texts, lang, runs), rows in zip(sides, starts, strict=True):
                if rows:
                    joined = joined_runs(texts, lang, rows, size)
                    vectors = np.asarray(self.encoder.encode(joined), dtype=np.float32)
                    runs[size - 1][rows] = _normalise(vectors)
        self._cos.clear()

    def edge_fit(self, i: int, di: int, j: int, dj: int, neighbour_weight: float) -> float:
        """``edge_fit`` of the bead from the edge clauses' vectors."""
        src_first, src_last, tgt_first, tgt_last = self.edges()
        return edge_fit(
            lambda a, b: float(src_first[a] @ tgt_first[b]),
            lambda a, b: float(src_last[a] @ tgt_last[b]),
            self.n,
            self.m,
            (i, di, j, dj),
            neighbour_weight,
        )

    def cosine(self, i: int, di: int, j: int, dj: int) -> float:
        key = (i, di, j, dj)
        value = self._cos.get(key)
        if value is None:
            value = float(self.src[di - 1][i] @ self.tgt[dj - 1][j])
            self._cos[key] = value
        return value

    def neighbours(self, i: int, di: int, j: int, dj: int) -> float:
        """Mean similarity of each side to the sentences just outside the other side."""
        around_tgt = [self.cosine(i, di, p, 1) for p in (j - 1, j + dj) if 0 <= p < self.m]
        around_src = [self.cosine(p, 1, j, dj) for p in (i - 1, i + di) if 0 <= p < self.n]
        total = 0.0
        for values in (around_tgt, around_src):
            if values:
                total += sum(values) / len(values)
        return total / 2


def _word_neighbours(
    words: WordEvidence, n: int, m: int, i: int, di: int, j: int, dj: int
) -> float:
    around_tgt = [words.words(i, di, p, 1) for p in (j - 1, j + dj) if 0 <= p < m]
    around_src = [words.words(p, 1, j, dj) for p in (i - 1, i + di) if 0 <= p < n]
    total = 0.0
    for values in (around_tgt, around_src):
        if values:
            total += sum(values) / len(values)
    return total / 2


def semantic_scorer(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str,
    tgt_lang: str,
    encoder: Encoder,
    params: SemanticParams = SemanticParams(),
    *,
    extra_views: Sequence[View] = (),
    words: WordEvidence | None = None,
    method: Method = Method.SEMANTIC,
    expected_ratio: float | None = None,
    parallel: bool = False,
) -> Scorer:
    """Scorer aligning ``src`` to ``tgt`` by sentence embeddings (see the module docstring).

    ``extra_views`` add evidence from translations (their cosines are averaged with the
    originals' by weight); ``words`` adds lexical evidence with weight ``params.word_weight``.
    With ``expected_ratio`` (target characters per source character for the language pair),
    texts whose lengths rule out translation (and whose sentences mostly do not match one
    another) are aligned with the ``COMPARABLE`` costs, unless ``parallel`` says the caller
    knows them to be translations of each other.
    """
    n, m = len(src), len(tgt)
    views = [
        _Embedded(view, encoder, params.concatenate)
        for view in (View(src, src_lang, tgt, tgt_lang), *extra_views)
    ]
    total_weight = sum(view.weight for view in views)
    comparable = False
    if n and m:
        matrix = np.asarray(sum(view.weight * (view.src[0] @ view.tgt[0].T) for view in views))
        matrix /= total_weight
        chain = first_pass(matrix)
        window = corridor(chain, n, m)
        for view in views:
            view.embed_runs(chain)
        if (
            not parallel
            and expected_ratio is not None
            and looks_comparable(src, tgt, expected_ratio, matrix)
        ):
            comparable, params = True, COMPARABLE
    else:
        window = [(0, m)] * (n + 1)
    src_len, tgt_len = _lengths(src), _lengths(tgt)
    # Source characters per target character: the document's, pulled towards the language
    # pair's when known (omissions skew a document's own ratio; style skews the pair's). In
    # one language there is no pair's ratio: the document's own is the better guide.
    ratio = float(src_len[0].sum() / tgt_len[0].sum()) if n and m else 1.0
    if expected_ratio and base_language(src_lang) != base_language(tgt_lang):
        ratio = float(np.sqrt(ratio / expected_ratio))
    word_weight = params.word_weight if words is not None else 0.0

    def cosine(i: int, di: int, j: int, dj: int) -> float:
        return sum(v.weight * v.cosine(i, di, j, dj) for v in views) / total_weight

    def similarity(i: int, di: int, j: int, dj: int) -> float:
        return display_similarity(cosine(i, di, j, dj))

    def members_fit(i: int, di: int, j: int, dj: int) -> bool:
        floor = params.member_floor
        if floor is not None:
            if di > 1 and any(cosine(k, 1, j, dj) < floor for k in range(i, i + di)):
                return False
            if dj > 1 and any(cosine(i, di, k, 1) < floor for k in range(j, j + dj)):
                return False
        tolerance = params.merge_tolerance
        if tolerance is None:
            return True
        value = cosine(i, di, j, dj) + tolerance
        if di > 1 and max(cosine(i, di - 1, j, dj), cosine(i + 1, di - 1, j, dj)) > value:
            return False
        return not (dj > 1 and max(cosine(i, di, j, dj - 1), cosine(i, di, j + 1, dj - 1)) > value)

    def gain(i: int, di: int, j: int, dj: int) -> float:
        if di == 0 or dj == 0:
            return params.skip
        score = cosine(i, di, j, dj)
        if score < params.floor or not members_fit(i, di, j, dj):
            return UNRELATED
        if params.margin:
            around = sum(v.weight * v.neighbours(i, di, j, dj) for v in views) / total_weight
            score -= params.neighbour_weight * around
        if words is not None and word_weight:
            lexical = words.words(i, di, j, dj)
            if params.margin:
                lexical -= _word_neighbours(words, n, m, i, di, j, dj)
            score += word_weight * lexical
        if params.length_penalty:
            a = src_len[di - 1][i]
            b = tgt_len[dj - 1][j] * ratio
            score *= float(np.log2(1.0 + min(a, b) / max(a, b)))
        if params.edge_weight:
            edges = sum(v.weight * v.edge_fit(i, di, j, dj, params.neighbour_weight) for v in views)
            score += params.edge_weight * edges / total_weight
        score += params.merge_bonus * (di + dj - 2)
        if di == 2 and dj == 2:
            score -= params.two_two_cost
        return score

    def tables(band: Band, beads: Sequence[tuple[int, int]]) -> dict[tuple[int, int], np.ndarray]:
        return _SemanticTables(
            band, views, total_weight, words, params, src_len, tgt_len, ratio
        ).gains(beads)

    def pairs(rows: Sequence[int], cols: Sequence[int]) -> np.ndarray:
        cosines = np.zeros((len(rows), len(cols)))
        for view in views:
            cosines += view.weight * (view.src[0][rows] @ view.tgt[0][cols].T)
        return display_similarities(cosines / total_weight)

    return Scorer(
        method=method,
        similarity=similarity,
        gain=gain,
        beads=bead_types(params.max_bead, params.max_fan),
        window=window,
        tables=tables,
        comparable=comparable,
        pairs=pairs,
    )


def band_gains(
    band: Band,
    n: int,
    m: int,
    beads: Sequence[tuple[int, int]],
    skip: float,
    score: Callable[[int, int, np.ndarray, np.ndarray], np.ndarray],
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
    measure: Callable[[int, int, np.ndarray, np.ndarray], np.ndarray],
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


class _SemanticTables:
    """``semantic_scorer``'s gain for every bead of a band at once (numpy, same values)."""

    def __init__(
        self,
        band: Band,
        views: Sequence[_Embedded],
        total_weight: float,
        words: WordEvidence | None,
        params: SemanticParams,
        src_len: list[np.ndarray],
        tgt_len: list[np.ndarray],
        ratio: float,
    ) -> None:
        self.band = band
        self.n, self.m = len(band.lo) - 1, int(band.hi[-1])
        self.cells = lookup_band(band)
        self.views = views
        self.total_weight = total_weight
        self.params = params
        self.src_len, self.tgt_len, self.ratio = src_len, tgt_len, ratio
        self.word_tables = (
            words.run_tables(self.cells) if words is not None and params.word_weight else None
        )
        self._cos: dict[tuple[int, int], np.ndarray] = {}
        self._edge: tuple[np.ndarray, np.ndarray] | None = None

    def _product_table(self, pairs: Sequence[tuple[float, np.ndarray, np.ndarray]]) -> np.ndarray:
        """Weighted mean over views of ``left[i] @ right[j]`` at every cell of the band."""
        table = np.zeros(self.cells.size)
        for weight, left, right in pairs:

            def block(
                i0: int,
                i1: int,
                j0: int,
                j1: int,
                left: np.ndarray = left,
                right: np.ndarray = right,
            ) -> np.ndarray:
                product: np.ndarray = left[i0:i1] @ right[j0:j1].T
                return product

            table += weight * fill_band(self.cells, self.n, block)
        table /= self.total_weight
        return table

    def _cos_table(self, di: int, dj: int) -> np.ndarray:
        table = self._cos.get((di, dj))
        if table is None:
            table = self._product_table(
                [(view.weight, view.src[di - 1], view.tgt[dj - 1]) for view in self.views]
            )
            self._cos[(di, dj)] = table
        return table

    def _edge_tables(self) -> tuple[np.ndarray, np.ndarray]:
        if self._edge is None:
            edges = [(view.weight, view.edges()) for view in self.views]
            first = self._product_table([(w, e[0], e[2]) for w, e in edges])
            last = self._product_table([(w, e[1], e[3]) for w, e in edges])
            self._edge = edge_tables(
                self.cells, self.n, self.m, first, last, self.params.neighbour_weight
            )
        return self._edge

    def _edge_fit(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        return edge_fit_table(self.cells, self._edge_tables(), di, dj, i, j)

    def cosine(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        flat, inside = self.cells.index(i, j)
        values: np.ndarray = np.where(inside, self._cos_table(di, dj)[flat], 0.0)
        return values

    def _words(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        assert self.word_tables is not None
        return self.word_tables.words(di, dj, i, j)

    def _neighbours(
        self,
        measure: Callable[[int, int, np.ndarray, np.ndarray], np.ndarray],
        di: int,
        dj: int,
        i: np.ndarray,
        j: np.ndarray,
    ) -> np.ndarray:
        return neighbour_mean(measure, self.n, self.m, di, dj, i, j)

    def _members_fit(
        self, di: int, dj: int, i: np.ndarray, j: np.ndarray, whole: np.ndarray
    ) -> np.ndarray:
        fit = np.ones(len(i), dtype=bool)
        floor = self.params.member_floor
        if floor is not None:
            for k in range(di if di > 1 else 0):
                fit &= self.cosine(1, dj, i + k, j) >= floor
            for k in range(dj if dj > 1 else 0):
                fit &= self.cosine(di, 1, i, j + k) >= floor
        tolerance = self.params.merge_tolerance
        if tolerance is not None:
            limit = whole + tolerance
            if di > 1:
                parts = np.maximum(self.cosine(di - 1, dj, i, j), self.cosine(di - 1, dj, i + 1, j))
                fit &= ~(parts > limit)
            if dj > 1:
                parts = np.maximum(self.cosine(di, dj - 1, i, j), self.cosine(di, dj - 1, i, j + 1))
                fit &= ~(parts > limit)
        return fit

    def gains(self, beads: Sequence[tuple[int, int]]) -> dict[tuple[int, int], np.ndarray]:
        return band_gains(self.band, self.n, self.m, beads, self.params.skip, self._bead_score)

    def _bead_score(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        params = self.params
        whole = self.cosine(di, dj, i, j)
        score = whole.copy()
        if params.margin:
            score -= params.neighbour_weight * self._neighbours(self.cosine, di, dj, i, j)
        if self.word_tables is not None:
            lexical = self._words(di, dj, i, j)
            if params.margin:
                lexical -= self._neighbours(self._words, di, dj, i, j)
            score += params.word_weight * lexical
        if params.length_penalty:
            a = self.src_len[di - 1][i]
            b = self.tgt_len[dj - 1][j] * self.ratio
            score *= np.log2(1.0 + np.minimum(a, b) / np.maximum(np.maximum(a, b), 1e-9))
        if params.edge_weight:
            score += params.edge_weight * self._edge_fit(di, dj, i, j)
        score += params.merge_bonus * (di + dj - 2)
        if di == 2 and dj == 2:
            score -= params.two_two_cost
        related = (whole >= params.floor) & self._members_fit(di, dj, i, j, whole)
        result: np.ndarray = np.where(related, score, UNRELATED)
        return result
