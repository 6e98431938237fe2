"""Lexicon coverage of runs of sentences: how much of each side the other side translates.

Each key of a run counts its weight (1 unless given; rarer words deserve more). A key is
translated when the other run holds it as such or one of its lexicon translations. Keys the
lexicon does not know on either side count as untranslated only when the other side's lexicon
does not know them either, so rare words do not dilute the evidence (unless ``count_unknown``:
for texts in one language, where every word can match itself); paragraph numbering counts only
where both sides have it.

One formula, vectorised: :class:`RunTables` gives the coverage of every run starting in a band's
cells at once, for the aligners' tables; what a scalar score asks about one bead
(:meth:`Sides.words`, :func:`coverage`) is the same per-sentence blocks computed for that bead's
cells alone.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence

from stmtdiff.core.align.band import fill_band
from stmtdiff.core.align.lexicon import NUMBERING, Lexicon
from stmtdiff.core.align.search import Band

TYPE_CHECKING = False  # not ``typing``'s; see stmtdiff.lazyexports.numpy
if TYPE_CHECKING:
    import numpy as np
else:  # numpy loads when an aligner first uses it: a same-language compare never does
    from stmtdiff.lazyexports import numpy as np

Runs = Sequence[Sequence[str]]


def _ragged(arrays: Sequence[np.ndarray], dtype: type) -> tuple[np.ndarray, np.ndarray]:
    """The arrays end to end, and where each starts (one more: where the last ends)."""
    starts = np.zeros(len(arrays) + 1, dtype=np.int64)
    np.cumsum([len(a) for a in arrays], out=starts[1:])
    flat: np.ndarray = np.concatenate(arrays).astype(dtype) if arrays else np.zeros(0, dtype)
    return flat, starts


def _owners(starts: np.ndarray, span: range) -> np.ndarray:
    """For each element of the sentences in ``span`` (end to end), its sentence's position
    in ``span``."""
    counts = np.diff(starts[span.start : span.stop + 1])
    return np.repeat(np.arange(len(span)), counts)


class _Side:
    """One side's sentences as weighted key ids, and the other side's sentences as the ids of
    this side's keys they translate (``hits``) or contain as such (``same``)."""

    def __init__(
        self,
        keys: Sequence[Sequence[str]],
        weight: Mapping[str, float] | None,
        translations: Mapping[str, Collection[str]],
        other_keys: Sequence[Sequence[str]],
        count_unknown: bool,
    ) -> None:
        vocab: dict[str, int] = {}
        for sentence in keys:
            for key in sentence:
                vocab.setdefault(key, len(vocab))
        self.size = len(vocab)
        known = np.zeros(self.size, dtype=bool)
        numbered = np.zeros(self.size, dtype=bool)
        for key, index in vocab.items():
            known[index] = key in translations
            numbered[index] = key.startswith(NUMBERING)
        weights = weight or {}
        ids_of: list[np.ndarray] = []
        weights_of: list[np.ndarray] = []
        self.fixed_mass = np.zeros(len(keys))
        unknown_of: list[np.ndarray] = []
        for k, sentence in enumerate(keys):
            mass: dict[int, float] = {}
            for key in sentence:
                index = vocab[key]
                mass[index] = mass.get(index, 0.0) + weights.get(key, 1.0)
            ids = np.fromiter(mass, dtype=np.int64, count=len(mass))
            values = np.fromiter(mass.values(), dtype=np.float64, count=len(mass))
            ids_of.append(ids)
            weights_of.append(values)
            counted = np.ones(len(ids), dtype=bool) if count_unknown else known[ids]
            counted &= ~numbered[ids]
            self.fixed_mass[k] = values[counted].sum()
            unknown_of.append(np.where(counted, 0.0, values))
        # Each list of per-sentence arrays as one array and its sentences' offsets, so a block's
        # consecutive sentences are one slice, not a loop (UN dev 2x500 ru/zh: the word tables
        # of a semantic run 0.09 s -> 0.05 s, the same values).
        self.ids, self.id_starts = _ragged(ids_of, np.int64)
        self.weights = _ragged(weights_of, np.float64)[0]
        self.unknown_weights = _ragged(unknown_of, np.float64)[0]
        # Which of this side's keys each key of the other side translates (only the other
        # side's own keys matter: an English stem can translate thousands of headwords).
        other_vocab = {key for sentence in other_keys for key in sentence}
        inverse: dict[str, list[int]] = {}
        for key, index in vocab.items():
            found = translations.get(key)
            if found:
                for target in other_vocab.intersection(found):
                    inverse.setdefault(target, []).append(index)
        hits: list[np.ndarray] = []
        sames: list[np.ndarray] = []
        for sentence in other_keys:
            same = {vocab[key] for key in sentence if key in vocab}
            hit = set(same)
            for key in set(sentence):
                hit.update(inverse.get(key, ()))
            hits.append(np.fromiter(hit, dtype=np.int64, count=len(hit)))
            sames.append(np.fromiter(same, dtype=np.int64, count=len(same)))
        self.others = len(other_keys)
        self.hits = _ragged(hits, np.int64)
        self.same = _ragged(sames, np.int64)

    def blocks(self, rows: range, runs: range, size: int) -> tuple[np.ndarray, np.ndarray]:
        """(hit mass, key mass) of each sentence in ``rows`` against the other side's run of
        ``size`` sentences starting at each of ``runs``: dense (len(rows), len(runs))."""
        local = np.full(self.size, -1, dtype=np.int64)
        at = slice(int(self.id_starts[rows.start]), int(self.id_starts[rows.stop]))
        used = np.unique(self.ids[at])
        local[used] = np.arange(len(used))
        weights = np.zeros((len(rows), len(used)))
        unknown = np.zeros((len(rows), len(used)))
        which = _owners(self.id_starts, rows), local[self.ids[at]]
        weights[which] = self.weights[at]
        unknown[which] = self.unknown_weights[at]
        others = range(runs.start, min(self.others, runs.stop + size - 1))
        hit_rows = np.zeros((len(others) + size, len(used)))
        same_rows = np.zeros((len(others) + size, len(used)))
        if len(others):
            for (flat, starts), dense in ((self.hits, hit_rows), (self.same, same_rows)):
                ids = local[flat[int(starts[others.start]) : int(starts[others.stop])]]
                keep = ids >= 0
                dense[_owners(starts, others)[keep], ids[keep]] = 1.0
        count = len(runs)
        hit_run = hit_rows[:count].copy()
        same_run = same_rows[:count].copy()
        for shift in range(1, size):
            np.maximum(hit_run, hit_rows[shift : shift + count], out=hit_run)
            np.maximum(same_run, same_rows[shift : shift + count], out=same_run)
        mass = self.fixed_mass[rows.start : rows.stop, None] + unknown @ same_run.T
        hit: np.ndarray = weights @ hit_run.T
        return hit, mass


class RunTables:
    """Lexicon coverage split per sentence, over a band of (source, target) cells: for source
    sentence k and the target run (j, b), the weight of k's keys the run translates and the
    weight of k's keys that count; likewise for target sentences against source runs. A
    bead's coverage is then sums over its sentences (``LexicalEvidence.words``'s value)."""

    def __init__(self, band: Band, sides: Sides) -> None:
        self.band = band
        self.n, self.m = sides.n, sides.m
        self.src, self.tgt = sides.src, sides.tgt
        self._tables: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]] = {}

    def _table(self, side: str, size: int) -> tuple[np.ndarray, np.ndarray]:
        """Source side: rows are source sentences, columns target run starts. Target side:
        rows are source run starts, columns target sentences."""
        found = self._tables.get((side, size))
        if found is None:

            def block(i0: int, i1: int, j0: int, j1: int) -> np.ndarray:
                if side == "src":
                    hit, mass = self.src.blocks(range(i0, i1), range(j0, j1), size)
                else:
                    hit, mass = (a.T for a in self.tgt.blocks(range(j0, j1), range(i0, i1), size))
                return np.stack((hit, mass), axis=-1)

            both = fill_band(self.band, self.n, block, depth=2)
            found = (both[:, 0], both[:, 1])
            self._tables[(side, size)] = found
        return found

    def _at(self, side: str, size: int, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, ...]:
        flat, inside = self.band.index(i, j)
        hit, mass = self._table(side, size)
        return np.where(inside, hit[flat], 0.0), np.where(inside, mass[flat], 0.0)

    def masses(
        self, di: int, dj: int, i: np.ndarray, j: np.ndarray
    ) -> tuple[np.ndarray, np.ndarray]:
        """(translated key weight, counted key weight) of the beads (i, di, j, dj), both sides."""
        hit = np.zeros(len(i))
        mass = np.zeros(len(i))
        for k in range(di):
            h, w = self._at("src", dj, i + k, j)
            hit += h
            mass += w
        for k in range(dj):
            h, w = self._at("tgt", di, i, j + k)
            hit += h
            mass += w
        return hit, mass

    def words(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        return share(*self.masses(di, dj, i, j))


def share(hit: np.ndarray, mass: np.ndarray) -> np.ndarray:
    """Translated key weight over counted key weight (0 where nothing counts)."""
    words: np.ndarray = np.where(mass > 0, hit / np.maximum(mass, 1e-12), 0.0)
    return words


class Sides:
    """A document's two sides as weighted key ids, built once: the tables of any band read
    them, and so does one bead (:meth:`bead`) through the same per-sentence blocks."""

    def __init__(
        self,
        keys: tuple[Runs, Runs],
        weights: tuple[Mapping[str, float] | None, Mapping[str, float] | None],
        lexicon: Lexicon,
        count_unknown: bool,
    ) -> None:
        self.n, self.m = len(keys[0]), len(keys[1])
        self.src = _Side(keys[0], weights[0], lexicon.forward, keys[1], count_unknown)
        self.tgt = _Side(keys[1], weights[1], lexicon.backward, keys[0], count_unknown)

    def tables(self, band: Band) -> RunTables:
        """Coverage of every run starting in ``band``'s cells."""
        return RunTables(band, self)

    def bead(self, i: int, di: int, j: int, dj: int) -> tuple[list[float], list[float]]:
        """The cells of the tables one bead (i, di, j, dj) reads, computed for it alone: the
        translated and the counted key weight of each of its source sentences against its
        target run, then of each of its target sentences against its source run. (A run of no
        sentences translates nothing and counts nothing: a skip bead has no coverage.)"""
        if di == 0 or dj == 0:
            return [], []
        src_hit, src_mass = self.src.blocks(range(i, i + di), range(j, j + 1), dj)
        tgt_hit, tgt_mass = self.tgt.blocks(range(j, j + dj), range(i, i + 1), di)
        hits: list[float] = src_hit[:, 0].tolist() + tgt_hit[:, 0].tolist()
        masses: list[float] = src_mass[:, 0].tolist() + tgt_mass[:, 0].tolist()
        return hits, masses

    def words(self, i: int, di: int, j: int, dj: int) -> float:
        """:meth:`RunTables.words` of one bead (its sentences' weights added in the same
        order)."""
        hits, masses = self.bead(i, di, j, dj)
        hit = mass = 0.0
        for h, w in zip(hits, masses, strict=True):
            hit += h
            mass += w
        return float(share(np.array([hit]), np.array([mass]))[0])


def coverage(
    src: Runs,
    tgt: Runs,
    lexicon: Lexicon,
    *,
    count_unknown: bool = False,
    src_weight: Mapping[str, float] | None = None,
    tgt_weight: Mapping[str, float] | None = None,
) -> tuple[float, float, float, float]:
    """How much of a source run and a target run (each a list of its sentences' keys) translate
    each other: (share of the source key weight translated, the same of the target, source key
    weight counted, target key weight counted). An empty run is read as one sentence without
    keys, so the other side's known words still count."""
    src_runs: Runs = src or [()]
    tgt_runs: Runs = tgt or [()]
    sides = Sides((src_runs, tgt_runs), (src_weight, tgt_weight), lexicon, count_unknown)
    n, m = len(src_runs), len(tgt_runs)
    hits, masses = sides.bead(0, n, 0, m)
    src_hit, src_mass = sum(hits[:n]), sum(masses[:n])
    tgt_hit, tgt_mass = sum(hits[n:]), sum(masses[n:])
    src_share = src_hit / src_mass if src_mass else 0.0
    tgt_share = tgt_hit / tgt_mass if tgt_mass else 0.0
    return src_share, tgt_share, src_mass, tgt_mass
