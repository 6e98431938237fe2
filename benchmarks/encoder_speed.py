"""Sentences embedded per second for the semantic aligner, starting from an empty cache.

Takes the MAC-Dev chapters (zh→en, 3,414 sentences) from ../shared/aligngold and, with a fresh
embedding cache in a temporary folder each time, computes the vectors the aligner needs (every
sentence and every run of up to five) in three ways:

  joined-4   every run of up to four embedded as joined text (Bertalign's way; runs of five
             composed)
  default    runs of two embedded as text, longer runs composed from the sentences' pooled
             token features (``stmtdiff.usepool``)
  composed   every run composed: only single sentences go through the encoder

then aligns the chapters the default way through ``pairalign.align_pair`` with a fresh cache
and prints the whole time (edge clauses included) and strict F1.

    python benchmarks/encoder_speed.py
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from aligndata import LOADERS
from alignmetric import Counts

from stmtdiff.dictionary import key_maker, lexicon_for
from stmtdiff.embed import CACHE_ENV, USE_MODEL, CachingEncoder, EmbeddingCache, UseEncoder
from stmtdiff.pairalign import Evidence, align_pair
from stmtdiff.semantic import SemanticParams, run_vectors
from stmtdiff.versions import version_from_sentences

WAYS = {"joined-4": 4, "default": SemanticParams().concatenate, "composed": 1}


def fresh_encoder(use: UseEncoder, folder: str) -> CachingEncoder:
    return CachingEncoder(use, USE_MODEL, EmbeddingCache(Path(folder) / "embeddings.sqlite3"))


def main() -> int:
    docs = list(LOADERS["mac"]("dev"))
    if not docs:
        print("no MAC-Dev data in ../shared/aligngold; nothing to do")
        return 0
    use = UseEncoder()
    use.encode(["warm-up"])
    use.composer()
    sentences = sum(len(d.src) + len(d.tgt) for d in docs)
    print(f"MAC-Dev: {len(docs)} chapters, {sentences} sentences, an empty cache each time")
    print(f"{'runs':<10}{'texts':>8}{'seconds':>9}{'sentences/s':>13}")
    for name, concatenate in WAYS.items():
        with tempfile.TemporaryDirectory() as folder:
            encoder = fresh_encoder(use, folder)
            started = time.perf_counter()
            for doc in docs:
                run_vectors(doc.src, doc.src_lang, encoder, concatenate=concatenate)
                run_vectors(doc.tgt, doc.tgt_lang, encoder, concatenate=concatenate)
            seconds = time.perf_counter() - started
            texts = encoder.stats.embedded
            print(f"{name:<10}{texts:>8}{seconds:>9.1f}{sentences / seconds:>13.0f}", flush=True)
    with tempfile.TemporaryDirectory() as folder:
        os.environ[CACHE_ENV] = folder
        encoder = fresh_encoder(use, folder)
        evidence = Evidence(encoder=lambda: encoder, lexicon=lexicon_for, keys=key_maker)
        counts = Counts()
        started = time.perf_counter()
        for doc in docs:
            src = version_from_sentences("src", doc.src, lang=doc.src_lang)
            tgt = version_from_sentences("tgt", doc.tgt, lang=doc.tgt_lang)
            pair = align_pair(src, tgt, method="semantic", evidence=evidence)
            counts.add([(b.src, b.tgt) for b in pair.beads], doc.gold)
        seconds = time.perf_counter() - started
    print(
        f"whole semantic alignment, default way, empty cache: {seconds:.1f} s, "
        f"{sentences / seconds:.0f} sentences/s, strict F1 {counts.scores()[2]:.3f}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
