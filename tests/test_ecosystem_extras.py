"""Optional input formats: a clear one-line error when an input needs an extra not installed."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from stmtdiff.adapters.ingest import parse_bytes
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.frontends.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HTML = "<html><body><p>Стороны провели переговоры.</p></body></html>".encode()


def test_pdf_without_the_pdf_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "pdfminer", None)
    with pytest.raises(StmtdiffError, match=r"pip install 'stmtdiff\[pdf\]'"):
        parse_bytes(PDF, "statement.pdf")


def test_html_without_the_web_extra_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura", None)
    with pytest.raises(StmtdiffError, match=r"pip install 'stmtdiff\[web\]'"):
        parse_bytes(HTML, "page.html")


def test_missing_extra_is_one_error_line_and_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pdfminer", None)
    document = tmp_path / "statement.pdf"
    document.write_bytes(PDF)
    assert main(["segment", str(document)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert err.startswith("stmtdiff: error: ") and "stmtdiff[pdf]" in err


def test_plain_text_needs_no_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    for module in ("lxml", "trafilatura", "pdfminer", "docx"):
        monkeypatch.setitem(sys.modules, module, None)
    assert parse_bytes("Стороны провели переговоры.".encode(), "a.txt").text


def test_test_extra_installs_every_format_and_the_base_install_none() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    base = " ".join(project["dependencies"])
    for name in ("trafilatura", "pdfminer", "python-docx"):
        assert name not in base
    assert "stmtdiff[all]" in project["optional-dependencies"]["test"]
