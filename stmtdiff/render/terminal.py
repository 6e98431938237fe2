"""Side-by-side terminal view with rich: one column per version, a status gutter, inline diffs."""

from __future__ import annotations

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from stmtdiff.compare import account_mark, cell_text, cell_translation
from stmtdiff.model import SAME_STATUSES, Cell, Comparison, Op, Row, Status
from stmtdiff.summary import fact_previews
from stmtdiff.visible import visible

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
    (a file, a pipe, NO_COLOR), where strike-through and underline would vanish. Control
    characters show as ``visible`` tokens (the diff ran on the raw text).
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
            shown = visible(op.text)
            if op.op is Op.EQUAL:
                text.append(shown)
            elif op.op is Op.INSERT:
                text.append(f"{{+{shown}+}}" if brackets else shown, style=INSERT_STYLE)
            else:
                text.append(f"[-{shown}-]" if brackets else shown, style=DELETE_STYLE)
    else:
        text.append(visible(cell_text(version, cell.sentence_ids)))
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
        text.append(visible(version.display_label), style="bold")
        details = [version.lang]
        if version.publisher:
            details.append(version.publisher)
        if version.path and version.path != version.display_label:
            details.append(version.path)
        text.append(visible(f" [{', '.join(details)}]{role}\n"))
    for pair in comparison.alignments:
        other = comparison.version(pair.other)
        text.append(
            f"   {visible(other.display_label)}: aligned by {pair.method}, "
            f"confidence {pair.confidence:.2f}\n",
            style="dim",
        )
    return text


#: One-sided facts previewed per version in the terminal; the rest are counted.
SHOWN_FACTS = 3


def who_said_what_text(comparison: Comparison) -> Text | None:
    """The "who said what" block: facts both report, facts and subjects only one side has."""
    summary = comparison.who_said_what
    if summary is None:
        return None
    text = Text()
    for position, pair in enumerate(summary.pairs):
        labels = {
            vid: visible(comparison.version(vid).display_label) for vid in (pair.pivot, pair.other)
        }
        text.append("\n" if position else "")
        text.append(f"Who said what: {labels[pair.pivot]} / {labels[pair.other]}\n", style="bold")
        text.append(f"  both report {pair.both} fact{'s' if pair.both != 1 else ''}\n")
        for vid, facts in pair.only.items():
            text.append(f"  only {labels[vid]}: {len(facts)}", style=STYLES[Status.MISSING])
            previews = fact_previews(comparison, vid, facts[:SHOWN_FACTS])
            for k, (row, line) in enumerate(previews):
                text.append(" — " if k == 0 else "; ")
                text.append(f"row {row + 1} ", style="dim")
                text.append(f"“{visible(line)}”")
            if len(facts) > SHOWN_FACTS:
                text.append(f"; {len(facts) - SHOWN_FACTS} more", style="dim")
            text.append("\n")
        if pair.subjects_only is None:
            text.append("  subjects: not checked (language not in the subject table)\n", "dim")
            continue
        for vid, mentions in pair.subjects_only.items():
            if mentions:
                names = ", ".join(m.subject.name for m in mentions)
                text.append(f"  named only by {labels[vid]}: ", style="bold")
                text.append(f"{names}\n")
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
    who = who_said_what_text(comparison)
    if who is not None:
        console.print(who)
    for pair in comparison.alignments:
        if pair.warning:
            console.print(Text(f"warning: {visible(pair.warning)}", style="bold yellow"))
    for note in comparison.notes:
        console.print(Text(f"note: {visible(note)}", style="yellow"))
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, expand=True, pad_edge=False)
    table.add_column("#", justify="right", no_wrap=True, style="dim")
    table.add_column("", no_wrap=True, width=1)
    for version in comparison.versions:
        # A Text header: a str would be parsed as rich markup.
        header = Text(visible(f"{version.display_label} ({version.lang})"))
        table.add_column(header, ratio=1, overflow="fold")
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
                Group(renderable, Text(visible(translation), style="italic dim"))
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
