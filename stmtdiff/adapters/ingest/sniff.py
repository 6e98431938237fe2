"""Tell what a file really is from its first bytes, whatever its name says."""

from __future__ import annotations

import io
import re
from enum import StrEnum

from stmtdiff.core.errors import StmtdiffError


class Kind(StrEnum):
    TEXT = "text"
    HTML = "html"
    PDF = "pdf"
    DOCX = "docx"


#: Formats we recognise but cannot read, with the advice that goes with them.
_UNSUPPORTED: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "a program (ELF binary)"),
    (b"MZ", "a Windows program"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old binary Office file (.doc); save it as .docx"),
    (b"{\\rtf", "an RTF file; save it as .docx or .txt"),
)

_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_START = re.compile(
    rb"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)[\s>]",
    re.IGNORECASE | re.DOTALL,
)


def sniff(data: bytes, source: str) -> Kind:
    """The kind of ``data``; a clear error for formats stmtdiff cannot read."""
    if data.startswith(b"%PDF-"):
        return Kind.PDF
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data, source)
    for magic, what in _UNSUPPORTED:
        if data.startswith(magic):
            raise StmtdiffError(f"{source}: this is {what}, not a statement stmtdiff can read")
    head = _ascii_view(data[:2048])
    if _HTML_START.match(head):
        return Kind.HTML
    return Kind.TEXT


def _sniff_zip(data: bytes, source: str) -> Kind:
    import zipfile  # for DOCX only, not on every text file's path

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile as exc:
        raise StmtdiffError(f"{source}: damaged ZIP/DOCX file ({exc})") from exc
    if "word/document.xml" in names:
        return Kind.DOCX
    if "content.xml" in names:
        what = "an OpenDocument file; save it as .docx"
    elif "xl/workbook.xml" in names:
        what = "an Excel workbook"
    elif "ppt/presentation.xml" in names:
        what = "a PowerPoint presentation"
    else:
        what = "a ZIP archive"
    raise StmtdiffError(f"{source}: this is {what}, not a statement stmtdiff can read")


def _ascii_view(head: bytes) -> bytes:
    """The head with a BOM removed and UTF-16 NUL bytes dropped, enough to spot an HTML tag."""
    for bom in _BOMS:
        if head.startswith(bom):
            head = head[len(bom) :]
            break
    return head.replace(b"\x00", b"")
