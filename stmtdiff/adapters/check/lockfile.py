"""The approval lock file on disk: read it, and update it under an OS lock.

The format and its rules are pure and live in ``stmtdiff.core.check.lock``; this module only
reads, locks and writes the file.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

import filelock

from stmtdiff.adapters.files.cachefiles import user_cache_dir
from stmtdiff.adapters.files.fsutil import write_atomic
from stmtdiff.core.check.lock import Lock, parse_lock, render_lock
from stmtdiff.core.errors import StmtdiffError

#: Seconds an approval waits for another one writing the same lock file: an approval holds it
#: for the read, merge and write only (milliseconds), so a minute means a stuck process.
LOCK_WAIT = 60.0


def read_lock(path: str, display: str) -> Lock:
    """The lock file at ``path`` (``display``: its name in messages)."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise StmtdiffError(f"{display}: no such lock file") from None
    except OSError as error:
        raise StmtdiffError(
            f"{display}: cannot read lock file ({error.strerror or error})"
        ) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise StmtdiffError(f"{display}: lock file is not UTF-8 text") from None
    return parse_lock(text, display)


def guard_path(path: str) -> str:
    """The file whose OS lock serialises writers of the lock file at ``path``.

    Not the lock file itself, which every write replaces with a new file, and not a file beside
    it, which would litter the repository: one per lock file in the user cache folder, named by
    the lock file's real path. Beside it (``.NAME.lock``) only when that folder cannot be made.
    """
    real = os.path.realpath(path)
    folder = user_cache_dir() / "locks"
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        head, name = os.path.split(real)
        return os.path.join(head, f".{name}.lock")
    return str(folder / f"{hashlib.sha256(real.encode('utf-8')).hexdigest()[:32]}.lock")


def update_lock_file(
    path: str, approvals: Sequence[tuple[str, str, Iterable[tuple[str, str]]]], display: str
) -> Lock:
    """Record ``(translation key, source key, pairs)`` approvals in the lock file at ``path``.

    Concurrent approvals (parallel CI jobs, a make -j) each hold an OS file lock while they
    re-read the file, merge their entries and write it, so none loses another's entries.
    """
    try:
        guard = guard_path(path)
        with filelock.FileLock(guard, timeout=LOCK_WAIT):
            lock = read_lock(path, display) if os.path.exists(path) else Lock()
            for key, source, pairs in approvals:
                lock.record(key, source, pairs)
            write_atomic(path, render_lock(lock))
    except filelock.Timeout:
        raise StmtdiffError(
            f"{display}: another stmtdiff approve has held it for {LOCK_WAIT:g} s; "
            f"if none runs, delete {guard}"
        ) from None
    except OSError as error:
        raise StmtdiffError(
            f"{display}: cannot lock for writing ({error.strerror or error})"
        ) from None
    return lock
