"""Translation-free, model-free cross-language scoring: lexicon, anchors and sentence length.

Evidence that a run of source sentences and a run of target sentences say the same thing:

- words of each translated by words of the other, by an offline bilingual lexicon
  (``stmtdiff.core.align.coverage``); numbers, Latin-script names and other strings written the
  same in both languages count as translations of themselves;
- anchors that survive translation: the same numbers, quoted spans and paragraph numbering
  (``1.``, ``一、``, ``(a)``) on both sides;
- length: Gale and Church's model, the target length in characters being about ``ratio`` times
  the source length with variance ``variance`` per character, both learned per language pair
  from dev data (``stmtdiff.core.align.lengthmodel``).

The search is the one the semantic aligner uses: a first pass of 1-1 pairs, then a banded pass
over beads up to five sentences in a corridor around it.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from stmtdiff.core.align.band import (
    MAX_SIDE,
    Measure,
    band_gains,
    bead_types,
    corridor,
    edge_fit,
    edge_fit_table,
    edge_tables,
    first_pass,
    lookup_band,
    neighbour_mean,
    one_bead,
)
from stmtdiff.core.align.coverage import RunTables, Sides
from stmtdiff.core.align.doclexicon import learn_pairs
from stmtdiff.core.align.lengthmodel import LengthModel, length_model
from stmtdiff.core.align.lexicon import KeyMaker, Lexicon, numbering
from stmtdiff.core.align.scoring import Scorer, run
from stmtdiff.core.align.search import Band
from stmtdiff.core.align.semantic import looks_comparable
from stmtdiff.core.model import Method
from stmtdiff.core.text.clauses import edge_clauses
from stmtdiff.core.text.scripts import BaseLang

TYPE_CHECKING = False  # not ``typing``'s; see stmtdiff.lazyexports.numpy
if TYPE_CHECKING:
    import numpy as np
else:  # numpy loads when an aligner first uses it: a same-language compare never does
    from stmtdiff.lazyexports import numpy as np


def _idf(sentences: Sequence[Sequence[str]]) -> dict[str, float]:
    """Inverse sentence frequency of each key in the document: a word on every line says
    little about which lines correspond."""
    frequency: dict[str, int] = {}
    for keys in sentences:
        for key in set(keys):
            frequency[key] = frequency.get(key, 0) + 1
    total = len(sentences) + 1
    return {key: math.log(total / count) + 0.5 for key, count in frequency.items()}


@dataclass(frozen=True, slots=True)
class LexicalParams:
    """Weights of the evidence; tuned on MAC-Dev, Text+Berg dev and the UN dev documents."""

    skip: float = -0.1
    #: Weight of lexicon coverage against length in the similarity.
    lexicon_weight: float = 0.9
    #: Similarity a bead gets for each number both sides share, at most once per bead.
    number_bonus: float = 0.15
    #: Weight of the mean similarity to neighbouring sentences subtracted from a bead's (a
    #: margin); 0 turns it off. Light, because lexicon coverage of a neighbour is noisy.
    margin: float = 0.3
    #: Paid per sentence beyond two in a bead: with word evidence this sparse, merges must
    #: earn their place.
    merge_cost: float = 0.04
    #: Count words the lexicon does not know as untranslated (always so for one language).
    count_unknown: bool = False
    #: Weight of how well a bead's sides start alike and end alike in words (lexicon coverage
    #: of the first clauses, and of the last: ``stmtdiff.core.text.clauses``), each edge less
    #: ``margin``
    #: times its coverage of the sentences just outside. Dev strict F1, 0 -> 0.5: MAC-Dev
    #: 0.791 -> 0.823, Text+Berg dev 0.719 -> 0.739, UN dev 0.964 -> 0.977.
    edge_weight: float = 0.5
    #: Align twice, the second time with the word pairs the first alignment shows
    #: (``stmtdiff.core.align.doclexicon``). Dev strict F1: MAC-Dev 0.823 -> 0.833, Text+Berg dev
    #: (no
    #: de-fr lexicon) 0.739 -> 0.805, UN dev 0.977 -> 0.976.
    learn: bool = True


class LexicalEvidence:
    """Cached lexicon, number and length similarity of runs of sentences."""

    def __init__(
        self,
        src: Sequence[str],
        tgt: Sequence[str],
        src_lang: BaseLang,
        tgt_lang: BaseLang,
        lexicon: Lexicon | None,
        keys: Callable[[str], KeyMaker],
        lengths: LengthModel,
        count_unknown: bool,
        weights: tuple[Mapping[str, float], Mapping[str, float]] | None = None,
    ) -> None:
        """``weights``: each side's key weights, when not the texts' own inverse frequencies
        (a few sentences of a document weigh words as the whole document does)."""
        src_maker, tgt_maker = keys(src_lang), keys(tgt_lang)
        self.src_keys = [src_maker.keys(t) for t in src]
        self.tgt_keys = [tgt_maker.keys(t) for t in tgt]
        # Not ``lexicon or ...``: the truth of a Lexicon is its length, a sum over every entry.
        self.lexicon = lexicon if lexicon is not None else Lexicon(src_lang, tgt_lang)
        self._texts = (src, tgt)
        self.src_len = [len(t) for t in src]
        self.tgt_len = [len(t) for t in tgt]
        self.lengths = lengths
        self.count_unknown = count_unknown
        self.src_weight, self.tgt_weight = weights or (_idf(self.src_keys), _idf(self.tgt_keys))

    @cached_property
    def _sides(self) -> Sides:
        """The document's keys as the coverage tables read them (built on first use)."""
        keys = (self.src_keys, self.tgt_keys)
        return Sides(keys, (self.src_weight, self.tgt_weight), self.lexicon, self.count_unknown)

    def words(self, i: int, di: int, j: int, dj: int) -> float:
        """Lexicon coverage of one bead: :meth:`run_tables`' value, for that bead alone."""
        return self._sides.words(i, di, j, dj)

    @cached_property
    def src_numbers(self) -> list[frozenset[str]]:
        """Numbers of each source sentence (only the lexical scorer asks: computed then)."""
        from stmtdiff.core.text.numbers import number_tokens  # 25 ms of rules: load when used

        return [number_tokens(t) for t in self._texts[0]]

    @cached_property
    def tgt_numbers(self) -> list[frozenset[str]]:
        from stmtdiff.core.text.numbers import number_tokens  # 25 ms of rules: load when used

        return [number_tokens(t) for t in self._texts[1]]

    def run_tables(self, band: Band) -> RunTables:
        """``words`` for every run starting in ``band``'s cells, vectorised (same values)."""
        return self._sides.tables(band)

    def number_tables(self, band: Band) -> RunTables:
        """Numbers as keys that only match themselves: a bead shares a number where the
        translated weight is positive, and has a number on one side only where it falls short
        of the counted weight."""
        return self._number_sides.tables(band)

    @cached_property
    def _number_sides(self) -> Sides:
        keys = ([sorted(x) for x in self.src_numbers], [sorted(x) for x in self.tgt_numbers])
        plain = Lexicon(self.lexicon.src_lang, self.lexicon.tgt_lang)
        return Sides(keys, (None, None), plain, count_unknown=True)

    def length(self, i: int, di: int, j: int, dj: int) -> float:
        return self.lengths.probability(
            sum(self.src_len[i : i + di]), sum(self.tgt_len[j : j + dj])
        )

    def shared_numbers(self, i: int, di: int, j: int, dj: int) -> tuple[int, int]:
        """(numbers on both sides, numbers on one side only)."""
        left = frozenset().union(*self.src_numbers[i : i + di])
        right = frozenset().union(*self.tgt_numbers[j : j + dj])
        return len(left & right), len(left ^ right)


def lexical_scorer(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: BaseLang,
    tgt_lang: BaseLang,
    *,
    lexicon: Lexicon | None = None,
    keys: Callable[[str], KeyMaker] = KeyMaker,
    params: LexicalParams = LexicalParams(),
    method: Method = Method.LEXICAL,
    parallel: bool = False,
) -> Scorer:
    """Scorer aligning ``src`` to ``tgt`` with no translation and no model (see module doc);
    ``parallel``: the caller knows them to be translations, so they are never called comparable.

    Across languages (with ``params.learn``) the texts are aligned once first, and the word
    pairs that alignment shows (``stmtdiff.core.align.doclexicon``) join the lexicon of the scorer
    returned.
    """
    if params.learn and src and tgt and src_lang != tgt_lang:
        # A first alignment to learn from, without edges: they cost time and teach nothing
        # more (dev strict F1 with them: MAC-Dev 0.831, Text+Berg dev 0.798, UN dev 0.976).
        first_params = dataclasses.replace(params, edge_weight=0.0)
        first, evidence = _lexical_scorer(
            src, tgt, src_lang, tgt_lang, lexicon, keys, first_params, method, parallel
        )
        found = learn_pairs(run(first, len(src), len(tgt)), evidence.src_keys, evidence.tgt_keys)
        if found:
            pair = (evidence.lexicon.src_lang, evidence.lexicon.tgt_lang)
            lexicon = evidence.lexicon.merged(Lexicon.from_pairs(*pair, found))
    return _lexical_scorer(src, tgt, src_lang, tgt_lang, lexicon, keys, params, method, parallel)[0]


def _lexical_scorer(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: BaseLang,
    tgt_lang: BaseLang,
    lexicon: Lexicon | None,
    keys: Callable[[str], KeyMaker],
    params: LexicalParams,
    method: Method,
    parallel: bool,
) -> tuple[Scorer, LexicalEvidence]:
    """The scorer with the lexicon as given, and the evidence it weighs."""
    n, m = len(src), len(tgt)
    count_unknown = params.count_unknown or src_lang == tgt_lang
    lengths = length_model(src_lang, tgt_lang)

    def evidence_of(
        left: Sequence[str],
        right: Sequence[str],
        weights: tuple[Mapping[str, float], Mapping[str, float]] | None = None,
    ) -> LexicalEvidence:
        return LexicalEvidence(
            left, right, src_lang, tgt_lang, lexicon, keys, lengths, count_unknown, weights
        )

    evidence = evidence_of(src, tgt)
    # The words of the sentences' first clauses, and of their last clauses (looked up only
    # when edges count).
    edges: tuple[LexicalEvidence, ...] = ()
    if params.edge_weight:
        src_edges = [edge_clauses(text, src_lang) for text in src]
        tgt_edges = [edge_clauses(text, tgt_lang) for text in tgt]
        edges = tuple(
            evidence_of([pair[k] for pair in src_edges], [pair[k] for pair in tgt_edges])
            for k in (0, 1)
        )
    # Without a lexicon only words written alike (names, numbers) are evidence: too sparse to
    # veto a bead, so length carries most of the weight.
    informed = bool(evidence.lexicon.forward) or evidence.count_unknown
    weight = params.lexicon_weight if informed else params.lexicon_weight / 2

    known: dict[tuple[int, int, int, int], float] = {}

    def similarity(i: int, di: int, j: int, dj: int) -> float:
        key = (i, di, j, dj)
        value = known.get(key)
        if value is None:
            shared, unshared = evidence.shared_numbers(i, di, j, dj)
            value = float(
                _similarity(
                    weight,
                    params.number_bonus,
                    np.array([evidence.words(i, di, j, dj)]),
                    np.array([evidence.length(i, di, j, dj)]),
                    np.array([shared]),
                    np.array([shared + unshared]),
                )[0]
            )
            known[key] = value
        return value

    def edge_fit_of(di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        first_words, last_words = edges
        fit = edge_fit(
            lambda a, b: first_words.words(a, 1, b, 1),
            lambda a, b: last_words.words(a, 1, b, 1),
            n,
            m,
            (int(i[0]), di, int(j[0]), dj),
            params.margin,
        )
        return np.array([fit])

    one_similarity = one_bead(similarity, n, m)
    one_edge_fit = edge_fit_of if edges else None

    def gain(i: int, di: int, j: int, dj: int) -> float:
        if di == 0 or dj == 0:
            return params.skip
        at = np.array([i]), np.array([j])
        return float(_bead_score(params, one_similarity, one_edge_fit, n, m, di, dj, *at)[0])

    def tables(band: Band, beads: Sequence[tuple[int, int]]) -> dict[tuple[int, int], np.ndarray]:
        return _LexicalTables(band, evidence, params, weight, edges=edges).gains(beads)

    def pairs(rows: Sequence[int], cols: Sequence[int]) -> np.ndarray:
        part = evidence_of(
            [src[i] for i in rows],
            [tgt[j] for j in cols],
            (evidence.src_weight, evidence.tgt_weight),
        )
        grid = Band(np.zeros(len(rows)), np.full(len(rows), len(cols) - 1))
        values = _LexicalTables(grid, part, params, weight, cells=grid).similarity(
            1, 1, grid.rows, grid.cols
        )
        return values.reshape(len(rows), len(cols))

    scorer = Scorer(
        method=method,
        similarity=similarity,
        gain=gain,
        beads=bead_types(),
        window=_window(n, m, evidence, params, weight, src, tgt),
        tables=tables,
        comparable=not parallel and looks_comparable(src, tgt, evidence.lengths.ratio),
        pairs=pairs,
    )
    return scorer, evidence


#: First-pass candidates lie within this many sentences of the proportional diagonal.
FIRST_PASS_BAND = 40


def _window(
    n: int,
    m: int,
    evidence: LexicalEvidence,
    params: LexicalParams,
    weight: float,
    src: Sequence[str],
    tgt: Sequence[str],
) -> list[tuple[int, int]]:
    """Corridor for the second pass, from a first pass over 1-1 similarities near the diagonal
    (plus paragraph numbers shared by both sides, which pull the chain through them)."""
    if n == 0 or m == 0:
        return [(0, m)] * (n + 1)
    width = max(FIRST_PASS_BAND, abs(n - m) // 2 + 10)
    centre = (np.arange(n) * m) // n
    near = Band(np.maximum(0, centre - width), np.minimum(m - 1, centre + width))
    values = _LexicalTables(near, evidence, params, weight, cells=near).similarity(
        1, 1, near.rows, near.cols
    )
    matrix = np.zeros((n, m), dtype=np.float32)
    matrix[near.rows, near.cols] = values
    src_numbering = [numbering(t) for t in src]
    tgt_numbering = [numbering(t) for t in tgt]
    for i, label in enumerate(src_numbering):
        if label is not None:
            for j, other in enumerate(tgt_numbering):
                if other == label:
                    matrix[i, j] += 0.5
    return corridor(first_pass(matrix), n, m)


def _similarity(
    weight: float,
    number_bonus: float,
    words: np.ndarray,
    length: np.ndarray,
    shared: np.ndarray,
    counted: np.ndarray,
) -> np.ndarray:
    """Similarity of beads from their lexicon coverage ``words``, length probability, and the
    weight of numbers both sides share (``shared``) and of numbers at all (``counted``): the
    one formula behind the scalar similarity and the tables."""
    value = weight * words + (1 - weight) * length
    value += np.where(shared > 0, number_bonus, np.where(counted > 0, -number_bonus / 2, 0.0))
    out: np.ndarray = np.clip(value, 0.0, 1.0)
    return out


def _bead_score(
    params: LexicalParams,
    similarity: Measure,
    edge_fit: Measure | None,
    n: int,
    m: int,
    di: int,
    dj: int,
    i: np.ndarray,
    j: np.ndarray,
) -> np.ndarray:
    """Gain of the beads (i[k], di, j[k], dj) with both sides non-empty: the one formula
    behind the scalar gain (measures of length-1 arrays) and the tables (band lookups)."""
    score = similarity(di, dj, i, j) - params.merge_cost * (di + dj - 2)
    if params.margin:
        score = score - params.margin * neighbour_mean(similarity, n, m, di, dj, i, j)
    if edge_fit is not None:
        score = score + params.edge_weight * edge_fit(di, dj, i, j)
    return score


class _LexicalTables:
    """``lexical_scorer``'s similarity and gain for every bead of a band at once (numpy)."""

    def __init__(
        self,
        band: Band,
        evidence: LexicalEvidence,
        params: LexicalParams,
        weight: float,
        cells: Band | None = None,
        edges: tuple[LexicalEvidence, ...] = (),
    ) -> None:
        self.band, self.params, self.weight = band, params, weight
        self.n, self.m = len(evidence.src_keys), len(evidence.tgt_keys)
        cells = cells if cells is not None else lookup_band(band)
        self.cells = cells
        self.edges = edges
        self._edge_tables: tuple[np.ndarray, np.ndarray] | None = None
        self.words = evidence.run_tables(cells)
        self.numbers = evidence.number_tables(cells)
        self.lengths = evidence.lengths
        self.src_chars = np.concatenate(([0], np.cumsum(evidence.src_len)))
        self.tgt_chars = np.concatenate(([0], np.cumsum(evidence.tgt_len)))

    def _run_chars(self, prefix: np.ndarray, start: np.ndarray, size: int) -> np.ndarray:
        last = len(prefix) - 1
        chars: np.ndarray = prefix[np.clip(start + size, 0, last)] - prefix[np.clip(start, 0, last)]
        return chars

    def similarity(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        length = self.lengths.probabilities(
            self._run_chars(self.src_chars, i, di), self._run_chars(self.tgt_chars, j, dj)
        )
        shared, counted = self.numbers.masses(di, dj, i, j)
        words = self.words.words(di, dj, i, j)
        return _similarity(self.weight, self.params.number_bonus, words, length, shared, counted)

    def gains(self, beads: Sequence[tuple[int, int]]) -> dict[tuple[int, int], np.ndarray]:
        return band_gains(self.band, self.n, self.m, beads, self.params.skip, self._bead_score)

    def _bead_score(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        fit = self._edge_fit if self.edges else None
        return _bead_score(self.params, self.similarity, fit, self.n, self.m, di, dj, i, j)

    def _edge_fit(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        return edge_fit_table(self.cells, self._edges(), di, dj, i, j)

    def _edges(self) -> tuple[np.ndarray, np.ndarray]:
        """``edge_tables`` from the edge clauses' lexicon coverage (built on first use: the
        first pass never needs them)."""
        if self._edge_tables is None:
            cells = self.cells
            first, last = (
                e.run_tables(cells).words(1, 1, cells.rows, cells.cols) for e in self.edges
            )
            self._edge_tables = edge_tables(cells, self.n, self.m, first, last, self.params.margin)
        return self._edge_tables


__all__ = ["MAX_SIDE", "LexicalParams", "lexical_scorer", "numbering"]
