"""Paragraphs of a Word (.docx) file in document order, table cells included."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from lxml import etree

from stmtdiff.adapters.ingest.document import PARAGRAPH_SEPARATOR, Document
from stmtdiff.core.errors import StmtdiffError

_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0]+")
_EDGE_SPACE = " \t\n\r\f\v\u00a0\u3000"


def extract_docx(data: bytes, source: str) -> Document:
    """Body paragraphs, one per line; headers, footers and comments are not part of the body."""
    try:
        document = docx.Document(io.BytesIO(data))
        paragraphs = [text for text in _texts(document.iter_inner_content()) if text]
        title = _clean(document.core_properties.title or "") or None
    except (zipfile.BadZipFile, KeyError, ValueError, etree.XMLSyntaxError) as exc:
        raise StmtdiffError(f"{source}: damaged or unreadable DOCX file ({exc})") from exc
    if not paragraphs:
        raise StmtdiffError(f"{source}: the DOCX file has no text")
    return Document(
        text=PARAGRAPH_SEPARATOR.join(paragraphs),
        source=source,
        title=title,
        kind="docx",
    )


def _texts(blocks: Iterator[Paragraph | Table]) -> Iterator[str]:
    for block in blocks:
        if isinstance(block, Paragraph):
            yield _clean(block.text)
            continue
        seen: set[object] = set()  # holds the cell elements, so lxml keeps one proxy per cell
        for row in block.rows:
            for cell in row.cells:
                if cell._tc in seen:  # a merged cell repeats in every row/column it spans
                    continue
                seen.add(cell._tc)
                yield from _texts(cell.iter_inner_content())


def _clean(text: str) -> str:
    """A soft line break inside a Word paragraph does not start a new paragraph."""
    return _SPACE.sub(" ", text).strip(_EDGE_SPACE)
