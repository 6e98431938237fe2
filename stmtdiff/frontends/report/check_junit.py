"""``--format junit``: JUnit XML for CI test-report views (GitLab, Jenkins, Azure, CircleCI).

Each source sentence is a test case, so a report shows how many sentences pass; every finding
that fails the run (``--fail-on``) is a ``<failure>`` of its sentence's case, and findings below
that threshold are listed in the case's ``<system-out>``. A translation sentence with no source
(``extra``) gets a case of its own. One ``<testsuite>`` per translation.

A case is named by a fingerprint of what it is about (the files and the sentence, never its
line), then an excerpt, so GitLab and Jenkins keep one test's history when lines move; the
location stays in the ``<failure>``'s ``message`` attribute and text.
"""

from __future__ import annotations

import hashlib
import re
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict

from stmtdiff.core.check.findings import CheckReport, Finding, Location, PairReport
from stmtdiff.core.text.normalize import canonical

#: Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_NAME_EXCERPT = 80


def _clean(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _NAME_EXCERPT else text[: _NAME_EXCERPT - 1] + "…"


def _where(location: Location) -> str:
    return location.where


def _case_name(pair: PairReport, role: str, text: str, seen: Counter[str]) -> str:
    """``<fingerprint> <excerpt>``: the fingerprint hashes the files, the sentence's role and its
    text; a repeated sentence gets ``:2``, ``:3`` … in file order, as finding fingerprints do."""
    parts = (role, pair.source_path, pair.translation_path, canonical(text))
    base = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]
    seen[base] += 1
    fingerprint = base if seen[base] == 1 else f"{base}:{seen[base]}"
    return f"{fingerprint} {_excerpt(text)}"


def _details(finding: Finding) -> str:
    lines = [f"{_where(finding.location)}: {finding.message}"]
    if finding.source_sentence:
        lines.append(f"source      {_where(finding.source)}  {finding.source_sentence}")
    if finding.translation_sentence:
        lines.append(f"translation {_where(finding.translation)}  {finding.translation_sentence}")
    return "\n".join(lines)


def _case(
    suite: ET.Element, name: str, classname: str, findings: list[Finding], report: CheckReport
) -> int:
    """Add a test case; 1 when it fails."""
    case = ET.SubElement(
        suite, "testcase", {"name": _clean(name), "classname": _clean(classname), "time": "0"}
    )
    failing = [f for f in findings if report.fails(f)]
    for finding in failing:
        failure = ET.SubElement(
            case,
            "failure",
            {
                "type": finding.rule,
                "message": _clean(f"{_where(finding.location)}: {finding.message}"),
            },
        )
        failure.text = _clean(_details(finding))
    quiet = [f for f in findings if not report.fails(f)]
    if quiet:
        out = ET.SubElement(case, "system-out")
        out.text = _clean("\n".join(f"{f.severity} [{f.rule}] {_details(f)}" for f in quiet))
    return 1 if failing else 0


def _suite(root: ET.Element, pair: PairReport, report: CheckReport) -> tuple[int, int]:
    suite = ET.SubElement(root, "testsuite")
    by_sentence: dict[int, list[Finding]] = defaultdict(list)
    extras: list[Finding] = []
    for finding in pair.findings:
        if finding.source_ids:
            by_sentence[finding.source_ids[0]].append(finding)
        else:
            extras.append(finding)
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("source", pair.source_path),
        ("translation", pair.translation_path),
        ("method", pair.method),
        ("confidence", f"{pair.confidence:.3f}"),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": _clean(value)})
    classname = pair.translation_path
    tests = failures = 0
    seen: Counter[str] = Counter()
    for sentence in pair.sentences:
        name = _case_name(pair, "source", sentence.text, seen)
        failures += _case(suite, name, classname, by_sentence.get(sentence.id, []), report)
        tests += 1
    for finding in extras:
        name = _case_name(pair, "translation", finding.translation_sentence, seen)
        failures += _case(suite, name, classname, [finding], report)
        tests += 1
    suite.attrib.update(
        {
            "name": _clean(f"{pair.source_path} → {pair.translation_path}"),
            "tests": str(tests),
            "failures": str(failures),
            "errors": "0",
            "skipped": "0",
            "time": "0",
            "file": _clean(pair.translation_path),
        }
    )
    return tests, failures


def render_junit(report: CheckReport) -> str:
    root = ET.Element("testsuites", {"name": "stmtdiff check"})
    tests = failures = 0
    for pair in report.pairs:
        suite_tests, suite_failures = _suite(root, pair, report)
        tests += suite_tests
        failures += suite_failures
    root.attrib.update({"tests": str(tests), "failures": str(failures), "errors": "0", "time": "0"})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
