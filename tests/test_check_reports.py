"""The report formats: GitHub's annotation limits, stable SARIF fingerprints, JUnit semantics."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import docx
import pytest

from stmtdiff.core.check.findings import (
    RULES,
    CheckReport,
    Finding,
    Location,
    PairReport,
    Severity,
    SourceSentence,
    with_fingerprints,
)
from stmtdiff.core.check.rules import check_translation
from stmtdiff.core.model import Bead, Method, PairAlignment
from stmtdiff.core.text.versions import make_version
from stmtdiff.frontends.cli.main import main
from stmtdiff.frontends.report.check_github import render_github
from stmtdiff.frontends.report.check_json import render_check_json
from stmtdiff.frontends.report.check_junit import render_junit
from stmtdiff.frontends.report.check_sarif import render_sarif


def finding(rule: str, line: int, *, path: str = "en.txt", message: str = "") -> Finding:
    where = Location(path, line, 1, line, 20)
    return Finding(
        rule=rule,
        severity=RULES[rule].severity,
        message=message or f"{rule} on line {line}",
        source_path="ru.txt",
        translation_path=path,
        source=Location("ru.txt", line, 1, line, 20),
        translation=where,
        source_sentence=f"Предложение {line}.",
        translation_sentence=f"Sentence {line}.",
        source_ids=(line - 1,),
        translation_ids=(line - 1,),
    )


def report(found: list[Finding], fail_on: Severity = Severity.ERROR) -> CheckReport:
    sentences = [
        SourceSentence(n - 1, Location("ru.txt", n, 1, n, 20), f"Предложение {n}.")
        for n in range(1, 25)
    ]
    pair = PairReport(
        "ru.txt", "en.txt", "ru", "en", Method.SEMANTIC, 1.0, sentences, with_fingerprints(found)
    )
    return CheckReport([pair], fail_on)


def test_github_annotates_ten_errors_and_ten_warnings_most_severe_first() -> None:
    found = [finding("length", n) for n in range(1, 13)] + [
        finding("numbers", n) for n in range(13, 25)
    ]
    lines = render_github(report(found)).splitlines()
    commands = [line for line in lines if line.startswith("::")]
    assert [c.split(" ", 1)[0] for c in commands] == ["::error"] * 10 + ["::warning"] * 10
    assert "line=13," in commands[0]
    plain = lines[20:-1]
    assert plain == [
        "en.txt:23:1: error [numbers] numbers on line 23",
        "en.txt:24:1: error [numbers] numbers on line 24",
        "en.txt:11:1: warning [length] length on line 11",
        "en.txt:12:1: warning [length] length on line 12",
    ]
    assert lines[-1] == (
        "stmtdiff check: 1 translation checked: 12 errors, 12 warnings (failed, --fail-on error); "
        "4 beyond GitHub's annotation limit listed above as plain lines"
    )


def test_github_escapes_workflow_command_syntax() -> None:
    odd = finding("numbers", 3, path="docs/a,b:c.txt", message="50% less\nthan agreed")
    (command, _summary) = render_github(report([odd])).splitlines()
    assert command.startswith("::error file=docs/a%2Cb%3Ac.txt,line=3,col=1,endLine=3,")
    assert "title=stmtdiff numbers::50%25 less%0Athan agreed%0Asource (ru.txt): " in command


def test_sarif_lists_every_rule_and_refers_to_them_by_stable_id() -> None:
    data = json.loads(render_sarif(report([finding("glossary", 4)])))
    run = data["runs"][0]
    assert [rule["id"] for rule in run["tool"]["driver"]["rules"]] == list(RULES)
    (result,) = run["results"]
    assert result["ruleId"] == "glossary"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "glossary"
    assert result["relatedLocations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "ru.txt"


def _sarif_results(source_text: str, translation_text: str) -> list[dict[str, object]]:
    source = make_version("source", source_text, lang="ru", path="ru.txt")
    translation = make_version("translation", translation_text, lang="en", path="en.txt")
    beads = [Bead((i,), (i,)) for i in range(len(source.sentences))]
    pair = check_translation(
        source, translation, PairAlignment("source", "translation", Method.LEXICAL, 1.0, beads)
    )
    results: list[dict[str, object]] = json.loads(render_sarif(CheckReport([pair])))["runs"][0][
        "results"
    ]
    return results


def test_sarif_fingerprints_survive_lines_moving() -> None:
    before = _sarif_results("Рост составил 5%.", "Growth was 7%.")
    after = _sarif_results("Заголовок.\n\nРост составил 5%.", "Heading.\n\nGrowth was 7%.")
    assert before[0]["partialFingerprints"] == after[0]["partialFingerprints"]
    assert before[0]["locations"] != after[0]["locations"]


def test_repeated_identical_findings_get_distinct_fingerprints() -> None:
    results = _sarif_results("Рост 5%.\nРост 5%.", "Growth 7%.\nGrowth 7%.")
    prints = [r["partialFingerprints"]["stmtdiffFinding/v1"] for r in results]  # type: ignore[index]
    assert prints[1] == prints[0] + ":2"


def test_junit_lists_warnings_that_do_not_fail_as_output_not_failures() -> None:
    document = ET.fromstring(render_junit(report([finding("length", 1)])))
    assert document.get("failures") == "0"
    case = document.find("testsuite/testcase")
    assert case is not None and case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and (out.text or "").startswith("warning [length] en.txt:1:1")


def test_junit_fails_warnings_with_fail_on_warning() -> None:
    document = ET.fromstring(render_junit(report([finding("length", 1)], Severity.WARNING)))
    assert document.get("failures") == "1"
    failure = document.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "length"


def test_junit_strips_characters_xml_cannot_carry() -> None:
    broken = finding("numbers", 1, message="bad \x0b vertical tab")
    ET.fromstring(render_junit(report([broken])))  # parses: the control character is gone


def test_json_summary_counts_and_verdict() -> None:
    data = json.loads(render_check_json(report([finding("numbers", 1), finding("length", 2)])))
    assert data["schema"] == "stmtdiff/check@1"
    assert data["summary"] == {"errors": 1, "warnings": 1, "fail_on": "error", "failed": True}
    assert [f["rule"] for f in data["findings"]] == ["numbers", "length"]


def test_sarif_uris_percent_encode_non_ascii_paths() -> None:
    data = json.loads(render_sarif(report([finding("numbers", 2, path="перевод/en 1.txt")])))
    location = data["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "%D0%BF%D0%B5%D1%80%D0%B5%D0%B2%D0%BE%D0%B4/en%201.txt",
        "uriBaseId": "%SRCROOT%",
    }


# A DOCX translation has no lines: a finding in it names the file alone, in every format.


def _docx_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> str:
    """``stmtdiff check`` of a Russian text against a DOCX translation with a changed number."""
    monkeypatch.chdir(tmp_path)
    Path("ru.txt").write_text(
        "Стороны подписали 12 соглашений.\nВизит завершился в пятницу.\n", encoding="utf-8"
    )
    translation = docx.Document()
    translation.add_paragraph("The parties signed 15 agreements.")
    translation.add_paragraph("The visit ended on Friday.")
    translation.save("en.docx")
    main(["check", "ru.txt", "en.docx", "--format", fmt, "--output", "report.out"])
    return Path("report.out").read_text(encoding="utf-8")


def test_text_report_names_a_docx_file_without_line_or_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = _docx_check(tmp_path, monkeypatch, "text")
    assert "[numbers]" in out
    assert re.search(r"en\.docx  error", out)
    assert not re.search(r"en\.docx:\d", out)


def test_json_report_gives_null_line_and_column_for_a_docx_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = json.loads(_docx_check(tmp_path, monkeypatch, "json"))["findings"]
    assert [f["rule"] for f in found] == ["numbers"]
    assert found[0]["location"] == {
        "path": "en.docx",
        "line": None,
        "column": None,
        "end_line": None,
        "end_column": None,
    }
    assert found[0]["source"]["line"] == 1


def test_junit_failure_names_a_docx_file_without_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = ET.fromstring(_docx_check(tmp_path, monkeypatch, "junit"))
    failures = root.findall(".//failure")
    assert [f.get("message", "").split(": ")[0] for f in failures] == ["en.docx"]
    assert not re.search(r"en\.docx:\d", failures[0].text or "")


def test_github_annotation_on_a_docx_file_has_no_line_or_column(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    annotation = _docx_check(tmp_path, monkeypatch, "github").splitlines()[0]
    assert annotation.startswith("::error file=en.docx,title=")
    assert not re.search(r"(line|col|endLine|endColumn)=", annotation)


def test_sarif_location_in_a_docx_file_has_no_region(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = json.loads(_docx_check(tmp_path, monkeypatch, "sarif"))["runs"][0]["results"][0]
    physical = result["locations"][0]["physicalLocation"]
    assert physical == {"artifactLocation": {"uri": "en.docx", "uriBaseId": "%SRCROOT%"}}
    assert result["relatedLocations"][0]["physicalLocation"]["region"]["startLine"] == 1
