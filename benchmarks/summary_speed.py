"""Time the "who said what" summary: compiling the shipped subject table, and summarising two
English versions of 500, 2,000 and 8,000 sentences (facts from the rows, subjects in the text).

The CLI pays the compile once per run (only for the scripts its texts hold: English alone, or
English, Russian and Chinese) and the summary once per comparison; `compare_speed.py` times the
comparison itself, without the summary.

Measured 2026-12-03, this script on each tree side by side (2 cores, load 9-12), before
(3b4a9c6) → after: compile 0.099 s (every script, always) → 0.032 s for English texts, 0.068 s
for all three; summary 0.120 / 0.497 / 1.937 s → 0.031 / 0.132 / 0.512 s at 500 / 2,000 /
8,000 sentences.

A short comparison's summary compiles only the forms whose first two characters its texts hold
(``FITTED_CHARS``); the "fitted" line times that for two English sentences.

    python benchmarks/summary_speed.py [--sizes 500 2000 8000]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from stmtdiff.adapters.ingest.subjects import builtin_subjects
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.compare.subjects import SubjectTable
from stmtdiff.core.compare.summary import summarize
from stmtdiff.core.text.versions import make_version

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from reportkit import statement_pair  # one generator for the size tests and every benchmark


def best_of_three(step: object) -> float:
    assert callable(step)
    timings = []
    for _ in range(3):
        started = time.perf_counter()
        step()
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 8000])
    args = parser.parse_args()
    subjects = builtin_subjects()

    def compile_for(text: str) -> Callable[[], object]:
        def compile_table() -> object:
            re.purge()  # time the regexes' compilation, not the re module's cache
            return SubjectTable(subjects).find(text)

        return compile_table

    def fitted_for(texts: list[str]) -> Callable[[], object]:
        def compile_table() -> object:
            re.purge()
            return SubjectTable(subjects).mentions_each([texts])

        return compile_table

    print(f"subject table: {len(subjects)} subjects, compiled in")
    for scripts, text in (("English", "The sides"), ("en, ru, zh", "The sides Стороны 双方")):
        print(f"  {best_of_three(compile_for(text)):.3f} s for {scripts} texts")
    two = ["The sides held talks.", "They agreed on trade."]
    print(f"  {best_of_three(fitted_for(two)):.3f} s fitted to two English sentences")
    table = SubjectTable(subjects)
    print(f"{'sentences':>10} {'characters':>11} {'summary s':>10}")
    for size in args.sizes:
        left, right = statement_pair(size)
        comparison = compare(
            [make_version("a", left, lang="en"), make_version("b", right, lang="en")]
        )
        seconds = best_of_three(lambda c=comparison: summarize(c, table))
        print(f"{size:>10} {len(left) + len(right):>11} {seconds:>10.3f}")


if __name__ == "__main__":
    main()
