"""The JSON of the shipped samples is pinned byte for byte.

Refactorings that promise to keep behaviour (issue 17: one home per idea) prove it here: the
expected file was written by the code before the refactoring, so any change to segmentation,
alignment, diffing or the JSON writer shows up as a failing diff. A deliberate change of output
regenerates the file (the command is in the fixture's name: ``stmtdiff compare
samples/joint-statement --format json``, run from the repository root) and says why in the commit.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from align_support import model_cache  # noqa: F401

from stmtdiff.adapters.models.embed import encoder_available
from stmtdiff.frontends.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = Path(__file__).resolve().parent / "fixtures" / "pinned" / "joint-statement.json"

pytestmark = [
    pytest.mark.usefixtures("model_cache"),
    pytest.mark.skipif(not encoder_available(), reason="encoder package not installed"),
]


def normalised(report: str) -> str:
    """The report with the generator's version replaced, so a release does not fail the pin."""
    return re.sub(r'"generator": "stmtdiff [^"]*"', '"generator": "stmtdiff VERSION"', report)


def test_sample_json_is_byte_identical_to_the_pinned_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["compare", "samples/joint-statement", "--format", "json"]) == 1
    assert normalised(capsys.readouterr().out) == EXPECTED.read_text(encoding="utf-8")
