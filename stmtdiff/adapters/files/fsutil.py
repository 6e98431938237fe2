"""Writing files so that a crash or a full disk never leaves a half-written one behind.

Only a regular file is replaced by a renamed temporary copy: a symlink is followed (the link stays
a link), and a device or FIFO (``/dev/null``, ``/dev/stdout``, a pipe) is written through, since
replacing it would destroy it.
"""

from __future__ import annotations

import errno
import os
import signal
import stat
import tempfile
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

from stmtdiff.core.errors import StmtdiffError


def _mode_for(target: Path) -> int:
    """Keep an existing file's permissions; give a new one the usual 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _stop(signum: int, _frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


@contextmanager
def _terminate_cleanly() -> Iterator[None]:
    """Turn SIGTERM into an exception while a temporary file exists, so it gets removed.

    Python's default for SIGTERM is to die at once, leaving the hidden ``.NAME.XXXX.tmp`` behind.
    Handlers can be set only from the main thread; elsewhere the default stays.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _stop)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path``: whole or not at all for a regular file, straight through else.

    Raises ``OSError``: caches decide for themselves whether a failed write matters; output the
    user asked for goes through ``write_atomic``, which turns it into a message.
    """
    target = Path(os.path.realpath(path))
    try:
        mode: int | None = os.stat(target).st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if mode is not None and not stat.S_ISREG(mode):
        with open(target, "wb") as handle:
            handle.write(data)
        return
    with _terminate_cleanly():
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, _mode_for(target))
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise


def write_atomic(path: str | Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` atomically; problems become one-line errors."""
    target = Path(path)
    try:
        if target.is_dir():
            raise StmtdiffError(f"{target}: is a directory, not a file to write")
        if not target.parent.is_dir():
            raise StmtdiffError(f"{target}: folder {target.parent} does not exist")
        write_bytes_atomic(target, text.encode("utf-8"))
    except OSError as error:
        raise StmtdiffError(f"{target}: cannot write ({error.strerror or error})") from None


def same_file(a: str | Path, b: str | Path) -> bool:
    """Whether two paths name one file, through symlinks, ``..`` and hard links.

    A path that does not exist (yet) is compared by where it would be.
    """
    try:
        return os.path.samefile(a, b)
    except (OSError, ValueError):
        return os.path.realpath(a) == os.path.realpath(b)


def refuse_to_replace(output: str, reads: Iterable[str | None], option: str = "-o") -> None:
    """Stop before an output file replaces a file this run reads (an input, a lock, a glossary).

    ``reads`` may hold ``None``, ``-`` (standard input) and URLs; they cannot clash.
    """
    for path in reads:
        if not path or path == "-" or "://" in path:
            continue
        if same_file(output, path):
            raise StmtdiffError(
                f"{option} {output}: is {path}, which this run reads; "
                "refusing to replace it (write the output to another file)"
            )
