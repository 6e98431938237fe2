"""The persistent translation cache: one SQLite file, one row per (engine, source, target, text).

Each translation is committed on its own as soon as it arrives, so a run killed half-way keeps
the half it finished. A file SQLite cannot read (or that is not a stmtdiff cache) is never
deleted: it is renamed to ``<name>.corrupt-<timestamp>`` for the user to inspect, and a fresh
cache takes its place.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from stmtdiff.adapters.files.cachefiles import SQLITE_SIDE_FILES, set_aside
from stmtdiff.core.errors import StmtdiffError

_SCHEMA_VERSION = 1
_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    engine      TEXT NOT NULL,
    source      TEXT NOT NULL,
    target      TEXT NOT NULL,
    text        TEXT NOT NULL,
    translation TEXT NOT NULL,
    created     REAL NOT NULL,
    PRIMARY KEY (engine, source, target, text)
)
"""
_LOOKUP_BATCH = 500  # stays under SQLite's limit on bound parameters


class CacheError(StmtdiffError):
    """The cache file cannot be used at all (unwritable directory, disk full, locked)."""


@dataclass(frozen=True)
class CacheStats:
    """What ``stmtdiff cache info`` shows."""

    path: Path
    size_bytes: int
    entries: int
    by_pair: list[tuple[str, str, str, int]]  # engine, source, target, count


class _Unusable(Exception):
    pass


class TranslationCache:
    """An open cache file. Not thread-safe: the service writes from its main thread only."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        """Open (or create) the cache at ``path``; a corrupt file is set aside first.

        ``set_aside`` names the renamed file when that happened, for the caller to report.
        With ``create=False`` a missing file is not created and the cache reads as empty.
        """
        self.path = path
        self.set_aside: Path | None = None
        self._conn: sqlite3.Connection | None = None
        if not create and not path.exists():
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CacheError(
                f"cannot create the cache directory {path.parent}: {error.strerror}"
            ) from error
        try:
            self._conn = self._open()
        except _Unusable:
            self.set_aside = set_aside(path)
            try:
                self._conn = self._open()
            except _Unusable as error:
                raise CacheError(f"cannot create a translation cache at {path}") from error

    def _open(self) -> sqlite3.Connection:
        try:
            conn = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
        except sqlite3.Error as error:
            raise CacheError(f"cannot open the translation cache {self.path}: {error}") from error
        try:
            if conn.execute("PRAGMA quick_check").fetchone() != ("ok",):
                raise _Unusable
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
            if version == 0 and not tables:
                with conn:
                    conn.execute("BEGIN")
                    conn.execute(_SCHEMA)
                    conn.execute(f"PRAGMA user_version = {_SCHEMA_VERSION}")
            elif version != _SCHEMA_VERSION or "translations" not in tables:
                raise _Unusable
        except sqlite3.OperationalError as error:
            conn.close()
            if "locked" in str(error):
                raise CacheError(f"the translation cache {self.path} is locked") from error
            raise _Unusable from error
        except (sqlite3.DatabaseError, _Unusable) as error:
            conn.close()
            raise _Unusable from error
        return conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> TranslationCache:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get_many(
        self, engine: str, source: str, target: str, texts: Iterable[str]
    ) -> dict[str, str]:
        """Cached translations of those ``texts`` that have one."""
        if self._conn is None:
            return {}
        found: dict[str, str] = {}
        pending = list(dict.fromkeys(texts))
        for start in range(0, len(pending), _LOOKUP_BATCH):
            batch = pending[start : start + _LOOKUP_BATCH]
            marks = ",".join("?" * len(batch))
            rows = self._conn.execute(
                "SELECT text, translation FROM translations"
                f" WHERE engine = ? AND source = ? AND target = ? AND text IN ({marks})",
                (engine, source, target, *batch),
            )
            found.update(rows)
        return found

    def put(self, engine: str, source: str, target: str, text: str, translation: str) -> None:
        """Store one translation and commit it at once."""
        if self._conn is None:
            raise CacheError(f"the translation cache {self.path} is not open for writing")
        try:
            with self._conn:
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.execute(
                    "INSERT OR REPLACE INTO translations VALUES (?, ?, ?, ?, ?, ?)",
                    (engine, source, target, text, translation, time.time()),
                )
        except sqlite3.Error as error:
            raise CacheError(
                f"cannot write to the translation cache {self.path}: {error}"
            ) from error

    def stats(self) -> CacheStats:
        size = sum(
            p.stat().st_size
            for p in (
                self.path,
                *(self.path.with_name(self.path.name + s) for s in SQLITE_SIDE_FILES),
            )
            if p.exists()
        )
        if self._conn is None:
            return CacheStats(self.path, size, 0, [])
        pairs = [
            (str(e), str(s), str(t), int(n))
            for e, s, t, n in self._conn.execute(
                "SELECT engine, source, target, COUNT(*) FROM translations"
                " GROUP BY engine, source, target ORDER BY engine, source, target"
            )
        ]
        return CacheStats(self.path, size, sum(p[3] for p in pairs), pairs)

    def clear(self, engines: Sequence[str] = ()) -> int:
        """Delete every entry (or only those of ``engines``); return how many went."""
        if self._conn is None:
            return 0
        with self._conn:
            self._conn.execute("BEGIN IMMEDIATE")
            if engines:
                marks = ",".join("?" * len(engines))
                cursor = self._conn.execute(
                    f"DELETE FROM translations WHERE engine IN ({marks})", tuple(engines)
                )
            else:
                cursor = self._conn.execute("DELETE FROM translations")
            removed = cursor.rowcount
        self._conn.execute("VACUUM")
        return removed
