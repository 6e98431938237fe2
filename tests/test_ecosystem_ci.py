"""CI formats as their consumers ingest them: SARIF for GitHub, JUnit test identity, the
check@1 JSON contract, the pre-commit hook."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from stmtdiff.core.check.findings import CheckReport
from stmtdiff.core.check.rules import check_translation
from stmtdiff.core.model import Bead, Method, PairAlignment
from stmtdiff.core.text.versions import make_version
from stmtdiff.frontends.report.check_json import render_check_json
from stmtdiff.frontends.report.check_junit import render_junit
from stmtdiff.frontends.report.check_sarif import render_sarif

ROOT = Path(__file__).resolve().parent.parent


def _report(source_text: str, translation_text: str) -> CheckReport:
    source = make_version("source", source_text, lang="ru", path="ru.txt")
    translation = make_version("translation", translation_text, lang="en", path="en.txt")
    beads = [Bead((i,), (i,)) for i in range(len(source.sentences))]
    alignment = PairAlignment("source", "translation", Method.LEXICAL, 1.0, beads)
    return CheckReport([check_translation(source, translation, alignment)])


def _driver() -> dict[str, Any]:
    sarif = json.loads(render_sarif(_report("Рост составил 5%.", "Growth was 7%.")))
    driver: dict[str, Any] = sarif["runs"][0]["tool"]["driver"]
    return driver


def test_sarif_every_rule_has_a_full_description() -> None:
    """GitHub ingestion rule GH2012."""
    for rule in _driver()["rules"]:
        assert rule["fullDescription"]["text"].strip(), rule["id"]


def test_sarif_rule_names_differ_from_their_ids_ignoring_case() -> None:
    """SARIF multitool rule SARIF1001 compares name and id case-insensitively."""
    for rule in _driver()["rules"]:
        assert rule["name"].lower() != rule["id"].lower()


def test_sarif_tool_names_its_information_uri() -> None:
    """SARIF multitool rule SARIF2005."""
    assert _driver()["informationUri"].startswith("https://")


def _case_names(source_text: str, translation_text: str) -> list[str]:
    document = ET.fromstring(render_junit(_report(source_text, translation_text)))
    return [case.get("name", "") for case in document.iter("testcase")]


def test_junit_case_names_survive_lines_moving() -> None:
    before = _case_names("Рост составил 5%.", "Growth was 7%.")
    after = _case_names("\n\nРост составил 5%.", "\n\nGrowth was 7%.")
    assert before == after


def test_junit_case_names_hold_no_line_numbers() -> None:
    (name,) = _case_names("Рост составил 5%.", "Growth was 7%.")
    assert "ru.txt:" not in name


def test_junit_repeated_sentences_get_distinct_names() -> None:
    names = _case_names("Рост 5%.\nРост 5%.", "Growth 5%.\nGrowth 5%.")
    assert len(set(names)) == 2


def test_junit_failure_keeps_the_location() -> None:
    document = ET.fromstring(render_junit(_report("\nРост составил 5%.", "\nGrowth was 7%.")))
    failure = document.find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message", "").startswith("en.txt:2:1: ")


def _hook_files_pattern() -> re.Pattern[str]:
    text = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    match = re.search(r"^  files: (.+)$", text, re.M)
    assert match is not None
    return re.compile(match.group(1))


@pytest.mark.parametrize(
    "path", ["stmtdiff.toml", "statements/stmtdiff.toml", "stmtdiff.lock.json", "stmtdiff.lock"]
)
def test_pre_commit_hook_runs_when_stmtdiff_files_change(path: str) -> None:
    assert _hook_files_pattern().search(path)


@pytest.mark.parametrize(
    "path", ["package.json", "pyproject.toml", "README.md", "docs/README.md", "src/app.html"]
)
def test_pre_commit_hook_ignores_unrelated_files(path: str) -> None:
    assert not _hook_files_pattern().search(path)


def test_ci_guide_pins_the_hook_to_a_commit_sha_not_a_missing_tag() -> None:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    revs = re.findall(r"^\s*rev: (\S+)", text, re.M)
    assert revs and all(re.fullmatch(r"[0-9a-f]{40}", rev) for rev in revs)


def _documented_fields() -> set[str]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    section = text.split("### JSON output: `stmtdiff/check@1`", 1)[1].split("\n## ", 1)[0]
    return {
        name
        for cell in re.findall(r"^\| ([^|]+) \|", section, re.M)
        for name in re.findall(r"`(\w+)`", cell)
    }


def test_every_check_json_field_is_documented() -> None:
    data = json.loads(render_check_json(_report("\nРост составил 5%.", "\nGrowth was 7%.")))
    fields = set(data) | set(data["summary"]) | set(data["checks"][0]) | set(data["findings"][0])
    documented = _documented_fields() | {"errors", "warnings", "fail_on", "failed"}
    assert sorted(fields - documented) == []
