"""Text normalisation and sentence similarity, shared by alignment, diff and classification.

One place decides what "the same apart from punctuation, quotes, case and spacing" means, so the
aligner, the cell classifier and the checks never disagree about it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from rapidfuzz.distance import Indel

from stmtdiff.core.text.scripts import CJK

_QUOTES = str.maketrans(
    {
        "«": '"',
        "»": '"',
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "「": '"',
        "」": '"',
        "『": '"',
        "』": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "＂": '"',
        "＇": "'",
        "—": "-",
        "–": "-",
        "‑": "-",
        "−": "-",
        "…": "...",
    }
)
_SPACE = re.compile(r"\s+")
_PUNCT_OR_SPACE = re.compile(r"[\W_]+", re.UNICODE)
_TOKEN = re.compile(f"[{CJK}]|[^\\W_]+", re.UNICODE)


def canonical(text: str) -> str:
    """NFKC, unified quotes and dashes, single spaces: differences no reader would call a change."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


def loose(text: str) -> str:
    """Letters and digits only, case-folded: what remains when punctuation and case are ignored."""
    return _PUNCT_OR_SPACE.sub("", canonical(text).casefold())


def tokens(text: str) -> tuple[str, ...]:
    """Case-folded words without punctuation; each CJK character counts as a word."""
    return tuple(_TOKEN.findall(canonical(text).casefold()))


def similarity(a: str, b: str) -> float:
    """Similarity of two same-language texts in [0, 1], on words (characters for CJK).

    Word-level, so two unrelated sentences score near 0 rather than the 0.4 a character ratio
    gives them; case, quote style, punctuation and spacing never lower it.
    """
    return token_similarity(tokens(a), tokens(b))


#: Most tokens (both sides) scored by exact Indel distance, which costs N·M/64 steps: two sides of
#: 170,000 tokens (a 1 MB one-line text) took 2.8 s, a 20 MB line would take twenty minutes. The
#: longest paragraph in ../shared/corpus has 485 tokens; 50,000 together scores in about 0.05 s.
MAX_SIMILARITY_TOKENS = 50_000


def token_similarity(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Normalised Indel similarity of two token sequences (1.0 for two empty ones).

    Past :data:`MAX_SIMILARITY_TOKENS` it is the share of tokens the two have in common counted
    as a bag, an upper bound of the exact figure that takes linear time.
    """
    if not a and not b:
        return 1.0
    if len(a) + len(b) <= MAX_SIMILARITY_TOKENS:
        return float(Indel.normalized_similarity(a, b))
    shared = (Counter(a) & Counter(b)).total()
    return 2 * shared / (len(a) + len(b))
