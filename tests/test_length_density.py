"""check's length yardstick lives with the aligners' length model."""

from __future__ import annotations

from stmtdiff.core.align.lengthmodel import DENSITY, density


def test_a_regional_language_reads_its_base_languages_density() -> None:
    assert density("ru-RU") == DENSITY["ru"]


def test_an_unlisted_language_counts_as_english() -> None:
    assert density("sw") == 1.0
