"""Diff-tool conventions on the command line: format aliases, shell completion."""

from __future__ import annotations

from pathlib import Path

import pytest

from stmtdiff.frontends.cli.main import build_parser, main

A = "Стороны провели переговоры. Они договорились о торговле.\n"
B = "Стороны провели переговоры. Они договорились об энергетике.\n"


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    return str(a), str(b)


def test_format_md_is_markdown(pair: tuple[str, str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", *pair, "--format", "markdown"]) == 1
    markdown = capsys.readouterr().out
    assert main(["compare", *pair, "--format", "md"]) == 1
    assert capsys.readouterr().out == markdown


@pytest.mark.parametrize("shell", ["bash", "zsh", "tcsh"])
def test_completion_script_offers_every_command(
    shell: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for command in ("compare", "check", "approve", "segment", "tui", "completion"):
        assert command in script


def test_completion_script_offers_compare_options(capsys: pytest.CaptureFixture[str]) -> None:
    main(["completion", "bash"])
    script = capsys.readouterr().out
    assert "--only-changes" in script and "--pivot" in script


def test_completion_refuses_an_unknown_shell() -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["completion", "powershell"])
    assert exit_info.value.code == 2


def test_segment_table_numbers_sentences_and_paragraphs_from_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    text = tmp_path / "statement.txt"
    text.write_text("The sides held talks.\n\nThey agreed on trade.\n", encoding="utf-8")
    assert main(["segment", str(text), "--lang", "en"]) == 0
    rows = [line for line in capsys.readouterr().out.splitlines() if "The sides" in line]
    assert [cell.strip() for cell in rows[0].split("│")[1:3]] == ["1", "1"]
