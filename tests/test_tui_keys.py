"""Every key of ``stmtdiff tui``, pressed through Textual's pilot on the shipped samples."""

from __future__ import annotations

import asyncio
import io
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from rich.console import Console
from textual.pilot import Pilot
from textual.widgets import Static
from tui_support import english_samples, with_chinese

from stmtdiff.adapters.models.embed import encoder_available
from stmtdiff.adapters.pipeline import Request, build_comparison, compare_options
from stmtdiff.core.compare.compare import cell_text
from stmtdiff.core.model import LinkKind, Row, Status
from stmtdiff.frontends.tui.app import StmtdiffApp, make_app
from stmtdiff.frontends.tui.detail import DetailPane
from stmtdiff.frontends.tui.grid import AlignedGrid
from stmtdiff.frontends.tui.header import StatementHeader
from stmtdiff.frontends.tui.help import KEYS, HelpScreen
from stmtdiff.frontends.tui.search import SearchBar
from stmtdiff.frontends.tui.state import Filter

Scenario = Callable[[Pilot[None], StmtdiffApp], Awaitable[None]]


def play(app: StmtdiffApp, scenario: Scenario, size: tuple[int, int] = (100, 32)) -> None:
    async def run() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot, app)

    asyncio.run(run())


def press_then(*keys: str) -> Callable[[Scenario], Scenario]:
    """A scenario pressing ``keys`` before running the decorated checks."""

    def wrap(check: Scenario) -> Scenario:
        async def scenario(pilot: Pilot[None], app: StmtdiffApp) -> None:
            await pilot.press(*keys)
            await app.workers.wait_for_complete()
            await pilot.pause()
            await check(pilot, app)

        return scenario

    return wrap


def selected(app: StmtdiffApp) -> int:
    row = app.state.selected_row
    assert row is not None
    return row.index


def text_of(widget: Static) -> str:
    console = Console(width=300, file=io.StringIO(), record=True)
    console.print(widget.content)
    return console.export_text()


def header_text(app: StmtdiffApp) -> str:
    return text_of(app.query_one(StatementHeader))


def last(app: StmtdiffApp) -> int:
    return len(app.state.comparison.rows) - 1


def rows_saying(app: StmtdiffApp, words: str) -> list[int]:
    """Rows where any version's text contains ``words``."""
    comparison = app.state.comparison
    return [
        row.index
        for row in comparison.rows
        if any(
            words in cell_text(comparison.version(cell.version), cell.sentence_ids)
            for cell in row.cells
        )
    ]


def differs(row: Row) -> bool:
    return row.status not in (Status.IDENTICAL, Status.MINOR, Status.MATCHED)


def around_identical(app: StmtdiffApp) -> tuple[int, int]:
    """A differing row and the next differing one, with identical rows between them."""
    rows = app.state.comparison.rows
    for row in rows[:-2]:
        if differs(row) and not differs(rows[row.index + 1]):
            later = [r.index for r in rows[row.index + 2 :] if differs(r)]
            if later:
                return row.index, later[0]
    raise AssertionError("the samples have no identical row between two differences")


def notices(app: StmtdiffApp) -> list[str]:
    """Messages of the notifications on screen (Textual keeps them on the app)."""
    return [notification.message for notification in app._notifications]


@pytest.fixture
def app(samples: Path, tmp_path: Path) -> StmtdiffApp:
    return make_app(english_samples(samples), export_dir=tmp_path)


@pytest.mark.parametrize("key", ["down", "j"])
def test_down_and_j_select_the_next_row(app: StmtdiffApp, key: str) -> None:
    @press_then(key, key)
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert selected(app) == 2

    play(app, check)


@pytest.mark.parametrize("key", ["up", "k"])
def test_up_and_k_select_the_previous_row(app: StmtdiffApp, key: str) -> None:
    @press_then("j", "j", "j", key)
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert selected(app) == 2

    play(app, check)


def test_page_down_moves_about_a_screen_and_page_up_returns(app: StmtdiffApp) -> None:
    @press_then("pagedown")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        grid = app.query_one(AlignedGrid)
        line, _ = grid.row_span(app.state.cursor)
        assert selected(app) > 1
        assert line >= grid.scrollable_content_region.height - 1 - grid.row_span(0)[1]
        await pilot.press("pageup")
        assert selected(app) == 0

    play(app, check)


@pytest.mark.parametrize("key", ["G", "end"])
def test_capital_g_and_end_jump_to_the_last_row(app: StmtdiffApp, key: str) -> None:
    @press_then(key)
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        grid = app.query_one(AlignedGrid)
        assert selected(app) == last(app)
        assert grid.scroll_y == grid.max_scroll_y > 0

    play(app, check)


@pytest.mark.parametrize("key", ["g", "home"])
def test_g_and_home_jump_to_the_first_row(app: StmtdiffApp, key: str) -> None:
    @press_then("G", key)
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert selected(app) == 0
        assert app.query_one(AlignedGrid).scroll_y == 0

    play(app, check)


@pytest.mark.parametrize("key", ["n", "right_square_bracket"])
def test_n_and_bracket_jump_over_identical_rows_to_the_next_difference(
    app: StmtdiffApp, key: str
) -> None:
    before, after = around_identical(app)
    app.state.move(before)

    @press_then(key)
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert selected(app) == after

    play(app, check)


@pytest.mark.parametrize("key", ["N", "left_square_bracket"])
def test_capital_n_and_bracket_jump_back_to_the_previous_difference(
    app: StmtdiffApp, key: str
) -> None:
    before, after = around_identical(app)
    app.state.move(after)

    @press_then(key)
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert selected(app) == before

    play(app, check)


def test_f_cycles_the_filter_and_the_header_says_so(app: StmtdiffApp) -> None:
    @press_then("f")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        rows = app.state.comparison.rows
        changes = [r.index for r in rows if differs(r)]
        assert app.state.filter is Filter.CHANGES
        assert list(app.state.row_indices) == changes
        assert f"showing changes only ({len(changes)})" in header_text(app)
        await pilot.press("f")
        assert app.state.filter is Filter.OMISSIONS  # type: ignore[comparison-overlap]
        lacking = (Status.MISSING, Status.EXTRA)
        omissions = [r.index for r in rows if any(c.status in lacking for c in r.cells)]
        assert list(app.state.row_indices) == omissions != []
        await pilot.press("f")
        assert app.state.filter is Filter.ALL
        assert "showing" not in header_text(app)

    play(app, check)


@pytest.mark.parametrize("key", ["right", "l"])
def test_right_and_l_select_the_next_column(app: StmtdiffApp, key: str) -> None:
    @press_then(key)
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert app.state.selected_version.id == "en-beijing"

    play(app, check)


@pytest.mark.parametrize("key", ["left", "h"])
def test_left_and_h_select_the_previous_column(app: StmtdiffApp, key: str) -> None:
    @press_then("l", key)
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert app.state.selected_version.id == "en-moscow"

    play(app, check)


@pytest.mark.skipif(not encoder_available(), reason="encoder package not installed")
def test_p_realigns_russian_and_chinese_off_the_ui_thread(samples: Path, tmp_path: Path) -> None:
    # The new alignment is computed on a worker thread with the encoder (and its cache
    # connection) that the first alignment opened on this one.
    comparison = build_comparison(
        Request(inputs=[str(samples / "ru-kremlin.txt"), str(samples / "zh-xinhua.txt")])
    )
    app = make_app(comparison, export_dir=tmp_path)

    @press_then("l", "p")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert app.state.comparison.pivot == "zh-xinhua"
        assert app.state.comparison.alignments[0].method == "semantic"
        assert "zh-xinhua.txt (zh) ◆ pivot" in header_text(app)

    play(app, check)


def test_p_makes_the_selected_column_the_pivot(app: StmtdiffApp) -> None:
    lacking = (Status.MISSING, Status.EXTRA)
    before = [c.status for r in app.state.comparison.rows for c in r.cells if c.status in lacking]

    @press_then("l", "p")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert app.state.comparison.pivot == "en-beijing"
        assert "en-beijing.txt (en) ◆ pivot" in header_text(app)
        rows = app.state.comparison.rows
        after = [c.status for r in rows for c in r.cells if c.status in lacking]
        swap = {Status.MISSING: Status.EXTRA, Status.EXTRA: Status.MISSING}
        assert sorted(after) == sorted(swap[status] for status in before)

    play(app, check)


def test_t_says_so_when_no_translations_are_loaded(app: StmtdiffApp) -> None:
    @press_then("t")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert app.state.show_translations is False
        assert any("No translations" in notice for notice in notices(app))

    play(app, check)


def test_t_shows_translations_in_place_of_originals() -> None:
    app = make_app(with_chinese())

    @press_then("t")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert app.state.show_translations is True
        assert "translations" in header_text(app)
        await pilot.press("t")
        assert app.state.show_translations is False

    play(app, check)


def test_slash_opens_the_search_bar_and_enter_finds_the_first_hit(app: StmtdiffApp) -> None:
    @press_then("slash")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        bar = app.query_one(SearchBar)
        assert bar.display and bar.has_focus
        await pilot.press(*"Taiwan", "enter")
        assert app.state.query == "Taiwan"
        assert [selected(app)] == rows_saying(app, "Taiwan")
        assert not bar.display and app.query_one(AlignedGrid).has_focus
        assert "search “Taiwan” 1/1" in header_text(app)

    play(app, check)


def test_n_continues_to_the_next_search_hit(app: StmtdiffApp) -> None:
    @press_then("slash", *"heads", "enter")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        first, second = rows_saying(app, "heads")
        assert app.state.hits == [first, second]
        assert selected(app) == first
        await pilot.press("n")
        assert selected(app) == second
        await pilot.press("N")
        assert selected(app) == first

    play(app, check)


def test_search_without_a_match_says_so(app: StmtdiffApp) -> None:
    @press_then("slash", *"Omsk", "enter")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert selected(app) == 0
        assert any("No match" in notice for notice in notices(app))

    play(app, check)


def test_escape_in_the_search_bar_cancels_without_searching(app: StmtdiffApp) -> None:
    @press_then("slash", *"Siberia", "escape")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert app.state.query is None
        assert not app.query_one(SearchBar).display

    play(app, check)


def test_escape_on_the_table_ends_the_search(app: StmtdiffApp) -> None:
    @press_then("slash", *"Siberia", "enter", "escape")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert app.state.query is None
        assert "search" not in header_text(app)

    play(app, check)


@pytest.mark.parametrize("key", ["d", "enter"])
def test_d_and_enter_toggle_the_detail_pane(app: StmtdiffApp, key: str) -> None:
    @press_then(key)
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        detail = app.query_one(DetailPane)
        assert detail.display is True
        await pilot.press(key)
        assert detail.display is False

    play(app, check, size=(100, 24))


def test_detail_pane_follows_the_selected_row(app: StmtdiffApp) -> None:
    @press_then("G")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        body = text_of(app.query_one("#detail-body", Static))
        rows = len(app.state.comparison.rows)
        assert body.startswith(f"Row {rows} of {rows}")
        assert "The next meeting of the heads of state" in body

    play(app, check, size=(100, 40))


def test_e_exports_the_comparison_as_html(app: StmtdiffApp, tmp_path: Path) -> None:
    @press_then("e")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        report = tmp_path / "stmtdiff-en-moscow.html"
        assert report.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
        assert any(str(report) in notice for notice in notices(app))

    play(app, check)


def test_e_never_overwrites_an_earlier_export(app: StmtdiffApp, tmp_path: Path) -> None:
    (tmp_path / "stmtdiff-en-moscow.html").write_text("earlier", encoding="utf-8")

    @press_then("e")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert (tmp_path / "stmtdiff-en-moscow.html").read_text(encoding="utf-8") == "earlier"
        assert (tmp_path / "stmtdiff-en-moscow-2.html").is_file()

    play(app, check)


def test_question_mark_opens_help_and_escape_closes_it(app: StmtdiffApp) -> None:
    @press_then("question_mark")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)

    play(app, check)


def test_q_quits(app: StmtdiffApp) -> None:
    @press_then("q")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert not app.is_running

    play(app, check)


def test_number_keys_hide_and_show_columns(samples: Path) -> None:
    app = make_app(build_comparison(Request(inputs=[str(samples)])))

    @press_then("2", "5")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        grid = app.query_one(AlignedGrid)
        assert [c.version.id for c in grid.columns] == ["ru", "zh", "en-beijing"]
        await pilot.press("5")
        assert [c.version.id for c in grid.columns] == ["ru", "zh", "en-beijing", "readout"]

    play(app, check, size=(160, 40))


def test_clicking_a_row_selects_it_and_its_column(app: StmtdiffApp) -> None:
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        grid = app.query_one(AlignedGrid)
        line, _ = grid.row_span(3)
        column = grid.columns[1]
        await pilot.click(AlignedGrid, offset=(column.x + 2, line + 1))
        assert selected(app) == 3
        assert app.state.selected_version.id == "en-beijing"

    play(app, check)


def test_command_palette_offers_every_action(app: StmtdiffApp) -> None:
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        titles = {command.title for command in app.get_system_commands(app.screen)}
        for title in (
            "Next difference",
            "Previous difference",
            "First row",
            "Last row",
            "Cycle filter",
            "Make pivot",
            "Toggle translations",
            "Search",
            "Clear search",
            "Toggle detail pane",
            "Export HTML",
            "Keys and legend",
            "Toggle column 2: en-beijing.txt",
        ):
            assert title in titles

    play(app, check)


def test_command_palette_runs_an_action_by_name(app: StmtdiffApp) -> None:
    @press_then("ctrl+p")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        await pilot.press(*"Last row")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert selected(app) == last(app)

    play(app, check)


def test_help_lists_every_key_binding() -> None:
    listed = " ".join(keys for _, group in KEYS for keys, _ in group)
    names = {"question_mark": "?", "slash": "/", "escape": "Esc", "enter": "Enter"}
    names |= {"left_square_bracket": "[", "right_square_bracket": "]", "pagedown": "PgDn"}
    names |= {"pageup": "PgUp", "space": "Space", "home": "Home", "end": "End"}
    names |= {"down": "↓", "up": "↑", "left": "←", "right": "→"}
    for bindings in (AlignedGrid.BINDINGS, StmtdiffApp.BINDINGS, HelpScreen.BINDINGS):
        for binding in bindings:
            assert not isinstance(binding, tuple)
            for key in binding.key.split(","):
                shown = names.get(key, key)
                assert shown in listed or (key.isdigit() and "1 … 8" in listed), key


#: Two accounts of one call, written for this test: the Kremlin's names Kazan, Xinhua's does not;
#: each reports one fact the other leaves out.
KREMLIN_CALL = (
    "Состоялся телефонный разговор Владимира Путина с Председателем КНР Си Цзиньпином. "
    "Владимир Путин пригласил собеседника посетить Казань в октябре на саммит БРИКС. "
    "Лидеры обсудили ситуацию на Украине. "
    "Разговор носил тёплый и дружеский характер."
)
XINHUA_CALL = (
    "国家主席习近平应约同俄罗斯总统普京通电话。"
    "双方就乌克兰问题交换了意见。"
    "去年两国贸易额超过2000亿美元。"
)


def readouts_app(tmp_path: Path) -> StmtdiffApp:
    """The TUI of the two accounts above, as ``stmtdiff tui --readouts --watch`` builds it."""
    kremlin, xinhua, watch = tmp_path / "kremlin.txt", tmp_path / "xinhua.txt", tmp_path / "w.tsv"
    kremlin.write_text(KREMLIN_CALL, encoding="utf-8")
    xinhua.write_text(XINHUA_CALL, encoding="utf-8")
    watch.write_text("Kazan\tКазань|喀山|Kazan\tplace\n", encoding="utf-8")
    request = Request(inputs=[str(kremlin), str(xinhua)], readouts=True, watch=[str(watch)])
    options = compare_options(request)
    return make_app(build_comparison(request, options), options=options, export_dir=tmp_path)


def test_p_in_a_readouts_session_keeps_the_accounts_and_the_watched_subjects(
    tmp_path: Path,
) -> None:
    @press_then("l", "p")
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        assert app.state.comparison.pivot == "xinhua"
        assert app.state.comparison.alignments[0].method == "readouts"
        alone = [r for r in app.state.comparison.rows if r.cell("kremlin").link is LinkKind.ALONE]
        assert "only this version reports it" in app.state.plain(alone[0].cell("kremlin"))
        assert "named only by kremlin.txt: " in header_text(app)
        assert "Kazan" in header_text(app)

    play(readouts_app(tmp_path), check, size=(160, 32))


def test_the_detail_pane_of_accounts_gives_each_links_score_and_place(tmp_path: Path) -> None:
    async def check(pilot: Pilot[None], app: StmtdiffApp) -> None:
        detail = text_of(app.query_one(DetailPane).query_one("#detail-body", Static))
        assert "weakest link" in detail
        assert "counterpart" in detail and "its sentence 1 of 3" in detail

    play(readouts_app(tmp_path), check, size=(160, 40))
