"""`stmtdiff compare --format html`: the report written by the command line."""

from __future__ import annotations

from pathlib import Path

import pytest
from reportkit import body_rows, parse_html

from stmtdiff.frontends.cli.main import main


def test_format_html_writes_a_self_contained_report_to_the_output_file(
    samples: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "report.html"
    code = main(
        [
            "compare",
            str(samples / "en-moscow.txt"),
            str(samples / "en-beijing.txt"),
            "--format",
            "html",
            "-o",
            str(target),
        ]
    )
    assert code == 1  # the two translations differ
    assert capsys.readouterr().err == f"wrote {target}\n"
    document = parse_html(target.read_text(encoding="utf-8"))
    assert body_rows(document)[0].get("id") == "row-1"
    assert document.xpath("//script") and document.xpath("//style")


def test_format_html_without_output_file_prints_the_report(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(
        [
            "compare",
            str(samples / "en-moscow.txt"),
            str(samples / "en-moscow.txt"),
            "--format",
            "html",
        ]
    )
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>")
    assert out.rstrip().endswith("</html>")
