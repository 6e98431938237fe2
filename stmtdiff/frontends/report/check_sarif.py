"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Rule ids are the stable check ids; ``partialFingerprints`` carry the finding's fingerprint, which
hashes what the finding is about rather than where it is, so a viewer recognises the same finding
after lines move and never reports it twice.
"""

from __future__ import annotations

import json
import os
from typing import Any
from urllib.parse import quote

from stmtdiff.core.check.findings import RULES, CheckReport, Finding, Location
from stmtdiff.project import DOCS_URL, PROJECT_URL, stmtdiff_version

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "stmtdiffFinding/v1"
BASE_ID = "%SRCROOT%"
#: Where each rule is described (docs/ci.md's rule table).
RULES_URL = f"{DOCS_URL}/ci.md#checks"


def _artifact(path: str) -> dict[str, str]:
    posix = path.replace(os.sep, "/")
    if os.path.isabs(path):
        return {"uri": "file://" + quote(posix if posix.startswith("/") else "/" + posix)}
    return {"uri": quote(posix), "uriBaseId": BASE_ID}


def _physical(location: Location, snippet: str) -> dict[str, Any]:
    """The file and the span in it; a file without lines (DOCX, PDF) gets no ``region``, since
    a region without ``startLine`` (or a char offset into the file) is invalid SARIF."""
    if location.line is None:
        return {"artifactLocation": _artifact(location.path)}
    region: dict[str, Any] = {
        "startLine": location.line,
        "startColumn": location.column,
        "endLine": location.end_line,
        "endColumn": location.end_column,
    }
    if snippet:
        region["snippet"] = {"text": snippet}
    return {"artifactLocation": _artifact(location.path), "region": region}


def _result(finding: Finding, rule_index: dict[str, int]) -> dict[str, Any]:
    primary_is_source = finding.primary_is_source
    primary_text = finding.source_sentence if primary_is_source else finding.translation_sentence
    related_text = finding.translation_sentence if primary_is_source else finding.source_sentence
    related_role = "translation" if primary_is_source else "source"
    return {
        "ruleId": finding.rule,
        "ruleIndex": rule_index[finding.rule],
        "level": str(finding.severity),
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": _physical(finding.location, primary_text)}],
        "relatedLocations": [
            {
                "id": 1,
                "physicalLocation": _physical(finding.related, related_text),
                "message": {
                    "text": f"the {related_role} sentence"
                    if related_text
                    else f"where the {related_role} sentence would be"
                },
            }
        ],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {
            "sourceSentence": finding.source_sentence,
            "translationSentence": finding.translation_sentence,
        },
    }


def to_sarif(report: CheckReport) -> dict[str, Any]:
    rule_index = {rule_id: index for index, rule_id in enumerate(RULES)}
    rules = [
        {
            "id": rule.id,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            # GitHub's ingestion (multitool rule GH2012) requires a fullDescription.
            "fullDescription": {"text": f"{rule.summary} {rule.help}"},
            "help": {"text": rule.help},
            "helpUri": RULES_URL,
            "defaultConfiguration": {"level": str(rule.severity)},
        }
        for rule in RULES.values()
    ]
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "stmtdiff",
                        "version": stmtdiff_version(),
                        "semanticVersion": stmtdiff_version(),
                        "informationUri": PROJECT_URL,
                        "rules": rules,
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(f, rule_index) for f in report.findings],
                "invocations": [{"executionSuccessful": True}],
            }
        ],
    }


def render_sarif(report: CheckReport) -> str:
    return json.dumps(to_sarif(report), ensure_ascii=False, indent=2) + "\n"
