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

from stmtdiff.core.align.band import (
    MAX_BEAD,
    MAX_FAN,
    MAX_SIDE,
    Measure,
    band_gains,
    bead_types,
    corridor,
    edge_fit,
    edge_fit_table,
    edge_tables,
    fill_band,
    first_pass,
    lookup_band,
    neighbour_mean,
    one_bead,
)
from stmtdiff.core.align.scoring import Scorer
from stmtdiff.core.align.search import Band
from stmtdiff.core.model import Method
from stmtdiff.core.text.clauses import edge_clauses
from stmtdiff.core.text.scripts import BaseLang, sentence_separator

TYPE_CHECKING = False  # not ``typing``'s; see stmtdiff.lazyexports.numpy
if TYPE_CHECKING:
    import numpy as np
else:  # numpy loads when an aligner first uses it: a same-language compare never does
    from stmtdiff.lazyexports import numpy as np

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

    def cosine(self, i: int, di: int, j: int, dj: int) -> float:
        key = (i, di, j, dj)
        value = self._cos.get(key)
        if value is None:
            value = float(self.src[di - 1][i] @ self.tgt[dj - 1][j])
            self._cos[key] = value
        return value


def length_fit(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Length penalty of beads whose sides are ``a`` and ``b`` characters long (scaled to one
    another): 1 when equal, towards 0 as one side shrinks (``SemanticParams.length_penalty``)."""
    fit: np.ndarray = np.log2(1.0 + np.minimum(a, b) / np.maximum(np.maximum(a, b), 1e-9))
    return fit


def members_fit(
    cosine: Measure,
    params: SemanticParams,
    di: int,
    dj: int,
    i: np.ndarray,
    j: np.ndarray,
    whole: np.ndarray,
) -> np.ndarray:
    """Which beads (i, di, j, dj), of cosine ``whole``, pass ``params.member_floor`` (each
    sentence of a merged side matches the other side) and ``params.merge_tolerance`` (no part
    of a merged side matches better than the whole, by more than the tolerance)."""
    fit = np.ones(len(i), dtype=bool)
    floor = params.member_floor
    if floor is not None:
        for k in range(di if di > 1 else 0):
            fit &= cosine(1, dj, i + k, j) >= floor
        for k in range(dj if dj > 1 else 0):
            fit &= cosine(di, 1, i, j + k) >= floor
    tolerance = params.merge_tolerance
    if tolerance is not None:
        limit = whole + tolerance
        if di > 1:
            parts = np.maximum(cosine(di - 1, dj, i, j), cosine(di - 1, dj, i + 1, j))
            fit &= ~(parts > limit)
        if dj > 1:
            parts = np.maximum(cosine(di, dj - 1, i, j), cosine(di, dj - 1, i, j + 1))
            fit &= ~(parts > limit)
    return fit


def semantic_scorer(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: BaseLang,
    tgt_lang: BaseLang,
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
    if expected_ratio and src_lang != tgt_lang:
        ratio = float(np.sqrt(ratio / expected_ratio))

    def cosine(i: int, di: int, j: int, dj: int) -> float:
        return sum(v.weight * v.cosine(i, di, j, dj) for v in views) / total_weight

    def similarity(i: int, di: int, j: int, dj: int) -> float:
        return display_similarity(cosine(i, di, j, dj))

    def edge_pair(k: int) -> Callable[[int, int], float]:
        """How alike source sentence a's edge clause k (0 first, 1 last) and target b's are."""

        def alike(a: int, b: int) -> float:
            total = 0.0
            for view in views:
                edges = view.edges()
                total += view.weight * float(edges[k][a] @ edges[k + 2][b])
            return total / total_weight

        return alike

    def edge_fit_of(di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        bead = (int(i[0]), di, int(j[0]), dj)
        fit = edge_fit(edge_pair(0), edge_pair(1), n, m, bead, params.neighbour_weight)
        return np.array([fit])

    one = _BeadScores(
        n,
        m,
        params,
        one_bead(cosine, n, m),
        one_bead(words.words, n, m) if words is not None and params.word_weight else None,
        edge_fit_of,
        (src_len, tgt_len, ratio),
    )

    def gain(i: int, di: int, j: int, dj: int) -> float:
        if di == 0 or dj == 0:
            return params.skip
        return float(one.score(di, dj, np.array([i]), np.array([j]))[0])

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
        self.scores = _BeadScores(
            self.n,
            self.m,
            params,
            self.cosine,
            self._words if self.word_tables is not None else None,
            self._edge_fit,
            (src_len, tgt_len, ratio),
        )

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

    def gains(self, beads: Sequence[tuple[int, int]]) -> dict[tuple[int, int], np.ndarray]:
        return band_gains(self.band, self.n, self.m, beads, self.params.skip, self.scores.score)


@dataclass(frozen=True, slots=True)
class _BeadScores:
    """The gain of beads (i[k], di, j[k], dj) from the measures of their runs: the one formula
    behind the scalar gain (measures of length-1 arrays) and the tables (band lookups)."""

    n: int
    m: int
    params: SemanticParams
    #: Weighted mean cosine over the views.
    cosine: Measure
    #: Word evidence, when it counts.
    words: Measure | None
    #: ``edge_fit`` of the beads (called only when edges count).
    edge_fit: Measure
    #: Characters of each run of 1..MAX_SIDE source sentences, of target sentences, and the
    #: source characters per target character.
    lengths: tuple[list[np.ndarray], list[np.ndarray], float]

    def score(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        params = self.params
        whole = self.cosine(di, dj, i, j)
        score = whole.copy()
        if params.margin:
            score -= params.neighbour_weight * neighbour_mean(
                self.cosine, self.n, self.m, di, dj, i, j
            )
        if self.words is not None:
            lexical = self.words(di, dj, i, j)
            if params.margin:
                lexical -= neighbour_mean(self.words, self.n, self.m, di, dj, i, j)
            score += params.word_weight * lexical
        if params.length_penalty:
            src_len, tgt_len, ratio = self.lengths
            score *= length_fit(src_len[di - 1][i], tgt_len[dj - 1][j] * ratio)
        if params.edge_weight:
            score += params.edge_weight * self.edge_fit(di, dj, i, j)
        score += params.merge_bonus * (di + dj - 2)
        if di == 2 and dj == 2:
            score -= params.two_two_cost
        related = (whole >= params.floor) & members_fit(self.cosine, params, di, dj, i, j, whole)
        result: np.ndarray = np.where(related, score, UNRELATED)
        return result
