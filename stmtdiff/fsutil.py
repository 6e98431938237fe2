"""Writing files so that a crash or a full disk never leaves a half-written one behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from stmtdiff.errors import StmtdiffError


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file renamed into place.

    Raises ``OSError``: caches decide for themselves whether a failed write matters; output the
    user asked for goes through ``write_atomic``, which turns it into a message.
    """
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(path))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically; problems become one-line errors."""
    target = Path(path)
    if target.is_dir():
        raise StmtdiffError(f"{target}: is a directory, not a file to write")
    if not target.parent.is_dir():
        raise StmtdiffError(f"{target}: folder {target.parent} does not exist")
    try:
        write_bytes_atomic(target, text.encode("utf-8"))
    except OSError as error:
        raise StmtdiffError(f"{target}: cannot write ({error.strerror or error})") from None
