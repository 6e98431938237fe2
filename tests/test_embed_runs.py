"""Runs of sentences embedded from their sentences' parts (``stmtdiff.adapters.models.usepool``):
as close to
the joined text's vector as the model allows, cheap, and cached like any vector."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest
from align_support import CHINESE, ENGLISH, RUSSIAN

from stmtdiff.adapters.models.embed import (
    COMPOSED_MODEL,
    PARTS_MODEL,
    USE_MODEL,
    CachingEncoder,
    EmbeddingCache,
    UseEncoder,
    encoder_available,
)
from stmtdiff.adapters.models.usepool import Composer
from stmtdiff.core.align.semantic import RunEncoder

pytestmark = pytest.mark.skipif(not encoder_available(), reason="encoder package not installed")


@pytest.fixture(scope="module")
def use() -> UseEncoder:
    return UseEncoder()


def caching(use: UseEncoder, folder: Path) -> CachingEncoder:
    return CachingEncoder(use, USE_MODEL, EmbeddingCache(folder / "embeddings.sqlite3"))


def test_the_caching_encoder_composes_runs(use: UseEncoder, tmp_path: Path) -> None:
    assert isinstance(caching(use, tmp_path), RunEncoder)
    assert use.composer() is not None


@pytest.mark.parametrize("texts", [RUSSIAN, CHINESE, ENGLISH], ids=["ru", "zh", "en"])
def test_a_composed_single_sentence_is_the_sentence_vector(
    use: UseEncoder, tmp_path: Path, texts: list[str]
) -> None:
    composed = caching(use, tmp_path).encode_runs(texts, 1)
    assert np.all((composed * use.encode(texts)).sum(axis=1) > 0.9999)


@pytest.mark.parametrize(
    ("texts", "separator"), [(RUSSIAN, " "), (CHINESE, ""), (ENGLISH, " ")], ids=["ru", "zh", "en"]
)
def test_a_composed_run_is_closer_to_the_joined_text_than_summed_vectors(
    use: UseEncoder, tmp_path: Path, texts: list[str], separator: str
) -> None:
    composed = caching(use, tmp_path).encode_runs(texts, 3)
    joined = use.encode([separator.join(texts[i : i + 3]) for i in range(len(texts) - 2)])
    single = use.encode(texts)
    summed = single[:-2] + single[1:-1] + single[2:]
    summed /= np.linalg.norm(summed, axis=1, keepdims=True)
    assert composed.shape == (len(texts) - 2, 512)
    assert np.all((composed * joined).sum(axis=1) > 0.9)
    assert (composed * joined).sum() > (summed * joined).sum()


class Counting(UseEncoder):
    """The real encoder, counting how often the composer (and so the model) is asked for."""

    def __init__(self) -> None:
        super().__init__()
        self.asked = 0

    def composer(self) -> Composer | None:
        self.asked += 1
        return super().composer()


def test_a_second_run_finds_its_runs_in_the_cache_and_never_loads_the_model(
    tmp_path: Path,
) -> None:
    first = caching(Counting(), tmp_path).encode_runs(RUSSIAN, 4)
    model = Counting()
    again = caching(model, tmp_path)
    assert np.array_equal(again.encode_runs(RUSSIAN, 4), first)
    assert (again.stats.embedded, again.stats.cached) == (0, len(RUSSIAN) - 3)
    assert model.asked == 0


def test_new_runs_of_known_sentences_are_composed_without_embedding_them_again(
    use: UseEncoder, tmp_path: Path
) -> None:
    encoder = caching(use, tmp_path)
    encoder.encode_runs(CHINESE, 1)
    embedded = encoder.stats.embedded
    encoder.encode_runs(CHINESE, 3)
    assert encoder.stats.embedded == embedded == len(CHINESE)


def test_the_cache_file_holds_vectors_only(use: UseEncoder, tmp_path: Path) -> None:
    caching(use, tmp_path).encode_runs(RUSSIAN, 3)
    store = EmbeddingCache(tmp_path / "embeddings.sqlite3")
    assert store.count(PARTS_MODEL) == 0
    assert store.count(COMPOSED_MODEL) == len(RUSSIAN) - 2


class Plain:
    """An encoder with no parts to compose from: unit vectors along one axis per text."""

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), 512), dtype=np.float32)
        vectors[np.arange(len(texts)), [len(t) % 512 for t in texts]] = 1.0
        return vectors


def test_without_parts_a_run_is_the_normalised_sum_of_its_vectors(tmp_path: Path) -> None:
    encoder = CachingEncoder(Plain(), "plain", EmbeddingCache(tmp_path / "embeddings.sqlite3"))
    (run,) = encoder.encode_runs(["ab", "abc"], 2)
    assert run[2] == pytest.approx(2**-0.5, abs=1e-3) and run[3] == pytest.approx(2**-0.5, abs=1e-3)


def test_texts_found_in_the_cache_never_load_the_model(use: UseEncoder, tmp_path: Path) -> None:
    caching(use, tmp_path).encode(RUSSIAN)
    model = Counting()
    again = caching(model, tmp_path)
    again.encode(RUSSIAN)
    assert (again.stats.embedded, model.asked) == (0, 0)


def test_a_sentence_read_for_its_runs_is_not_read_again_as_a_text(
    use: UseEncoder, tmp_path: Path
) -> None:
    encoder = caching(use, tmp_path)
    composed = encoder.encode_runs(ENGLISH, 1)
    vectors = encoder.encode(ENGLISH)
    assert encoder.stats.embedded == len(ENGLISH)
    assert np.all((composed * vectors).sum(axis=1) > 0.9999)
