"""Where stmtdiff keeps its caches, and what becomes of a cache file found corrupt.

Translations, embeddings, prepared lexicons and fetched pages all live under one per-user folder;
a cache file that cannot be read is renamed aside, never deleted, so nothing a user paid for
(API quota, hours of embedding) is lost to a bug or a full disk.
"""

from __future__ import annotations

import time
from pathlib import Path

TYPE_CHECKING = False  # not ``typing``'s: its import is not worth it at start-up
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

#: Files SQLite keeps beside a database; they move with it.
SQLITE_SIDE_FILES = ("-journal", "-wal", "-shm")


def user_cache_dir() -> Path:
    """The per-user cache folder (``~/.cache/stmtdiff`` on Linux, honouring XDG_CACHE_HOME)."""
    import platformdirs  # ~15 ms: only when a cache is opened, not for ``--help``

    return platformdirs.user_cache_path("stmtdiff", appauthor=False)


def prepared(folder: Path, stem: str, version: int, build: Callable[[], Any]) -> Any:
    """Data that takes long to build from a shipped file (a dictionary, the subject table),
    built once and kept in ``folder`` as marshal data, in a file named by ``stem`` (which should
    say what the data was built from), the Python version (marshal's format is Python's) and
    ``version`` (bump it when the data's form changes). A file that cannot be read is built
    again and rewritten; one that cannot be written only costs the building."""
    import marshal
    import sys

    path = folder / f"{stem}-py{sys.version_info[0]}{sys.version_info[1]}-v{version}.marshal"
    try:
        return marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        pass
    data = build()
    try:
        from stmtdiff.adapters.files.fsutil import write_bytes_atomic

        folder.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, marshal.dumps(data))
    except OSError:
        pass
    return data


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
