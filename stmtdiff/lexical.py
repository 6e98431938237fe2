"""Translation-free cross-language scoring from sentence length and numbers.

PLACEHOLDER of the cross-language work: length ratio and shared numbers only.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from stmtdiff.scoring import Scorer, gain_from_similarity

_NUMBER = re.compile(r"\d+(?:[.,]\d+)?")


def lexical_scorer(src: Sequence[str], tgt: Sequence[str], src_lang: str, tgt_lang: str) -> Scorer:
    src_len = [max(1, len(t)) for t in src]
    tgt_len = [max(1, len(t)) for t in tgt]
    ratio = (sum(tgt_len) or 1) / (sum(src_len) or 1)
    src_num = [set(_NUMBER.findall(t)) for t in src]
    tgt_num = [set(_NUMBER.findall(t)) for t in tgt]

    def similarity(i: int, di: int, j: int, dj: int) -> float:
        a = sum(src_len[i : i + di]) * ratio
        b = sum(tgt_len[j : j + dj])
        length = math.exp(-abs(math.log(a / b)) * 2.0)
        left = set().union(*src_num[i : i + di])
        right = set().union(*tgt_num[j : j + dj])
        if left or right:
            numbers = len(left & right) / len(left | right)
            return 0.5 * length + 0.5 * numbers
        return 0.8 * length

    return Scorer(
        method="lexical",
        similarity=similarity,
        gain=gain_from_similarity(similarity, threshold=0.35, merge_cost=0.05),
    )
