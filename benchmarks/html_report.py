"""Time the HTML and Markdown reports of two versions of N sentences, and weigh them.

The issue's budget: a report of 2 x 2,000 sentences in under a second, at most about three times
the input text plus a constant. Input size is the UTF-8 bytes of both versions' text; the
constant (inline CSS, JS, header) is measured as the size of the report of a one-row comparison.

    python benchmarks/html_report.py [--sizes 500 2000 8000]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

from stmtdiff.core.compare.compare import compare
from stmtdiff.core.model import Comparison
from stmtdiff.core.text.versions import make_version
from stmtdiff.frontends.report.html import render_html
from stmtdiff.frontends.report.markdown import render_markdown

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from reportkit import statement_pair  # the generator the size test uses


def best_of(
    runs: int, comparison: Comparison, render: Callable[[Comparison], str]
) -> tuple[float, str]:
    """Fastest of ``runs`` renderings, and the text rendered."""
    timings, text = [], ""
    for _ in range(runs):
        started = time.perf_counter()
        text = render(comparison)
        timings.append(time.perf_counter() - started)
    return min(timings), text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 8000])
    args = parser.parse_args()
    one = compare([make_version("a", "One.", lang="en"), make_version("b", "One.", lang="en")])
    constant = len(render_html(one).encode())
    print(f"constant (report of one row): {constant:,} bytes")
    print(
        f"{'sentences':>9} {'rows':>6} {'compare s':>9} {'html s':>7} {'md s':>6} "
        f"{'input B':>10} {'html B':>10} {'ratio':>6} {'(html-const)/input':>18} {'md chars':>9}"
    )
    for size in args.sizes:
        left, right = statement_pair(size)
        started = time.perf_counter()
        comparison = compare(
            [make_version("a", left, lang="en"), make_version("b", right, lang="en")]
        )
        compare_s = time.perf_counter() - started
        html_s, html = best_of(3, comparison, render_html)
        md_s, markdown = best_of(3, comparison, render_markdown)
        source = len(left.encode()) + len(right.encode())
        size_html = len(html.encode())
        print(
            f"{size:>9} {len(comparison.rows):>6} {compare_s:>9.3f} {html_s:>7.3f} {md_s:>6.3f} "
            f"{source:>10,} {size_html:>10,} {size_html / source:>6.2f} "
            f"{(size_html - constant) / source:>18.2f} {len(markdown):>9,}"
        )


if __name__ == "__main__":
    main()
