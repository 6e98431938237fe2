"""``--format github``: workflow commands that GitHub Actions shows as annotations on the diff.

GitHub shows at most 10 error and 10 warning annotations per step, so the most severe come first,
the rest go to the log as plain lines, and a summary line closes the output. Outside text
(file names, sentences, messages) is escaped as the runner expects (its toolkit's
``escapeData``/``escapeProperty``) with control characters shown as ``visible`` tokens, so no
file name or sentence can start a workflow command of its own.
"""

from __future__ import annotations

from stmtdiff.core.check.findings import CheckReport, Finding, Severity
from stmtdiff.core.text.visible import visible

#: Annotations GitHub displays per step and severity.
ANNOTATION_LIMIT = 10


def _escape_data(text: str) -> str:
    """The toolkit's ``escapeData`` after ``visible`` (which already shows a CR as ␍)."""
    return visible(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    """The toolkit's ``escapeProperty``."""
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _excerpt(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def annotation(finding: Finding) -> str:
    """One ``::error``/``::warning`` command for a finding, at its primary location."""
    where = finding.location
    position = (
        []
        if where.line is None  # a file without lines (DOCX, PDF): annotate the file
        else [
            f"line={where.line}",
            f"col={where.column}",
            f"endLine={where.end_line}",
            f"endColumn={where.end_column}",
        ]
    )
    properties = ",".join(
        [
            f"file={_escape_property(where.path)}",
            *position,
            f"title={_escape_property(f'stmtdiff {finding.rule}')}",
        ]
    )
    lines = [finding.message]
    if finding.source_sentence:
        lines.append(f"source ({finding.source_path}): {_excerpt(finding.source_sentence)}")
    if finding.translation_sentence:
        translation = _excerpt(finding.translation_sentence)
        lines.append(f"translation ({finding.translation_path}): {translation}")
    return f"::{finding.severity}{' ' + properties}::{_escape_data(chr(10).join(lines))}"


def plain(finding: Finding) -> str:
    """A log line, kept to one line; a path starting with ":" gets "./" so that the line can
    never read as a ``::command`` (the runner looks for those after leading spaces too)."""
    where = finding.location
    path = f"./{where.path}" if where.path.startswith(":") else where.path
    position = path if where.line is None else f"{path}:{where.line}:{where.column}"
    line = f"{position}: {finding.severity} [{finding.rule}] "
    return visible(line + finding.message, newlines=False)


def render_github(report: CheckReport) -> str:
    findings = sorted(report.findings, key=lambda f: -f.severity.rank)  # stable: file order kept
    shown = {Severity.ERROR: 0, Severity.WARNING: 0}
    lines = []
    overflow = []
    for finding in findings:
        if shown[finding.severity] < ANNOTATION_LIMIT:
            shown[finding.severity] += 1
            lines.append(annotation(finding))
        else:
            overflow.append(plain(finding))
    lines.extend(overflow)
    summary = f"stmtdiff check: {report.summary()}"
    if overflow:
        summary += f"; {len(overflow)} beyond GitHub's annotation limit listed above as plain lines"
    lines.append(summary)
    return "\n".join(lines) + "\n"
