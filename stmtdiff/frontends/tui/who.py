"""The "who said what" screen (w): the block the terminal prints above its table, every fact only
one version reports with its preview and every subject only one names, for when the header has
no room for all of it (three versions, or 80 columns and long labels)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from stmtdiff.core.model import Comparison
from stmtdiff.frontends.report.terminal import Span, spans_text, who_said_what_text

#: The box's width (styles.tcss ``#who-body``) and what its border, padding and scroll bar take.
WIDTH = 100
FRAME = 7
#: What the screen says of a comparison built without a summary (the public API's ``compare``).
NONE: list[Span] = [("No who-said-what summary for this comparison.", "dim")]


class WhoSaidWhatScreen(ModalScreen[None]):
    """Who said what, in full; any of Esc, q or w closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,w", "dismiss", "Close"),
    ]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__()
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="who-body"):
            yield Static(id="who-text")
            yield Static("Esc, q or w closes this.", classes="help-foot")

    def on_mount(self) -> None:
        self._show()

    def on_resize(self) -> None:
        self._show()

    def _show(self) -> None:
        """The terminal's block, laid out for this screen's width (previews cut to fit)."""
        width = min(WIDTH, self.size.width) - FRAME
        spans = who_said_what_text(self.comparison, width, shown=None) or NONE
        text = spans_text(spans)
        text.rstrip()  # the block's closing line break, which would leave a blank line
        self.query_one("#who-text", Static).update(text)
