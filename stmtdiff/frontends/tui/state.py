"""What the TUI shows, as plain data: cursor, filter, pivot, search and columns over a Comparison.

Widgets draw this and forward keys to it. It imports no Textual, so every rule of the interactive
view is unit-tested without a terminal. Changing the pivot asks the core to compare again; this
module never aligns anything itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from stmtdiff.adapters.pipeline import CompareOptions
from stmtdiff.core.compare.compare import account_mark, cell_text, cell_translation
from stmtdiff.core.compare.diff import new_text, old_text
from stmtdiff.core.model import (
    SAME_STATUSES,
    Cell,
    Comparison,
    DiffOp,
    Op,
    Row,
    Status,
    Version,
)
from stmtdiff.core.text.visible import visible
from stmtdiff.core.view.onlyhere import shown_only_here
from stmtdiff.core.view.status import is_omission, moved_from, moved_to

#: Recomputes a comparison of already loaded versions around another pivot (the core's job).
Recompare = Callable[[Sequence[Version], str], Comparison]


class Filter(StrEnum):
    ALL = "all"
    CHANGES = "changes"
    OMISSIONS = "omissions"


FILTER_LABELS: dict[Filter, str] = {
    Filter.ALL: "all rows",
    Filter.CHANGES: "changes only",
    Filter.OMISSIONS: "omissions only",
}

#: Statuses worth highlighting word by word; identical cells differ at most in spacing.
_HIGHLIGHTED = frozenset({Status.CHANGED, Status.MINOR, Status.MOVED})


class Span(StrEnum):
    """How a run of cell text is drawn."""

    PLAIN = "plain"
    ADDED = "added"  # in this version, not in the pivot
    DROPPED = "dropped"  # in the pivot, absent from at least one other version
    NOTE = "note"  # placeholder for an empty cell
    MOVED = "moved"  # pointer to where a moved sentence went
    ONLY = "only"  # accounts: a part of a linked pair the other side has no counterpart for


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    span: Span


def is_difference(row: Row) -> bool:
    return row.status not in SAME_STATUSES


class ViewState:
    """The interactive view of one comparison; every method keeps the cursor on a shown row."""

    def __init__(
        self,
        comparison: Comparison,
        *,
        options: CompareOptions | None = None,
        recompare: Recompare | None = None,
    ) -> None:
        """``options``: those of the first comparison, which a pivot change compares with
        again (``recompare`` replaces that comparison, for tests)."""
        self.comparison = comparison
        self.filter = Filter.ALL
        self.show_translations = False
        self.hidden: set[str] = set()
        self.query: str | None = None
        self._pattern: re.Pattern[str] | None = None
        self._recompare = recompare or (options or CompareOptions()).compare
        self._column = 0
        self._cursor = 0
        self._shown: tuple[int, ...] = ()  # indices of the rows the filter lets through
        self._hits: list[int] = []
        self._refilter()

    # -- what is shown ------------------------------------------------------------------------

    @property
    def rows(self) -> list[Row]:
        """The rows the filter lets through, in order."""
        return [self.comparison.rows[i] for i in self._shown]

    @property
    def row_indices(self) -> tuple[int, ...]:
        return self._shown

    @property
    def cursor(self) -> int:
        """Position of the selected row among the shown rows."""
        return self._cursor

    @property
    def selected_row(self) -> Row | None:
        return self.comparison.rows[self._shown[self._cursor]] if self._shown else None

    @property
    def versions(self) -> list[Version]:
        return self.comparison.versions

    @property
    def shown_versions(self) -> list[Version]:
        return [v for v in self.comparison.versions if v.id not in self.hidden]

    @property
    def selected_version(self) -> Version:
        return self.comparison.versions[self._column]

    @property
    def has_translations(self) -> bool:
        return any(v.translations is not None for v in self.comparison.versions)

    @property
    def hits(self) -> list[int]:
        """Row indices matching the active search, among the shown rows."""
        return list(self._hits)

    def is_pivot(self, version: Version) -> bool:
        return version.id == self.comparison.pivot

    # -- moving -------------------------------------------------------------------------------

    def move(self, delta: int) -> None:
        if self._shown:
            self._cursor = max(0, min(len(self._shown) - 1, self._cursor + delta))

    def top(self) -> None:
        self._cursor = 0

    def bottom(self) -> None:
        self._cursor = max(0, len(self._shown) - 1)

    def select(self, position: int) -> None:
        """Select the shown row at ``position`` (a mouse click)."""
        if 0 <= position < len(self._shown):
            self._cursor = position

    def next_difference(self) -> bool:
        """Move to the next row that differs (or the next search hit while searching)."""
        if self.query is not None:
            return self._jump(self._hits, forward=True)
        return self._jump(self._differences(), forward=True)

    def previous_difference(self) -> bool:
        if self.query is not None:
            return self._jump(self._hits, forward=False)
        return self._jump(self._differences(), forward=False)

    def _differences(self) -> list[int]:
        return [i for i in self._shown if is_difference(self.comparison.rows[i])]

    def _jump(self, targets: list[int], *, forward: bool) -> bool:
        if not self._shown:
            return False
        here = self._shown[self._cursor]
        candidates = [i for i in targets if (i > here if forward else i < here)]
        if not candidates:
            return False
        self._place(candidates[0] if forward else candidates[-1])
        return True

    def _place(self, row_index: int) -> None:
        """Select the shown row nearest to ``row_index`` (at or after it when possible)."""
        self._cursor = max(0, min(bisect_left(self._shown, row_index), len(self._shown) - 1))

    # -- filter, columns, translations --------------------------------------------------------

    def cycle_filter(self) -> Filter:
        order = list(Filter)
        self.set_filter(order[(order.index(self.filter) + 1) % len(order)])
        return self.filter

    def set_filter(self, value: Filter) -> None:
        selected = self.selected_row
        self.filter = value
        self._refilter()
        self._place(selected.index if selected is not None else 0)

    def _refilter(self) -> None:
        rows = self.comparison.rows
        if self.filter is Filter.CHANGES:
            self._shown = tuple(r.index for r in rows if is_difference(r))
        elif self.filter is Filter.OMISSIONS:
            self._shown = tuple(r.index for r in rows if is_omission(r))
        else:
            self._shown = tuple(r.index for r in rows)
        self._cursor = min(self._cursor, max(0, len(self._shown) - 1))
        self._find_hits()

    def move_column(self, delta: int) -> None:
        """Select the next shown column to the left (-1) or right (+1)."""
        shown = [i for i, v in enumerate(self.versions) if v.id not in self.hidden]
        if self._column not in shown:
            self._column = shown[0]
            return
        position = shown.index(self._column) + delta
        self._column = shown[max(0, min(len(shown) - 1, position))]

    def select_column(self, version_id: str) -> None:
        for position, version in enumerate(self.versions):
            if version.id == version_id and version.id not in self.hidden:
                self._column = position

    def toggle_column(self, position: int) -> bool:
        """Hide or show the column at 0-based ``position``; the last shown column stays."""
        if not 0 <= position < len(self.versions):
            return False
        version_id = self.versions[position].id
        if version_id in self.hidden:
            self.hidden.discard(version_id)
            return True
        if len(self.hidden) + 1 >= len(self.versions):
            return False
        self.hidden.add(version_id)
        if self._column == position:
            self.move_column(-1 if position else 1)
            if self.versions[self._column].id in self.hidden:
                self.move_column(1)
        return True

    def toggle_translations(self) -> bool:
        """Show translations in place of originals; False when no version has any."""
        if not self.has_translations:
            return False
        self.show_translations = not self.show_translations
        self._find_hits()
        return True

    # -- pivot --------------------------------------------------------------------------------

    def set_pivot(self) -> bool:
        """Make the selected column the pivot; the cursor stays on the same sentence."""
        version = self.selected_version
        if version.id == self.comparison.pivot:
            return False
        self.show(self.realigned(version.id))
        return True

    def realigned(self, pivot: str) -> Comparison:
        """The versions aligned anew with ``pivot`` as the pivot. Reads the state, never
        changes it: the TUI runs it off the UI thread (seconds on long texts)."""
        shown = self.comparison
        comparison = self._recompare(shown.versions, pivot)
        return replace(comparison, title=shown.title, notes=list(shown.notes))

    def show(self, comparison: Comparison) -> None:
        """Show ``comparison`` (``realigned``); the cursor stays on the same sentence, preferring
        the new pivot's."""
        anchor = self._anchor(comparison.pivot)
        self.comparison = comparison
        self._refilter()
        if anchor is not None:
            self._place(self._row_of(*anchor))

    def _anchor(self, prefer: str) -> tuple[str, int] | None:
        row = self.selected_row
        if row is None:
            return None
        cells = sorted(row.cells, key=lambda c: c.version != prefer)
        for cell in cells:
            if cell.sentence_ids:
                return cell.version, cell.sentence_ids[0]
        return None

    def _row_of(self, version_id: str, sentence_id: int) -> int:
        for row in self.comparison.rows:
            if sentence_id in row.cell(version_id).sentence_ids:
                return row.index
        return 0

    # -- search -------------------------------------------------------------------------------

    def search(self, query: str) -> int:
        """Search every version's shown text; select the first hit from the cursor on.

        Returns the number of matching rows; an empty query ends the search.
        """
        if not query.strip():
            self.clear_search()
            return 0
        self.query = query
        self._pattern = re.compile(re.escape(query), re.IGNORECASE)
        self._find_hits()
        if self._hits:
            here = self._shown[self._cursor]
            after = [i for i in self._hits if i >= here]
            self._place(after[0] if after else self._hits[0])
        return len(self._hits)

    def clear_search(self) -> None:
        self.query = None
        self._pattern = None
        self._hits = []

    def hit_number(self) -> int | None:
        """1-based number of the selected row among the hits, if it is one."""
        row = self.selected_row
        if row is None or row.index not in self._hits:
            return None
        return self._hits.index(row.index) + 1

    def _find_hits(self) -> None:
        pattern = self._pattern
        if pattern is None:
            self._hits = []
            return
        rows = self.comparison.rows
        self._hits = [
            i
            for i in self._shown
            if any(
                pattern.search(self.display_text(self.comparison.version(cell.version), cell))
                for cell in rows[i].cells
            )
        ]

    def search_ranges(self, text: str) -> list[tuple[int, int]]:
        """Character ranges of ``text`` the active search matches."""
        if self._pattern is None:
            return []
        return [m.span() for m in self._pattern.finditer(text)]

    # -- cell contents ------------------------------------------------------------------------

    def display_text(self, version: Version, cell: Cell) -> str:
        """The cell's original, or its translation when translations are shown and complete."""
        if self.show_translations:
            translation = cell_translation(version, cell.sentence_ids)
            if translation is not None:
                return translation
        return cell_text(version, cell.sentence_ids)

    def pieces(self, row: Row, cell: Cell) -> list[Piece]:
        """A cell as runs of text, its words that differ from the pivot marked.

        The pivot cell marks words some other version lacks; every other cell marks the words
        it adds. A diff is used only if it was computed on exactly the text shown. Between
        accounts worded differently, the original or the translation shown marks what the other
        side lacks instead. Ranges
        are found on the raw text; each piece is then made ``visible`` for drawing.
        """
        if not cell.sentence_ids:
            return [_placeholder(cell)]
        version = self.comparison.version(cell.version)
        text = self.display_text(version, cell)
        original = text == cell_text(version, cell.sentence_ids)
        pivot = self.comparison.pivot
        only_here = shown_only_here(row, cell.version, pivot, translation=not original)
        if only_here:
            pieces = _mark(text, [(s.start, s.end) for s in only_here], Span.ONLY)
        elif cell.version == self.comparison.pivot:
            pieces = _mark(text, _dropped_ranges(row, cell.version, text), Span.DROPPED)
        elif cell.diff is not None and cell.status in _HIGHLIGHTED and new_text(cell.diff) == text:
            pieces = _mark(text, _op_ranges(cell.diff, Op.INSERT), Span.ADDED)
        else:
            pieces = [Piece(text, Span.PLAIN)]
        shown = [Piece(visible(piece.text), piece.span) for piece in pieces]
        suffix = _suffix(version, cell)
        return [*shown, suffix] if suffix else shown

    def plain(self, cell: Cell) -> str:
        """The text ``pieces`` spells out, found without diffing: for measuring rows fast."""
        if not cell.sentence_ids:
            return _placeholder(cell).text
        version = self.comparison.version(cell.version)
        text = visible(self.display_text(version, cell))
        suffix = _suffix(version, cell)
        return text + suffix.text if suffix else text


def _placeholder(cell: Cell) -> Piece:
    if cell.status is Status.MOVED and cell.moved_to is not None:
        return Piece(moved_to(cell.moved_to + 1), Span.MOVED)
    return Piece("—", Span.NOTE)


def _suffix(version: Version, cell: Cell) -> Piece | None:
    """Where a moved cell came from, or an account's link and place in its own text."""
    if cell.status is Status.MOVED and cell.moved_to is not None:
        return Piece("  " + moved_from(cell.moved_to + 1), Span.MOVED)
    mark = account_mark(version, cell)
    return None if mark is None else Piece(f"  [{mark}]", Span.NOTE)


def _op_ranges(diff: Sequence[DiffOp], kind: Op) -> list[tuple[int, int]]:
    """Where the ops of ``kind`` fall in the text on their side of the diff."""
    ranges: list[tuple[int, int]] = []
    skip = Op.DELETE if kind is Op.INSERT else Op.INSERT
    offset = 0
    for op in diff:
        if op.op is skip:
            continue
        if op.op is kind and op.text.strip():
            ranges.append((offset, offset + len(op.text)))
        offset += len(op.text)
    return ranges


def _dropped_ranges(row: Row, pivot_id: str, text: str) -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for cell in row.cells:
        if cell.version == pivot_id or cell.diff is None or cell.status not in _HIGHLIGHTED:
            continue
        if old_text(cell.diff) == text:
            ranges.extend(_op_ranges(cell.diff, Op.DELETE))
    return ranges


def _mark(text: str, ranges: list[tuple[int, int]], span: Span) -> list[Piece]:
    """Split ``text`` into plain and ``span`` pieces; overlapping ranges merge."""
    if not ranges:
        return [Piece(text, Span.PLAIN)]
    marked = [False] * len(text)
    for start, end in ranges:
        for i in range(start, end):
            marked[i] = True
    pieces: list[Piece] = []
    start = 0
    for i in range(1, len(text) + 1):
        if i == len(text) or marked[i] != marked[start]:
            pieces.append(Piece(text[start:i], span if marked[start] else Span.PLAIN))
            start = i
    return pieces
