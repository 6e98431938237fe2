"""The detail pane: everything known about the selected row, unwrapped from the table's columns.

Each version's full text, its word-level diff against the pivot, its similarity and status, and
its translation where one exists; then any alignment warning, since a wrong alignment is the
first thing to rule out before reading a difference as deliberate.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from stmtdiff.core.compare.compare import account_mark, cell_text, cell_translation
from stmtdiff.core.model import Cell, DiffBasis, Op, Row, Status, Version
from stmtdiff.core.text.visible import visible
from stmtdiff.core.view.onlyhere import KIND_NAMES, cut, shown_only_here
from stmtdiff.core.view.status import SYMBOLS
from stmtdiff.frontends.tui.state import ViewState
from stmtdiff.frontends.tui.theme import STATUS_CLASSES, component_style, status_class


class DetailPane(VerticalScroll, can_focus=False):
    """Full texts and inline diffs of the selected row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "detail--title",
        "detail--version",
        "detail--meta",
        "detail--added",
        "detail--deleted",
        "detail--only",
        "detail--translation",
        "detail--warning",
        *STATUS_CLASSES,
    }

    def __init__(self, state: ViewState, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.state = state

    def compose(self) -> ComposeResult:
        yield Static(id="detail-body")

    def on_mount(self) -> None:
        self.show()

    def show(self) -> None:
        """Redraw for the selected row and scroll back to its top."""
        self.query_one("#detail-body", Static).update(self._body())
        self.scroll_home(animate=False)

    def _style(self, name: str) -> Style:
        return component_style(self, name)

    def _body(self) -> RenderableType:
        state = self.state
        row = state.selected_row
        if row is None:
            return Text("No rows to show with this filter (press f to change it).")
        parts: list[RenderableType] = [self._title(row)]
        for position, version in enumerate(state.versions, start=1):
            parts.append(self._version_block(position, version, row, row.cell(version.id)))
        for pair in state.comparison.alignments:
            if pair.warning:
                warning = f"⚠ {visible(pair.warning)}"
                parts.append(Text(warning, style=self._style("detail--warning")))
        return Group(*parts)

    def _title(self, row: Row) -> Text:
        text = Text(f"Row {row.index + 1} of {len(self.state.comparison.rows)}  ")
        text.stylize(self._style("detail--title"))
        text.append(f"{SYMBOLS[row.status]} {row.status.value}", style=self._status(row.status))
        if row.similarity is not None:
            # Between accounts a row's similarity is its weakest link's score.
            measure = "weakest link" if self.state.comparison.accounts else "lowest similarity"
            text.append(f"  {measure} {row.similarity:.2f}", style=self._meta())
        return text

    def _version_block(self, position: int, version: Version, row: Row, cell: Cell) -> Text:
        state = self.state
        text = Text("\n")
        label = f"{position} {visible(version.display_label)}"
        text.append(label, style=self._style("detail--version"))
        text.append(f" ({version.lang})", style=self._meta())
        mark = account_mark(version, cell)  # an account's link and place in its own text
        if state.is_pivot(version):
            text.append("  ◆ pivot", style=self._meta())
        else:
            text.append(f"  {SYMBOLS[cell.status]} {cell.status.value}", self._status(cell.status))
            if cell.similarity is not None and mark is None:
                text.append(f"  similarity {cell.similarity:.2f}", style=self._meta())
        if mark is not None:
            text.append(f"  {visible(mark)}", style=self._meta())
        if cell.moved_to is not None:
            text.append(f"  ↕ counterpart in row {cell.moved_to + 1}", style=self._meta())
        text.append("\n")
        if not cell.sentence_ids:
            text.append("(no text in this row)", style=self._meta())
            return text
        only_here = shown_only_here(row, cell.version, state.comparison.pivot)
        for piece, span in cut(cell_text(version, cell.sentence_ids), only_here):
            text.append(visible(piece), style=self._style("detail--only") if span else "")
        for span in only_here:
            text.append("\n" + KIND_NAMES[span.kind] + ": ", style=self._meta())
            text.append(visible(span.text), style=self._style("detail--only"))
        if cell.diff is not None and cell.status in (Status.CHANGED, Status.MINOR):
            basis = " (translations)" if cell.diff_basis == DiffBasis.TRANSLATION else ""
            text.append(f"\nagainst the pivot{basis}: ", style=self._meta())
            text.append_text(self._inline_diff(cell))
        translation = cell_translation(version, cell.sentence_ids)
        if translation is not None:
            engine = f" ({version.translation_engine})" if version.translation_engine else ""
            text.append(f"\ntranslation{engine}: ", style=self._meta())
            marks = shown_only_here(row, cell.version, state.comparison.pivot, translation=True)
            shown = self._style("detail--translation")
            for piece, span in cut(translation, marks):
                text.append(
                    visible(piece), style=shown + self._style("detail--only") if span else shown
                )
        return text

    def _inline_diff(self, cell: Cell) -> Text:
        text = Text()
        for op in cell.diff or []:
            shown = visible(op.text)
            if op.op is Op.INSERT:
                text.append(shown, style=self._style("detail--added"))
            elif op.op is Op.DELETE:
                text.append(shown, style=self._style("detail--deleted"))
            else:
                text.append(shown)
        return text

    def _meta(self) -> Style:
        return self._style("detail--meta")

    def _status(self, status: Status) -> Style:
        return self._style(status_class(status))
