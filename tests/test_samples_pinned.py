"""The JSON of the shipped samples is pinned byte for byte.

Refactorings that promise to keep behaviour (issue 17: one home per idea) prove it here: the
expected file was written by the code before the refactoring, so any change to segmentation,
alignment, diffing or the JSON writer shows up as a failing diff. A deliberate change of output
regenerates the file (the command is in the fixture's name: ``stmtdiff compare
samples/joint-statement --format json``, run from the repository root) and says why in the commit.

Scores are the one exception to byte identity: the encoder's matrix products round differently
with the CPU's vector width and the BLAS that numpy ships, so a shown score may move by one unit
in its last (fourth) decimal between machines (seen: 0.8946 on the machine that wrote the pin,
0.8945 on an AVX-512 EPYC with numpy 2.4.6). Every other byte, and each score to within that unit,
must match.
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


SCORE = re.compile(r"(?<=: )-?\d+\.\d+(?=,?$)", re.MULTILINE)
LAST_DIGIT = 1.5e-4  # one unit of a score's fourth decimal, with room for the float's own error


def normalised(report: str) -> str:
    """The report with the generator's version replaced, so a release does not fail the pin."""
    return re.sub(r'"generator": "stmtdiff [^"]*"', '"generator": "stmtdiff VERSION"', report)


def split_scores(report: str) -> tuple[str, list[float]]:
    """The report with every decimal number blanked, and the numbers in order."""
    return SCORE.sub("#", report), [float(number) for number in SCORE.findall(report)]


def test_sample_json_is_byte_identical_to_the_pinned_file(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["compare", "samples/joint-statement", "--format", "json"]) == 1
    text, scores = split_scores(normalised(capsys.readouterr().out))
    pinned_text, pinned_scores = split_scores(EXPECTED.read_text(encoding="utf-8"))
    assert text == pinned_text
    assert scores == pytest.approx(pinned_scores, abs=LAST_DIGIT)


def test_the_pin_compares_every_score_it_holds() -> None:
    """The tolerance covers scores only: the pinned report holds them, and nothing else blanked."""
    text, scores = split_scores(EXPECTED.read_text(encoding="utf-8"))
    assert len(scores) > 50
    assert '"score": #' in text
    assert '"start": #' not in text
