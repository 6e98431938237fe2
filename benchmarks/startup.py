"""Time how fast the command line starts, as ratios to a bare ``python -c "import argparse"``.

Targets (issue 16): ``--version`` and ``--help`` within 3x the baseline, a two-sentence English
``compare`` within 6x. Each figure is the median wall time of fresh processes, run one after
another; the load average is printed because the machine is shared and ratios drift with it.

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS = {"--version": 3.0, "--help": 3.0, "compare (2 English sentences)": 6.0}


def median_seconds(command: list[str], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder, "a.txt"), Path(folder, "b.txt")
        a.write_text("The sides held talks. They agreed on trade.\n", encoding="utf-8")
        b.write_text("The sides held talks. They agreed on energy.\n", encoding="utf-8")
        stmtdiff = [sys.executable, "-m", "stmtdiff"]
        commands = {
            "--version": [*stmtdiff, "--version"],
            "--help": [*stmtdiff, "--help"],
            "compare (2 English sentences)": [*stmtdiff, "compare", str(a), str(b)],
        }
        print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
        base = median_seconds([sys.executable, "-c", "import argparse"], args.runs)
        print(f"baseline  python -c 'import argparse': {base * 1000:.0f} ms")
        for name, command in commands.items():
            seconds = median_seconds(command, args.runs)
            ratio = seconds / base
            verdict = "ok" if ratio <= TARGETS[name] else "over"
            print(
                f"{name:<31} {seconds * 1000:6.0f} ms  {ratio:5.1f}x "
                f"(target {TARGETS[name]:.0f}x: {verdict})"
            )
        print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
