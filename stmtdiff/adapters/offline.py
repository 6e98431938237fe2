"""The offline aids for cross-language alignment, wired for front ends.

``offline_evidence()`` hands the core an ``Evidence`` whose parts are built on first use only:
the sentence encoder (model weights load in about a second) when some pair of versions in
different languages has no translation, the lexicons when the lexical scorer or the semantic
scorer's word evidence needs them. Comparing two versions in one language loads neither, nor
imports their modules (the dictionary and encoder modules took 0.08 s of a compare's start-up).
"""

from __future__ import annotations

from collections.abc import Sequence

from stmtdiff.core.align.lexicon import KeyMaker, Lexicon
from stmtdiff.core.align.pairalign import Evidence
from stmtdiff.core.align.semantic import Encoder


def offline_evidence(glossaries: Sequence[tuple[str, str, str]] = ()) -> Evidence:
    """Evidence from the shipped encoder and lexicons, plus glossaries given as
    (path, source language, target language)."""
    glossary = []
    if glossaries:
        from stmtdiff.adapters.models.dictionary import load_glossary

        glossary = [load_glossary(path, src, tgt) for path, src, tgt in glossaries]
    return Evidence(encoder=_encoder, lexicon=_lexicon, keys=_keys, glossary=glossary)


def _encoder() -> Encoder | None:
    from stmtdiff.adapters.models.embed import shared_encoder

    return shared_encoder()


def _lexicon(src_lang: str, tgt_lang: str) -> Lexicon | None:
    from stmtdiff.adapters.models.dictionary import lexicon_for

    return lexicon_for(src_lang, tgt_lang)


def _keys(lang: str) -> KeyMaker:
    from stmtdiff.adapters.models.dictionary import key_maker

    return key_maker(lang)
