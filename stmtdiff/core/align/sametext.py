"""Scoring sentences written in one language: originals, or translations into a common language."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rapidfuzz.distance import Indel

from stmtdiff.core.align.scoring import Scorer, gain_from_similarity
from stmtdiff.core.align.search import patience_anchors
from stmtdiff.core.model import Method
from stmtdiff.core.text.normalize import (
    MAX_SIMILARITY_TOKENS,
    loose,
    token_similarity,
    tokens,
)

#: Beads whose words are less alike than this are worse than leaving both sides unaligned.
THRESHOLD = 0.3
MERGE_COST = 0.05


def same_language_scorer(
    src: Sequence[str | None], tgt: Sequence[str | None], *, method: Method = Method.SAME_LANGUAGE
) -> Scorer:
    """Scorer comparing words; ``None`` entries (no text available) never align."""
    # Versions of one text share most sentences: each distinct one is normalised once (for the
    # 2×8,000 sentences of benchmarks/terminal_speed.py this scorer took 0.17-0.22 s to build,
    # now 0.12-0.16 s, side by side at load 8).
    texts = [text for text in dict.fromkeys([*src, *tgt]) if text is not None]
    words = {text: tokens(text) for text in texts}
    src_tokens = [None if text is None else words[text] for text in src]
    tgt_tokens = [None if text is None else words[text] for text in tgt]

    @lru_cache(maxsize=65_536)
    def similarity(i: int, di: int, j: int, dj: int) -> float:
        left = _join(src_tokens[i : i + di])
        right = _join(tgt_tokens[j : j + dj])
        if left is None or right is None:
            return 0.0
        return token_similarity(left, right)

    def pairs(rows: Sequence[int], cols: Sequence[int]) -> list[list[float]]:
        right = [found for j in cols if (found := tgt_tokens[j])]
        return [
            _similarities(src_tokens[i], right)
            if len(right) == len(cols)
            else [similarity(i, 1, j, 1) for j in cols]
            for i in rows
        ]

    keys = {text: _key(text) for text in texts}
    src_keys = [None if text is None else keys[text] for text in src]
    tgt_keys = [None if text is None else keys[text] for text in tgt]
    return Scorer(
        method=method,
        similarity=similarity,
        gain=gain_from_similarity(similarity, threshold=THRESHOLD, merge_cost=MERGE_COST),
        anchors=patience_anchors(src_keys, tgt_keys),
        pairs=pairs,
    )


def _similarities(left: tuple[str, ...] | None, right: list[tuple[str, ...]]) -> list[float]:
    """``token_similarity`` of ``left`` to each of ``right`` (none of them empty), in one call
    of rapidfuzz where it scores exactly: move detection compares every deleted sentence with
    every inserted one, 31,000 pairs at ``benchmarks/terminal_speed.py``'s 8,000 sentences, in
    0.04 s instead of the 0.10 s pair by pair."""
    if left is None:
        return [0.0] * len(right)
    longest = max(map(len, right), default=0)
    if not left or len(left) + longest > MAX_SIMILARITY_TOKENS:
        return [token_similarity(left, other) for other in right]
    from rapidfuzz.process import extract_iter  # moves only: 23 ms to import

    return [score for _, score, _ in extract_iter(left, right, scorer=Indel.normalized_similarity)]


def _join(parts: Sequence[tuple[str, ...] | None]) -> tuple[str, ...] | None:
    joined: tuple[str, ...] = ()
    for part in parts:
        if part is None:
            return None
        joined += part
    return joined


def _key(text: str | None) -> str | None:
    """Anchor key: sentences equal up to case and punctuation; too-short ones never anchor."""
    if text is None:
        return None
    key = loose(text)
    return key if len(key) >= 8 else None
