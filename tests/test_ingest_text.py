"""Plain-text inputs: encodings, newlines, and every kind of bad file giving one clear line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from stmtdiff.adapters.ingest import load_document
from stmtdiff.core.errors import StmtdiffError

RU = "Стороны подтвердили приверженность принципам равноправия и взаимного уважения.\n"
ZH = "双方同意扩大贸易、能源、农业和人文领域合作，推动两国关系持续健康稳定发展。\n"
EN = "The sides reaffirmed their commitment to equality and mutual respect.\n"


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_utf8_text_is_read_unchanged(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "en.txt", (EN + RU + ZH).encode("utf-8")))
    assert document.text == EN + RU + ZH
    assert document.encoding == "utf-8"
    assert document.kind == "text"


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "ru.txt", b"\xef\xbb\xbf" + RU.encode("utf-8")))
    assert document.text == RU


def test_crlf_and_lone_cr_become_newlines(tmp_path: Path) -> None:
    data = "Первый абзац.\r\nВторой абзац.\rТретий абзац.\r\n".encode()
    assert load_document(write(tmp_path, "ru.txt", data)).text == (
        "Первый абзац.\nВторой абзац.\nТретий абзац.\n"
    )


def test_gbk_chinese_is_detected(tmp_path: Path) -> None:
    text = ZH + "中方愿同俄方一道，坚定支持彼此维护本国主权、安全和发展利益。\n"
    document = load_document(write(tmp_path, "zh.txt", text.encode("gbk")))
    assert document.text == text
    assert document.encoding == "gb18030"


def test_short_gbk_text_is_not_mistaken_for_korean(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "zh.txt", "两国元首会谈".encode("gbk")))
    assert document.text == "两国元首会谈"


def test_windows_1251_russian_is_detected(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "ru.txt", RU.encode("cp1251")))
    assert document.text == RU
    assert document.encoding == "cp1251"


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    document = load_document(write(tmp_path, "zh.txt", (ZH + EN).encode("utf-16")))
    assert document.text == ZH + EN


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read(tmp_path: Path, encoding: str) -> None:
    document = load_document(write(tmp_path, "ru.txt", (RU + EN).encode(encoding)))
    assert document.text == RU + EN
    assert document.encoding == encoding


def test_markdown_is_read_as_text(tmp_path: Path) -> None:
    data = "# Совместное заявление\n\n«Стороны» выступают за многополярный мир.\n".encode()
    assert load_document(write(tmp_path, "ru.md", data)).text == data.decode()


def test_standard_input_is_read_from_dash() -> None:
    document = load_document("-", stdin=io.BytesIO(RU.encode("cp1251")))
    assert document.text == RU
    assert document.source == "standard input"


def test_five_megabyte_file_loads_whole(tmp_path: Path) -> None:
    """Its speed (well under a second) is timed by benchmarks/ingest_speed.py."""
    paragraph = RU + ZH + EN
    text = paragraph * (5_000_000 // len(paragraph.encode()) + 1)
    document = load_document(write(tmp_path, "big.txt", text.encode()))
    assert document.text == text


def test_five_megabyte_windows_1251_file_loads_whole(tmp_path: Path) -> None:
    """Its speed (seconds at most) is timed by benchmarks/ingest_speed.py."""
    text = RU * (5_000_000 // len(RU.encode("cp1251")) + 1)
    document = load_document(write(tmp_path, "big-1251.txt", text.encode("cp1251")))
    assert document.text == text
    assert document.encoding == "cp1251"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "empty.txt: the file is empty"),
        ("blank.txt", b" \r\n\t\n", "blank.txt: the file has no text (only whitespace)"),
        ("random.txt", bytes(range(256)) * 8, "random.txt: looks like a binary file, not text"),
        (
            "photo.txt",
            b"\x89PNG\r\n\x1a\n" + b"\x00" * 64,
            "photo.txt: this is a PNG image, not a statement stmtdiff can read",
        ),
        (
            "old.txt",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 64,
            "old.txt: this is an old binary Office file (.doc); save it as .docx, "
            "not a statement stmtdiff can read",
        ),
    ],
)
def test_bad_file_gives_one_line_error(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    source = write(tmp_path, name, data)
    with pytest.raises(StmtdiffError) as caught:
        load_document(source)
    assert str(caught.value) == f"{tmp_path}/{message}"


def test_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(StmtdiffError, match=r"^.*nowhere\.txt: no such file$"):
        load_document(str(tmp_path / "nowhere.txt"))


def test_directory_is_refused_with_advice(tmp_path: Path) -> None:
    with pytest.raises(StmtdiffError) as caught:
        load_document(str(tmp_path))
    assert str(caught.value) == (
        f"{tmp_path} is a directory (give files, or a folder with a stmtdiff.toml)"
    )


def test_text_mixing_three_encodings_is_refused(tmp_path: Path) -> None:
    # Pieces pasted from UTF-8, Windows-1251 and GBK files: no single encoding reads it.
    data = (
        "Совместное заявление".encode()
        + "Совместное заявление".encode("cp1251")
        + "联合声明".encode("gbk")
    ) * 10
    source = write(tmp_path, "pasted.txt", data)
    with pytest.raises(StmtdiffError) as caught:
        load_document(source)
    assert str(caught.value) == (
        f"{source}: cannot tell the text encoding (not UTF-8, GBK, Windows-1251 or similar); "
        "save it as UTF-8"
    )
