"""Side-by-side terminal view: one column per version, a status gutter, inline diffs.

The table is laid out here, not by ``rich.table.Table``: at 8,000 rows rich's table spent
5.5–5.8 s of a 7.8 s run measuring and re-wrapping every cell (``Table._render``,
``Text.wrap``, 1.76 M ``cell_len`` calls). Column widths are fixed once from the console's
width, each cell is wrapped in one pass (``wrap_ranges``), and each line goes out as one list
of segments. ``benchmarks/terminal_speed.py`` times it beside ``icdiff``.

Without colours (a pipe, a file, NO_COLOR, ``--color never``) the view is plain text, and
``plain_terminal`` writes it without rich's console, whose import took ~25 ms of a two-sentence
compare (``benchmarks/startup.py``): the table's lines are made here anyway, and the text above
and below it is printed as it is whenever no line of it needs rich to wrap it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import chain

from rich.cells import cell_len

from stmtdiff.core.compare.compare import account_mark, cell_text, cell_translation
from stmtdiff.core.compare.summary import fact_previews, preview
from stmtdiff.core.model import (
    SAME_STATUSES,
    Cell,
    Comparison,
    DiffBasis,
    LinkKind,
    OnlyHere,
    OnlyKind,
    Op,
    Row,
    Status,
)
from stmtdiff.core.text.visible import visible
from stmtdiff.core.view.onlyhere import BRACKETS, LEGEND, any_only_here, cut, shown_only_here
from stmtdiff.core.view.status import (
    SYMBOLS,
    alignment_words,
    moved_from,
    moved_to,
    rows_words,
    status_counts,
)
from stmtdiff.lazyexports import lazy_pattern

TYPE_CHECKING = False  # not ``typing``'s: rich's console and text load only for rich's output
if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.style import Style
    from rich.text import Text

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
#: What only one side of a linked pair of accounts says: a background, unlike a diff's lines.
ONLY_STYLE = "black on yellow"
TRANSLATION_STYLE = "italic dim"
HEADER_STYLE = "bold"
NUMBER_STYLE = "dim"
#: Spaces between the gutter and each text column.
GAP = "  "
#: Narrowest text column: below it a Russian word breaks on nearly every line.
MIN_COLUMN = 8

#: A run of text and the rich style it shows in ("" for none).
Span = tuple[str, str]

#: Characters two columns wide (CJK, Hangul, fullwidth forms): a line may break between any two.
_WIDE = (
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf"
    "\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U00020000-\U0003fffd]"
)
#: Break units of text holding wide characters: a space run, one wide character, or a word.
#: Compiled when a cell first holds a wide character (~8 ms, half the cost of importing this
#: module): Latin and Cyrillic text never uses it.
_UNITS = lazy_pattern(f" +|{_WIDE}|[^ {_WIDE[1:-1]}]+")


def cell_spans(
    comparison: Comparison,
    cell: Cell,
    *,
    brackets: bool = False,
    only_here: Sequence[OnlyHere] = (),
) -> list[Span]:
    """A cell's text with the words it adds or drops against the pivot marked, or, between
    accounts, the parts ``only_here`` that the other side lacks highlighted.

    ``brackets`` marks them wdiff-style, ``[-dropped-]{+added+}``, for output without styles
    (a file, a pipe, NO_COLOR, ``--color never``), where strike-through and underline would
    vanish. Control characters show as ``visible`` tokens (the diff ran on the raw text).
    """
    version = comparison.version(cell.version)
    if not cell.sentence_ids:
        if cell.status is Status.MOVED and cell.moved_to is not None:
            return [(moved_to(cell.moved_to + 1), STYLES[Status.MOVED])]
        return [("—", "dim")]
    spans: list[Span] = []
    if (
        cell.diff is not None
        and cell.diff_basis == DiffBasis.TEXT
        and cell.status in {Status.CHANGED, Status.MOVED}
    ):
        for op in cell.diff:
            shown = visible(op.text)
            if op.op is Op.EQUAL:
                spans.append((shown, ""))
            elif op.op is Op.INSERT:
                spans.append((f"{{+{shown}+}}" if brackets else shown, INSERT_STYLE))
            else:
                spans.append((f"[-{shown}-]" if brackets else shown, DELETE_STYLE))
    else:
        spans.extend(_highlighted(cell_text(version, cell.sentence_ids), only_here, brackets))
    if cell.status is Status.MOVED and cell.moved_to is not None:
        spans.append(("  " + moved_from(cell.moved_to + 1), STYLES[Status.MOVED]))
    mark = account_mark(version, cell)
    if mark is not None:
        spans.append((f"  [{mark}]", "italic dim" if cell.link is LinkKind.POSSIBLE else "dim"))
    return spans


#: A span covering the legend's "…", to show the highlight as the table shows it.
_WHOLE = OnlyHere("other", OnlyKind.CLAUSE, 0, 1, "…")


def _highlighted(
    text: str, only_here: Sequence[OnlyHere], brackets: bool, style: str = ""
) -> list[Span]:
    """``text`` in ``style`` with the parts ``only_here`` highlighted (bracketed ``⟦…⟧`` without
    styles)."""
    opening, closing = BRACKETS if brackets else ("", "")
    marked = f"{style} {ONLY_STYLE}".strip()
    return [
        (f"{opening}{visible(piece)}{closing}", marked) if span else (visible(piece), style)
        for piece, span in cut(text, only_here)
    ]


def wrap_ranges(text: str, width: int) -> list[tuple[int, int, int]]:
    """Lines of ``text`` in a column ``width`` cells wide, as ``(start, end, cells)``.

    Breaks at spaces and between wide (CJK) characters; a word wider than the column is cut.
    Spaces at a break are dropped; LF breaks a line. Text without wide characters (Latin,
    Cyrillic) takes a fast path that jumps a line at a time with ``str.rfind``.
    """
    lines: list[tuple[int, int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        end = start + len(paragraph)
        if cell_len(paragraph) == len(paragraph):
            _wrap_narrow(text, start, end, width, lines)
        else:
            _wrap_wide(text, start, end, width, lines)
        start = end + 1
    return lines


def _wrap_narrow(
    text: str, start: int, end: int, width: int, lines: list[tuple[int, int, int]]
) -> None:
    """One cell per character: each line is found with one ``rfind``."""
    if start == end:
        lines.append((start, start, 0))
        return
    while start < end:
        if end - start <= width:
            lines.append((start, end, end - start))
            return
        cut = text.rfind(" ", start, start + width + 1)
        if cut <= start:
            cut = start + width  # a word wider than the column
        stop = cut
        while stop > start and text[stop - 1] == " ":
            stop -= 1
        lines.append((start, stop, stop - start))
        start = cut
        while start < end and text[start] == " ":
            start += 1


def _wrap_wide(
    text: str, start: int, end: int, width: int, lines: list[tuple[int, int, int]]
) -> None:
    """Unit by unit, measuring each: CJK characters are two cells and break anywhere."""
    first = len(lines)
    line_start, line_end, cells = start, start, 0
    for unit in _UNITS.finditer(text, start, end):
        if unit.group()[0] == " ":
            continue  # a space run counts as the gap before the next unit on the same line
        low, high = unit.span()
        size = cell_len(unit.group())
        if cells:
            gap = low - line_end
            if cells + gap + size <= width:
                cells, line_end = cells + gap + size, high
                continue
            lines.append((line_start, line_end, cells))
        while size > width:  # a word wider than the column: cut it
            cut, taken = low, 0
            while cut < high and taken + cell_len(text[cut]) <= width:
                taken += cell_len(text[cut])
                cut += 1
            if cut == low:  # one character wider than the column
                cut, taken = low + 1, cell_len(text[low])
            lines.append((low, cut, taken))
            low = cut
            size = cell_len(text[low:high])
        line_start, line_end, cells = low, high, size
    if cells or len(lines) == first:
        lines.append((line_start, line_end, cells))


def wrap_spans(spans: Sequence[Span], width: int) -> list[tuple[list[Span], int]]:
    """Styled text wrapped to ``width`` cells: each line's spans and its width in cells."""
    text = "".join(piece for piece, _ in spans).replace("\t", " ")
    ranges = wrap_ranges(text, width)
    if len(spans) == 1:
        style = spans[0][1]
        return [([(text[a:b], style)], cells) for a, b, cells in ranges]
    bounds: list[tuple[int, int, str]] = []
    offset = 0
    for piece, style in spans:
        bounds.append((offset, offset + len(piece), style))
        offset += len(piece)
    lines: list[tuple[list[Span], int]] = []
    for a, b, cells in ranges:
        line = [
            (text[max(a, lo) : min(b, hi)], style) for lo, hi, style in bounds if lo < b and hi > a
        ]
        lines.append((line, cells))
    return lines


@dataclass(frozen=True)
class Layout:
    """Fixed column widths, computed once for the whole table."""

    number: int
    marks: tuple[int, ...]
    column: int
    columns: int

    @property
    def gutter(self) -> int:
        return self.number + sum(1 + width for width in self.marks)

    @property
    def width(self) -> int:
        return self.gutter + self.columns * (len(GAP) + self.column)


def row_marks(row: Row) -> list[Span]:
    """The marks in the gutter after a row's number: its status symbol."""
    return [(SYMBOLS[row.status], STYLES[row.status])]


def table_layout(rows: Sequence[Row], columns: int, width: int) -> Layout:
    """Split ``width`` cells into the gutter and ``columns`` equal text columns."""
    number = max([1, *(len(str(row.index + 1)) for row in rows)])
    marks = [0] * max((len(row_marks(row)) for row in rows), default=1)
    for row in rows:
        for k, (mark, _) in enumerate(row_marks(row)):
            marks[k] = max(marks[k], cell_len(mark))
    gutter = number + sum(1 + w for w in marks)
    column = max(MIN_COLUMN, (width - gutter - columns * len(GAP)) // max(columns, 1))
    return Layout(number, tuple(marks), column, columns)


class TableLines:
    """The table as a rich renderable that yields ready-made lines (no measuring, no cropping)."""

    def __init__(
        self, header: list[list[Span]], rows: Iterator[list[list[Span]]], layout: Layout
    ) -> None:
        self.header = header
        self.rows = rows
        self.layout = layout

    def lines(self) -> Iterator[list[Span]]:
        """Each line of the table as spans, without its line break: header, rule, rows."""
        rule: list[Span] = [("─" * self.layout.width, NUMBER_STYLE)]
        body = chain.from_iterable(map(self._lines, self.rows))
        return chain(self._lines(self.header), [rule], body)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment

        styles: dict[str, Style | None] = {"": None}
        for spans in self.lines():
            # Unstyled runs merge into one segment: rich's cost is per segment.
            plain: list[str] = []
            for piece, name in spans:
                if not name:
                    plain.append(piece)
                    continue
                if plain:
                    yield Segment("".join(plain))
                    plain.clear()
                if name not in styles:
                    styles[name] = console.get_style(name)
                yield Segment(piece, styles[name])
            plain.append("\n")
            yield Segment("".join(plain))

    def _lines(self, cells: list[list[Span]]) -> Iterator[list[Span]]:
        """Gutter cells first (already one line each), then text columns wrapped side by side."""
        layout = self.layout
        gutter, texts = cells[: 1 + len(layout.marks)], cells[1 + len(layout.marks) :]
        wrapped = [wrap_spans(spans, layout.column) for spans in texts]
        height = max(len(lines) for lines in wrapped)
        for k in range(height):
            line: list[Span] = []
            if k == 0:
                number = "".join(piece for piece, _ in gutter[0])
                line.append((" " * (layout.number - len(number)), ""))
                line.extend(gutter[0])
                for width, mark in zip(layout.marks, gutter[1:], strict=False):
                    line.append((" ", ""))
                    line.extend(mark)
                    line.append((" " * (width - sum(cell_len(piece) for piece, _ in mark)), ""))
            else:
                line.append((" " * layout.gutter, ""))
            pending = 0
            for lines in wrapped:
                if k < len(lines):
                    spans, cells_used = lines[k]
                    line.append((" " * pending + GAP, ""))
                    line.extend(spans)
                    pending = layout.column - cells_used
                else:
                    pending += len(GAP) + layout.column
            yield line


class _Spans:
    """Styled text built as a rich ``Text`` is, ``append(text, style)``, as spans: printed by
    rich in colour (``spans_text``), or joined as plain text without it."""

    def __init__(self) -> None:
        self.spans: list[Span] = []

    def append(self, text: str, style: str = "") -> None:
        self.spans.append((text, style))


def spans_text(spans: Sequence[Span]) -> Text:
    """Styled spans as one rich ``Text`` (the TUI's who-said-what screen shows this block)."""
    from rich.text import Text

    text = Text()
    for piece, style in spans:
        text.append(piece, style=style or None)
    return text


def _header(comparison: Comparison) -> list[Span]:
    text = _Spans()
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
            f"   {visible(other.display_label)}: aligned by {alignment_words(pair)}\n",
            style="dim",
        )
    return text.spans


#: One-sided facts previewed per version in the terminal; the rest are counted.
SHOWN_FACTS = 3
#: The indent of a preview line (before its row label) and of a wrapped list of subjects.
PREVIEW_INDENT = "    "
#: Columns a preview keeps however narrow the view, so that it still names its sentence.
PREVIEW_MIN = 16


def who_said_what_text(
    comparison: Comparison, width: int, *, shown: int | None = SHOWN_FACTS
) -> list[Span] | None:
    """The "who said what" block: facts both report, facts and subjects only one side has
    (the first ``shown`` facts of each side previewed, the rest counted; ``None``: all).

    Each one-sided fact gets a line of its own, its preview cut to the ``width`` left after its
    row label (a Chinese character takes two columns), so a long preview never wraps into the
    layout of the next (at 80 columns three previews on one line did)."""
    summary = comparison.who_said_what
    if summary is None:
        return None
    text = _Spans()
    for position, pair in enumerate(summary.pairs):
        labels = {
            vid: visible(comparison.version(vid).display_label) for vid in (pair.pivot, pair.other)
        }
        text.append("\n" if position else "")
        text.append(f"Who said what: {labels[pair.pivot]} / {labels[pair.other]}\n", style="bold")
        text.append(f"  both report {pair.both}{pair.both_words}\n")
        for vid, facts in pair.only.items():
            text.append(f"  only {labels[vid]}: {len(facts)}\n", style=STYLES[Status.MISSING])
            previewed = facts if shown is None else facts[:shown]
            label_width = len(f"row {max((f.row for f in previewed), default=0) + 1} ")
            room = max(width - len(PREVIEW_INDENT) - label_width - 2, PREVIEW_MIN)  # 2: quotes
            for row, line in fact_previews(comparison, vid, previewed, limit=room):
                text.append(PREVIEW_INDENT)
                text.append(f"row {row + 1} ".ljust(label_width), style="dim")
                text.append(f"“{line}”\n")
            if len(facts) > len(previewed):
                text.append(f"{PREVIEW_INDENT}{len(facts) - len(previewed)} more\n", style="dim")
        if pair.subjects_only is None:
            text.append("  subjects: not checked (language not in the subject table)\n", "dim")
            continue
        for vid, mentions in pair.subjects_only.items():
            if mentions:
                lead = f"  named only by {labels[vid]}: "
                text.append(lead, style="bold")
                names = [m.subject.name for m in mentions]
                text.append(_fill(names, width, cell_len(lead)) + "\n")
    return text.spans


def _fill(names: Sequence[str], width: int, used: int) -> str:
    """``names`` joined by commas, each kept whole, lines broken between names and indented
    under the previews, so a list of subjects wraps as a list, not at column 0 mid-name."""
    out: list[str] = []
    for k, name in enumerate(names):
        piece = name + ("," if k < len(names) - 1 else "")
        size = cell_len(piece)
        if used + (1 if k else 0) + size > width and used > len(PREVIEW_INDENT):
            out.append("\n" + PREVIEW_INDENT)  # also before the first name, after a long label
            used = len(PREVIEW_INDENT)
        elif k:
            out.append(" ")
            used += 1
        out.append(piece)
        used += size
    return "".join(out)


def summary_text(comparison: Comparison) -> list[Span]:
    text = _Spans()
    text.append(f"{rows_words(len(comparison.rows))}: ", style="bold")
    parts = [(status, n) for status, n in status_counts(comparison).items() if n]
    for k, (status, n) in enumerate(parts):
        if k:
            text.append(", ")
        text.append(f"{SYMBOLS[status]} {n} {status.value}", style=STYLES[status])
    return text.spans


def _row_cells(
    comparison: Comparison, row: Row, *, brackets: bool, show_translation: bool
) -> list[list[Span]]:
    """A row's gutter cells (number, marks) and its text cells, as styled spans."""
    cells: list[list[Span]] = [[(str(row.index + 1), NUMBER_STYLE)]]
    cells.extend([mark] for mark in row_marks(row))
    for cell in row.cells:
        only_here = shown_only_here(row, cell.version, comparison.pivot)
        spans = cell_spans(comparison, cell, brackets=brackets, only_here=only_here)
        if show_translation:
            version = comparison.version(cell.version)
            translation = cell_translation(version, cell.sentence_ids, placeholder="…")
            if translation is not None:
                marks = shown_only_here(row, cell.version, comparison.pivot, translation=True)
                spans.append(("\n", TRANSLATION_STYLE))
                spans.extend(_highlighted(translation, marks, brackets, TRANSLATION_STYLE))
        cells.append(spans)
    return cells


def column_title(label: str, lang: str, width: int) -> str:
    """A column's heading, "label (lang)": a label wider than its column is cut with an
    ellipsis (the list above the table gives it whole) rather than broken mid-word."""
    shown = visible(label)
    if cell_len(shown) > width:
        shown = preview(shown, width)
    return f"{shown} ({lang})"


def _blocks(
    comparison: Comparison,
    width: int,
    *,
    brackets: bool,
    only_changes: bool,
    show_translation: bool,
) -> Iterator[list[Span] | TableLines]:
    """What the view prints, in order: blocks of styled text (each printed with a line break
    after it) and the table, ``width`` cells wide, diffs bracketed when ``brackets``."""
    yield _header(comparison)
    who = who_said_what_text(comparison, width)
    if who is not None:
        yield who
    for pair in comparison.alignments:
        if pair.warning:
            yield [(f"warning: {visible(pair.warning)}", "bold yellow")]
    for note in comparison.notes:
        yield [(f"note: {visible(note)}", "yellow")]
    rows = [r for r in comparison.rows if not (only_changes and r.status in SAME_STATUSES)]
    layout = table_layout(rows, len(comparison.versions), width)
    # Labels go through ``visible`` and stay spans: never parsed as rich markup.
    header: list[list[Span]] = [[("#", HEADER_STYLE)]]
    header.extend([("", "")] for _ in layout.marks)
    header.extend(
        [(column_title(version.display_label, version.lang, layout.column), HEADER_STYLE)]
        for version in comparison.versions
    )
    body = (
        _row_cells(comparison, row, brackets=brackets, show_translation=show_translation)
        for row in rows
    )
    yield TableLines(header, body, layout)
    if any_only_here(rows):
        yield [*_highlighted("…", [_WHOLE], brackets), (f" {LEGEND}", "")]
    yield summary_text(comparison)


def render_terminal(
    comparison: Comparison,
    console: Console,
    *,
    only_changes: bool = False,
    show_translation: bool = False,
) -> None:
    """Print the comparison table, the alignment warnings and a summary line.

    The table fills ``console.width``; without colours (``console.no_color`` or no colour
    system: a file, a pipe, ``--color never``) diffs are bracketed instead of styled.
    """
    brackets = console.no_color or console.color_system is None
    for block in _blocks(
        comparison,
        console.width,
        brackets=brackets,
        only_changes=only_changes,
        show_translation=show_translation,
    ):
        if isinstance(block, TableLines):
            console.print(block, crop=False)
        else:
            console.print(spans_text(block))


def plain_terminal(
    comparison: Comparison,
    width: int,
    *,
    only_changes: bool = False,
    show_translation: bool = False,
) -> str | None:
    """The view without colours, ``width`` cells wide, as ``render_terminal`` prints it on a
    console without colours, or ``None`` when that needs rich: a line of text above or below
    the table wider than ``width`` (rich wraps it) or holding a tab (rich expands it)."""
    out: list[str] = []
    for block in _blocks(
        comparison,
        width,
        brackets=True,
        only_changes=only_changes,
        show_translation=show_translation,
    ):
        if isinstance(block, TableLines):
            out.extend("".join(piece for piece, _ in spans) + "\n" for spans in block.lines())
            continue
        text = "".join(piece for piece, _ in block)
        if "\t" in text or any(cell_len(line) > width for line in text.split("\n")):
            return None
        out.append(text + "\n")
    return "".join(out)
