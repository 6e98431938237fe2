"""Where stmtdiff keeps its caches, and what becomes of a cache file found corrupt.

Translations, embeddings, prepared lexicons and fetched pages all live under one per-user folder;
a cache file that cannot be read is renamed aside, never deleted, so nothing a user paid for
(API quota, hours of embedding) is lost to a bug or a full disk.
"""

from __future__ import annotations

import time
from pathlib import Path

#: Files SQLite keeps beside a database; they move with it.
SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")


def user_cache_dir() -> Path:
    """The per-user cache folder (``~/.cache/stmtdiff`` on Linux, honouring XDG_CACHE_HOME)."""
    import platformdirs  # ~15 ms: only when a cache is opened, not for ``--help``

    return platformdirs.user_cache_path("stmtdiff", appauthor=False)


def set_aside(path: Path) -> Path:
    """Rename a bad cache file (and SQLite's side files) out of the way; return the new name."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    aside = path.with_name(f"{path.name}.corrupt-{stamp}")
    counter = 1
    while aside.exists():
        counter += 1
        aside = path.with_name(f"{path.name}.corrupt-{stamp}-{counter}")
    path.rename(aside)
    for suffix in SQLITE_SIDE_FILES:
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(aside.with_name(aside.name + suffix))
    return aside
