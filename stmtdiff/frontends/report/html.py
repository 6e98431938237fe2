"""The publishable HTML report: one self-contained file with inline CSS and JS.

Jinja2 with autoescaping builds the markup, so every piece of input text (sentences, labels,
paths) reaches the page as text. The page fetches nothing: its Content-Security-Policy allows
no source at all except the hashes of its own inline style and script, so even a missed escape
could neither run a script nor load a remote resource. Control and bidi-override characters in
input text show as ``visible`` tokens: a browser would hide the first and obey the second.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from stmtdiff.core.compare.compare import account_mark, cell_text, cell_translation
from stmtdiff.core.compare.diff import new_text
from stmtdiff.core.compare.summary import fact_previews
from stmtdiff.core.model import (
    SAME_STATUSES,
    Cell,
    Comparison,
    DiffOp,
    OnlyHere,
    Op,
    Row,
    Status,
    Version,
)
from stmtdiff.core.text.visible import visible
from stmtdiff.core.view.onlyhere import KIND_NAMES, LEGEND, any_only_here, cut, shown_only_here
from stmtdiff.core.view.status import (
    SYMBOLS,
    alignment_words,
    descriptions,
    is_omission,
    status_counts,
)
from stmtdiff.frontends.report.sources import public_source
from stmtdiff.project import stmtdiff_version


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text, marked ``ins`` (only in this version), ``del`` (only in the pivot),
    ``only`` (a part of a linked account the other side lacks, its ``kind`` an ``OnlyKind``) or
    not."""

    mark: str
    text: str
    kind: str = ""


@dataclass(frozen=True, slots=True)
class CellView:
    lang: str
    status: str
    pieces: list[Piece]
    #: 1-based row holding the counterpart of a moved cell.
    moved_to: int | None
    translation: list[Piece] | None
    translation_lang: str
    #: The version's label, shown above the cell when versions stack at phone width.
    label: str = ""
    #: Accounts only: the link's confidence and the sentence's place in its own text.
    mark: str | None = None


@dataclass(frozen=True, slots=True)
class RowView:
    number: int
    status: str
    symbol: str
    differs: bool
    omission: bool
    cells: list[CellView]


@dataclass(frozen=True, slots=True)
class VersionView:
    number: int
    version: Version
    #: Where it came from, fit to publish (``public_source``).
    source: str
    is_pivot: bool
    alone: int
    alone_share: float
    alignment: str | None  # status.alignment_words; None for the pivot
    warning: str | None


@dataclass(frozen=True, slots=True)
class StatusView:
    name: str
    symbol: str
    description: str
    count: int


def _shown(value: object) -> object:
    """Every ``{{ … }}`` output passes here: text is made visible; markup (our CSS, JS and
    the macros' output, whose pieces passed here already) is left alone."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return visible(value)
    return value


@cache
def _environment() -> Environment:
    return Environment(
        finalize=_shown,
        loader=PackageLoader("stmtdiff.frontends.report", "templates"),
        autoescape=select_autoescape(["html", "j2"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def asset(name: str) -> str:
    """An inline asset's text, read through the template loader (works from a wheel too)."""
    environment = _environment()
    assert environment.loader is not None
    source, _, _ = environment.loader.get_source(environment, name)
    return source


def _csp_hash(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()


def _pieces(ops: Sequence[DiffOp]) -> list[Piece]:
    marks = {Op.EQUAL: "", Op.INSERT: "ins", Op.DELETE: "del"}
    return [Piece(marks[op.op], op.text) for op in ops if op.text]


def cell_view(
    version: Version,
    cell: Cell,
    only_here: Sequence[OnlyHere] = (),
    translation_only_here: Sequence[OnlyHere] = (),
) -> CellView:
    """A cell's text and translation as marked-up pieces, ready for a template; ``only_here``
    and ``translation_only_here``: the parts of the text and of its translation to highlight
    (``onlyhere.shown_only_here``)."""
    text = cell_text(version, cell.sentence_ids)
    translation = cell_translation(version, cell.sentence_ids, placeholder="…")
    pieces = _only_pieces(text, only_here)
    translated = None if translation is None else _only_pieces(translation, translation_only_here)
    if cell.diff is not None and cell.status in {Status.CHANGED, Status.MINOR, Status.MOVED}:
        # The diff runs from the pivot to whichever text of this cell shares the pivot's
        # language: the original, or its translation.
        target = new_text(cell.diff)
        if target == text:
            pieces = _pieces(cell.diff)
        elif translation is not None and target == translation:
            translated = _pieces(cell.diff)
    return CellView(
        lang=version.lang,
        status=cell.status.value,
        pieces=pieces,
        moved_to=None if cell.moved_to is None else cell.moved_to + 1,
        translation=translated,
        translation_lang=version.translation_lang or "",
        label=version.display_label,
        mark=account_mark(version, cell),
    )


def _only_pieces(text: str, only_here: Sequence[OnlyHere]) -> list[Piece]:
    return [
        Piece("only", piece, span.kind.value) if span else Piece("", piece)
        for piece, span in cut(text, only_here)
    ]


def row_cell_views(row: Row, versions: dict[str, Version], pivot: str) -> list[CellView]:
    """The views of a row's cells, each with the parts only its side says highlighted, in its
    original and in its translation."""
    return [
        cell_view(
            versions[cell.version],
            cell,
            shown_only_here(row, cell.version, pivot),
            shown_only_here(row, cell.version, pivot, translation=True),
        )
        for cell in row.cells
    ]


def _row_view(row: Row, versions: dict[str, Version], pivot: str) -> RowView:
    return RowView(
        number=row.index + 1,
        status=row.status.value,
        symbol=SYMBOLS[row.status],
        differs=row.status not in SAME_STATUSES,
        omission=is_omission(row),
        cells=row_cell_views(row, versions, pivot),
    )


def alone_counts(comparison: Comparison) -> dict[str, int]:
    """Per version: sentences with no counterpart in any other version (moves count as one)."""
    counts = {version.id: 0 for version in comparison.versions}
    for row in comparison.rows:
        filled = [c for c in row.cells if c.sentence_ids or c.status is Status.MOVED]
        if len(filled) == 1 and filled[0].status is not Status.MOVED:
            counts[filled[0].version] += len(filled[0].sentence_ids)
    return counts


def _version_views(comparison: Comparison) -> list[VersionView]:
    alone = alone_counts(comparison)
    pairs = {pair.other: pair for pair in comparison.alignments}
    views = []
    for number, version in enumerate(comparison.versions, start=1):
        pair = pairs.get(version.id)
        total = len(version.sentences)
        views.append(
            VersionView(
                number=number,
                version=version,
                source=public_source(version),
                is_pivot=version.id == comparison.pivot,
                alone=alone[version.id],
                alone_share=alone[version.id] / total if total else 0.0,
                alignment=None if pair is None else alignment_words(pair),
                warning=None if pair is None else pair.warning,
            )
        )
    return views


@dataclass(frozen=True, slots=True)
class SideView:
    """What one version alone reports (facts, by 1-based row) and names (subjects)."""

    label: str
    lang: str
    facts: list[tuple[int, str]]
    #: Subject names; ``None`` when the subjects could not be checked.
    subjects: list[str] | None


@dataclass(frozen=True, slots=True)
class PairView:
    pivot_label: str
    other_label: str
    both: int
    both_words: str  # PairSummary.both_words
    sides: list[SideView]


def who_said_what_views(comparison: Comparison) -> list[PairView] | None:
    """The "who said what" section's content, one entry per version against the pivot."""
    summary = comparison.who_said_what
    if summary is None:
        return None
    views = []
    for pair in summary.pairs:
        sides = []
        for vid, facts in pair.only.items():
            version = comparison.version(vid)
            previews = fact_previews(comparison, vid, facts)
            mentions = None if pair.subjects_only is None else pair.subjects_only[vid]
            sides.append(
                SideView(
                    version.display_label,
                    version.lang,
                    [(row + 1, text) for row, text in previews],
                    None if mentions is None else [m.subject.name for m in mentions],
                )
            )
        views.append(
            PairView(
                comparison.version(pair.pivot).display_label,
                comparison.version(pair.other).display_label,
                pair.both,
                pair.both_words,
                sides,
            )
        )
    return views


def report_title(comparison: Comparison) -> str:
    """The manifest's title for the statement, else the pivot and what it is compared with."""
    if comparison.title:
        return comparison.title
    pivot = comparison.version(comparison.pivot).display_label
    others = [v.display_label for v in comparison.versions if v.id != comparison.pivot]
    if len(others) == 1:
        return f"{pivot} compared with {others[0]}"
    return f"{pivot} compared with {len(others)} other versions"


def render_html(comparison: Comparison, *, generated_at: datetime | None = None) -> str:
    """The whole report as one HTML document (UTF-8 text, nothing external)."""
    when = generated_at or datetime.now(UTC)
    versions = {version.id: version for version in comparison.versions}
    counts = status_counts(comparison)
    meanings = descriptions(comparison)
    css = asset("report.css")
    js = asset("report.js")
    engines = sorted(
        {v.translation_engine for v in comparison.versions if v.translation_engine is not None}
    )
    rows = [_row_view(row, versions, comparison.pivot) for row in comparison.rows]
    template = _environment().get_template("report.html.j2")
    return template.render(
        title=report_title(comparison),
        versions=_version_views(comparison),
        who=who_said_what_views(comparison),
        rows=rows,
        omissions=sum(1 for row in rows if row.omission),
        statuses=[
            StatusView(status.value, SYMBOLS[status], meanings[status], count)
            for status, count in counts.items()
        ],
        accounts=comparison.accounts,
        # Accounts worded differently have no word diff to explain (as in Markdown's legend).
        word_diffs=not comparison.accounts
        or any(cell.diff is not None for row in comparison.rows for cell in row.cells),
        total_rows=len(comparison.rows),
        differing=sum(1 for row in comparison.rows if row.status not in SAME_STATUSES),
        only_legend=LEGEND if any_only_here(comparison.rows) else None,
        only_kinds={kind.value: name for kind, name in KIND_NAMES.items()},
        has_translations=any(v.translations is not None for v in comparison.versions),
        engines=engines,
        version=stmtdiff_version(),
        generated_iso=when.isoformat(timespec="seconds"),
        generated_text=when.strftime("%Y-%m-%d %H:%M %Z").strip(),
        css=Markup(css),
        js=Markup(js),
        csp=f"default-src 'none'; style-src '{_csp_hash(css)}'; script-src '{_csp_hash(js)}'; "
        "base-uri 'none'; form-action 'none'",
    )
