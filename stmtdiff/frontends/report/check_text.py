"""``stmtdiff check --format text``: findings for a person, grouped by translation file.

Each finding opens with ``file:line:column`` (terminals and editors make it a link), then shows
the source sentence and the translation sentence it is about, so the reader need not open either.
File names, sentences and messages show control characters as ``visible`` tokens.
"""

from __future__ import annotations

from itertools import groupby

from rich.console import Console
from rich.text import Text

from stmtdiff.core.check.findings import RULES, CheckReport, Finding, Location, PairReport, Severity
from stmtdiff.core.text.visible import visible

SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow"}


def _where(location: Location) -> str:
    return visible(location.where, newlines=False)


def _sentence(label: str, location: Location, sentence: str, *, absent: str) -> Text:
    line = Text("    ")
    line.append(f"{label:<12}", style="dim")
    line.append(_where(location), style="dim")
    line.append("  ")
    if sentence:
        line.append(visible(sentence))
    else:
        line.append(absent, style="italic dim")
    return line


def finding_text(finding: Finding) -> list[Text]:
    head = Text()
    head.append(_where(finding.location), style="bold")
    head.append("  ")
    head.append(f"{finding.severity}", style=SEVERITY_STYLES[finding.severity])
    head.append(f" [{finding.rule}] ", style="cyan")
    head.append(visible(finding.message))
    return [
        head,
        _sentence("source", finding.source, finding.source_sentence, absent="(none)"),
        _sentence(
            "translation", finding.translation, finding.translation_sentence, absent="(none)"
        ),
    ]


def _pair_header(pair: PairReport) -> Text:
    header = Text()
    header.append(visible(pair.translation_path), style="bold underline")
    header.append(
        visible(
            f"  {pair.translation_lang}, translation of {pair.source_path} ({pair.source_lang}) — "
            f"{len(pair.sentences)} source sentences, {pair.translation_sentences} translated, "
            f"aligned by {pair.method} (confidence {pair.confidence:.2f})"
        ),
        style="dim",
    )
    return header


def _reading_order(finding: Finding) -> tuple[str, int, int, int]:
    """By translation file, then down that file (a missing sentence where it would be)."""
    where = finding.translation
    rank = list(RULES).index(finding.rule)
    return (finding.translation_path, where.line or 0, where.column or 0, rank)


def render_check_text(report: CheckReport, console: Console) -> None:
    """Print the report: per translation, its findings in file order, then a summary line."""
    pairs = {pair.translation_path: pair for pair in report.pairs}
    ordered = sorted(report.findings, key=_reading_order)
    with_findings = set()
    for path, group in groupby(ordered, key=lambda f: f.translation_path):
        with_findings.add(path)
        console.print(_pair_header(pairs[path]), soft_wrap=True)
        warning = pairs[path].warning
        if warning:
            console.print(Text(f"  note: {visible(warning)}", style="yellow"))
        for finding in group:
            for line in finding_text(finding):
                console.print(line, soft_wrap=True)
        console.print()
    for pair in report.pairs:
        if pair.translation_path not in with_findings and pair.warning:
            note = visible(f"{pair.translation_path}: note: {pair.warning}")
            console.print(Text(note, style="yellow"))
    style = "bold red" if report.failed else ("yellow" if report.findings else "bold green")
    mark = "✗" if report.failed else "✓"
    console.print(Text(f"{mark} {report.summary()}", style=style))
