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
from stmtdiff.lazyexports import lazy_pattern

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
# Only text that is not ASCII uses these, so they are compiled on first use (the CJK class
# alone takes ~1.3 ms, of a two-sentence English compare that needs none of them).
_QUOTE_CHARS = lazy_pattern("[" + "".join(map(chr, _QUOTES)) + "]")
_QUOTE_OF = {chr(code): str(unified) for code, unified in _QUOTES.items()}
_PUNCT_OR_SPACE = lazy_pattern(r"[\W_]+")
_TOKEN = lazy_pattern(f"[{CJK}]|[^\\W_]+")
#: ASCII bytes that are neither letters nor digits (``[\W_]`` in ASCII), for ``bytes.translate``.
_ASCII_NOT_ALNUM = bytes(c for c in range(128) if not chr(c).isalnum())
_ASCII_NOT_ALNUM_TO_SPACE = bytes.maketrans(_ASCII_NOT_ALNUM, b" " * len(_ASCII_NOT_ALNUM))

# Every sentence is normalised several times (anchors, tokens, numbering, each row's cells), so
# these functions take shortcuts that give the same result: an ASCII text is already NFKC and
# has no quote to unify, its letters and digits are found with ``bytes.translate``, quotes are
# replaced where a search finds them (``str.translate`` with a table looks up every character),
# and ``str.split`` cuts at exactly the characters ``\s`` matches. Per sentence, on
# benchmarks/terminal_speed.py's English, canonical took 8.7 µs, loose and tokens 15 µs each;
# now 1.5, 2.1 and 2.6 µs (tests/test_normalize.py holds them to the regular expressions).


def canonical(text: str) -> str:
    """NFKC, unified quotes and dashes, single spaces: differences no reader would call a change."""
    if not text.isascii():
        text = _QUOTE_CHARS.sub(_unified_quote, unicodedata.normalize("NFKC", text))
    return " ".join(text.split())


def _unified_quote(match: re.Match[str]) -> str:
    return _QUOTE_OF[match.group()]


def loose(text: str) -> str:
    """Letters and digits only, case-folded: what remains when punctuation and case are ignored."""
    text = canonical(text).casefold()
    if text.isascii():
        return text.encode("ascii").translate(None, _ASCII_NOT_ALNUM).decode("ascii")
    return _PUNCT_OR_SPACE.sub("", text)


def tokens(text: str) -> tuple[str, ...]:
    """Case-folded words without punctuation; each CJK character counts as a word."""
    text = canonical(text).casefold()
    if text.isascii():
        return tuple(text.encode("ascii").translate(_ASCII_NOT_ALNUM_TO_SPACE).decode().split())
    return tuple(_TOKEN.findall(text))


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
