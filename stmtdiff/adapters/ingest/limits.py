"""How much stmtdiff reads, and for how long: one bounded reader for pages, files and translators.

A timeout on each read does not bound a request: a server sending 2 bytes every 2 s never trips a
20 s read timeout. A size check after reading does not bound memory: a 1 MB gzip bomb decodes to
gigabytes first. So every body is read in chunks through :func:`read_bounded`, which counts the
decoded bytes (and the raw ones, when the caller can tell) and checks one deadline for the whole
request as it goes, stopping at the first limit crossed.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import BinaryIO

from stmtdiff.core.errors import StmtdiffError

#: Largest input stmtdiff reads, from a file, standard input or the network (decoded). The
#: longest real statement in ../shared is under 1 MB and a long treaty PDF a few MB, so 50 MB
#: leaves room while keeping a run's memory bounded.
MAX_INPUT_BYTES = 50_000_000
#: Seconds a page fetch may take in all (``stmtdiff fetch --timeout`` overrides it).
DEFAULT_TIMEOUT = 20.0
#: Longest line (paragraph) stmtdiff compares. Past the word diff and similarity fixes the
#: pipeline runs at about 0.1 MB/s: a 270 kB one-line text compares in 3.5 s (JSON) and 5.6 s
#: (terminal), a 2 MB one in 9 s and 28 s (benchmarks/huge_line.py). The longest paragraph in
#: ../shared/corpus is about 3,000 characters, so a longer line is a file without line breaks.
MAX_LINE_CHARS = 250_000
#: Most pages read from a PDF: pdfminer's layout analysis takes about 30 ms a page, so a
#: 5,000-page file took 160 s; the longest statement PDFs run to tens of pages.
MAX_PDF_PAGES = 500
#: Chunk size for reading files and standard input: small enough to stop soon after the limit.
CHUNK_BYTES = 1 << 16


class ReadLimitError(Exception):
    """A body crossed a limit; ``str()`` says which, in words for the user."""


class TooLarge(ReadLimitError):
    """More bytes than the limit."""


class TooSlow(ReadLimitError):
    """Still arriving at the deadline."""


def megabytes(limit: int) -> str:
    """A byte limit as the user reads it: "50 MB", or "1000 bytes" for small (test) limits."""
    return f"{limit // 1_000_000} MB" if limit >= 1_000_000 else f"{limit} bytes"


def check_line_lengths(text: str, source: str) -> None:
    """Refuse a text with a line over :data:`MAX_LINE_CHARS`, saying which line."""
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > MAX_LINE_CHARS:
            raise StmtdiffError(
                f"{source}: line {number} is {len(line):,} characters long, more than the "
                f"{MAX_LINE_CHARS:,} stmtdiff compares; break the text into paragraphs"
            )


def read_bounded(
    chunks: Iterable[bytes],
    *,
    limit: int,
    deadline: float | None = None,
    raw_count: Callable[[], int] | None = None,
) -> bytes:
    """All of ``chunks`` joined, or an error once more than ``limit`` bytes arrive
    (decoded, or raw per ``raw_count``: :class:`TooLarge`) or ``time.monotonic()`` passes
    ``deadline`` (:class:`TooSlow`).

    The deadline is checked after each chunk, so a request overruns it by at most the wait for
    one chunk, which the caller's per-read timeout bounds.
    """
    parts: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > limit or (raw_count is not None and raw_count() > limit):
            raise TooLarge(f"larger than {megabytes(limit)}; stopped reading")
        if deadline is not None and time.monotonic() > deadline:
            raise TooSlow("not complete within the time allowed")
        parts.append(chunk)
    return b"".join(parts)


def read_stream(stream: BinaryIO, *, limit: int = MAX_INPUT_BYTES) -> bytes:
    """A file or pipe read in chunks, stopping as soon as it holds more than ``limit`` bytes."""
    return read_bounded(iter(lambda: stream.read(CHUNK_BYTES), b""), limit=limit)
