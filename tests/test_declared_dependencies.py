"""Every third-party package stmtdiff's code imports is declared in pyproject.toml.

An undeclared import works on the developer's machine (something else pulled it in) and breaks
a user's install when that something changes its own dependencies.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def normalised(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    requirements = list(project["dependencies"])
    for name, extra in project["optional-dependencies"].items():
        if name != "test":
            requirements.extend(extra)
    return {normalised(re.split(r"[<>=!~\[ ;]", r, maxsplit=1)[0]) for r in requirements}


def imported_top_level_modules() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "stmtdiff").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"stmtdiff", "__future__"}


def test_every_imported_third_party_package_is_declared() -> None:
    distributions = packages_distributions()
    undeclared = {
        module: distributions.get(module, [module])
        for module in imported_top_level_modules()
        if not any(normalised(d) in declared() for d in distributions.get(module, [module]))
    }
    assert undeclared == {}
