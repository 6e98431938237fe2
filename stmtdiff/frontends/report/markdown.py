"""A compact Markdown report for pull-request comments and issue trackers (GitHub Markdown).

Only the rows that differ are listed (with ``include_matched``, also the ``matched`` rows that
pair sentences across languages, so a reader can check those pairings), and the report stops
short of GitHub's 65,536-character comment limit with an explicit count of the rows left out.
Input text is backslash-escaped, so a statement can never inject links, HTML or table columns
into the comment, and its control characters show as ``visible`` tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence

from stmtdiff.core.compare.summary import fact_previews
from stmtdiff.core.model import SAME_STATUSES, Comparison, Row, Status, Version
from stmtdiff.core.text.visible import visible
from stmtdiff.core.view.onlyhere import LEGEND
from stmtdiff.core.view.status import SYMBOLS, alignment_words, moved_from, moved_to, status_counts
from stmtdiff.frontends.report.html import (
    CellView,
    Piece,
    alone_counts,
    report_title,
    row_cell_views,
)
from stmtdiff.frontends.report.sources import public_source
from stmtdiff.project import stmtdiff_version

#: GitHub rejects comments longer than this many characters.
COMMENT_LIMIT = 65_536
#: Room kept for the closing "N more rows omitted" line.
_OMITTED_RESERVE = 200
_SPECIAL = re.compile(r"([\\`*_{}\[\]<>|~&#!])")
_SPACE = re.compile(r"\s+")
#: Piece marks as Markdown: the marker where it works, else the HTML tags. What only one
#: account says has no Markdown marker; GitHub keeps ``<mark>``.
_MARKERS = {
    "ins": ("**", "<ins>", "</ins>"),
    "del": ("~~", "<del>", "</del>"),
    "only": ("", "<mark>", "</mark>"),
}


def escape(text: str) -> str:
    """Input text as literal Markdown: specials backslash-escaped, line breaks made spaces,
    other control characters shown."""
    return _SPECIAL.sub(r"\\\1", visible(_SPACE.sub(" ", text)))


def _punct_p(char: str) -> bool:
    return unicodedata.category(char).startswith("P") or (char.isascii() and _ascii_punct(char))


def _punct_ps(char: str) -> bool:
    return _punct_p(char) or unicodedata.category(char).startswith("S")


def _ascii_punct(char: str) -> bool:
    return not char.isalnum() and not char.isspace() and char.isprintable()


def _flanking(before: str, first: str, last: str, after: str) -> bool:
    """Whether ``**``/``~~`` around a span opening on ``first`` and closing on ``last`` work.

    CommonMark's delimiter-run rules, checked with both its older (P only) and newer (P and S)
    notions of punctuation, since renderers differ; ``before``/``after`` are "" at line ends.
    """

    def space(char: str) -> bool:
        return not char or char.isspace()

    for punct in (_punct_p, _punct_ps):
        opens = not space(first) and (not punct(first) or space(before) or punct(before))
        closes = not space(last) and (not punct(last) or space(after) or punct(after))
        if not (opens and closes):
            return False
    return True


def _first_rendered(pieces: Sequence[Piece], index: int) -> str:
    """The first character the piece at ``index`` will put on the page ("" past the end)."""
    if index >= len(pieces):
        return ""
    piece = pieces[index]
    if piece.mark and piece.text.strip() and not piece.text[0].isspace():
        return (_MARKERS[piece.mark][0] or _MARKERS[piece.mark][1])[0]
    return escape(piece.text)[:1]


def marked(pieces: Sequence[Piece]) -> str:
    """Pieces as Markdown: ``~~deleted~~`` and ``**inserted**`` (HTML tags where those fail)."""
    out = ""
    for index, piece in enumerate(pieces):
        text = escape(piece.text)
        core = text.strip()
        if not piece.mark or not core:
            out += text
            continue
        lead = text[: len(text) - len(text.lstrip())]
        trail = text[len(text.rstrip()) :]
        out += lead
        after = trail[:1] or _first_rendered(pieces, index + 1)
        marker, open_tag, close_tag = _MARKERS[piece.mark]
        if marker and _flanking(out[-1:], core[0], core[-1], after):
            out += marker + core + marker
        else:
            out += open_tag + core + close_tag
        out += trail
    return out.strip()


def _cell(view: CellView) -> str:
    if view.pieces:
        text = marked(view.pieces)
        if view.moved_to is not None:
            text += " " + moved_from(view.moved_to)
        if view.mark is not None:
            text += (
                f" *[{escape(view.mark)}]*"
                if view.status == "possible"
                else f" [{escape(view.mark)}]"
            )
        return text
    if view.moved_to is not None:
        return moved_to(view.moved_to)
    return "— *missing*" if view.status == "missing" else "—"


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[str]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(align) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def _versions_table(comparison: Comparison) -> list[str]:
    alone = alone_counts(comparison)
    pairs = {pair.other: pair for pair in comparison.alignments}
    rows = []
    for number, version in enumerate(comparison.versions, start=1):
        total = len(version.sentences)
        share = alone[version.id] / total * 100 if total else 0.0
        pair = pairs.get(version.id)
        if pair is None:
            alignment = "pivot"
        else:
            alignment = alignment_words(pair)
            if pair.warning:
                alignment += f" ⚠ {escape(pair.warning)}"
        rows.append(
            [
                str(number),
                escape(version.display_label),
                escape(public_source(version)) or "—",
                escape(version.lang),
                escape(version.publisher or "—"),
                escape(version.date or "—"),
                str(total),
                f"{alone[version.id]} ({share:.1f} %)",
                alignment,
            ]
        )
    header = ["#", "Version", "Source", "Lang", "Publisher", "Date", "Sentences"]
    header += ["No counterpart", "Alignment"]
    return _table(header, rows, ["--:", "---", "---", "---", "---", "---", "--:", "--:", "---"])


#: One-sided facts previewed per version in a comment; the rest are counted.
SHOWN_FACTS = 5


def who_said_what_lines(comparison: Comparison) -> list[str]:
    """The "who said what" section: facts both report, facts and subjects only one side has."""
    summary = comparison.who_said_what
    if summary is None:
        return []
    lines = []
    for pair in summary.pairs:
        labels = {v: escape(comparison.version(v).display_label) for v in (pair.pivot, pair.other)}
        lines += [f"### Who said what: {labels[pair.pivot]} / {labels[pair.other]}", ""]
        lines.append(f"- Both report **{pair.both}**{pair.both_words}.")
        for vid, facts in pair.only.items():
            shown = fact_previews(comparison, vid, facts[:SHOWN_FACTS])
            items = [f"row {row + 1} “{escape(text)}”" for row, text in shown]
            if len(facts) > SHOWN_FACTS:
                items.append(f"{len(facts) - SHOWN_FACTS} more")
            listed = ": " + "; ".join(items) if items else ""
            lines.append(f"- Only **{labels[vid]}** ({len(facts)}){listed}")
        if pair.subjects_only is None:
            lines.append("- Subjects not checked (language not in the subject table).")
        else:
            for vid, mentions in pair.subjects_only.items():
                if mentions:
                    names = ", ".join(escape(m.subject.name) for m in mentions)
                    lines.append(f"- Named only by **{labels[vid]}**: {names}")
        lines.append("")
    return lines


def _summary_table(comparison: Comparison) -> list[str]:
    counts = status_counts(comparison)
    rows = [[f"{SYMBOLS[s]} {s.value}", str(n)] for s, n in counts.items() if n]
    rows.append(["**total**", f"**{len(comparison.rows)}**"])
    return _table(["Status", "Rows"], rows, ["---", "--:"])


def _difference_line(row: Row, versions: dict[str, Version], pivot: str) -> str:
    cells = [_cell(view) for view in row_cell_views(row, versions, pivot)]
    status = f"{SYMBOLS[row.status]} {row.status.value}"
    return "| " + " | ".join([str(row.index + 1), status, *cells]) + " |"


def render_markdown(
    comparison: Comparison, *, limit: int = COMMENT_LIMIT, include_matched: bool = False
) -> str:
    """The report as GitHub Markdown, at most ``limit`` characters long."""
    versions = {version.id: version for version in comparison.versions}
    differing = [row for row in comparison.rows if row.status not in SAME_STATUSES]
    listed = [
        row
        for row in comparison.rows
        if row.status not in SAME_STATUSES or (include_matched and row.status is Status.MATCHED)
    ]
    engines = sorted({v.translation_engine for v in comparison.versions if v.translation_engine})
    lines = [
        f"## {escape(report_title(comparison))}",
        "",
        f"Compared by stmtdiff {stmtdiff_version()}; translation: "
        f"{escape(', '.join(engines)) if engines else 'none'}.",
        "",
        *who_said_what_lines(comparison),
        *_versions_table(comparison),
        "",
        f"**Summary:** {len(differing)} of {len(comparison.rows)} aligned rows differ"
        + _marks_legend(listed, accounts=comparison.accounts)
        + ".",
        "",
        *_summary_table(comparison),
        "",
    ]
    if not listed:
        lines.append("No differences.")
        return "\n".join(lines) + "\n"
    header = ["#", "Status"]
    for version in comparison.versions:
        pivot = ", pivot" if version.id == comparison.pivot else ""
        header.append(f"{escape(version.display_label)} ({escape(version.lang)}{pivot})")
    lines += _table(header, [], ["--:", "---"] + ["---"] * len(comparison.versions))
    return _fill(
        lines, listed, lambda row: _difference_line(row, versions, comparison.pivot), limit
    )


def _marks_legend(rows: Sequence[Row], *, accounts: bool) -> str:
    """What the marks in the listed rows mean: word diffs' (versions of one text, or accounts
    worded alike) and highlights' (accounts worded differently); between accounts each only
    when some row has them, so a reader is not told of struck-through words there are none of."""
    parts = []
    if not accounts or any(cell.diff is not None for row in rows for cell in row.cells):
        parts.append("~~deleted~~: only in the pivot, **inserted**: only in that version")
    if any(cell.only_here for row in rows for cell in row.cells):
        parts.append(f"<mark>highlighted</mark>: {LEGEND}")
    return f" ({'; '.join(parts)})" if parts else ""


def _fill(lines: list[str], rows: Sequence[Row], line_of: Callable[[Row], str], limit: int) -> str:
    """Append row lines while they fit, then say how many did not."""
    text = "\n".join(lines) + "\n"
    budget = limit - _OMITTED_RESERVE
    shown = 0
    for row in rows:
        line = line_of(row) + "\n"
        if len(text) + len(line) > budget:
            break
        text += line
        shown += 1
    left = len(rows) - shown
    if left:
        text += (
            f"\n**{left} more rows omitted** to stay within {limit:,} characters; "
            "run `stmtdiff compare --format html` for the full report.\n"
        )
    return text
