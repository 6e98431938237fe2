"""``--format json``: the whole report for scripts, schema ``stmtdiff/check@1``."""

from __future__ import annotations

import json
from typing import Any

from stmtdiff.core.check.findings import CheckReport, Finding, Location, Severity

SCHEMA = "stmtdiff/check@1"


def _location(location: Location) -> dict[str, Any]:
    return {
        "path": location.path,
        "line": location.line,
        "column": location.column,
        "end_line": location.end_line,
        "end_column": location.end_column,
    }


def finding_to_dict(finding: Finding) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": str(finding.severity),
        "message": finding.message,
        "location": _location(finding.location),
        "source": _location(finding.source),
        "translation": _location(finding.translation),
        "source_sentence": finding.source_sentence,
        "translation_sentence": finding.translation_sentence,
        "fingerprint": finding.fingerprint,
    }


def to_dict(report: CheckReport) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "summary": {
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
            "fail_on": str(report.fail_on),
            "failed": report.failed,
        },
        "checks": [
            {
                "source": pair.source_path,
                "translation": pair.translation_path,
                "source_lang": pair.source_lang,
                "translation_lang": pair.translation_lang,
                "method": pair.method,
                "confidence": round(pair.confidence, 4),
                "source_sentences": len(pair.sentences),
                "translation_sentences": pair.translation_sentences,
                "pairs": pair.pairs,
                "warning": pair.warning,
            }
            for pair in report.pairs
        ],
        "findings": [finding_to_dict(f) for f in report.findings],
    }


def render_check_json(report: CheckReport) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=2) + "\n"
