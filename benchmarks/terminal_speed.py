"""Time `compare`'s terminal view beside `icdiff`, and its JSON beside `difflib.HtmlDiff`.

Both sides get the same two files (an English statement and an edited copy from
``reportkit.statement_pair``, one sentence per line), run as whole fresh processes writing to a
file, 160 columns, colours on, every row shown (``icdiff --whole-file --line-numbers``). Prints
the medians of ``--runs`` alternating runs, the ratio, and the load average before and after:
the machine may be shared, and a ratio measured in one run is fairer than two absolute figures.
Each command runs once untimed first, and may keep its bytecode as an installed wheel does
(``startup.as_installed``).

Measured 2026-12-03 on main after issue 18's last round (three runs, ``--runs 7``, load
0.7-1.0): JSON 1.70-1.83x HtmlDiff at 2,000 sentences (target 2x) and 1.45-1.47x at 8,000;
terminal 0.40-0.44x icdiff at 2,000 and 0.28-0.29x at 8,000 (target 1.2x). Before the round:
JSON 2.14-2.42x / 1.71-2.15x.

    pip install icdiff   # the peer, for this benchmark only
    python benchmarks/terminal_speed.py [--sizes 2000 8000] [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from reportkit import statement_pair  # one generator for the size tests and every benchmark
from startup import as_installed

ROOT = Path(__file__).resolve().parent.parent
HTMLDIFF = (
    "import difflib, sys\n"
    "a = open(sys.argv[1], encoding='utf-8').read().splitlines()\n"
    "b = open(sys.argv[2], encoding='utf-8').read().splitlines()\n"
    "open(sys.argv[3], 'w', encoding='utf-8').write(difflib.HtmlDiff(wrapcolumn=80)"
    ".make_file(a, b))\n"
)


def one_per_line(text: str) -> str:
    """The generator's sentences end with ``).``: one per line, as a line-based tool needs."""
    return text.replace("). ", ").\n") + "\n"


def side_by_side(ours: list[str], peer: list[str], output: Path, runs: int) -> tuple[float, float]:
    """Median seconds of ``runs`` fresh processes each, alternating so both see the same load."""
    env = as_installed({**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "160"}, output.parent)
    env.pop("NO_COLOR", None)
    timings: tuple[list[float], list[float]] = ([], [])
    for run in range(runs + 1):  # run 0 warms up: bytecode, file cache
        for command, sink_timings in ((ours, timings[0]), (peer, timings[1])):
            with output.open("w", encoding="utf-8") as sink:
                started = time.perf_counter()
                subprocess.run(
                    command, stdout=sink, stderr=subprocess.DEVNULL, env=env, check=False
                )
                if run:
                    sink_timings.append(time.perf_counter() - started)
    return statistics.median(timings[0]), statistics.median(timings[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 8000])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    icdiff = shutil.which("icdiff")
    if icdiff is None:
        sys.exit("terminal_speed: icdiff is not installed (pip install icdiff)")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"{'sentences':>9}  {'view':<9} {'stmtdiff s':>10} {'peer':<15} {'peer s':>7} {'ratio':>6}"
    )
    stmtdiff = [sys.executable, "-m", "stmtdiff", "compare"]
    for size in args.sizes:
        left, right = statement_pair(size)
        with tempfile.TemporaryDirectory() as folder:
            a, b = Path(folder, "a.txt"), Path(folder, "b.txt")
            a.write_text(one_per_line(left), encoding="utf-8")
            b.write_text(one_per_line(right), encoding="utf-8")
            out = Path(folder, "out")
            pairs = [
                (
                    "terminal",
                    [*stmtdiff, str(a), str(b), "--color", "always"],
                    "icdiff",
                    [icdiff, "--cols=160", "--whole-file", "--line-numbers", str(a), str(b)],
                ),
                (
                    "json",
                    [*stmtdiff, str(a), str(b), "--format", "json", "-o", str(out) + ".json"],
                    "difflib.HtmlDiff",
                    [sys.executable, "-c", HTMLDIFF, str(a), str(b), str(out) + ".html"],
                ),
            ]
            for view, ours, peer_name, peer in pairs:
                mine, theirs = side_by_side(ours, peer, out, args.runs)
                print(
                    f"{size:>9}  {view:<9} {mine:>10.2f} {peer_name:<16} {theirs:>7.2f} "
                    f"{mine / theirs:>5.2f}×"
                )
    print(f"load average after:  {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
