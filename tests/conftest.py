"""Fixtures shared across the suite: the shipped samples and the optional ../shared data."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples" / "joint-statement"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def shared() -> Path:
    """The ../shared data folder; tests using it skip when it is absent."""
    if not SHARED.is_dir():
        pytest.skip("../shared is absent (real readouts and gold alignments live there)")
    return SHARED
