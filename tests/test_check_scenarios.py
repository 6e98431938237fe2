"""`stmtdiff check` on a small translation repository: one defect at a time, every format.

Each scenario starts from an approved, clean repository (Russian source, English and Chinese
translations), makes one edit a translator or editor could make, and expects exactly one finding
per affected translation, at the right file, line and column, in all five output formats.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from align_support import ENGLISH, RUSSIAN
from check_repo import edit, write_repo

from stmtdiff.frontends.cli.main import main

FORMATS = ("text", "json", "junit", "github", "sarif")
SCHEMAS = Path(__file__).parent / "schemas"

#: (rule, file, line, column) of a finding's primary location, as each format reports it.
Found = tuple[str, str, int, int]


def _from_text(output: str) -> set[Found]:
    pattern = re.compile(r"^(\S+):(\d+):(\d+)  (?:error|warning) \[(\w+)\]", re.M)
    return {(rule, path, int(line), int(col)) for path, line, col, rule in pattern.findall(output)}


def _from_json(output: str) -> set[Found]:
    data = json.loads(output)
    return {
        (f["rule"], f["location"]["path"], f["location"]["line"], f["location"]["column"])
        for f in data["findings"]
    }


def _from_junit(output: str) -> set[Found]:
    found = set()
    for failure in ET.fromstring(output).iter("failure"):
        path, line, col = re.match(r"(\S+):(\d+):(\d+): ", failure.text or "").groups()  # type: ignore[union-attr]
        found.add((failure.get("type", ""), path, int(line), int(col)))
    return found


def _from_github(output: str) -> set[Found]:
    pattern = re.compile(r"^::\w+ file=([^,]+),line=(\d+),col=(\d+),.*title=stmtdiff (\w+)::", re.M)
    return {(rule, path, int(line), int(col)) for path, line, col, rule in pattern.findall(output)}


def _from_sarif(output: str) -> set[Found]:
    found = set()
    for result in json.loads(output)["runs"][0]["results"]:
        where = result["locations"][0]["physicalLocation"]
        region = where["region"]
        uri = where["artifactLocation"]["uri"]
        found.add((result["ruleId"], uri, region["startLine"], region["startColumn"]))
    return found


PARSERS: dict[str, Callable[[str], set[Found]]] = {
    "text": _from_text,
    "json": _from_json,
    "junit": _from_junit,
    "github": _from_github,
    "sarif": _from_sarif,
}


def check(fmt: str, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["check", "--format", fmt, *extra])
    return code, capsys.readouterr().out


@pytest.fixture
def repo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A clean repository whose pairs are approved in stmtdiff.lock.json; the cwd is its root."""
    write_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    assert main(["approve"]) == 0
    capsys.readouterr()
    return tmp_path


@pytest.mark.parametrize("fmt", FORMATS)
def test_clean_repository_passes_with_exit_zero(
    repo: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = check(fmt, capsys)
    assert code == 0
    assert PARSERS[fmt](output) == set()


def _dropped_sentence(root: Path) -> None:
    edit(
        root,
        "en.txt",
        " They support the expansion of BRICS, which new states joined on 1 January 2024.",
        "",
    )


def _changed_number(root: Path) -> None:
    edit(root, "zh.txt", "增至2401人", "增至2410人")


def _left_in_russian(root: Path) -> None:
    edit(
        root,
        "en.txt",
        "Such measures undermine normal trade.",
        "Такие меры подрывают нормальную торговлю.",
    )


def _glossary_term_missing(root: Path) -> None:
    edit(root, "en.txt", "the Charter of the United Nations", "the UN Charter")


def _source_edited_after_approval(root: Path) -> None:
    edit(root, "ru.txt", "состоится в Москве", "состоится в Санкт-Петербурге")


SCENARIOS = {
    # The dropped sentence starts at column 91 of the Russian paragraph 3 (line 7).
    "dropped sentence": (_dropped_sentence, {("missing", "statement/ru.txt", 7, 91)}),
    "changed number": (_changed_number, {("numbers", "statement/zh.txt", 9, 1)}),
    # The second sentence of English paragraph 7 (line 15) starts at column 85.
    "sentence left in Russian": (_left_in_russian, {("untranslated", "statement/en.txt", 15, 85)}),
    "glossary term missing": (_glossary_term_missing, {("glossary", "statement/en.txt", 13, 1)}),
    "source edited after approval": (
        _source_edited_after_approval,
        {("stale", "statement/en.txt", 17, 1), ("stale", "statement/zh.txt", 17, 1)},
    ),
}


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("scenario", SCENARIOS)
def test_each_defect_gives_exactly_its_finding_in_every_format(
    repo: Path, scenario: str, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    change, expected = SCENARIOS[scenario]
    change(repo)
    code, output = check(fmt, capsys)
    assert code == 1
    assert PARSERS[fmt](output) == expected


def test_reported_columns_point_at_the_sentences(repo: Path) -> None:
    ru = (repo / "statement/ru.txt").read_text(encoding="utf-8").splitlines()
    en = (repo / "statement/en.txt").read_text(encoding="utf-8").splitlines()
    assert ru[7 - 1][91 - 1 :].startswith("Они поддерживают расширение БРИКС")
    assert en[15 - 1][85 - 1 :].startswith("Such measures")


def test_text_format_shows_source_and_translation_sentences(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _changed_number(repo)
    _, output = check("text", capsys)
    assert "statement/zh.txt:9:1  error [numbers]" in output
    assert "statement/ru.txt:9:1  4. Стороны договорились довести число студентов" in output
    assert "statement/zh.txt:9:1  4. 双方商定，到2026年将交流学生人数增至2410人。" in output
    assert "the source has 2 401, the translation has 2410" in output


def test_json_finding_carries_both_sentences_and_a_fingerprint(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _dropped_sentence(repo)
    _, output = check("json", capsys)
    (finding,) = json.loads(output)["findings"]
    assert finding["source_sentence"].startswith("Они поддерживают расширение БРИКС")
    assert finding["translation_sentence"] == ""
    # Where the sentence belongs in the English file: after paragraph 3's first sentence.
    assert (finding["translation"]["line"], finding["translation"]["column"]) == (7, 83)
    assert re.fullmatch(r"[0-9a-f]{32}", finding["fingerprint"])


def test_stale_finding_quotes_the_approved_source(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _source_edited_after_approval(repo)
    _, output = check("json", capsys)
    messages = {f["message"] for f in json.loads(output)["findings"]}
    assert messages == {
        "the source sentence changed since this translation was approved; the translation did "
        "not (approved against «8. Следующая встреча глав государств состоится в Москве в 2…»)"
    }


def test_approving_the_edit_clears_the_stale_findings(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _source_edited_after_approval(repo)
    assert main(["check", "--update-lock"]) == 0
    capsys.readouterr()
    assert check("json", capsys)[0] == 0


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_junit_output_validates_against_the_junit_schema(
    repo: Path, scenario: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from lxml import etree

    SCENARIOS[scenario][0](repo)
    _, output = check("junit", capsys)
    schema = etree.XMLSchema(etree.parse(str(SCHEMAS / "junit-10.xsd")))
    document = etree.fromstring(output.encode("utf-8"))
    assert schema.validate(document), schema.error_log


@pytest.mark.parametrize("scenario", SCENARIOS)
def test_sarif_output_validates_against_the_sarif_schema(
    repo: Path, scenario: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import jsonschema

    SCENARIOS[scenario][0](repo)
    _, output = check("sarif", capsys)
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.Draft4Validator(schema).validate(json.loads(output))


def test_junit_has_one_test_case_per_source_sentence(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, output = check("junit", capsys)
    suites = ET.fromstring(output).findall("testsuite")
    assert [s.get("name") for s in suites] == [
        "statement/ru.txt → statement/en.txt",
        "statement/ru.txt → statement/zh.txt",
    ]
    assert [len(s.findall("testcase")) for s in suites] == [12, 12]


def test_files_on_the_command_line_need_no_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_repo(tmp_path)
    monkeypatch.chdir(tmp_path / "statement")
    _changed_number(tmp_path)
    code = main(
        [
            "check",
            "ru.txt",
            "en.txt",
            "zh.txt",
            "--glossary",
            "../glossary.toml",
            "--format",
            "json",
        ]
    )
    assert code == 1
    assert _from_json(capsys.readouterr().out) == {("numbers", "zh.txt", 9, 1)}


def test_one_stmtdiff_toml_serves_compare_and_check(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with (repo / "stmtdiff.toml").open("a", encoding="utf-8") as config:
        config.write(
            '\n[[version]]\nid = "ru"\nlang = "ru"\nsource = "statement/ru.txt"\n'
            '\n[[version]]\nid = "en"\nlang = "en"\nsource = "statement/en.txt"\n'
        )
    assert main(["compare", "--format", "json", "."]) in {0, 1}
    assert check("json", capsys)[0] == 0


def test_crlf_and_byte_order_mark_keep_lines_and_columns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_repo(tmp_path)
    _changed_number(tmp_path)
    for name in ("ru.txt", "en.txt", "zh.txt"):
        path = tmp_path / "statement" / name
        path.write_bytes(b"\xef\xbb\xbf" + path.read_text("utf-8").replace("\n", "\r\n").encode())
    monkeypatch.chdir(tmp_path / "statement")
    assert main(["check", "ru.txt", "zh.txt", "--format", "json"]) == 1
    assert _from_json(capsys.readouterr().out) == {("numbers", "zh.txt", 9, 1)}


def test_a_translation_that_left_most_of_its_source_out_is_still_checked_as_a_translation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Far shorter than its source, it would look like another account of the same event to
    # `compare`; `check` knows it is a translation, so no note calls the alignment unreliable.
    (tmp_path / "ru.txt").write_text(" ".join(RUSSIAN) + "\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text(" ".join(ENGLISH[:2]) + "\n", encoding="utf-8")
    code = main(["check", str(tmp_path / "ru.txt"), str(tmp_path / "en.txt")])
    output = capsys.readouterr().out
    assert code == 1
    assert "unreliable" not in output
    assert len(_from_text(output)) == 4
    assert {rule for rule, *_ in _from_text(output)} == {"missing"}
