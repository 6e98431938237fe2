"""What the published sdist and wheel hold, and the metadata they carry."""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

import pytest

from stmtdiff.adapters.ingest.fetch import USER_AGENT
from stmtdiff.project import DOCS_URL, PROJECT_URL

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "hatchling", "build", "-d", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=600,
    )
    return out


def _sdist_names(dist: Path) -> set[str]:
    (archive,) = dist.glob("*.tar.gz")
    with tarfile.open(archive) as tar:
        return {name.split("/", 1)[1] for name in tar.getnames() if "/" in name}


def test_sdist_holds_the_tests_docs_and_license(dist: Path) -> None:
    names = _sdist_names(dist)
    for wanted in ("LICENSE", "README.md", "tests/conftest.py", "docs/api.md", "docs/ci.md"):
        assert wanted in names


def test_sdist_include_patterns_are_anchored_at_the_root() -> None:
    include = PYPROJECT["tool"]["hatch"]["build"]["targets"]["sdist"]["include"]
    assert [pattern for pattern in include if not pattern.startswith("/")] == []


def test_wheel_carries_the_license_and_the_typed_marker(dist: Path) -> None:
    (wheel,) = dist.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "stmtdiff/py.typed" in names
    assert any(name.endswith(".dist-info/licenses/LICENSE") for name in names)


def test_license_file_is_mit() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License")
    assert PYPROJECT["project"]["license"] == "MIT"


def test_user_agent_names_the_project_url_of_the_metadata() -> None:
    urls = PYPROJECT["project"]["urls"]
    assert urls["Homepage"] == PROJECT_URL
    assert urls["Documentation"] == DOCS_URL
    assert USER_AGENT.endswith(f"(+{PROJECT_URL})")
    assert "stmtdiff/" in USER_AGENT
