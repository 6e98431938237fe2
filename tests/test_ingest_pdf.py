"""PDF input: paragraphs in reading order without running headers, footers or page numbers.

The PDFs are written byte by byte here (Helvetica, one text object per line), so every test
knows exactly what is on each page.
"""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from stmtdiff.adapters.ingest import load_document
from stmtdiff.core.errors import StmtdiffError

Line = tuple[float, float, str]  # x, y, text
HEADER = "Joint Statement of the Russian Federation and the People's Republic of China"


def pdf_bytes(
    pages: list[list[Line]], *, title: str | None = None, image_only: bool = False
) -> bytes:
    """A minimal valid PDF: A4 pages of 11 pt Helvetica lines, or one grey image per page."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    kids: list[int] = []
    for lines in pages:
        if image_only:
            objects.append(
                b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray"
                b" /BitsPerComponent 8 /Length 64 >>\nstream\n" + b"\x80" * 64 + b"\nendstream"
            )
            stream = b"q 400 0 0 500 100 150 cm /Im1 Do Q"
            resources = b"<< /XObject << /Im1 %d 0 R >> >>" % len(objects)
        else:
            stream = b"\n".join(
                b"BT /F1 11 Tf 1 0 0 1 %.1f %.1f Tm (%s) Tj ET" % (x, y, _pdf_string(text))
                for x, y, text in lines
            )
            resources = b"<< /Font << /F1 3 0 R >> >>"
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]"
            b" /Resources %s /Contents %d 0 R >>" % (resources, len(objects))
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % kid for kid in kids),
        len(kids),
    )
    info = b""
    if title is not None:
        objects.append(b"<< /Title (%s) >>" % _pdf_string(title))
        info = b" /Info %d 0 R" % len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info,
        xref,
    )
    return bytes(out)


def _pdf_string(text: str) -> bytes:
    raw = text.encode("cp1252")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def page(number: int, paragraphs: list[list[str]], *, indent_only: bool = False) -> list[Line]:
    """A page with the running header, its paragraphs from the top, and 'Page N of 2' below.

    Paragraphs are separated by a blank line, or (``indent_only``) only by a first-line indent.
    """
    lines: list[Line] = [(72, 800, HEADER)]
    y = 740.0
    for paragraph in paragraphs:
        for index, text in enumerate(paragraph):
            x = 90 if indent_only and index == 0 else 72
            lines.append((x, y, text))
            y -= 14
        if not indent_only:
            y -= 12
    lines.append((260, 40, f"Page {number} of 2"))
    return lines


STATEMENT = [
    page(
        1,
        [
            ["Moscow, 16 May 2024"],
            [
                "The two sides agreed to deepen coop-",
                "eration in trade, energy and finance, and to develop long-",
                "term investment projects.",
            ],
            [
                "They noted that the long-term goals of the partnership remain",
                "unchanged and that bilateral trade exceeded",
            ],
        ],
    ),
    page(
        2,
        [
            ["240 billion US dollars in the past year, which is a new record."],
            ["Both sides stand for a multipolar world."],
        ],
    ),
]


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_two_page_statement_gives_its_paragraphs_without_header_and_page_numbers(
    tmp_path: Path,
) -> None:
    document = load_document(write(tmp_path, "statement.pdf", pdf_bytes(STATEMENT)))
    assert document.kind == "pdf"
    assert document.text.split("\n") == [
        "Moscow, 16 May 2024",
        "The two sides agreed to deepen cooperation in trade, energy and finance, "
        "and to develop long-term investment projects.",
        "They noted that the long-term goals of the partnership remain unchanged and that "
        "bilateral trade exceeded 240 billion US dollars in the past year, which is a new record.",
        "Both sides stand for a multipolar world.",
    ]


def test_paragraphs_marked_only_by_indentation_are_kept_apart(tmp_path: Path) -> None:
    pages = [
        page(
            1,
            [
                [
                    "The sides reaffirmed their support for the central role of the United",
                    "Nations in international affairs.",
                ],
                [
                    "They oppose unilateral sanctions that are not approved by the",
                    "Security Council.",
                ],
            ],
            indent_only=True,
        ),
        page(2, [["They will meet again next year."]]),
    ]
    document = load_document(write(tmp_path, "indented.pdf", pdf_bytes(pages)))
    assert document.text.split("\n") == [
        "The sides reaffirmed their support for the central role of the United Nations in "
        "international affairs.",
        "They oppose unilateral sanctions that are not approved by the Security Council.",
        "They will meet again next year.",
    ]


def test_title_comes_from_the_pdf_metadata(tmp_path: Path) -> None:
    data = pdf_bytes(STATEMENT, title="Joint Statement, 16 May 2024")
    assert load_document(write(tmp_path, "s.pdf", data)).title == "Joint Statement, 16 May 2024"


def test_pdf_behind_a_wrong_extension_is_read_as_pdf(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "statement.docx", pdf_bytes(STATEMENT)))
    assert document.text.split("\n")[-1] == "Both sides stand for a multipolar world."


def test_password_protected_pdf_is_a_one_line_error(tmp_path: Path) -> None:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(pdf_bytes(STATEMENT))))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    source = write(tmp_path, "locked.pdf", buffer.getvalue())
    with pytest.raises(StmtdiffError) as caught:
        load_document(source)
    assert str(caught.value) == (
        f"{source}: the PDF is encrypted with a password; save an unprotected copy"
    )


def test_scanned_pdf_with_only_images_asks_for_ocr(tmp_path: Path) -> None:
    source = write(tmp_path, "scan.pdf", pdf_bytes([[], []], image_only=True))
    with pytest.raises(StmtdiffError) as caught:
        load_document(source)
    assert str(caught.value) == (
        f"{source}: the PDF holds only images (a scan?) and no text; run OCR on it first"
    )


def test_pdf_with_blank_pages_has_no_text(tmp_path: Path) -> None:
    source = write(tmp_path, "blank.pdf", pdf_bytes([[], []]))
    with pytest.raises(StmtdiffError) as caught:
        load_document(source)
    assert str(caught.value) == f"{source}: the PDF has no text"


def test_truncated_pdf_is_a_one_line_error(tmp_path: Path) -> None:
    source = write(tmp_path, "cut.pdf", pdf_bytes(STATEMENT)[:200])
    with pytest.raises(StmtdiffError) as caught:
        load_document(source)
    message = str(caught.value)
    assert message.startswith(f"{source}: ") and "\n" not in message


def test_image_named_pdf_says_both_what_it_is_and_what_it_is_not(tmp_path: Path) -> None:
    source = write(tmp_path, "statement.pdf", b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    with pytest.raises(StmtdiffError) as caught:
        load_document(source)
    assert str(caught.value) == (
        f"{source}: this is a JPEG image, not a statement stmtdiff can read "
        "(named .pdf but it is not a PDF)"
    )
