"""The ``stmtdiff tui`` application: header, aligned grid, detail pane, search bar, footer.

The app only arranges widgets and does the I/O (export); what is shown lives in ``ViewState``
and how rows are drawn lives in the widgets. ``make_app`` is the factory the command, the tests
and the benchmark use.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult, SystemCommand
from textual.binding import Binding, BindingType
from textual.markup import escape
from textual.screen import Screen
from textual.widgets import Footer

from stmtdiff.adapters.files.fsutil import write_atomic
from stmtdiff.adapters.pipeline import CompareOptions
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.model import Comparison
from stmtdiff.core.text.visible import visible
from stmtdiff.frontends.tui.detail import DetailPane
from stmtdiff.frontends.tui.grid import AlignedGrid
from stmtdiff.frontends.tui.header import StatementHeader
from stmtdiff.frontends.tui.help import HelpScreen
from stmtdiff.frontends.tui.search import SearchBar
from stmtdiff.frontends.tui.state import Recompare, ViewState
from stmtdiff.frontends.tui.who import WhoSaidWhatScreen

#: Below this many lines the detail pane starts hidden, leaving the table room to breathe.
DETAIL_MIN_HEIGHT = 30


class StmtdiffApp(App[None]):
    """Read aligned versions side by side and jump from difference to difference."""

    CSS_PATH = "styles.tcss"
    TITLE = "stmtdiff"
    ENABLE_COMMAND_PALETTE = True

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "search", "Search"),
        Binding("d,enter", "toggle_detail", "Detail", show=False),
        Binding("e", "export", "Export HTML", show=False),
        Binding("w", "who_said_what", "Who said what", show=False),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self, state: ViewState, *, export_dir: Path | None = None) -> None:
        super().__init__()
        self.state = state
        self.export_dir = export_dir or Path.cwd()

    def compose(self) -> ComposeResult:
        yield StatementHeader(self.state, id="header")
        yield AlignedGrid(self.state, id="grid")
        yield DetailPane(self.state, id="detail")
        yield SearchBar(id="search")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.query_one(SearchBar).display = False
        self.query_one(DetailPane).display = self.size.height >= DETAIL_MIN_HEIGHT
        self.query_one(AlignedGrid).focus()
        for pair in self.state.comparison.alignments:
            if pair.warning:
                warning = visible(pair.warning)
                self.notify(warning, title="Alignment", severity="warning", timeout=8, markup=False)

    @property
    def grid(self) -> AlignedGrid:
        return self.query_one(AlignedGrid)

    def on_aligned_grid_changed(self, event: AlignedGrid.Changed) -> None:
        self.query_one(StatementHeader).show()
        detail = self.query_one(DetailPane)
        if detail.display:
            detail.show()

    # -- actions ------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one(SearchBar).open(self.state.query or "")

    def on_search_bar_closed(self, event: SearchBar.Closed) -> None:
        grid = self.grid
        grid.focus()
        if event.query is None:
            return
        hits = grid.search(event.query)
        if event.query.strip() and not hits:
            query = visible(event.query)
            self.notify(f"No match for “{query}”", severity="warning", timeout=3, markup=False)

    def action_toggle_detail(self) -> None:
        detail = self.query_one(DetailPane)
        detail.display = not detail.display
        if detail.display:
            detail.show()
        self.call_after_refresh(self.grid.scroll_to_cursor)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def action_who_said_what(self) -> None:
        if not isinstance(self.screen, WhoSaidWhatScreen):
            self.push_screen(WhoSaidWhatScreen(self.state.comparison))

    def action_export(self) -> None:
        from stmtdiff.frontends.report.html import render_html

        path = _free_path(self.export_dir / f"stmtdiff-{self.state.comparison.pivot}.html")
        try:
            write_atomic(str(path), render_html(self.state.comparison))
        except (OSError, StmtdiffError) as error:
            failed = visible(f"Export failed: {error}")
            self.notify(failed, severity="error", timeout=6, markup=False)
            return
        self.notify(visible(f"Exported {path}"), title="HTML report", timeout=6, markup=False)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        grid = self.grid
        commands = (
            ("Next difference", "Jump to the next row that differs", grid.action_next_difference),
            (
                "Previous difference",
                "Jump to the previous row that differs",
                grid.action_previous_difference,
            ),
            ("First row", "Jump to the top", grid.action_top),
            ("Last row", "Jump to the bottom", grid.action_bottom),
            ("Cycle filter", "All rows, changes only, omissions only", grid.action_cycle_filter),
            (
                "Make pivot",
                "Compare every version with the selected column",
                grid.action_make_pivot,
            ),
            (
                "Toggle translations",
                "Show translations in place of originals",
                grid.action_toggle_translations,
            ),
            ("Search", "Search every version", self.action_search),
            ("Clear search", "End the active search", grid.action_clear_search),
            (
                "Toggle detail pane",
                "Full texts and diffs of the selected row",
                self.action_toggle_detail,
            ),
            (
                "Who said what",
                "Every fact and subject only one version has, in full",
                self.action_who_said_what,
            ),
            ("Export HTML", "Write the comparison as an HTML report", self.action_export),
            ("Keys and legend", "Show the help screen", self.action_help),
        )
        for title, help_text, callback in commands:
            yield SystemCommand(title, help_text, callback)
        for position, version in enumerate(self.state.versions):
            # The palette reads titles as content markup.
            yield SystemCommand(
                f"Toggle column {position + 1}: {escape(visible(version.display_label))}",
                "Hide or show this version's column",
                lambda position=position: grid.action_toggle_column(position),
            )


def _free_path(path: Path) -> Path:
    """``path``, or the first ``name-2``, ``name-3``… that does not exist yet."""
    candidate, n = path, 2
    while candidate.exists():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def make_app(
    comparison: Comparison,
    *,
    options: CompareOptions | None = None,
    recompare: Recompare | None = None,
    export_dir: Path | None = None,
) -> StmtdiffApp:
    """The TUI for an already built comparison; ``options`` (those it was built with) compare
    again when the pivot changes."""
    state = ViewState(comparison, options=options, recompare=recompare)
    return StmtdiffApp(state, export_dir=export_dir)
