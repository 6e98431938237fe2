"""DOCX input: body paragraphs in document order, tables included, page furniture left out."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from stmtdiff.adapters.ingest import load_document
from stmtdiff.core.errors import StmtdiffError


def save(document: docx.document.Document, path: Path) -> str:
    document.save(str(path))
    return str(path)


def statement_docx() -> docx.document.Document:
    document = docx.Document()
    document.core_properties.title = "Совместное заявление"
    document.sections[0].header.paragraphs[0].text = "Проект — для служебного пользования"
    document.sections[0].footer.paragraphs[0].text = "Стр. 1"
    document.add_heading(
        "Совместное заявление Российской Федерации и Китайской Народной Республики", level=1
    )
    document.add_paragraph("Москва, 16 мая 2024 года")
    document.add_paragraph("")
    broken = document.add_paragraph("Стороны выступают за «многополярный мир»")
    broken.add_run().add_break()  # a soft line break (Shift+Enter) inside one paragraph
    broken.add_run("и демократизацию международных отношений.")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Показатель"
    table.cell(0, 1).text = "2023 год"
    merged = table.cell(1, 0).merge(table.cell(1, 1))
    merged.text = "Товарооборот превысил 240 млрд долл. США."
    document.add_paragraph("Подписано в двух экземплярах, каждый на русском и китайском языках.")
    return document


def test_docx_gives_body_paragraphs_in_order(tmp_path: Path) -> None:
    document = load_document(save(statement_docx(), tmp_path / "statement.docx"))
    assert document.kind == "docx"
    assert document.text.split("\n") == [
        "Совместное заявление Российской Федерации и Китайской Народной Республики",
        "Москва, 16 мая 2024 года",
        "Стороны выступают за «многополярный мир» и демократизацию международных отношений.",
        "Показатель",
        "2023 год",
        "Товарооборот превысил 240 млрд долл. США.",
        "Подписано в двух экземплярах, каждый на русском и китайском языках.",
    ]


def test_docx_title_comes_from_its_document_properties(tmp_path: Path) -> None:
    document = load_document(save(statement_docx(), tmp_path / "statement.docx"))
    assert document.title == "Совместное заявление"


def test_chinese_docx_keeps_full_width_punctuation(tmp_path: Path) -> None:
    source = docx.Document()
    source.add_paragraph("　　双方认为，中俄关系不针对第三方，不受第三方干扰。")
    source.add_paragraph("（二）双方同意扩大贸易、能源合作。")
    document = load_document(save(source, tmp_path / "zh.docx"))
    assert document.text.split("\n") == [
        "双方认为，中俄关系不针对第三方，不受第三方干扰。",
        "（二）双方同意扩大贸易、能源合作。",
    ]


def test_docx_named_txt_is_read_as_docx(tmp_path: Path) -> None:
    source = docx.Document()
    source.add_paragraph("The sides support a multipolar world.")
    assert load_document(save(source, tmp_path / "notes.txt")).text == (
        "The sides support a multipolar world."
    )


def test_docx_without_text_is_an_error(tmp_path: Path) -> None:
    source = save(docx.Document(), tmp_path / "empty.docx")
    with pytest.raises(StmtdiffError) as caught:
        load_document(source)
    assert str(caught.value) == f"{source}: the DOCX file has no text"


def test_zip_that_is_no_docx_is_named_for_what_it_is(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("ru.txt", "Совместное заявление")
    source = tmp_path / "statement.docx"
    source.write_bytes(buffer.getvalue())
    with pytest.raises(StmtdiffError) as caught:
        load_document(str(source))
    assert str(caught.value) == (
        f"{source}: this is a ZIP archive, not a statement stmtdiff can read "
        "(named .docx but it is not a Word .docx file)"
    )
