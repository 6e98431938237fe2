"""Side-by-side terminal view with rich: one column per version, a status gutter, inline diffs."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from stmtdiff.compare import account_mark, cell_text, cell_translation
from stmtdiff.model import SAME_STATUSES, Cell, Comparison, Op, Row, Status

SYMBOLS: dict[Status, str] = {
    Status.IDENTICAL: "=",
    Status.MINOR: "≈",
    Status.MATCHED: "~",
    Status.POSSIBLE: "?",
    Status.CHANGED: "≠",
    Status.MISSING: "−",
    Status.EXTRA: "+",
    Status.MOVED: "↕",
}
STYLES: dict[Status, str] = {
    Status.IDENTICAL: "dim",
    Status.MINOR: "cyan",
    Status.MATCHED: "blue",
    Status.POSSIBLE: "blue italic",
    Status.CHANGED: "yellow",
    Status.MISSING: "red",
    Status.EXTRA: "green",
    Status.MOVED: "magenta",
}
INSERT_STYLE = "bold green underline"
DELETE_STYLE = "red strike"


def cell_renderable(
    comparison: Comparison, row: Row, cell: Cell, *, brackets: bool = False
) -> Text:
    """A cell's text with the words it adds or drops against the pivot marked.

    ``brackets`` marks them wdiff-style, ``[-dropped-]{+added+}``, for output without styles
    (a file, a pipe, NO_COLOR), where strike-through and underline would vanish.
    """
    version = comparison.version(cell.version)
    if not cell.sentence_ids:
        if cell.status is Status.MOVED and cell.moved_to is not None:
            return Text(f"↕ moved to row {cell.moved_to + 1}", style=STYLES[Status.MOVED])
        return Text("—", style="dim")
    text = Text()
    if (
        cell.diff is not None
        and cell.diff_basis == "text"
        and cell.status in {Status.CHANGED, Status.MOVED}
    ):
        for op in cell.diff:
            if op.op is Op.EQUAL:
                text.append(op.text)
            elif op.op is Op.INSERT:
                text.append(f"{{+{op.text}+}}" if brackets else op.text, style=INSERT_STYLE)
            else:
                text.append(f"[-{op.text}-]" if brackets else op.text, style=DELETE_STYLE)
    else:
        text.append(cell_text(version, cell.sentence_ids))
    if cell.status is Status.MOVED and cell.moved_to is not None:
        text.append(f"  ↕ from row {cell.moved_to + 1}", style=STYLES[Status.MOVED])
    mark = account_mark(version, cell)
    if mark is not None:
        text.append(f"  [{mark}]", style="italic dim" if cell.link == "possible" else "dim")
    return text


def _header(comparison: Comparison) -> Text:
    text = Text()
    for index, version in enumerate(comparison.versions, start=1):
        role = " (pivot)" if version.id == comparison.pivot else ""
        text.append(f"{index}. ", style="bold")
        text.append(version.display_label, style="bold")
        details = [version.lang]
        if version.publisher:
            details.append(version.publisher)
        if version.path and version.path != version.display_label:
            details.append(version.path)
        text.append(f" [{', '.join(details)}]{role}\n")
    for pair in comparison.alignments:
        other = comparison.version(pair.other)
        text.append(
            f"   {other.display_label}: aligned by {pair.method}, "
            f"confidence {pair.confidence:.2f}\n",
            style="dim",
        )
    return text


def summary_text(comparison: Comparison) -> Text:
    text = Text()
    counts = comparison.counts()
    text.append(f"{len(comparison.rows)} rows: ", style="bold")
    parts = [(status, n) for status, n in counts.items() if n]
    for k, (status, n) in enumerate(parts):
        if k:
            text.append(", ")
        text.append(f"{SYMBOLS[status]} {n} {status.value}", style=STYLES[status])
    return text


def render_terminal(
    comparison: Comparison,
    console: Console,
    *,
    only_changes: bool = False,
    show_translation: bool = False,
) -> None:
    """Print the comparison table, the alignment warnings and a summary line."""
    brackets = console.no_color or not console.is_terminal
    console.print(_header(comparison))
    for pair in comparison.alignments:
        if pair.warning:
            console.print(Text(f"warning: {pair.warning}", style="bold yellow"))
    for note in comparison.notes:
        console.print(Text(f"note: {note}", style="yellow"))
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=True, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True, style="dim")
    table.add_column("", no_wrap=True, width=1)
    for version in comparison.versions:
        table.add_column(f"{version.display_label} ({version.lang})", ratio=1, overflow="fold")
    for row in comparison.rows:
        if only_changes and row.status in SAME_STATUSES:
            continue
        cells = []
        for cell in row.cells:
            renderable = cell_renderable(comparison, row, cell, brackets=brackets)
            translation = cell_translation(
                comparison.version(cell.version), cell.sentence_ids, placeholder="…"
            )
            cells.append(
                Group(renderable, Text(translation, style="italic dim"))
                if show_translation and translation is not None
                else renderable
            )
        table.add_row(
            str(row.index + 1),
            Text(SYMBOLS[row.status], style=STYLES[row.status]),
            *cells,
        )
    console.print(table)
    console.print(summary_text(comparison))
