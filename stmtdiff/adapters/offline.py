"""The offline aids for cross-language alignment, wired for front ends.

``offline_evidence()`` hands the core an ``Evidence`` whose parts are built on first use only:
the sentence encoder (model weights load in about a second) when some pair of versions in
different languages has no translation, the lexicons when the lexical scorer or the semantic
scorer's word evidence needs them. Comparing two versions in one language loads neither, nor
even the modules that hold them (numpy, sqlite3, the dictionary: ``benchmarks/startup.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from stmtdiff.core.align.pairalign import Evidence

TYPE_CHECKING = False  # not ``typing``'s: a same-language compare imports this module
if TYPE_CHECKING:
    from stmtdiff.core.align.lexicon import KeyMaker, Lexicon
    from stmtdiff.core.align.semantic import Encoder


def offline_evidence(glossaries: Sequence[tuple[str, str, str]] = ()) -> Evidence:
    """Evidence from the shipped encoder and lexicons, plus glossaries given as
    (path, source language, target language)."""
    loaded = []
    if glossaries:
        from stmtdiff.adapters.models.dictionary import load_glossary

        loaded = [load_glossary(path, src, tgt) for path, src, tgt in glossaries]
    return Evidence(encoder=_encoder, lexicon=_lexicon, keys=_keys, glossary=loaded)


def _encoder() -> Encoder | None:
    from stmtdiff.adapters.models.embed import shared_encoder

    return shared_encoder()


def _lexicon(src_lang: str, tgt_lang: str) -> Lexicon | None:
    from stmtdiff.adapters.models.dictionary import lexicon_for

    return lexicon_for(src_lang, tgt_lang)


def _keys(lang: str) -> KeyMaker:
    from stmtdiff.adapters.models.dictionary import key_maker

    return key_maker(lang)
