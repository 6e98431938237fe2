"""Which checks to run: [[check]] tables in stmtdiff.toml or [tool.stmtdiff] in pyproject.toml."""

from __future__ import annotations

import os

import pytest

from stmtdiff.adapters.check.config import FileSpec, parse_config
from stmtdiff.core.errors import StmtdiffError

STMTDIFF_TOML = """\
[[check]]
source = "ru.txt"
translations = ["en.txt", { path = "zh.txt", lang = "zh" }]
glossary = "../glossary.csv"
lock = "stmtdiff.lock.json"
skip = ["length"]
"""


def test_paths_are_relative_to_the_config_file() -> None:
    (spec,) = parse_config(STMTDIFF_TOML, os.path.join("repo", "statement", "stmtdiff.toml"))
    assert spec.source == FileSpec(os.path.join("repo", "statement", "ru.txt"))
    assert spec.translations == [
        FileSpec(os.path.join("repo", "statement", "en.txt")),
        FileSpec(os.path.join("repo", "statement", "zh.txt"), "zh"),
    ]
    assert spec.glossary == os.path.join("repo", "glossary.csv")
    assert spec.skip == frozenset({"length"})


def test_pyproject_tool_table() -> None:
    text = (
        '[project]\nname = "x"\n\n'
        '[[tool.stmtdiff.check]]\nsource = "ru.txt"\ntranslations = ["en.txt"]\n'
    )
    (spec,) = parse_config(text, "pyproject.toml")
    assert spec.source.path == "ru.txt"
    assert spec.method == "auto"


def test_several_checks_in_one_file() -> None:
    text = STMTDIFF_TOML + '\n[[check]]\nsource = "b/zh.txt"\ntranslations = ["b/ru.txt"]\n'
    assert [spec.source.path for spec in parse_config(text, "stmtdiff.toml")] == [
        "ru.txt",
        "b/zh.txt",
    ]


def test_a_manifest_without_checks_is_refused() -> None:
    with pytest.raises(StmtdiffError, match=r"no \[\[check\]\] tables"):
        parse_config('[[version]]\nsource = "ru.txt"\n', "stmtdiff.toml")


def test_pyproject_without_tool_table_is_refused() -> None:
    with pytest.raises(StmtdiffError, match=r"no \[tool.stmtdiff\] table"):
        parse_config('[project]\nname = "x"\n', "pyproject.toml")


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('translations = ["en.txt"]', 'needs source = "FILE"'),
        ('source = "ru.txt"', "needs translations"),
        (
            'source = "ru.txt"\ntranslations = ["en.txt"]\nmethod = "magic"',
            "unknown method 'magic'",
        ),
        (
            'source = "ru.txt"\ntranslations = ["en.txt"]\nskip = ["spelling"]',
            "skip lists rule ids",
        ),
        (
            'source = "ru.txt"\ntranslations = ["en.txt"]\nglosary = "g.toml"',
            "unknown key 'glosary'",
        ),
        ('source = "ru.txt"\ntranslations = [3]', "each translation is"),
    ],
)
def test_bad_check_tables_are_refused(table: str, message: str) -> None:
    with pytest.raises(StmtdiffError, match=message):
        parse_config(f"[[check]]\n{table}\n", "stmtdiff.toml")


def test_malformed_toml_is_refused() -> None:
    with pytest.raises(StmtdiffError, match=r"stmtdiff\.toml: not valid TOML"):
        parse_config("[[check]\n", "stmtdiff.toml")
