"""The offline aids for cross-language alignment, wired for front ends.

``offline_evidence()`` hands the core an ``Evidence`` whose parts are built on first use only:
the sentence encoder (model weights load in about a second) when some pair of versions in
different languages has no translation, the lexicons when the lexical scorer or the semantic
scorer's word evidence needs them. Comparing two versions in one language loads neither.
"""

from __future__ import annotations

from collections.abc import Sequence

from stmtdiff.adapters.models.dictionary import key_maker, lexicon_for, load_glossary
from stmtdiff.adapters.models.embed import shared_encoder
from stmtdiff.core.align.pairalign import Evidence


def offline_evidence(glossaries: Sequence[tuple[str, str, str]] = ()) -> Evidence:
    """Evidence from the shipped encoder and lexicons, plus glossaries given as
    (path, source language, target language)."""
    return Evidence(
        encoder=shared_encoder,
        lexicon=lexicon_for,
        keys=key_maker,
        glossary=[load_glossary(path, src, tgt) for path, src, tgt in glossaries],
    )
