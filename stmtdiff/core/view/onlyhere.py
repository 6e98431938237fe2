"""How the front ends show what only one side of a linked pair of accounts says
(``Cell.only_here``): which spans a cell highlights, its text cut at them, and the legend every
output prints, so a highlight means the same in the terminal, HTML, Markdown and the TUI."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from stmtdiff.core.model import Cell, OnlyHere, OnlyKind, Row

#: The legend line: how a highlight differs from a word diff.
LEGEND = (
    "only this side of a linked pair says it: a clause, number or name with no counterpart on "
    "the other side (worded differently, so words are not diffed)"
)

#: What each kind of span is, for tooltips and the TUI's detail pane.
KIND_NAMES: dict[OnlyKind, str] = {
    OnlyKind.CLAUSE: "a clause only this side has",
    OnlyKind.NUMBER: "a number or date only this side gives",
    OnlyKind.NAME: "a name only this side names",
}

#: Marks around a span where styles do not show (a file, a pipe, ``--color never``).
BRACKETS = ("⟦", "⟧")


def shown_only_here(
    row: Row, version_id: str, pivot_id: str, *, translation: bool = False
) -> tuple[OnlyHere, ...]:
    """The spans to highlight in ``version_id``'s cell of ``row``: a version's own; for the
    pivot's, the spans every linked version in the row finds the pivot alone to say (with two
    versions, all that version finds). ``translation``: those of the cell's translation line
    (``Cell.translation_only_here``) instead of its original."""

    def found(cell: Cell) -> tuple[OnlyHere, ...]:
        return cell.translation_only_here if translation else cell.only_here

    if version_id != pivot_id:
        return tuple(s for s in found(row.cell(version_id)) if s.side == "other")
    linked = [c for c in row.cells if c.version != pivot_id and c.sentence_ids and c.link]
    if not linked:
        return ()
    sets = [{s for s in found(c) if s.side == "pivot"} for c in linked]
    common = set.intersection(*sets)
    return tuple(s for s in found(linked[0]) if s in common)


def any_only_here(rows: Iterable[Row]) -> bool:
    """Whether any cell highlights a part, in its original or its translation: the legend is
    printed then."""
    return any(cell.only_here or cell.translation_only_here for row in rows for cell in row.cells)


def cut(text: str, spans: Sequence[OnlyHere]) -> list[tuple[str, OnlyHere | None]]:
    """``text`` in pieces, each a highlighted span (with its span) or the text between."""
    pieces: list[tuple[str, OnlyHere | None]] = []
    position = 0
    for span in sorted(spans, key=lambda item: item.start):
        if span.start < position:
            continue
        if span.start > position:
            pieces.append((text[position : span.start], None))
        pieces.append((text[span.start : span.end], span))
        position = span.end
    if position < len(text):
        pieces.append((text[position:], None))
    return pieces
