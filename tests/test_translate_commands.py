"""`--translate` on align and check: the same engines, cache and privacy as compare."""

from __future__ import annotations

from pathlib import Path

import pytest
from translate_stubs import libre_flags, serving

from stmtdiff.frontends.cli.main import main

RUSSIAN = (
    "Стороны подтвердили приверженность целям и принципам Устава ООН.\n"
    "Российская Федерация и Китайская Народная Республика выступают за многополярный мир.\n"
    "Стороны договорились укреплять сотрудничество в области энергетики.\n"
)
CHINESE = "双方重申恪守《联合国宪章》宗旨和原则。\n双方同意加强能源领域合作。\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[str, str]:
    ru = tmp_path / "statement.ru.txt"
    zh = tmp_path / "statement.zh.txt"
    ru.write_text(RUSSIAN, encoding="utf-8")
    zh.write_text(CHINESE, encoding="utf-8")
    return str(ru), str(zh)


def test_align_translates_both_sides_and_names_the_engine(
    files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving() as stub:
        code = main(
            [
                "align",
                *files,
                *libre_flags(stub.url, tmp_path / "c.sqlite3"),
            ]
        )
        assert stub.count == 5
    out, err = capsys.readouterr()
    assert code == 0
    assert out.splitlines() == ["[0]:[0]", "[1]:[]", "[2]:[1]"]
    assert "by libre" in err
    assert "aligned by translation" in err


def test_check_with_translate_reports_the_dropped_sentence(
    files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving() as stub:
        code = main(
            [
                "check",
                *files,
                *libre_flags(stub.url, tmp_path / "c.sqlite3"),
                "--format",
                "github",
            ]
        )
    out = capsys.readouterr().out
    assert code == 1
    assert "title=stmtdiff missing" in out
    assert "line=2" in out


def test_check_offline_sends_nothing(
    files: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with serving() as stub:
        main(
            [
                "check",
                *files,
                *libre_flags(stub.url, tmp_path / "c.sqlite3"),
                "--offline",
            ]
        )
        assert stub.count == 0
    assert "no cached libre translation" in capsys.readouterr().err
