"""The aligned table: one column per version, a status gutter, each row wrapped to fit.

A ``ScrollView`` on Textual's line API: row heights are measured once on plain text, and only
the rows on screen are laid out in colour, so jumping to the end of thousands of rows costs the
same as drawing one page. Measured on this machine with 2 versions, a ``DataTable`` with wrapped
rows took 0.31 s / 1.08 s / 3.99 s to first paint for 500 / 2,000 / 8,000 rows; see
benchmarks/tui_first_paint.py for this widget's figures.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events, work
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.worker import get_current_worker

from stmtdiff.core.model import Cell, Comparison, Row, Version
from stmtdiff.core.text.visible import visible
from stmtdiff.core.view.status import SYMBOLS
from stmtdiff.frontends.tui.state import Span, ViewState
from stmtdiff.frontends.tui.theme import STATUS_CLASSES, component_style, status_class
from stmtdiff.frontends.tui.wrap import wrap

SEPARATOR = " │ "
#: Rendered rows kept between repaints; a screenful needs far fewer.
ROW_CACHE_SIZE = 1_000


@dataclass(frozen=True, slots=True)
class Column:
    version: Version
    position: int  # among all versions: what the 1..8 keys and the header number refer to
    x: int
    width: int


class AlignedGrid(ScrollView, can_focus=True):
    """Rows of aligned sentences; the keys here move, filter, re-pivot and toggle columns."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown,space", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("g,home", "top", "Top", show=False),
        Binding("G,end", "bottom", "Bottom", show=False),
        Binding("n,right_square_bracket", "next_difference", "Next diff"),
        Binding("N,left_square_bracket", "previous_difference", "Prev diff"),
        Binding("left,h", "column(-1)", "Column left", show=False),
        Binding("right,l", "column(1)", "Column right", show=False),
        Binding("f", "cycle_filter", "Filter"),
        Binding("p", "make_pivot", "Pivot"),
        Binding("t", "toggle_translations", "Translations", show=False),
        Binding("escape", "clear_search", "Clear search", show=False),
        *(
            Binding(str(n), f"toggle_column({n - 1})", f"Toggle column {n}", show=False)
            for n in range(1, 9)
        ),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "grid--header",
        "grid--header-selected",
        "grid--cursor",
        "grid--cursor-cell",
        "grid--stripe",
        "grid--number",
        "grid--separator",
        "grid--added",
        "grid--dropped",
        "grid--hit",
        "grid--note",
        "grid--moved",
        "grid--only",
        *STATUS_CLASSES,
    }

    class Changed(Message):
        """Something the header or detail pane shows has changed."""

        def __init__(self, grid: AlignedGrid) -> None:
            self.grid = grid
            super().__init__()

    def __init__(self, state: ViewState, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.state = state
        self._columns: list[Column] = []
        self._digits = 1
        self._heights: list[int] = []
        self._offsets: list[int] = []
        self._total = 0
        self._width = 0
        #: Wrapped line count per (row, version) at the current column widths and texts.
        self._measured: dict[tuple[int, str], int] = {}
        self._rendered: dict[tuple[int, bool, int], list[Strip]] = {}
        self._style_cache: dict[str, Style] = {}

    # -- layout -------------------------------------------------------------------------------

    @property
    def columns(self) -> list[Column]:
        return list(self._columns)

    @property
    def total_lines(self) -> int:
        """Lines the shown rows take at the current width (the header line excluded)."""
        return self._total

    def row_span(self, position: int) -> tuple[int, int]:
        """First line and height of the shown row at ``position``."""
        return self._offsets[position], self._heights[position]

    def _layout_columns(self, width: int) -> None:
        versions = self.state.shown_versions
        rows = len(self.state.comparison.rows)
        self._digits = len(str(max(rows, 1)))
        gutter = self._digits + 3  # number, space, status symbol, space
        available = max(len(versions), width - gutter - len(SEPARATOR) * (len(versions) - 1))
        base, extra = divmod(available, len(versions))
        positions = {v.id: i for i, v in enumerate(self.state.versions)}
        self._columns = []
        x = gutter
        for k, version in enumerate(versions):
            column_width = base + (1 if k < extra else 0)
            self._columns.append(Column(version, positions[version.id], x, column_width))
            x += column_width + len(SEPARATOR)

    def relayout(self) -> None:
        """Measure every shown row again: after a resize or a change of rows, text or columns."""
        width = self.scrollable_content_region.width
        self._width = width
        self._rendered.clear()
        if width <= 0:
            return
        widths = self._column_widths()
        self._layout_columns(width)
        if self._column_widths() != widths:
            self._measured.clear()
        console = self.app.console
        self._heights = []
        self._offsets = []
        total = 0
        for row in self.state.rows:
            height = 1
            for column in self._columns:
                cell = row.cell(column.version.id)
                key = (row.index, column.version.id)
                lines = self._measured.get(key)
                if lines is None:
                    lines = len(wrap(Text(self.state.plain(cell)), column.width, console))
                    self._measured[key] = lines
                height = max(height, lines)
            self._offsets.append(total)
            self._heights.append(height)
            total += height
        self._total = total
        self.virtual_size = Size(width, total + 1)
        self.refresh()

    def _column_widths(self) -> list[tuple[str, int]]:
        return [(column.version.id, column.width) for column in self._columns]

    def _forget_measures(self) -> None:
        """Drop measured heights: row numbering or cell texts changed (pivot, translations)."""
        self._measured.clear()

    def on_resize(self, event: events.Resize) -> None:
        self.relayout()
        self.scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._style_cache.clear()
        self._rendered.clear()

    def _style(self, name: str) -> Style:
        style = self._style_cache.get(name)
        if style is None:
            style = component_style(self, name)
            self._style_cache[name] = style
        return style

    # -- drawing ------------------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._width:
            self.relayout()
        if y == 0:
            return self._header_strip()
        line = self.scroll_offset.y + y - 1
        if line >= self._total or not self._offsets:
            return Strip.blank(width, self.rich_style)
        position = bisect_right(self._offsets, line) - 1
        return self._row_strips(position)[line - self._offsets[position]]

    def _header_strip(self) -> Strip:
        header = self._style("grid--header")
        text = Text("#".rjust(self._digits) + "   ", style=header)
        for k, column in enumerate(self._columns):
            if k:
                text.append(SEPARATOR, style=header)
            version = column.version
            pivot = " ◆" if self.state.is_pivot(version) else ""
            name = visible(version.display_label)
            label = f"{column.position + 1} {name} ({version.lang}){pivot}"
            part = Text(label, style=header, no_wrap=True, overflow="ellipsis")
            if version.id == self.state.selected_version.id:
                part.stylize(self._style("grid--header-selected"))
            part.truncate(column.width, overflow="ellipsis", pad=True)
            text.append_text(part)
        return self._strip(text, self.rich_style + header)

    def _strip(self, text: Text, base: Style) -> Strip:
        text.truncate(self._width, pad=True)
        segments = Segment.apply_style(text.render(self.app.console), base)
        return Strip(segments, self._width)

    def _row_strips(self, position: int) -> list[Strip]:
        state = self.state
        selected = position == state.cursor
        row_index = state.row_indices[position]
        key = (row_index, selected, state.versions.index(state.selected_version))
        strips = self._rendered.get(key)
        if strips is not None:
            return strips
        if len(self._rendered) >= ROW_CACHE_SIZE:
            self._rendered.clear()
        row = state.comparison.rows[row_index]
        height = self._heights[position]
        base = self.rich_style
        if selected:
            base += self._style("grid--cursor")
        elif position % 2:
            base += self._style("grid--stripe")
        lines = [Text() for _ in range(height)]
        number = Text(str(row.index + 1).rjust(self._digits), style=self._style("grid--number"))
        lines[0].append_text(number)
        lines[0].append(" ")
        lines[0].append(SYMBOLS[row.status], style=self._style(status_class(row.status)))
        lines[0].append(" ")
        for line in lines[1:]:
            line.append(" " * (self._digits + 3))
        separator = self._style("grid--separator")
        for k, column in enumerate(self._columns):
            cell = row.cell(column.version.id)
            wrapped = wrap(self._cell_text(row, cell), column.width, self.app.console)
            highlight = selected and column.version.id == state.selected_version.id
            for index, line in enumerate(lines):
                if k:
                    line.append(SEPARATOR, style=separator)
                part = wrapped[index] if index < len(wrapped) else Text()
                part.truncate(column.width, pad=True)
                if highlight:
                    part.stylize_before(self._style("grid--cursor-cell"))
                line.append_text(part)
        strips = [self._strip(line, base) for line in lines]
        self._rendered[key] = strips
        return strips

    def _cell_text(self, row: Row, cell: Cell) -> Text:
        text = Text()
        for piece in self.state.pieces(row, cell):
            if piece.span is Span.PLAIN:
                text.append(piece.text)
            else:
                text.append(piece.text, style=self._style(f"grid--{piece.span.value}"))
        hit = self._style("grid--hit")
        for start, end in self.state.search_ranges(text.plain):
            text.stylize(hit, start, end)
        return text

    # -- keeping the cursor in view -----------------------------------------------------------

    def scroll_to_cursor(self) -> None:
        if not self._offsets:
            return
        start, height = self.row_span(self.state.cursor)
        view = max(1, self.scrollable_content_region.height - 1)
        top = round(self.scroll_y)
        if start < top or height > view:
            target = start
        elif start + height > top + view:
            # Scroll just enough, then on to the next row boundary: no row starts cut off.
            needed = start + height - view
            target = self._offsets[bisect_left(self._offsets, needed)]
        else:
            return
        self.scroll_to(y=target, animate=False)

    def _cursor_moved(self) -> None:
        self.scroll_to_cursor()
        self.refresh()
        self.post_message(self.Changed(self))

    def _rows_changed(self, *, texts: bool = False) -> None:
        if texts:
            self._forget_measures()
        self.relayout()
        self._cursor_moved()

    # -- actions ------------------------------------------------------------------------------

    def action_move(self, delta: int) -> None:
        self.state.move(delta)
        self._cursor_moved()

    def action_page(self, direction: int) -> None:
        if not self._offsets:
            return
        view = max(1, self.scrollable_content_region.height - 1)
        start, _ = self.row_span(self.state.cursor)
        target = max(0, min(self._total - 1, start + direction * view))
        position = bisect_right(self._offsets, target) - 1
        if position == self.state.cursor:
            position += direction
        self.state.move(position - self.state.cursor)
        self._cursor_moved()

    def action_top(self) -> None:
        self.state.top()
        self._cursor_moved()

    def action_bottom(self) -> None:
        self.state.bottom()
        self._cursor_moved()

    def action_next_difference(self) -> None:
        if not self.state.next_difference():
            self.notify(self._nothing_more("below"), timeout=2, markup=False)
        self._cursor_moved()

    def action_previous_difference(self) -> None:
        if not self.state.previous_difference():
            self.notify(self._nothing_more("above"), timeout=2, markup=False)
        self._cursor_moved()

    def _nothing_more(self, where: str) -> str:
        if self.state.query is not None:
            return f"No more matches for “{visible(self.state.query)}” {where}"
        return f"No more differences {where}"

    def action_column(self, delta: int) -> None:
        self.state.move_column(delta)
        self._rendered.clear()
        self._cursor_moved()

    def action_cycle_filter(self) -> None:
        self.state.cycle_filter()
        self._rows_changed()

    def action_make_pivot(self) -> None:
        version = self.state.selected_version
        if version.id == self.state.comparison.pivot:
            label = visible(version.display_label)
            self.notify(f"{label} is already the pivot", timeout=2, markup=False)
            return
        self.notify(f"Aligning to {visible(version.display_label)}…", timeout=2, markup=False)
        self._realign(version)

    @work(thread=True, exclusive=True, group="pivot")
    def _realign(self, version: Version) -> None:
        """Align anew off the UI thread: the table stays usable meanwhile. A later pivot
        request cancels this one, whose result is then dropped."""
        comparison = self.state.realigned(version.id)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_pivot, version, comparison)

    def _show_pivot(self, version: Version, comparison: Comparison) -> None:
        self.state.show(comparison)
        self.notify(f"Pivot: {visible(version.display_label)}", timeout=2, markup=False)
        self._rows_changed(texts=True)

    def action_toggle_translations(self) -> None:
        if not self.state.toggle_translations():
            self.notify(
                "No translations loaded (use --translation VERSION=FILE)",
                severity="warning",
                timeout=4,
            )
            return
        self._rows_changed(texts=True)

    def action_toggle_column(self, position: int) -> None:
        if position >= len(self.state.versions):
            return
        if not self.state.toggle_column(position):
            self.notify("The last shown column cannot be hidden", severity="warning", timeout=3)
            return
        self._rows_changed()

    def action_clear_search(self) -> None:
        if self.state.query is not None:
            self.state.clear_search()
            self._rendered.clear()
            self._cursor_moved()

    def search(self, query: str) -> int:
        """Run a search from the search bar; returns the number of matching rows."""
        hits = self.state.search(query)
        self._rendered.clear()
        self._cursor_moved()
        return hits

    # -- mouse --------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        for column in self._columns:
            if column.x <= event.x < column.x + column.width + len(SEPARATOR):
                self.state.select_column(column.version.id)
        if event.y > 0 and self._offsets:
            line = round(self.scroll_y) + event.y - 1
            if line < self._total:
                self.state.select(bisect_right(self._offsets, line) - 1)
        self._rendered.clear()
        self._cursor_moved()
