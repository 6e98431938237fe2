"""Time the "who said what" summary: finding the shipped subject table's subjects in two versions
(two English sentences; English statements of 500, 2,000 and 8,000 sentences; with ../shared,
UN sentences in English, Russian and Chinese), and summarising them.

A run of the CLI builds the table once and summarises once: "first" times that, from a fresh
table with the re module's cache emptied (the patterns are fitted to the texts' words and
compiled: ``stmtdiff.core.compare.subjects``); "again" times a second summary with the same
table (patterns compiled). Best of three; `compare_speed.py` times the comparison itself.

Measured 2026-12-03, the script of then on each tree side by side (2 cores, load 9-12), before
(3b4a9c6) → after the tree of the texts' scripts: compile 0.099 s (every script, always) →
0.032 s for English texts, 0.068 s for all three; summary 0.120 / 0.497 / 1.937 s → 0.031 /
0.132 / 0.512 s at 500 / 2,000 / 8,000 sentences.

Then (issue 18) the trees fitted to the texts' words: this script run twice on each tree,
alternately (2 cores, load 0.8), best of the two, "first" before (01643ad) → after: two English
sentences 3.1 → 2.6 ms; English statements 24.9 / 56.1 / 171.5 ms → 10.4 / 31.0 / 115.8 ms at
500 / 2,000 / 8,000 sentences ("again" at 2,000: 41.8 → 27.6 ms); UN sentences, 2 x 20 / 200 /
2,000: English 17.0 / 25.8 / 108 → 6.3 / 19.3 / 108 ms, Russian 18.5 / 44.7 / 181 → 6.5 /
19.6 / 121 ms, Chinese 4.9 / 25.5 / 122 → 6.6 / 15.4 / 76 ms.

    python benchmarks/summary_speed.py [--sizes 500 2000 8000] [--un 200 2000]
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from stmtdiff.adapters.ingest.subjects import builtin_subjects
from stmtdiff.core.compare.compare import compare
from stmtdiff.core.compare.subjects import Subject, SubjectTable
from stmtdiff.core.compare.summary import summarize
from stmtdiff.core.model import Comparison
from stmtdiff.core.text.versions import make_version

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from reportkit import statement_pair  # one generator for the size tests and every benchmark

UN = (
    Path(__file__).resolve().parent.parent.parent
    / "shared/aligngold/unpc-v1.0-testset-ru-zh-en/testsets/testset/UNv1.0.testset"
)


def first_and_again(
    subjects: Sequence[Subject], work: Callable[[SubjectTable], object]
) -> tuple[float, float]:
    """Best of three: ``work`` with a fresh table, then again with the same table."""
    firsts, agains = [], []
    for _ in range(3):
        re.purge()  # time the patterns' compilation, not the re module's cache
        started = time.perf_counter()
        table = SubjectTable(subjects)
        work(table)
        middle = time.perf_counter()
        work(table)
        firsts.append(middle - started)
        agains.append(time.perf_counter() - middle)
    return min(firsts), min(agains)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 8000])
    parser.add_argument("--un", type=int, nargs="+", default=[20, 200, 2000])
    args = parser.parse_args()
    subjects = builtin_subjects()
    print(f"load average {os.getloadavg()[0]:.2f}; {len(subjects)} subjects")
    print(f"{'texts':>28} {'characters':>11} {'first s':>8} {'again s':>8}")

    def line(name: str, characters: int, work: Callable[[SubjectTable], object]) -> None:
        first, again = first_and_again(subjects, work)
        print(f"{name:>28} {characters:>11} {first:>8.4f} {again:>8.4f}", flush=True)

    two = [["The sides held talks."], ["They agreed on trade."]]
    line("two English sentences", 42, lambda table: table.mentions_each(two))
    for size in args.sizes:
        left, right = statement_pair(size)
        comparison = compare(
            [make_version("a", left, lang="en"), make_version("b", right, lang="en")]
        )

        def summary(table: SubjectTable, comparison: Comparison = comparison) -> object:
            return summarize(comparison, table)

        line(f"English, {size} sentences", len(left) + len(right), summary)
    for lang in ("en", "ru", "zh"):
        path = UN.with_name(f"{UN.name}.{lang}")
        if not path.exists():
            print(f"UN sentences skipped: no {path}")
            break
        lines = path.read_text(encoding="utf-8").splitlines()
        for size in args.un:
            groups = [lines[:size], lines[size : 2 * size]]

            def mentions(table: SubjectTable, groups: list[list[str]] = groups) -> object:
                return table.mentions_each(groups)

            line(f"UN {lang}, 2 x {size} sentences", sum(map(len, groups[0] + groups[1])), mentions)
    print(f"load average {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
