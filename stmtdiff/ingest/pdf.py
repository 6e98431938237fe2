"""Text of a PDF in reading order, as paragraphs, without running headers, footers or page numbers.

pdfminer.six does the layout analysis (text boxes in reading order); this module decides which
boxes are page furniture, splits boxes into paragraphs and joins lines, undoing end-of-line
hyphenation.
"""

from __future__ import annotations

import io
import re
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

from stmtdiff.errors import StmtdiffError
from stmtdiff.ingest.document import PARAGRAPH_SEPARATOR, Document

#: Share of the page height at the top and bottom where running headers and footers live.
_MARGIN = 0.12
_PAGE_NUMBER = re.compile(
    r"^[\W_]*(?:page|p\.|стр\.?|страница|第)?\s*\d{1,4}\s*(?:(?:of|из|/|из\s)\s*\d{1,4})?\s*页?[\W_]*$",
    re.IGNORECASE,
)
_TERMINAL = tuple(".!?…:;。！？；：»”\"')）」』")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_HYPHENATED_WORD = re.compile(r"\w+(?:-\w+)+")
_SPACE = re.compile(r"\s+")


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    x1: float


@dataclass(slots=True)
class _Box:
    lines: list[_Line]
    x0: float
    x1: float
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
    paragraphs: list[str] = []
    for page_number, page in enumerate(pages):
        for box_number, box in enumerate(page):
            for part_number, lines in enumerate(_split_box(box)):
                text = _join_lines([line.text for line in lines], known_compounds)
                continues = page_number > 0 and box_number == 0 and part_number == 0
                if continues and paragraphs and _runs_on(paragraphs[-1], text):
                    paragraphs[-1] = _join_lines([paragraphs[-1], text], known_compounds)
                else:
                    paragraphs.append(text)
    return Document(
        text=PARAGRAPH_SEPARATOR.join(paragraphs), source=source, title=title, kind="pdf"
    )


def _read_layout(data: bytes, source: str) -> tuple[list[_Page], str | None, bool]:
    """Text boxes per page in pdfminer's reading order, the metadata title, and whether
    any page carries an image."""
    try:
        document = PDFDocument(PDFParser(io.BytesIO(data)))
        if not document.is_extractable:
            raise StmtdiffError(f"{source}: the PDF forbids text extraction (it is protected)")
        title = _title(document)
        manager = PDFResourceManager()
        device = PDFPageAggregator(manager, laparams=LAParams())
        interpreter = PDFPageInterpreter(manager, device)
        pages: list[_Page] = []
        has_images = False
        for page in PDFPage.create_pages(document):
            interpreter.process_page(page)
            layout = device.get_result()
            pages.append(_Page(_boxes(layout), layout.y0, layout.y1))
            has_images = has_images or any(isinstance(c, LTImage) for c in _walk(layout))
    except PDFEncryptionError as exc:
        raise StmtdiffError(
            f"{source}: the PDF is encrypted with a password; save an unprotected copy"
        ) from exc
    except (PSException, ValueError, KeyError, TypeError) as exc:
        raise StmtdiffError(f"{source}: damaged or unreadable PDF ({exc})") from exc
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
            _Line(_SPACE.sub(" ", line.get_text()).strip(), line.x0, line.x1)
            for line in element
            if isinstance(line, LTTextLine)
        ]
        lines = [line for line in lines if line.text]
        if lines:
            boxes.append(_Box(lines, element.x0, element.x1, element.y0, element.y1))
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


def _split_box(box: _Box) -> list[list[_Line]]:
    """A box is a paragraph unless a line after a sentence end is indented or the sentence end
    falls well short of the right edge, which marks a new paragraph without extra spacing."""
    width = box.x1 - box.x0
    parts: list[list[_Line]] = [[box.lines[0]]]
    for previous, line in zip(box.lines, box.lines[1:], strict=False):
        ends_sentence = previous.text.endswith(_TERMINAL)
        indented = line.x0 - box.x0 > 0.03 * width
        short = previous.x1 < box.x1 - 0.15 * width
        if ends_sentence and (indented or short):
            parts.append([line])
        else:
            parts[-1].append(line)
    return parts


def _runs_on(previous: str, following: str) -> bool:
    """A paragraph cut by a page break: no sentence end before, a lowercase word or Han after."""
    if previous.endswith(_TERMINAL):
        return False
    first = following[0]
    return first.islower() or bool(_CJK.match(first))


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
    if _CJK.match(left[-1]) or _CJK.match(right[0]):
        return left + right
    return f"{left} {right}"
