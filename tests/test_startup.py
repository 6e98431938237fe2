"""Start-up: declaring the command line, and a small compare, load only what they use."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from stmtdiff.core.text import scripts
from stmtdiff.frontends.cli.main import build_parser

HEAVY = ("numpy", "textual", "httpx", "requests", "rich", "importlib.metadata")

#: What only a running command needs: fuzzy matching, cache folders, lock files, TOML configs.
COMMAND_ONLY = (
    "rapidfuzz",
    "platformdirs",
    "filelock",
    "stmtdiff.adapters.check.config",
    "tomllib",
    "sqlite3",
    "tempfile",
)


def _modules_after(statement: str, cwd: Path | None = None) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
        cwd=cwd,
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def _modules_after_main(argv: list[str], cwd: Path | None = None) -> set[str]:
    """The modules loaded once ``stmtdiff ARGV`` has run in a fresh interpreter."""
    return _modules_after(
        "from stmtdiff.frontends.cli.main import main\n"
        "with open('/dev/null', 'w') as sink:\n"
        "    real, sys.stdout = sys.stdout, sink\n"
        f"    main({argv!r})\n"
        "    sys.stdout = real",
        cwd,
    )


def test_building_the_parser_imports_no_heavy_library() -> None:
    loaded = _modules_after(
        "import stmtdiff.frontends.cli.main\nstmtdiff.frontends.cli.main.build_parser()"
    )
    assert sorted(name for name in HEAVY if name in loaded) == []


def test_building_the_parser_leaves_what_commands_use_unloaded() -> None:
    loaded = _modules_after(
        "import stmtdiff.frontends.cli.main\nstmtdiff.frontends.cli.main.build_parser()"
    )
    assert sorted(name for name in COMMAND_ONLY if name in loaded) == []


#: What ``--help`` must not pay for: the parser declares choices as plain strings.
DECLARATION_FREE = ("dataclasses", "inspect", "typing", "pathlib", "stmtdiff.core.model")


def test_building_the_parser_loads_no_dataclass_typing_or_path_module() -> None:
    loaded = _modules_after(
        "import stmtdiff.frontends.cli.main\nstmtdiff.frontends.cli.main.build_parser()"
    )
    assert sorted(name for name in DECLARATION_FREE if name in loaded) == []


def test_running_a_command_declares_no_other_command(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Стороны провели переговоры.\n", encoding="utf-8")
    loaded = _modules_after_main(["compare", "--format", "json", str(a), str(a)])
    commands = sorted(m for m in loaded if m.startswith("stmtdiff.frontends.cli.commands."))
    assert commands == [
        "stmtdiff.frontends.cli.commands.compare",
        "stmtdiff.frontends.cli.commands.options",
    ]


@pytest.mark.parametrize("command", ["compare", "approve", "cache", "completion"])
def test_a_command_alone_has_the_help_it_has_among_all(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    helps = []
    for parser in (build_parser(command), build_parser()):
        with pytest.raises(SystemExit):
            parser.parse_args([command, "--help"])
        helps.append(capsys.readouterr().out)
    assert helps[0] == helps[1]
    assert helps[0].startswith(f"usage: stmtdiff {command} ")


def test_the_parsers_choices_equal_the_values_they_stand_for() -> None:
    from stmtdiff.adapters.ingest.fetchlog import FETCHLOG_NAME
    from stmtdiff.adapters.translate.settings import ENGINES
    from stmtdiff.core.check.findings import RULES, Severity
    from stmtdiff.core.model import MethodChoice
    from stmtdiff.frontends.cli import choices

    assert tuple(choice.value for choice in MethodChoice) == choices.METHODS
    assert choices.ENGINES == ENGINES
    assert tuple(RULES) == choices.RULES
    assert tuple(severity.value for severity in Severity) == choices.SEVERITIES
    assert Severity.ERROR.value == choices.DEFAULT_FAIL_ON
    assert choices.FETCHLOG_NAME == FETCHLOG_NAME


def test_version_option_is_answered_without_loading_any_command() -> None:
    loaded = _modules_after_main(["--version"])
    assert (
        sorted(name for name in loaded if name.startswith("stmtdiff.frontends.cli.commands")) == []
    )


def test_same_language_json_compare_of_local_files_imports_no_httpx_rich_or_langdetect(
    tmp_path: Path,
) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The sides held talks. They agreed on trade.\n", encoding="utf-8")
    b.write_text("The sides held talks. They agreed on energy.\n", encoding="utf-8")
    loaded = _modules_after_main(["compare", "--format", "json", str(a), str(b)])
    assert "stmtdiff.core.compare.compare" in loaded  # the comparison did run
    assert sorted(name for name in ("httpx", "rich", "langdetect") if name in loaded) == []


def test_same_language_compare_imports_no_numpy_nor_the_models(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("Стороны провели переговоры. Они договорились о торговле.\n", encoding="utf-8")
    b.write_text("Стороны провели переговоры. Они договорились об энергетике.\n", encoding="utf-8")
    loaded = _modules_after_main(["compare", "--format", "json", str(a), str(b)])
    assert "stmtdiff.core.align.pairalign" in loaded  # the versions were aligned
    unwanted = ("numpy", "sqlite3", "stmtdiff.adapters.models.embed", "langdetect")
    assert sorted(name for name in unwanted if name in loaded) == []


#: What a compare of two short texts in one language has no use for: the encoder's scorers, the
#: account matcher, the lexical scorer and the length model; TOML (the shipped subject table is
#: read back in its prepared form); rich (its output in a pipe is plain text that needs no
#: wrapping); numpy, SQLite, HTTP and langdetect; page fetching and statement-set manifests (the
#: inputs are plain files).
SAME_LANGUAGE_UNUSED = (
    "stmtdiff.core.align.semantic",
    "stmtdiff.core.align.readouts",
    "stmtdiff.core.align.lexical",
    "stmtdiff.core.align.lengthmodel",
    "stmtdiff.core.compare.meaning",
    "tomllib",
    "importlib.resources",
    "rich.console",
    "rich.text",
    "numpy",
    "sqlite3",
    "httpx",
    "langdetect",
    "stmtdiff.adapters.ingest.fetch",
    "stmtdiff.adapters.ingest.fetchlog",
    "stmtdiff.adapters.ingest.manifest",
)


@pytest.mark.parametrize("view", ["terminal", "json"])
def test_two_sentence_compare_in_one_language_loads_no_module_it_does_not_use(
    tmp_path: Path, view: str
) -> None:
    (tmp_path / "a.txt").write_text("The sides held talks. They agreed on trade.\n", "utf-8")
    (tmp_path / "b.txt").write_text("The sides held talks. They agreed on energy.\n", "utf-8")
    argv = ["compare", "--format", view, "a.txt", "b.txt"]
    _modules_after_main(argv, tmp_path)  # the first run prepares the shipped subject table
    loaded = _modules_after_main(argv, tmp_path)
    assert "stmtdiff.core.compare.summary" in loaded  # who said what was summarised
    assert sorted(name for name in SAME_LANGUAGE_UNUSED if name in loaded) == []


def test_importing_the_aligners_loads_no_numpy_until_one_runs() -> None:
    assert "numpy" not in _modules_after("import stmtdiff.core.align.pairalign")
    loaded = _modules_after(
        "from stmtdiff.core.align.lengthmodel import length_model\n"
        "print(length_model('ru', 'zh').probabilities([10, 20], [5, 9]))"
    )
    assert "numpy" in loaded


def test_utf8_text_files_are_read_without_loading_the_encoding_detector(tmp_path: Path) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Стороны провели переговоры. 双方举行了会谈。\n", encoding="utf-8")
    loaded = _modules_after(
        f"from stmtdiff.adapters.ingest import load_document\nload_document({str(a)!r})"
    )
    assert "charset_normalizer" not in loaded


def test_importing_the_package_loads_no_public_name_until_used() -> None:
    loaded = _modules_after("import stmtdiff")
    assert "stmtdiff.core.compare.compare" not in loaded
    assert "stmtdiff.adapters.pipeline" not in loaded


def test_version_option_prints_the_installed_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "stmtdiff", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("stmtdiff ")
    assert result.stdout.split()[1][0].isdigit()


def test_script_checks_skip_their_patterns_only_where_those_cannot_match() -> None:
    # Below EAST_ASIAN_FROM no pattern is compiled; the answers must be the patterns' own.
    checks = {
        scripts.is_ideographic: f"[{scripts.HAN}{scripts.KANA}]",
        scripts.is_cjk_char: f"[{scripts.CJK}]",
        scripts.glues_lines: f"[{scripts.HAN}{scripts.KANA}{scripts.EAST_ASIAN_SYMBOLS}]",
        scripts.is_wide: f"[{scripts.CJK}{scripts.EAST_ASIAN_SYMBOLS}]",
    }
    chars = [chr(code) for code in (*range(0x3100), 0xAC00, 0xD7A3, 0xFF0C, 0x20000, 0x10FFFF)]
    for check, pattern in checks.items():
        compiled = re.compile(pattern)
        assert [c for c in chars if check(c) != bool(compiled.match(c))] == []
    by_script = {
        name: re.compile(f"[{ranges}]")
        for name, ranges in (
            ("han", scripts.HAN),
            ("kana", scripts.KANA),
            ("hangul", scripts.HANGUL),
        )
    }
    expected = {c: next((n for n, p in by_script.items() if p.match(c)), None) for c in chars}
    assert [c for c in chars if scripts.east_asian_script(c) != expected[c]] == []


def test_a_text_without_east_asian_characters_compiles_no_script_pattern() -> None:
    loaded = _modules_after(
        "from stmtdiff.core.text import scripts\n"
        "from stmtdiff.core.text.langid import detect_language\n"
        "assert detect_language('Стороны провели переговоры — и договорились.') == 'ru'\n"
        "assert not scripts.has_cjk('The sides held talks.')\n"
        "assert 'match' not in vars(scripts._CJK) and 'match' not in vars(scripts._HAN)"
    )
    assert "stmtdiff.core.text.scripts" in loaded
