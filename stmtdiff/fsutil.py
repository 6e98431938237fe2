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


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file renamed into place."""
    target = Path(path)
    if target.is_dir():
        raise StmtdiffError(f"{target}: is a directory, not a file to write")
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise StmtdiffError(f"{target}: folder {directory} does not exist")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=directory)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except OSError as error:
        if "tmp" in locals() and os.path.exists(tmp):
            os.unlink(tmp)
        raise StmtdiffError(f"{target}: cannot write ({error.strerror or error})") from None
