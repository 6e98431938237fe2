"""The three layers hold: the core is pure, adapters draw nothing, imports run one way.

``lint-imports`` (pyproject's contracts, run by .ci/run) checks the static imports; these tests
check what actually loads, in a fresh interpreter, so a lazy import inside a function cannot hide
a breach either.
"""

from __future__ import annotations

import ast
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import stmtdiff.core

#: What the core may never load: terminals, UIs, the network, databases, our own outer layers.
FORBIDDEN_IN_CORE = (
    "rich",
    "textual",
    "httpx",
    "requests",
    "urllib3",
    "sqlite3",
    "jinja2",
    "platformdirs",
    "filelock",
    "langdetect",
    "stmtdiff.adapters",
    "stmtdiff.frontends",
)


def core_modules() -> list[str]:
    return sorted(
        info.name for info in pkgutil.walk_packages(stmtdiff.core.__path__, prefix="stmtdiff.core.")
    )


def loaded_after(statement: str) -> set[str]:
    code = f"import json, sys\n{statement}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return set(json.loads(result.stdout))


def breaches(modules: set[str], forbidden: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in forbidden))


def test_the_core_has_modules_for_text_alignment_comparison_and_checks() -> None:
    packages = {name.split(".")[2] for name in core_modules()}
    assert {"text", "align", "compare", "check", "model", "errors"} <= packages


def test_importing_every_core_module_loads_no_io_ui_or_outer_layer() -> None:
    imports = "\n".join(f"import {name}" for name in core_modules())
    assert breaches(loaded_after(imports), FORBIDDEN_IN_CORE) == []


def test_a_same_language_comparison_in_the_core_loads_no_io_ui_or_outer_layer() -> None:
    statement = (
        "from stmtdiff.core.compare.compare import compare\n"
        "from stmtdiff.core.text.versions import make_version\n"
        "a = make_version('a', 'The sides met. They agreed.', lang='en')\n"
        "b = make_version('b', 'The sides met. They disagreed.', lang='en')\n"
        "compare([a, b])"
    )
    assert breaches(loaded_after(statement), FORBIDDEN_IN_CORE) == []


def test_the_cores_language_detection_asks_its_identifier_and_opens_no_file() -> None:
    """langdetect's profiles are files: the core hands what its letters leave open to the
    identifier it is given, and neither imports langdetect nor opens anything itself."""
    statement = (
        "import builtins, io\n"
        "from stmtdiff.core.text import langid\n"
        "def refuse(*args, **kwargs):\n"
        "    raise AssertionError(f'the core opened {args}')\n"
        "builtins.open = io.open = refuse\n"
        "langid.use_identifier(lambda text: 'de')\n"
        "assert langid.detect_language('Die Seiten einigten sich auf mehr Handel.') == 'de'\n"
        "assert langid.detect_language('Стороны договорились.') == 'ru'"
    )
    assert breaches(loaded_after(statement), FORBIDDEN_IN_CORE) == []


#: Builtins that read, write or wait on a terminal: a core module calls none of them.
IO_BUILTINS = frozenset({"open", "print", "input", "breakpoint"})


def test_no_core_module_calls_a_builtin_that_reads_writes_or_prints() -> None:
    """What lint-imports cannot see: these need no import (its contracts forbid ``os``, ``io``,
    ``sys`` and the other I/O modules)."""
    root = Path(stmtdiff.core.__path__[0])
    calls = [
        f"{path.relative_to(root)}:{node.lineno} {node.func.id}()"
        for path in sorted(root.rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id in IO_BUILTINS
    ]
    assert calls == []


@pytest.mark.parametrize("name", ["stmtdiff.adapters.pipeline", "stmtdiff.adapters.translate"])
def test_adapters_load_no_front_end(name: str) -> None:
    """(rich itself may load: httpx imports it for its own command line. Our adapters' imports
    of rich are refused by lint-imports.)"""
    forbidden = ("textual", "jinja2", "stmtdiff.frontends")
    assert breaches(loaded_after(f"import {name}"), forbidden) == []
