"""Load one source (file, URL or standard input) into a ``Document``, by what its bytes are."""

from __future__ import annotations

import stat
import sys
from pathlib import Path
from typing import BinaryIO

from stmtdiff.adapters.ingest import limits
from stmtdiff.adapters.ingest.document import Document
from stmtdiff.adapters.ingest.extras import require_extra
from stmtdiff.adapters.ingest.limits import (
    DEFAULT_TIMEOUT,
    TooLarge,
    check_line_lengths,
    read_stream,
)
from stmtdiff.adapters.ingest.sniff import Kind, sniff
from stmtdiff.adapters.ingest.sources import is_url
from stmtdiff.adapters.ingest.text import decode_html, decode_text
from stmtdiff.core.errors import StmtdiffError

STDIN = "-"
_EXTENSION_KINDS = {
    ".pdf": Kind.PDF,
    ".docx": Kind.DOCX,
    ".html": Kind.HTML,
    ".htm": Kind.HTML,
    ".txt": Kind.TEXT,
    ".md": Kind.TEXT,
}
_KIND_NAMES = {Kind.PDF: "a PDF", Kind.DOCX: "a Word .docx file", Kind.HTML: "an HTML page"}


def load_document(
    source: str,
    *,
    cache_dir: Path | None = None,
    offline: bool = False,
    refresh: bool = False,
    timeout: float = DEFAULT_TIMEOUT,
    stdin: BinaryIO | None = None,
) -> Document:
    """Read ``source`` by its content, not its name: plain text, Markdown, HTML, PDF or DOCX.

    URLs go through the page cache (``cache_dir``; ``offline`` and ``refresh`` steer it).
    """
    if source == STDIN:
        return parse_bytes(_read_stdin(stdin), "standard input")
    if is_url(source):
        from stmtdiff.adapters.ingest.fetch import fetch_page  # HTTP and the page cache

        page = fetch_page(
            source,
            cache_dir=cache_dir,
            offline=offline,
            refresh=refresh,
            timeout=timeout,
            max_bytes=limits.MAX_INPUT_BYTES,
        )
        return parse_bytes(page.content, source, declared_charset=page.charset)
    data = _read_file(source)
    expected = _EXTENSION_KINDS.get(Path(source).suffix.lower())
    try:
        return parse_bytes(data, source)
    except StmtdiffError as error:
        if expected is None or expected is Kind.TEXT or _sniff_quietly(data) == expected:
            raise
        suffix = Path(source).suffix
        raise StmtdiffError(
            f"{error} (named {suffix} but it is not {_KIND_NAMES[expected]})"
        ) from error


def parse_bytes(data: bytes, source: str, *, declared_charset: str | None = None) -> Document:
    """A ``Document`` from raw bytes; ``source`` names them in errors and in the result.

    A line longer than :data:`~stmtdiff.adapters.ingest.limits.MAX_LINE_CHARS` is refused here,
    whatever
    the format, so that no later step meets a row too long to compare in seconds.
    """
    document = _parse(data, source, declared_charset)
    check_line_lengths(document.text, source)
    return document


def _parse(data: bytes, source: str, declared_charset: str | None) -> Document:
    if not data:
        raise StmtdiffError(f"{source}: the file is empty")
    kind = sniff(data, source)
    # Each format's libraries load only for it, and may not be installed (optional extras).
    require_extra(kind, source)
    if kind is Kind.PDF:
        from stmtdiff.adapters.ingest.pdf import extract_pdf

        return extract_pdf(data, source)
    if kind is Kind.DOCX:
        from stmtdiff.adapters.ingest.docx import extract_docx

        return extract_docx(data, source)
    if kind is Kind.HTML:
        from stmtdiff.adapters.ingest.html import extract_html

        markup, encoding = decode_html(data, source, declared_charset)
        document = extract_html(markup, source)
    else:
        text, encoding = decode_text(data, source, declared_charset)
        document = Document(text=text, source=source)
    document.encoding = encoding
    return document


def _sniff_quietly(data: bytes) -> Kind | None:
    """The kind of ``data``, or ``None`` when it is of a kind stmtdiff cannot read."""
    try:
        return sniff(data, "")
    except StmtdiffError:
        return None


def _read_file(source: str) -> bytes:
    """A regular file's bytes, read in chunks up to the input limit. Devices (``/dev/zero``) would
    never end and a FIFO without a writer blocks on open, so anything else is refused unopened."""
    path = Path(source)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        raise StmtdiffError(f"{source}: no such file") from None
    except OSError as error:
        raise StmtdiffError(f"{source}: cannot read ({error.strerror or error})") from None
    if stat.S_ISDIR(mode):
        raise StmtdiffError(
            f"{source} is a directory (give files, or a folder with a stmtdiff.toml)"
        )
    if not stat.S_ISREG(mode):
        raise StmtdiffError(
            f"{source}: not a regular file (a device, FIFO or socket); "
            "give a file, or '-' to read standard input"
        )
    try:
        with path.open("rb") as stream:
            return read_stream(stream, limit=limits.MAX_INPUT_BYTES)
    except TooLarge as error:
        raise StmtdiffError(f"{source}: {error}") from None
    except PermissionError:
        raise StmtdiffError(f"{source}: permission denied") from None
    except OSError as error:
        raise StmtdiffError(f"{source}: cannot read ({error.strerror or error})") from None


def _read_stdin(stdin: BinaryIO | None) -> bytes:
    if stdin is None:
        if sys.stdin is None:
            raise StmtdiffError("-: there is no standard input to read")
        stdin = sys.stdin.buffer
    try:
        return read_stream(stdin, limit=limits.MAX_INPUT_BYTES)
    except TooLarge as error:
        raise StmtdiffError(f"standard input: {error}") from None
