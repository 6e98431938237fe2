"""Text of a PDF in reading order, as paragraphs, without running headers, footers or page numbers.

pdfminer.six does the layout analysis (text boxes in reading order); this module decides which
boxes are page furniture, groups the remaining lines into paragraphs (across page breaks too)
and joins them, undoing end-of-line hyphenation. Copy-protection flags are not enforced, as in
pdfminer's own tools: ministries often set them on public statements.
"""

from __future__ import annotations

import io
import itertools
import re
import statistics
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from pdfminer.converter import PDFPageAggregator
from pdfminer.layout import (
    LAParams,
    LTComponent,
    LTContainer,
    LTImage,
    LTPage,
    LTTextBox,
    LTTextLine,
)
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.psexceptions import PSException
from pdfminer.utils import decode_text

from stmtdiff.adapters.ingest import limits
from stmtdiff.adapters.ingest.document import PARAGRAPH_SEPARATOR, Document
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.text.scripts import glues_lines

#: Share of the page height at the top and bottom where running headers and footers live.
_MARGIN = 0.12
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:page|p\.|стр\.?|страница|第)?\s*\d{1,4}\s*(?:(?:of|из|/)\s*\d{1,4})?\s*页?[\W_]*$",
    re.IGNORECASE,
)
_TERMINAL = tuple(".!?…:;。！？；：»”\"')）」』")
_NUMBERED = re.compile(r"^(?:\d{1,3}|[IVX]{1,5}|[a-zа-я])[.)]\s")
_HYPHENATED_WORD = re.compile(r"\w+(?:-\w+)+")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    y0: float
    y1: float


@dataclass(slots=True)
class _Box:
    lines: list[_Line]
    y0: float
    y1: float

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)


@dataclass(slots=True)
class _Page:
    boxes: list[_Box]
    bottom: float
    top: float

    def in_margin(self, box: _Box) -> bool:
        band = _MARGIN * (self.top - self.bottom)
        return box.y0 > self.top - band or box.y1 < self.bottom + band


def extract_pdf(data: bytes, source: str) -> Document:
    """Paragraphs of the PDF, one per line, with the document title if its metadata has one."""
    layout, title, has_images = _read_layout(data, source)
    pages = _drop_page_furniture(layout)
    if not any(pages):
        if has_images:
            raise StmtdiffError(
                f"{source}: the PDF holds only images (a scan?) and no text; run OCR on it first"
            )
        raise StmtdiffError(f"{source}: the PDF has no text")
    known_compounds = {
        word.lower()
        for page in pages
        for box in page
        for line in box.lines
        for word in _HYPHENATED_WORD.findall(line.text)
    }
    column = _Column.of(pages)
    paragraphs: list[str] = []
    for page_number, page in enumerate(pages):
        for part_number, lines in enumerate(_paragraph_lines(page, column)):
            text = _join_lines([line.text for line in lines], known_compounds)
            continues = page_number > 0 and part_number == 0 and paragraphs
            if continues and _runs_on(paragraphs[-1], text):
                paragraphs[-1] = _join_lines([paragraphs[-1], text], known_compounds)
            else:
                paragraphs.append(text)
    return Document(
        text=PARAGRAPH_SEPARATOR.join(paragraphs),
        source=source,
        title=title,
        kind="pdf",
    )


def _read_layout(data: bytes, source: str) -> tuple[list[_Page], str | None, bool]:
    """Text boxes per page in pdfminer's reading order, the metadata title, and whether
    any page carries an image."""
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        title = _title(document)
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        pages: list[_Page] = []
        has_images = False
        for number, page in enumerate(PDFPage.create_pages(document), start=1):
            if number > limits.MAX_PDF_PAGES:
                raise StmtdiffError(
                    f"{source}: more than {limits.MAX_PDF_PAGES} pages; stmtdiff reads statements, "
                    "not books (extract the pages you need)"
                )
            interpreter.process_page(page)
            layout = device.get_result()
            pages.append(_Page(_boxes(layout), layout.y0, layout.y1))
            has_images = has_images or any(isinstance(c, LTImage) for c in _walk(layout))
    except PDFEncryptionError as exc:
        raise StmtdiffError(
            f"{source}: the PDF is encrypted with a password; save an unprotected copy"
        ) from exc
    except (PSException, ValueError, KeyError, TypeError) as exc:
        detail = _SPACE.sub(" ", str(exc)).strip() or type(exc).__name__
        raise StmtdiffError(f"{source}: damaged or unreadable PDF ({detail})") from exc
    return pages, title, has_images


def _title(document: PDFDocument) -> str | None:
    for info in document.info:
        raw = info.get("Title")
        if isinstance(raw, bytes):
            title = _SPACE.sub(" ", decode_text(raw)).strip()
            if title:
                return title
    return None


def _walk(component: LTComponent) -> Iterator[LTComponent]:
    yield component
    if isinstance(component, LTContainer):
        for child in component:
            yield from _walk(child)


def _boxes(layout: LTPage) -> list[_Box]:
    boxes: list[_Box] = []
    for element in layout:
        if not isinstance(element, LTTextBox):
            continue
        lines = [
            _Line(_SPACE.sub(" ", line.get_text()).strip(), line.x0, line.x1, line.y0, line.y1)
            for line in element
            if isinstance(line, LTTextLine)
        ]
        lines = [line for line in lines if line.text]
        if lines:
            boxes.append(_Box(lines, element.y0, element.y1))
    return boxes


def _drop_page_furniture(pages: list[_Page]) -> list[list[_Box]]:
    """Remove page numbers and text repeated in the top or bottom margin of several pages."""
    pages_with: Counter[str] = Counter()
    for page in pages:
        pages_with.update({_signature(box.text) for box in page.boxes if page.in_margin(box)})

    def furniture(page: _Page, box: _Box) -> bool:
        if not page.in_margin(box):
            return False
        return bool(_PAGE_NUMBER.match(box.text)) or pages_with[_signature(box.text)] >= 2

    return [[box for box in page.boxes if not furniture(page, box)] for page in pages]


def _signature(text: str) -> str:
    return re.sub(r"\d+", "#", _SPACE.sub(" ", text)).strip().lower()


@dataclass(frozen=True, slots=True)
class _Column:
    """The text column of the whole document: where lines start and end, and line spacing."""

    left: float
    right: float
    blank_line: float  # a baseline step larger than this is a blank line between paragraphs
    indent: float  # a first line starting this far right of the line before is indented

    @classmethod
    def of(cls, pages: list[list[_Box]]) -> _Column:
        lines = [line for page in pages for box in page for line in box.lines]
        steps = [
            a.y0 - b.y0
            for page in pages
            for a, b in itertools.pairwise([ln for box in page for ln in box.lines])
            if a.y0 > b.y0
        ]
        height = statistics.median(line.y1 - line.y0 for line in lines)
        # The lower quartile: short documents have nearly as many paragraph gaps as lines.
        leading = sorted(steps)[len(steps) // 4] if steps else 1.2 * height
        left = min(line.x0 for line in lines)
        right = max(line.x1 for line in lines)
        return cls(left, right, max(1.6 * height, 1.3 * leading), max(4.0, 0.02 * (right - left)))


def _paragraph_lines(boxes: list[_Box], column: _Column) -> list[list[_Line]]:
    """Group a page's lines (in pdfminer's reading order) into paragraphs.

    A new paragraph starts after a blank line, at a first-line indent, or after a sentence
    that ends well short of the column's right edge. pdfminer's own boxes are not enough:
    it puts an indented first line in a box of its own.
    """
    lines = [line for box in boxes for line in box.lines]
    if not lines:
        return []
    short = column.right - 0.15 * (column.right - column.left)
    paragraphs: list[list[_Line]] = [[lines[0]]]
    for previous, line in itertools.pairwise(lines):
        step = previous.y0 - line.y0
        ends_sentence = previous.text.endswith(_TERMINAL)
        if step > column.blank_line or line.x0 - previous.x0 > column.indent:
            new = True
        elif step <= 0:  # reading order moved up: the next column or a side box
            new = ends_sentence
        else:
            new = ends_sentence and previous.x1 < short
        if new:
            paragraphs.append([line])
        else:
            paragraphs[-1].append(line)
    return paragraphs


def _runs_on(previous: str, following: str) -> bool:
    """A paragraph cut by a page break: no sentence end before it, and no capital letter or
    paragraph number after it."""
    if previous.endswith(_TERMINAL) or _NUMBERED.match(following):
        return False
    return not following[0].isupper()


def _join_lines(lines: list[str], known_compounds: set[str]) -> str:
    text = lines[0]
    for line in lines[1:]:
        text = _join(text, line, known_compounds)
    return text


def _join(left: str, right: str, known_compounds: set[str]) -> str:
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalpha():
        if right[0].islower():
            head = re.findall(r"\w+$", left[:-1])
            tail = re.findall(r"^\w+", right)
            compound = f"{head[0]}-{tail[0]}".lower() if head and tail else ""
            return left + right if compound in known_compounds else left[:-1] + right
        return left + right
    if glues_lines(left[-1]) or glues_lines(right[0]):
        return left + right
    return f"{left} {right}"
