"""Strict and lax precision, recall and F1 of sentence alignments, pooled over documents.

The metric of vecalign's score.py (as the README of ../shared/aligngold describes it): precision
runs over the test beads, insertions and deletions included; recall over the gold beads with
both sides non-empty. A bead is a strict hit when identical to one on the other side; a lax hit
when some source sentence of it is linked (in any bead of the other side) to one of its targets.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

Bead = tuple[tuple[int, ...], tuple[int, ...]]


def _hits(test: Sequence[Bead], gold: Sequence[Bead]) -> tuple[int, int, int]:
    gold_set = set(gold)
    links: dict[int, set[int]] = {}
    for src, tgt in gold:
        for i in src:
            links.setdefault(i, set()).update(tgt)
    strict = lax = 0
    for src, tgt in test:
        if (src, tgt) in gold_set:
            strict += 1
            lax += 1
        elif any(links.get(i, set()) & set(tgt) for i in src):
            lax += 1
    return strict, lax, len(test)


@dataclass
class Counts:
    p_strict: int = 0
    p_lax: int = 0
    p_total: int = 0
    r_strict: int = 0
    r_lax: int = 0
    r_total: int = 0

    def add(self, test: Iterable[Bead], gold: Iterable[Bead]) -> None:
        test = [b for b in test if b[0] or b[1]]
        gold = [b for b in gold if b[0] or b[1]]
        ps, pl, pn = _hits(test, gold)
        rs, rl, rn = _hits([b for b in gold if b[0] and b[1]], [b for b in test if b[0] and b[1]])
        self.p_strict += ps
        self.p_lax += pl
        self.p_total += pn
        self.r_strict += rs
        self.r_lax += rl
        self.r_total += rn

    def scores(self) -> tuple[float, float, float, float, float, float]:
        """(strict P, R, F1, lax P, R, F1)."""

        def f1(p: float, r: float) -> float:
            return 2 * p * r / (p + r) if p + r else 0.0

        sp = self.p_strict / self.p_total if self.p_total else 0.0
        sr = self.r_strict / self.r_total if self.r_total else 0.0
        lp = self.p_lax / self.p_total if self.p_total else 0.0
        lr = self.r_lax / self.r_total if self.r_total else 0.0
        return sp, sr, f1(sp, sr), lp, lr, f1(lp, lr)
