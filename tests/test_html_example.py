"""docs/example-report.html is the report of the shipped samples, as the code renders it today.

Regenerate it after changing the report, the samples or the aligners:

    python tests/test_html_example.py
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

import pytest
from reportkit import ROOT, sample_comparison

from stmtdiff.adapters.files.fsutil import write_atomic
from stmtdiff.frontends.report.html import render_html

EXAMPLE = ROOT / "docs" / "example-report.html"
#: A fixed generation time, so the example changes only when the report does.
GENERATED_AT = datetime(2025, 5, 20, 12, 0, tzinfo=UTC)


def example_report() -> str:
    """The report of the samples, with paths relative to the repository like the docs show."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return render_html(sample_comparison(), generated_at=GENERATED_AT)
    finally:
        os.chdir(here)


def test_example_report_in_docs_matches_the_samples_report() -> None:
    expected = example_report()
    committed = EXAMPLE.read_text(encoding="utf-8") if EXAMPLE.is_file() else ""
    if committed != expected:
        got, want = committed.splitlines(), expected.splitlines()
        line = next(
            (n for n, (a, b) in enumerate(zip(got, want, strict=False), 1) if a != b),
            min(len(got), len(want)) + 1,
        )
        pytest.fail(
            f"{EXAMPLE.relative_to(ROOT)} is out of date (first difference on line {line}); "
            "regenerate it with: python tests/test_html_example.py"
        )


if __name__ == "__main__":
    write_atomic(EXAMPLE, example_report())
    print(f"wrote {EXAMPLE}")
