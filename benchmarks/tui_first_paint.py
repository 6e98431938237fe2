"""Time `stmtdiff tui` on two English versions of 500, 2,000 and 8,000 sentences.

For each size: the time from starting the app to its first painted frame (Textual's ``Ready``
event, sent once the first frame is on screen), then how long ``G`` (jump to the last row) and
``f`` (filter to changes only) take until the screen is repainted. The comparison is built before
the clock starts: that is the core's cost, timed by benchmarks/compare_speed.py. The target from
issue 5 is a first paint under 2 s for 2 × 2,000 sentences and an immediate jump to the end.

    python benchmarks/tui_first_paint.py [--sizes 500 2000 8000] [--width 160 --height 50]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

from textual.events import Ready
from textual.message import Message
from textual.pilot import Pilot

from stmtdiff.core.compare.compare import compare
from stmtdiff.core.model import Comparison
from stmtdiff.core.text.versions import make_version
from stmtdiff.frontends.tui.app import make_app

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from reportkit import statement_pair  # the generator the size tests use


def build(size: int) -> Comparison:
    pivot, other = statement_pair(size)
    return compare([make_version("a", pivot, lang="en"), make_version("b", other, lang="en")])


async def measure(comparison: Comparison, width: int, height: int) -> tuple[float, float, float]:
    """Seconds to first paint, to repaint after G, and to repaint after f."""
    painted: list[float] = []

    def hook(message: Message) -> None:
        if isinstance(message, Ready) and not painted:
            painted.append(time.perf_counter())

    app = make_app(comparison)
    start = time.perf_counter()
    async with app.run_test(size=(width, height), message_hook=hook) as pilot:
        await pilot.pause()
        first_paint = painted[0] - start
        end = await _timed(pilot, "G")
        assert app.state.cursor == len(app.state.rows) - 1
        filtered = await _timed(pilot, "f")
    return first_paint, end, filtered


async def _timed(pilot: Pilot[None], key: str) -> float:
    start = time.perf_counter()
    await pilot.press(key)
    await pilot.pause()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 2_000, 8_000])
    parser.add_argument("--width", type=int, default=160)
    parser.add_argument("--height", type=int, default=50)
    args = parser.parse_args()
    print(f"terminal {args.width}×{args.height}, 2 English versions")
    print(f"{'sentences':>9}  {'rows':>6}  {'compare':>8}  {'first paint':>11}  {'G':>7}  {'f':>7}")
    for size in args.sizes:
        started = time.perf_counter()
        comparison = build(size)
        built = time.perf_counter() - started
        first_paint, end, filtered = asyncio.run(measure(comparison, args.width, args.height))
        print(
            f"{size:>9,}  {len(comparison.rows):>6,}  {built:>7.2f}s  {first_paint:>10.2f}s  "
            f"{end:>6.3f}s  {filtered:>6.3f}s"
        )


if __name__ == "__main__":
    main()
