"""Reports fit to publish: titles and labels from the command line, no local paths, matched rows
on request, a layout that reads at phone width."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from reportkit import joint_comparison

from stmtdiff.core.model import Status
from stmtdiff.core.text.versions import make_version
from stmtdiff.frontends.cli.main import main
from stmtdiff.frontends.report.html import asset, render_html
from stmtdiff.frontends.report.markdown import render_markdown
from stmtdiff.frontends.report.sources import public_source

A = "Стороны провели переговоры. Они договорились о торговле.\n"
B = "Стороны провели переговоры. Они договорились об энергетике.\n"


@pytest.fixture
def outside(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[str, str]:
    """Two versions given by absolute paths outside the working folder."""
    (tmp_path / "private" / "drafts").mkdir(parents=True)
    a, b = tmp_path / "private" / "drafts" / "moscow.txt", tmp_path / "private" / "beijing.txt"
    a.write_text(A, encoding="utf-8")
    b.write_text(B, encoding="utf-8")
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    return str(a), str(b)


def test_source_is_the_url_when_there_is_one() -> None:
    version = replace(
        make_version("v", A, lang="ru", path="/home/me/v.txt"), url="https://example.org/statement"
    )
    assert public_source(version) == "https://example.org/statement"


def test_source_below_the_working_folder_is_relative(tmp_path: Path) -> None:
    version = make_version("v", A, lang="ru", path=str(tmp_path / "statement" / "ru.txt"))
    assert public_source(version, cwd=str(tmp_path)) == "statement/ru.txt"


def test_source_elsewhere_is_the_file_name(tmp_path: Path) -> None:
    version = make_version("v", A, lang="ru", path="/home/me/private/ru.txt")
    assert public_source(version, cwd=str(tmp_path)) == "ru.txt"


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_report_shows_no_absolute_local_path(
    outside: tuple[str, str], tmp_path: Path, fmt: str
) -> None:
    main(["compare", *outside, "--format", fmt, "-o", "report"])
    text = Path("report").read_text(encoding="utf-8")
    assert str(tmp_path) not in text
    assert "moscow.txt" in text


@pytest.mark.parametrize("fmt", ["html", "markdown"])
def test_title_and_labels_from_the_command_line(outside: tuple[str, str], fmt: str) -> None:
    args = ["--title", "Talks, 16 May", "--label", "1=Kremlin", "--label", "beijing=Xinhua"]
    main(["compare", *outside, "--format", fmt, "-o", "report", *args])
    text = Path("report").read_text(encoding="utf-8")
    assert "Talks, 16 May" in text
    assert "Kremlin" in text and "Xinhua" in text


def test_label_for_an_unknown_version_is_an_error(
    outside: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", *outside, "--label", "3=Other"]) == 2
    assert capsys.readouterr().err.startswith("stmtdiff: error: --label names unknown version")


def test_markdown_lists_matched_rows_only_when_asked() -> None:
    comparison = joint_comparison()
    comparison.rows[0].status = Status.MATCHED  # its cells: identical and matched
    row_one = re.compile(r"^\| 1 \| ~ matched \|", re.M)
    assert not row_one.search(render_markdown(comparison))
    assert row_one.search(render_markdown(comparison, include_matched=True))


def test_show_matched_option_is_accepted_with_format_md(
    outside: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", *outside, "--format", "md", "--show-matched"]) == 1
    assert "| 2 | ≠ changed |" in capsys.readouterr().out


def test_html_stacks_versions_below_a_phone_breakpoint() -> None:
    css = asset("report.css")
    block = css.split("@media (max-width: 640px)", 1)[1].split("\n}\n", 1)[0]
    assert re.search(r"\.rows, \.rows tbody, \.rows tr, \.rows td \{ display: block", block)
    html = render_html(joint_comparison())
    assert 'data-label="Xinhua, Chinese · zh"' in html


def test_html_names_cjk_fonts_for_every_text() -> None:
    sans = asset("report.css").split("--sans:", 1)[1].split(";", 1)[0]
    for font in ("Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei"):
        assert font in sans


def test_tui_takes_the_title_and_labels_too() -> None:
    from stmtdiff.frontends.cli.commands.options import request_from_args
    from stmtdiff.frontends.cli.main import build_parser

    args = build_parser().parse_args(["tui", "a.txt", "b.txt", "--title", "T", "--label", "2=B"])
    request = request_from_args(args)
    assert (request.title, request.labels) == ("T", {"2": "B"})
