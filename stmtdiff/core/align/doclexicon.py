"""Word pairs a document teaches about itself: learned from a first alignment of it.

A dictionary misses what matters most in one document: its names (韦小宝 is "Trinket" in
Minford's translation), its terms, and every word of a language pair no lexicon ships for. Aligned
sentences of a first pass show them: words that keep turning up in the same beads and seldom
apart translate each other. As in hunalign's realignment, the aligner then aligns again with
those pairs added to its lexicon.

Pairs are kept by competitive linking (Melamed 2000): each word keeps only its partners of
highest Dice coefficient, and a pair must be that for both its words, so a frequent word cannot
pair with everything it happens to stand beside.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from stmtdiff.core.align.lexicon import NUMBERING
from stmtdiff.core.model import Bead

#: Beads less similar than this (the first pass's score) teach nothing.
MIN_SIMILARITY = 0.3
#: Fewer such beads than this teach chance: in a handful of sentences any two words that meet
#: twice look like a pair.
MIN_BEADS = 20
#: A pair must share at least this many beads...
MIN_COUNT = 2
#: ...and this Dice coefficient (2 × shared beads / beads of either word).
MIN_DICE = 0.4


def learn_pairs(
    beads: Sequence[Bead],
    src_keys: Sequence[Sequence[str]],
    tgt_keys: Sequence[Sequence[str]],
) -> list[tuple[str, str]]:
    """(source key, target key) pairs that the aligned ``beads`` show translate each other;
    ``src_keys[i]`` are source sentence i's lexicon keys, likewise for the target."""
    src_count: Counter[str] = Counter()
    tgt_count: Counter[str] = Counter()
    both: Counter[tuple[str, str]] = Counter()
    taught = [bead for bead in beads if bead.src and bead.tgt and bead.score >= MIN_SIMILARITY]
    if len(taught) < MIN_BEADS:
        return []
    for bead in taught:
        left = {k for i in bead.src for k in src_keys[i] if _word(k)}
        right = {k for j in bead.tgt for k in tgt_keys[j] if _word(k)}
        src_count.update(left)
        tgt_count.update(right)
        both.update((a, b) for a in left for b in right if a != b)
    dice = {
        (a, b): 2 * shared / (src_count[a] + tgt_count[b])
        for (a, b), shared in both.items()
        if shared >= MIN_COUNT
    }
    best_src: dict[str, float] = {}
    best_tgt: dict[str, float] = {}
    for (a, b), value in dice.items():
        best_src[a] = max(best_src.get(a, 0.0), value)
        best_tgt[b] = max(best_tgt.get(b, 0.0), value)
    return sorted(
        (a, b)
        for (a, b), value in dice.items()
        if value >= MIN_DICE and value >= best_src[a] and value >= best_tgt[b]
    )


def _word(key: str) -> bool:
    """Numbers and paragraph numbers are evidence of their own (they match themselves); pairs of
    them learned from co-occurrence ("11" with "110" where billions are written as 亿) mislead."""
    return not key.startswith(NUMBERING) and not any(c.isdigit() for c in key)
