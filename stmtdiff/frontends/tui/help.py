"""The help screen (?): every key, what each status symbol means, and how cells are coloured."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from stmtdiff.core.view.onlyhere import LEGEND
from stmtdiff.core.view.status import DESCRIPTIONS, SYMBOLS

#: (keys as shown, what they do), grouped; a test checks every binding is listed here.
KEYS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    (
        "Moving",
        (
            ("↓ j  ↑ k", "next / previous row"),
            ("PgDn Space  PgUp", "a screen down / up"),
            ("g Home  G End", "first / last row"),
            ("n ]  N [", "next / previous difference (next / previous match while searching)"),
            ("← h  → l", "select the column to the left / right"),
            ("click", "select a row and column"),
        ),
    ),
    (
        "Viewing",
        (
            ("f", "filter: all rows → changes only → omissions only"),
            ("p", "make the selected column the pivot (the others are compared with it)"),
            ("t", "show translations in place of originals (when loaded)"),
            ("1 … 8", "hide or show that column"),
            ("d Enter", "show or hide the detail pane"),
            ("w", "who said what in full: facts and subjects only one version has"),
        ),
    ),
    (
        "Search and export",
        (
            ("/", "search every version; Enter finds, n / N continue"),
            ("Esc", "end the search"),
            ("e", "export the comparison as an HTML report"),
            ("Ctrl+P", "command palette: every action by name"),
            ("?", "this help"),
            ("q", "quit"),
        ),
    ),
)


class HelpScreen(ModalScreen[None]):
    """Keys and legend; any of Esc, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "dismiss", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static("stmtdiff — keys", classes="help-title")
            for title, keys in KEYS:
                table = Table.grid(padding=(0, 2))
                table.add_column(min_width=18)
                table.add_column()
                for key, meaning in keys:
                    table.add_row(key, meaning)
                yield Static(title, classes="help-section")
                yield Static(table)
            legend = Table.grid(padding=(0, 2))
            legend.add_column(min_width=18)
            legend.add_column()
            for status, meaning in DESCRIPTIONS.items():
                legend.add_row(f"{SYMBOLS[status]} {status.value}", meaning)
            legend.add_row("green words", "in this version, not in the pivot")
            legend.add_row("red words", "in the pivot, missing from another version")
            legend.add_row("highlighted", LEGEND)
            yield Static("Row status (gutter) and cell colours", classes="help-section")
            yield Static(legend)
            yield Static("Esc, q or ? closes this help.", classes="help-foot")
