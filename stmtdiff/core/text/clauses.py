"""A sentence's first and last clause: where its translation starts and where it ends.

One long sentence of one language is often two or three sentences of the other, and which of
them belong to it is decided at its edges: the translation of its opening clause opens the
first of them, the translation of its closing clause closes the last. The aligner compares
those edges as well as the whole sentences (``stmtdiff.core.align.semantic``).
"""

from __future__ import annotations

import re

from stmtdiff.core.text.scripts import joins_without_space

#: Chinese clauses end at commas, enumeration commas, colons, semicolons, dashes, ellipses and
#: quotation marks (full-width or not).
_CJK_BREAKS = re.compile(r"[，、；：;:,“”‘’「」『』《》—…。！？!?]+")
#: Elsewhere at commas, colons, semicolons, dashes, ellipses, guillemets, and quotation marks
#: that open or close (next to a space), not at apostrophes inside words.
_BREAKS = re.compile(r"[,;:\u2013\u2014\u2026«»]+|\s-\s|[\"“”„‘’']\s|\s[\"“”„‘’']")
_TRIM = " \t\"'“”„‘’«»「」『』"


def edge_clauses(text: str, lang: str) -> tuple[str, str]:
    """The first and the last clause of ``text``; both are the whole text, untouched, when it
    has one clause (so the encoder's vector of the sentence serves).

    Fragments too short to mean anything on their own (one Han character, two letters) are
    not clauses.
    """
    parts = clauses(text, lang)
    if len(parts) < 2:
        return text, text
    return parts[0], parts[-1]


def clauses(text: str, lang: str) -> list[str]:
    """The clauses of ``text`` in order, fragments too short to mean anything left out."""
    unspaced = joins_without_space(lang)
    shortest = 2 if unspaced else 3
    pieces = (_CJK_BREAKS if unspaced else _BREAKS).split(text)
    return [p for p in (piece.strip(_TRIM) for piece in pieces) if len(p) >= shortest]
