"""The public Python API: curated, typed, documented by an example that runs."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

import stmtdiff

ROOT = Path(__file__).resolve().parent.parent

USER_SCRIPT = """\
import stmtdiff

version = stmtdiff.make_version("a", "The sides held talks.", lang="en")
other = stmtdiff.make_version("b", "The sides held long talks.", lang="en")
evidence = stmtdiff.offline_evidence()
result: stmtdiff.Comparison = stmtdiff.compare_versions([version, other], evidence=evidence)
statuses: list[stmtdiff.Status] = [row.status for row in result.rows]
html: str = stmtdiff.render_html(result)
request = stmtdiff.Request(inputs=["a.txt", "b.txt"])
print(statuses, len(html), request, stmtdiff.__version__)
"""


def _docs_example() -> str:
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    match = re.search(r"```python\n(.*?)```", text, re.DOTALL)
    assert match is not None
    return match.group(1)


def test_docs_example_is_five_lines_and_prints_what_its_comment_says() -> None:
    example = _docs_example()
    lines = [line for line in example.splitlines() if line.strip()]
    assert len(lines) == 5
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(example, "docs/api.md", "exec"), {})
    expected = lines[-1].split("# ", 1)[1]
    assert out.getvalue().strip() == expected


def test_every_public_name_resolves() -> None:
    for name in stmtdiff.__all__:
        assert getattr(stmtdiff, name) is not None, name


def test_public_names_leak_no_helpers() -> None:
    for leaked in ("version", "PackageNotFoundError"):
        assert leaked not in stmtdiff.__all__
        with pytest.raises(AttributeError):
            getattr(stmtdiff, leaked)


def test_compare_versions_stays_the_function_after_the_compare_module_loads() -> None:
    import stmtdiff.core.compare.compare

    assert callable(stmtdiff.compare_versions)
    assert stmtdiff.compare_versions is stmtdiff.core.compare.compare.compare


def test_package_ships_the_typed_marker() -> None:
    assert (ROOT / "stmtdiff" / "py.typed").is_file()


def test_user_script_passes_mypy_strict(tmp_path: Path) -> None:
    script = tmp_path / "user_script.py"
    script.write_text(USER_SCRIPT, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(script)],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
