"""``--format github``: workflow commands that GitHub Actions shows as annotations on the diff.

GitHub shows at most 10 error and 10 warning annotations per step, so the most severe come first,
the rest go to the log as plain lines, and a summary line closes the output.
"""

from __future__ import annotations

from stmtdiff.check.findings import CheckReport, Finding, Severity

#: Annotations GitHub displays per step and severity.
ANNOTATION_LIMIT = 10


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _excerpt(text: str, limit: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def annotation(finding: Finding) -> str:
    """One ``::error``/``::warning`` command for a finding, at its primary location."""
    where = finding.location
    properties = ",".join(
        [
            f"file={_escape_property(where.path)}",
            f"line={where.line}",
            f"col={where.column}",
            f"endLine={where.end_line}",
            f"endColumn={where.end_column}",
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
    where = finding.location
    return (
        f"{where.path}:{where.line}:{where.column}: {finding.severity} [{finding.rule}] "
        f"{finding.message}"
    )


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
