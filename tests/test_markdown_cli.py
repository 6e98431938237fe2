"""`stmtdiff compare --format markdown`: the report for pull-request comments."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from stmtdiff.frontends.cli.main import main


def test_format_markdown_prints_summary_and_differences(
    samples: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(
        [
            "compare",
            str(samples / "en-moscow.txt"),
            str(samples / "en-beijing.txt"),
            "--format",
            "markdown",
        ]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert out.startswith("## en-moscow.txt compared with en-beijing.txt\n")
    assert "| Status | Rows |" in out
    assert re.search(r"^\| \d+ \| ≠ changed \| ", out, re.MULTILINE)


def test_format_markdown_writes_the_output_file(samples: Path, tmp_path: Path) -> None:
    target = tmp_path / "comment.md"
    main(
        [
            "compare",
            str(samples / "en-moscow.txt"),
            str(samples / "en-beijing.txt"),
            "--format",
            "markdown",
            "-o",
            str(target),
        ]
    )
    assert target.read_text(encoding="utf-8").startswith("## en-moscow.txt compared with")
