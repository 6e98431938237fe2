"""The aligned grid draws only what is on screen, wraps by terminal cells and reflows on resize."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from rich.cells import cell_len
from textual.pilot import Pilot
from textual.strip import Strip
from tui_support import ZH_XINHUA, long_statement, version, with_chinese

from stmtdiff.core.compare.compare import compare
from stmtdiff.core.model import Comparison
from stmtdiff.frontends.tui.app import StmtdiffApp, make_app
from stmtdiff.frontends.tui.grid import AlignedGrid


def play(
    comparison: Comparison,
    check: Callable[[Pilot[None], StmtdiffApp, AlignedGrid], Awaitable[None]],
    size: tuple[int, int] = (80, 24),
) -> None:
    app = make_app(comparison)

    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await check(pilot, app, app.query_one(AlignedGrid))

    asyncio.run(run())


def screen_lines(grid: AlignedGrid) -> list[str]:
    return [grid.render_line(y).text for y in range(grid.scrollable_content_region.height)]


def test_two_thousand_rows_open_and_jump_to_the_end_drawing_only_the_screen() -> None:
    """The work is bounded by the screen, not the statement (timings: tui_first_paint.py)."""
    comparison = long_statement(2_000)
    drawn: list[int] = []

    async def check(pilot: Pilot[None], app: StmtdiffApp, grid: AlignedGrid) -> None:
        render_line = grid.render_line

        def counting(y: int) -> Strip:
            drawn.append(y)
            return render_line(y)

        grid.render_line = counting  # type: ignore[method-assign]
        await pilot.press("G")
        await pilot.pause()
        grid.render_line = render_line  # type: ignore[method-assign]
        assert app.state.cursor == 1_999
        lines = screen_lines(grid)
        assert any(line.startswith("2000 = In item 1999 the Parties") for line in lines)
        assert lines[-1].split()[0] == "1999."

    play(comparison, check)
    assert 0 < len(drawn) <= 3 * 24


def test_the_header_line_stays_while_rows_scroll() -> None:
    async def check(pilot: Pilot[None], app: StmtdiffApp, grid: AlignedGrid) -> None:
        await pilot.press("G")
        assert screen_lines(grid)[0].startswith("  #   1 long (en) ◆")

    play(long_statement(300), check)


def test_chinese_wraps_at_the_column_width_in_cells() -> None:
    edited = ZH_XINHUA.replace("百分之十", "10%")
    comparison = compare([version("xinhua", ZH_XINHUA, "zh"), version("edited", edited, "zh")])
    first_sentence = comparison.version("edited").sentences[0].text

    async def check(pilot: Pilot[None], app: StmtdiffApp, grid: AlignedGrid) -> None:
        column = grid.columns[1]
        _, height = grid.row_span(0)
        lines = [
            grid.render_line(y).crop(column.x, column.x + column.width).text.rstrip()
            for y in range(1, 1 + height)
        ]
        assert height > 1
        assert "".join(lines) == first_sentence
        assert all(cell_len(line) <= column.width for line in lines)
        assert cell_len(lines[0]) >= column.width - 1  # full: each character takes two cells

    play(comparison, check, size=(60, 24))


def test_rows_reflow_when_the_terminal_narrows() -> None:
    async def check(pilot: Pilot[None], app: StmtdiffApp, grid: AlignedGrid) -> None:
        wide = grid.total_lines
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert grid.total_lines > wide

    play(with_chinese(), check, size=(140, 24))
