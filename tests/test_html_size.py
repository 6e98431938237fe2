"""The budget for a long statement of 2 x 2,000 sentences: about 3x the text.

Its other half, under a second, is timed by benchmarks/html_report.py (no clock in tests).
"""

from __future__ import annotations

import pytest
from reportkit import statement_pair

from stmtdiff.core.compare.compare import compare
from stmtdiff.core.model import Comparison
from stmtdiff.core.text.versions import make_version
from stmtdiff.frontends.report.html import render_html

#: Inline CSS and JS, header, legend: what a report weighs before its first row.
CONSTANT_BYTES = 30_000


@pytest.fixture(scope="module")
def long_comparison() -> tuple[Comparison, int]:
    left, right = statement_pair(2000)
    comparison = compare([make_version("a", left, lang="en"), make_version("b", right, lang="en")])
    return comparison, len(left.encode()) + len(right.encode())


def test_report_of_two_thousand_sentences_weighs_at_most_three_times_the_text(
    long_comparison: tuple[Comparison, int],
) -> None:
    comparison, source_bytes = long_comparison
    assert len(comparison.rows) >= 2000
    assert len(render_html(comparison).encode()) <= 3 * source_bytes + CONSTANT_BYTES
