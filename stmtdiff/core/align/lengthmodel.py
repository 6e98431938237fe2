"""Gale and Church's sentence length model, with its two numbers learned per language pair.

A target text translating a source text of ``l`` characters is about ``ratio * l`` characters
long, with variance ``variance * l``. The numbers for each language pair were measured on dev
data by ``benchmarks/learn_align_tables.py`` and are kept in ``stmtdiff.core.align.lengthtable``; a
pair
not measured falls back to ratio 1 and Gale and Church's variance 6.8, and a document whose own
length ratio is far from the table's uses its own.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from stmtdiff.core.align.lengthtable import LENGTHS
from stmtdiff.core.text.scripts import BaseLang, base_language

TYPE_CHECKING = False  # not ``typing``'s; see stmtdiff.lazyexports.numpy
if TYPE_CHECKING:
    import numpy as np
else:  # numpy loads when an aligner first uses it: a same-language compare never does
    from stmtdiff.lazyexports import numpy as np

DEFAULT_VARIANCE = 6.8

#: Characters other than whitespace a language needs for what English says in 100: ``check``'s
#: length yardstick (it counts no whitespace, so these are not LENGTHS' raw-character ratios).
#: LENGTHS gives about the same once whitespace is left out: on the UN dev half whitespace is
#: 14.6% of English sentence text, 12.2% of Russian, 0.9% of Chinese, so en→ru 1.1268 becomes
#: 1.16 (here 1.12) and en→zh 0.2661 becomes 0.31 (here 0.32); check keeps its own values (its
#: findings unchanged). Languages with no measured pair (uk, fr, de, es, ja, ko) are estimates; a
#: document with enough pairs uses its own median ratio instead.
DENSITY = {"en": 1.0, "ru": 1.12, "uk": 1.1, "fr": 1.15, "de": 1.15, "es": 1.1, "zh": 0.32}
DENSITY |= {"ja": 0.42, "ko": 0.45}


def density(lang: str) -> float:
    """:data:`DENSITY` of ``lang`` (1, as English, for a language it does not list)."""
    return DENSITY.get(base_language(lang), 1.0)


@dataclass(frozen=True, slots=True)
class LengthModel:
    ratio: float = 1.0
    variance: float = DEFAULT_VARIANCE

    def probability(self, src_chars: int, tgt_chars: int) -> float:
        """Two-sided probability of a length difference at least this large, in (0, 1]: the one
        formula, :meth:`probabilities`, on one pair of lengths."""
        return float(self.probabilities(np.array([src_chars]), np.array([tgt_chars]))[0])

    def probabilities(self, src_chars: np.ndarray, tgt_chars: np.ndarray) -> np.ndarray:
        """:meth:`probability` for arrays of lengths at once."""
        src = np.maximum(src_chars, 1).astype(np.float64)
        delta = (tgt_chars - src * self.ratio) / np.sqrt(src * self.variance)
        return _erfc(np.abs(delta) / math.sqrt(2.0))


def _erfc(z: np.ndarray) -> np.ndarray:
    """``math.erfc`` of each element: numpy has none, and an approximation (Numerical Recipes'
    Chebyshev fit, relative error 1.2e-7) would move shown scores at the fourth decimal. Exact
    costs ~80 ns a cell to the fit's ~20."""
    flat = np.fromiter(map(math.erfc, z.ravel().tolist()), np.float64, count=z.size)
    out: np.ndarray = flat.reshape(z.shape)
    return out


def length_model(src: BaseLang, tgt: BaseLang) -> LengthModel:
    """The learned model for ``src`` → ``tgt`` (either direction of a measured pair)."""
    if src == tgt:
        return LengthModel()
    if (src, tgt) in LENGTHS:
        ratio, variance = LENGTHS[(src, tgt)]
        return LengthModel(ratio, variance)
    if (tgt, src) in LENGTHS:
        ratio, variance = LENGTHS[(tgt, src)]
        return LengthModel(1.0 / ratio, variance / ratio**3)
    return LengthModel()
