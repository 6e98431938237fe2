"""Declaring the command line must not load what only a running command needs."""

from __future__ import annotations

import json
import subprocess
import sys

HEAVY = ("numpy", "textual", "httpx", "requests", "rich", "importlib.metadata")


def _modules_after(statement: str) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def test_building_the_parser_imports_no_heavy_library() -> None:
    loaded = _modules_after(
        "import stmtdiff.frontends.cli.main\nstmtdiff.frontends.cli.main.build_parser()"
    )
    assert sorted(name for name in HEAVY if name in loaded) == []


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
