"""Time and memory of `stmtdiff compare` on one huge line (no sentence punctuation at all).

A 20 MB single-line input once ran past 600 s in the terminal view: the word diff and the
similarity of one enormous row were quadratic. Lines over 250,000 characters are now refused
(``MAX_LINE_CHARS``); this prints, per size and output format, the wall time in seconds, the peak
memory of the run in MiB and the exit status (2 = refused):

    python benchmarks/huge_line.py            # 0.24 MB (just under the limit) and 20 MB
    python benchmarks/huge_line.py 0.1 0.24   # sizes in MB
"""

from __future__ import annotations

import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS = [
    "the",
    "parties",
    "agreed",
    "to",
    "strengthen",
    "cooperation",
    "in",
    "trade",
    "energy",
    "security",
    "and",
    "culture",
    "across",
    "all",
    "regions",
    "while",
    "respecting",
    "sovereignty",
    "territorial",
    "integrity",
    "and",
    "mutual",
    "interests",
]


def one_line(megabytes: float, seed: int) -> str:
    """Random words up to ``megabytes``, with no full stop anywhere: one sentence, one line."""
    rng = random.Random(seed)
    size = int(megabytes * 1_000_000)
    words: list[str] = []
    length = 0
    while length < size:
        word = rng.choice(WORDS)
        words.append(word)
        length += len(word) + 1
    return " ".join(words) + "\n"


def run(args: list[str]) -> tuple[float, float, int]:
    """Seconds, peak MiB and exit status of one child process (each run is its own child)."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "stmtdiff", *args],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, "COLUMNS": "120"},
    )
    _, status, usage = os.wait4(child.pid, 0)
    return time.perf_counter() - start, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def main() -> None:
    sizes = [float(arg) for arg in sys.argv[1:]] or [0.24, 20.0]
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            a, b = Path(folder, "a.txt"), Path(folder, "b.txt")
            a.write_text(one_line(size, 1), encoding="utf-8")
            b.write_text(one_line(size, 2), encoding="utf-8")
            for fmt in ("json", "terminal"):
                seconds, mib, code = run(["compare", str(a), str(b), "--format", fmt])
                print(
                    f"{size:g} MB one line, {fmt:8}: {seconds:6.1f} s  {mib:7.0f} MiB  exit {code}"
                )


if __name__ == "__main__":
    main()
