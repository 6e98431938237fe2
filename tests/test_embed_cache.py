"""The embedding cache: nothing is embedded twice, and a corrupt file is set aside, not lost."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from stmtdiff.adapters.models.embed import (
    CACHE_ENV,
    CachingEncoder,
    EmbeddingCache,
    default_cache_path,
    digest,
)


class CountingEncoder:
    """A stand-in encoder: a fixed pseudo-random unit vector per text, and a log of calls."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            rng = np.random.default_rng(abs(hash(text)) % 2**32)
            vector = rng.standard_normal(512).astype(np.float32)
            rows.append(vector / np.linalg.norm(vector))
        return np.stack(rows)


SENTENCES = ["Стороны отмечают высокий уровень отношений.", "双方同意加强合作。", "Trade grew."]


def caching(
    path: Path, inner: CountingEncoder, warnings: list[str] | None = None
) -> CachingEncoder:
    store = EmbeddingCache(path, warn=(warnings if warnings is not None else []).append)
    return CachingEncoder(inner, "test-model", store)


def test_a_second_run_embeds_nothing_already_embedded(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite3"
    first = CountingEncoder()
    caching(path, first).encode(SENTENCES)
    second = CountingEncoder()
    encoder = caching(path, second)
    encoder.encode(SENTENCES)
    assert second.calls == []
    assert encoder.stats.embedded == 0
    assert encoder.stats.cached == len(SENTENCES)


def test_only_new_texts_reach_the_encoder(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite3"
    caching(path, CountingEncoder()).encode(SENTENCES[:2])
    inner = CountingEncoder()
    caching(path, inner).encode([*SENTENCES, SENTENCES[2]])
    assert inner.calls == [[SENTENCES[2]]]


def test_cached_vectors_equal_the_ones_the_first_run_used(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite3"
    fresh = caching(path, CountingEncoder()).encode(SENTENCES)
    again = caching(path, CountingEncoder()).encode(SENTENCES)
    assert np.array_equal(fresh, again)


def test_vectors_of_another_model_are_not_reused(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite3"
    caching(path, CountingEncoder()).encode(SENTENCES)
    inner = CountingEncoder()
    CachingEncoder(inner, "other-model", EmbeddingCache(path, warn=lambda _: None)).encode(
        SENTENCES
    )
    assert inner.calls == [SENTENCES]


def test_a_corrupt_cache_file_is_reported_and_set_aside_not_deleted(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite3"
    garbage = b"this is not an SQLite database \x00\x01\x02" * 100
    path.write_bytes(garbage)
    warnings: list[str] = []
    inner = CountingEncoder()
    encoder = caching(path, inner, warnings)
    encoder.encode(SENTENCES)
    aside = list(tmp_path.glob("embeddings.sqlite3.corrupt-*"))
    assert len(aside) == 1
    assert aside[0].read_bytes() == garbage
    assert len(warnings) == 1 and "corrupt" in warnings[0] and aside[0].name in warnings[0]
    assert inner.calls == [SENTENCES]
    assert caching(path, CountingEncoder()).stats.embedded == 0  # the new cache works


def test_an_unwritable_cache_folder_only_costs_time(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    warnings: list[str] = []
    inner = CountingEncoder()
    vectors = caching(blocker / "embeddings.sqlite3", inner, warnings).encode(SENTENCES)
    assert vectors.shape == (3, 512)
    assert len(warnings) == 1 and "not caching" in warnings[0]


def test_duplicate_texts_in_one_batch_are_embedded_once(tmp_path: Path) -> None:
    inner = CountingEncoder()
    vectors = caching(tmp_path / "e.sqlite3", inner).encode([SENTENCES[0], SENTENCES[0]])
    assert inner.calls == [[SENTENCES[0]]]
    assert np.array_equal(vectors[0], vectors[1])


def test_a_cache_opened_on_one_thread_serves_a_worker_thread(tmp_path: Path) -> None:
    # The TUI realigns on a worker thread with the encoder the first alignment opened.
    path = tmp_path / "embeddings.sqlite3"
    caching(path, CountingEncoder()).encode(SENTENCES)
    later = CountingEncoder()
    warnings: list[str] = []
    encoder = caching(path, later, warnings)
    worker = threading.Thread(target=encoder.encode, args=(SENTENCES,))
    worker.start()
    worker.join()
    assert later.calls == [] and warnings == []
    assert encoder.stats.cached == len(SENTENCES)


def test_memory_keeps_the_most_recently_used_vectors(monkeypatch: pytest.MonkeyPatch) -> None:
    # A pivot asked for again and again stays in memory while older texts make room.
    monkeypatch.setattr("stmtdiff.adapters.models.embed.RECENT", 3)
    inner = CountingEncoder()
    encoder = CachingEncoder(inner, "test-model", None)
    encoder.encode(["pivot", "b", "c"])
    encoder.encode(["pivot"])
    encoder.encode(["d"])  # makes room by dropping "b", the least recently used
    encoder.encode(["pivot", "c", "d"])
    encoder.encode(["b"])
    assert inner.calls == [["pivot", "b", "c"], ["d"], ["b"]]


_V1_SCHEMA = """
CREATE TABLE embeddings (
    model  TEXT NOT NULL,
    digest BLOB NOT NULL,
    vector BLOB NOT NULL,
    PRIMARY KEY (model, digest)
) WITHOUT ROWID
"""


def test_a_cache_of_the_first_layout_is_migrated_and_its_vectors_reused(tmp_path: Path) -> None:
    path = tmp_path / "embeddings.sqlite3"
    vectors = CountingEncoder().encode(SENTENCES).astype(np.float16)
    with sqlite3.connect(path) as conn:
        conn.execute(_V1_SCHEMA)
        conn.execute("PRAGMA user_version = 1")
        conn.executemany(
            "INSERT INTO embeddings VALUES (?, ?, ?)",
            [
                ("test-model", digest(t), v.tobytes())
                for t, v in zip(SENTENCES, vectors, strict=True)
            ],
        )
    conn.close()
    warnings: list[str] = []
    inner = CountingEncoder()
    found = caching(path, inner, warnings).encode(SENTENCES)
    assert inner.calls == [] and warnings == []
    assert np.array_equal(found, vectors.astype(np.float32))
    assert not list(tmp_path.glob("*.corrupt-*"))


def test_vectors_take_about_their_own_size_on_disk(tmp_path: Path) -> None:
    """1 KB float16 vectors stay on the table's pages instead of spilling to overflow pages
    (the first layout took 4.5 KB of file per vector)."""
    path = tmp_path / "embeddings.sqlite3"
    texts = [f"Sentence number {k} of the statement." for k in range(2_000)]
    encoder = caching(path, CountingEncoder())
    encoder.encode(texts)
    assert encoder.cache is not None
    encoder.cache.close()
    assert path.stat().st_size < 1.25 * 1024 * len(texts)


def test_the_default_cache_leaves_an_older_layouts_file_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An older stmtdiff on the same machine keeps its file: neither sets the other's aside."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path))
    older = tmp_path / "embeddings.sqlite3"
    with sqlite3.connect(older) as conn:
        conn.execute(_V1_SCHEMA)
        conn.execute("PRAGMA user_version = 1")
    conn.close()
    before = older.read_bytes()
    caching(default_cache_path(), CountingEncoder()).encode(SENTENCES)
    assert older.read_bytes() == before
    assert not list(tmp_path.glob("*.corrupt-*"))
