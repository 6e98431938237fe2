"""The offline multilingual encoder: translations land close together, and it loads lazily."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from align_support import CHINESE, ENGLISH, RUSSIAN
from threadpoolctl import threadpool_info

from stmtdiff.adapters.models.embed import (
    MODEL_THREADS,
    OTHER_THREADS,
    USE_MODEL,
    CachingEncoder,
    EmbeddingCache,
    UseEncoder,
    encoder_available,
)
from stmtdiff.core.align.pairalign import Evidence
from stmtdiff.core.align.semantic import Encoder
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.text.versions import version_from_sentences

pytestmark = pytest.mark.skipif(not encoder_available(), reason="encoder package not installed")


@pytest.fixture(scope="module")
def use() -> UseEncoder:
    return UseEncoder()


def test_vectors_are_unit_length_float32(use: UseEncoder) -> None:
    vectors = use.encode(RUSSIAN[:2])
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)


def test_a_translation_is_closer_than_any_other_sentence(use: UseEncoder) -> None:
    similarity = use.encode(RUSSIAN) @ use.encode(CHINESE).T
    assert list(similarity.argmax(axis=1)) == list(range(len(RUSSIAN)))


def test_a_second_run_with_the_real_encoder_embeds_nothing(use: UseEncoder, tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite3"
    CachingEncoder(use, USE_MODEL, EmbeddingCache(path)).encode(ENGLISH)
    again = CachingEncoder(use, USE_MODEL, EmbeddingCache(path))
    again.encode(ENGLISH)
    assert (again.stats.embedded, again.stats.cached) == (0, len(ENGLISH))


def blas_threads() -> set[int]:
    return {int(lib["num_threads"]) for lib in threadpool_info() if lib["user_api"] == "blas"}


def test_once_the_encoder_is_loaded_the_aligners_small_products_run_on_one_thread(
    use: UseEncoder,
) -> None:
    assert blas_threads() == {OTHER_THREADS}


def test_the_caching_encoder_reads_texts_with_the_models_threads(
    use: UseEncoder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    composer = use.composer()
    assert composer is not None
    seen: list[set[int]] = []
    parts = composer.parts_and_clauses

    def watched(
        texts: Sequence[str], clauses: Sequence[tuple[int, str]]
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        seen.append(blas_threads())
        return parts(texts, clauses)

    monkeypatch.setattr(composer, "parts_and_clauses", watched)
    CachingEncoder(use, USE_MODEL, EmbeddingCache(tmp_path / "e.sqlite3")).encode(RUSSIAN)
    assert seen == [{min(MODEL_THREADS, os.cpu_count() or 1)}]
    assert blas_threads() == {OTHER_THREADS}


class Refusing:
    """An encoder factory that records whether anyone asked for the encoder."""

    def __init__(self) -> None:
        self.asked = 0

    def __call__(self) -> Encoder | None:
        self.asked += 1
        return None


def test_versions_in_one_language_never_load_the_encoder() -> None:
    factory = Refusing()
    a = version_from_sentences("a", ENGLISH, lang="en")
    b = version_from_sentences("b", ENGLISH[:-1], lang="en")
    compare([a, b], evidence=Evidence(encoder=factory))
    assert factory.asked == 0


def test_versions_in_two_languages_ask_for_the_encoder_once_per_pair() -> None:
    factory = Refusing()
    ru = version_from_sentences("ru", RUSSIAN, lang="ru")
    zh = version_from_sentences("zh", CHINESE, lang="zh")
    result = compare([ru, zh], evidence=Evidence(encoder=factory))
    assert factory.asked == 1
    assert result.alignments[0].method == "lexical"  # the fallback when there is no encoder
