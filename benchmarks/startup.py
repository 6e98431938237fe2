"""Time how fast the command line starts, as ratios to a bare ``python -c "import argparse"``.

Targets (issue 16): ``--version`` and ``--help`` within 3x the baseline, a two-sentence English
``compare`` within 6x. Its output goes to /dev/null, so the terminal view is plain text, written
without rich's console; the ``--color always`` line shows what a run in a terminal adds (rich),
with no target of its own. Each figure is the median wall and CPU time of fresh processes, run in
rounds after one warm-up round; the load average is printed because the machine is shared and
ratios drift with it. In a checkout that was never built (no ``stmtdiff/_version.py``) the
version is read from the installed metadata, ~10 ms an installed wheel does not spend. The
processes may write bytecode (to a temporary ``PYTHONPYCACHEPREFIX``) even where
``PYTHONDONTWRITEBYTECODE`` is set, as an installed wheel has it: without it every run compiles
stmtdiff's sources again, ~120 ms of a compare on 2 busy cores.

Measured 2026-12-03, one run of this script per tree, side by side (2 cores, load 9-13,
9 rounds), wall / CPU ratios: before (3b4a9c6) --version 1.2x / 1.4x, --help 3.2x / 3.5x,
compare 34x / 40x, JSON 39x / 44x; after --version 0.9x / 1.0x, --help 1.6x / 1.6x, compare
7.0x / 7.6x, JSON 5.7x / 6.2x. What went: langdetect's profiles (short plain English skips it;
others build only the rows they use), numpy (loaded by the aligners on first use), the
encoder, dictionary, fetcher, razdel and stemmer modules, the subject table's Russian and
Chinese patterns, the East Asian character classes, and the other commands' declarations.
What a two-sentence compare still spends (CPU): the subject table ~25 ms (TOML 6, English
patterns ~11), dataclasses and the model ~12 ms, argparse and the parser ~8 ms, rapidfuzz
~6 ms, and for the terminal view rich ~35 ms.

Then (2026-12-03, load 6.5-7.4 from other work on the machine): this script on main and on the
change, one after the other, wall / CPU: compare 9.0x / 9.6x -> 5.5x / 5.9x, JSON 7.4x / 7.1x ->
5.4x / 5.8x, ``--color always`` 5.4x / 7.8x after; both trees interleaved in 9 rounds of one
run: compare 8.4x -> 4.5x, JSON 6.7x -> 5.6x (CPU 6.3x -> 4.7x), ``--color always`` 10.0x ->
7.6x. At load 1.8, this script on each tree: compare 8.9x -> 4.8x (CPU 8.6x -> 5.2x), JSON 6.7x
-> 4.4x (CPU 7.1x -> 4.8x), ``--color always`` 5.8x (CPU 6.4x) after. What went: the subject
table's parse (read back from its prepared form in the cache folder) and most of its patterns (a
tree fitted to the texts' pairs of characters), the encoder's scorers, the account matcher, the
length model and TOML (imported where used), the patterns only non-ASCII or East Asian text
needs, and for output without colours rich's console. The first run after installing parses the
subject table (~20 ms more); the warm-up round below pays it. What remains is mostly fixed:
dataclasses and the model's classes (~15 ms), rapidfuzz (~9 ms), argparse building the parser
(~8 ms), and in a terminal rich's console (~25 ms).

    python benchmarks/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

TARGETS: dict[str, float | None] = {
    "--version": 3.0,
    "--help": 3.0,
    "compare (2 English sentences)": 6.0,
    "compare --format json (same)": 6.0,
    "compare --color always (same)": None,
}


def as_installed(env: dict[str, str], folder: Path) -> dict[str, str]:
    """``env`` for timed processes that may keep bytecode, as an installed wheel does (pip
    compiles it at install), in ``folder``: even where ``PYTHONDONTWRITEBYTECODE`` is set."""
    env = {key: value for key, value in env.items() if key != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    return env


def seconds(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one run of ``command``."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def medians(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, tuple[float, float]]:
    """Median wall and CPU time of each command, run in rounds (one of each per round), so a
    change in the machine's load falls on every command alike rather than on whichever ran
    then. A first round, not counted, writes the bytecode. On a busy machine the CPU time is
    the steadier figure: waiting for a core counts in the wall time only."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for command in commands.values():
        seconds(command, env)
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(seconds(command, env))
    return {
        name: (statistics.median(w for w, _ in values), statistics.median(c for _, c in values))
        for name, values in times.items()
    }


def entry_point() -> list[str]:
    """The ``stmtdiff`` script beside this Python, as users run it (it imports
    ``stmtdiff.frontends.cli.main`` directly); ``python -m stmtdiff`` where there is none, which
    also loads runpy (~5 ms)."""
    script = Path(sys.executable).with_name("stmtdiff")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "stmtdiff"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        a, b = Path(folder, "a.txt"), Path(folder, "b.txt")
        a.write_text("The sides held talks. They agreed on trade.\n", encoding="utf-8")
        b.write_text("The sides held talks. They agreed on energy.\n", encoding="utf-8")
        stmtdiff = entry_point()
        commands = {
            "baseline": [sys.executable, "-c", "import argparse"],
            "--version": [*stmtdiff, "--version"],
            "--help": [*stmtdiff, "--help"],
            "compare (2 English sentences)": [*stmtdiff, "compare", str(a), str(b)],
            "compare --format json (same)": [
                *stmtdiff,
                "compare",
                "--format",
                "json",
                str(a),
                str(b),
            ],
            "compare --color always (same)": [
                *stmtdiff,
                "compare",
                "--color",
                "always",
                str(a),
                str(b),
            ],
        }
        print(f"command: {' '.join(stmtdiff)}")
        print(f"load average before: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
        env = as_installed(dict(os.environ), Path(folder))
        figures = medians(commands, args.runs, env)
        base, base_cpu = figures.pop("baseline")
        print(
            f"baseline  python -c 'import argparse': {base * 1000:.0f} ms, "
            f"{base_cpu * 1000:.0f} ms CPU (medians of {args.runs})"
        )
        for name, (wall, cpu) in figures.items():
            ratio, cpu_ratio = wall / base, cpu / base_cpu
            target = TARGETS[name]
            verdict = (
                "no target"
                if target is None
                else f"target {target:.0f}x: {'ok' if ratio <= target else 'over'}"
            )
            print(
                f"{name:<31} {wall * 1000:6.0f} ms  {ratio:5.1f}x ({verdict})   "
                f"CPU {cpu * 1000:5.0f} ms {cpu_ratio:5.1f}x"
            )
        print(f"load average after: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
