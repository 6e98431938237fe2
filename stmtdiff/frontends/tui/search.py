"""The search bar (/): one line at the bottom that searches every version's shown text."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Enter searches and hands the keys back to the table; Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel search", show=False),
    ]

    class Closed(Message):
        """The bar was closed; ``query`` is None when cancelled."""

        def __init__(self, query: str | None) -> None:
            self.query = query
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(placeholder="Search all versions — Enter to find, Esc to cancel", id=id)

    def open(self, query: str = "") -> None:
        self.value = query
        self.display = True
        self.focus()

    def _close(self, query: str | None) -> None:
        self.display = False
        self.post_message(self.Closed(query))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._close(event.value)

    def action_cancel(self) -> None:
        self._close(None)
