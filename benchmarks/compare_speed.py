"""Time `compare` on two English versions of 500, 2,000 and 8,000 sentences.

Prints seconds and peak memory (tracemalloc, Python allocations) per size, for the core pipeline
(segment + align + diff + classify) and for the whole CLI run in a fresh process (JSON output).

    python benchmarks/compare_speed.py [--sizes 500 2000 8000]
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from stmtdiff.core.compare.compare import compare
from stmtdiff.core.text.versions import make_version

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from reportkit import statement_pair  # one generator for the size tests and every benchmark
from terminal_speed import one_per_line

ROOT = Path(__file__).resolve().parent.parent


def core(size: int) -> tuple[float, float, int]:
    """Seconds (best of 3, untraced) and peak traced MiB of segment + compare in this process."""
    left, right = statement_pair(size)

    def once() -> int:
        result = compare([make_version("a", left, lang="en"), make_version("b", right, lang="en")])
        return len(result.rows)

    timings = []
    for _ in range(3):
        started = time.perf_counter()
        rows = once()
        timings.append(time.perf_counter() - started)
    tracemalloc.start()
    once()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return min(timings), peak / 2**20, rows


def cli(size: int) -> tuple[float, float]:
    left, right = statement_pair(size)
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder, "a.txt"), Path(folder, "b.txt")
        # One sentence per line: as one line, 2,000 sentences pass the line-length limit and the
        # command stops at once with an error (this benchmark timed that error until issue 18).
        a.write_text(one_per_line(left), encoding="utf-8")
        b.write_text(one_per_line(right), encoding="utf-8")
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        started = time.perf_counter()
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "stmtdiff",
                "compare",
                str(a),
                str(b),
                "--format",
                "json",
                "-o",
                str(Path(folder, "out.json")),
            ],
            check=False,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONPATH": str(ROOT)},  # this checkout, as terminal_speed.py
        )
        elapsed = time.perf_counter() - started
        if done.returncode not in (0, 1):  # 1: the versions differ
            sys.exit(f"compare_speed: stmtdiff failed at {size} sentences: {done.stderr.strip()}")
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return elapsed, max(peak, before) / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2000, 8000])
    args = parser.parse_args()
    print(
        f"{'sentences':>10} {'core s':>8} {'core MiB':>9} {'rows':>6} "
        f"{'CLI s':>7} {'CLI RSS MiB':>12}"
    )
    for size in args.sizes:
        seconds, mib, rows = core(size)
        cli_seconds, rss = cli(size)
        print(f"{size:>10} {seconds:>8.3f} {mib:>9.1f} {rows:>6} {cli_seconds:>7.2f} {rss:>12.0f}")


if __name__ == "__main__":
    main()
