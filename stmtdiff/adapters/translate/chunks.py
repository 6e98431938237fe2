"""Cutting an over-long text into pieces an engine accepts, at the most natural break available.

Engines cap the size of one request (Google: under 5,000 characters). A "sentence" from a badly
punctuated source can exceed that, so it is cut after a sentence end if possible, else after a
clause mark, else at a space, and only as a last resort in the middle of a word.
"""

from __future__ import annotations

import re

# Each tier ends at the position just after the match, so the mark stays with the left piece.
_TIERS = (
    re.compile(r"[.!?。！？…]+[»”’\"'」』)）]*\s*"),
    re.compile(r"[;；:：,，、]+\s*"),
    re.compile(r"\s+"),
)

_NO_SPACE_TARGETS = frozenset({"zh", "zh-tw", "ja"})


def split_for_limit(text: str, limit: int) -> list[str]:
    """Pieces of ``text`` of at most ``limit`` characters each, stripped, none empty."""
    if limit < 1:
        raise ValueError("limit must be positive")
    pieces: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        window = rest[: limit + 1]  # a break right after the limit still leaves a fitting piece
        cut = 0
        for tier in _TIERS:
            ends = [m.end() for m in tier.finditer(window) if 0 < m.start() < limit]
            if ends:
                cut = min(ends[-1], limit)
                break
        if cut == 0:
            cut = limit
        piece = rest[:cut].strip()
        if piece:
            pieces.append(piece)
        rest = rest[cut:].strip()
    if rest:
        pieces.append(rest)
    return pieces


def join_pieces(pieces: list[str], target: str) -> str:
    """Put translated pieces back together the way the target language writes sentences."""
    separator = "" if target in _NO_SPACE_TARGETS else " "
    return separator.join(piece.strip() for piece in pieces)
