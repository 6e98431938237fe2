"""A bare ``stmtdiff check`` finds stmtdiff.toml as ruff and pre-commit find their configs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from check_repo import write_repo

from stmtdiff.adapters.check.config import find_config
from stmtdiff.frontends.cli.main import main


def test_config_in_a_parent_folder_is_found(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "stmtdiff.toml").write_text("", encoding="utf-8")
    (tmp_path / "statement" / "old").mkdir(parents=True)
    assert find_config(tmp_path / "statement" / "old") == tmp_path / "stmtdiff.toml"


def test_nearest_config_wins(tmp_path: Path) -> None:
    (tmp_path / "stmtdiff.toml").write_text("", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "stmtdiff.toml").write_text("", encoding="utf-8")
    assert find_config(tmp_path / "sub") == tmp_path / "sub" / "stmtdiff.toml"


def test_search_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "stmtdiff.toml").write_text("", encoding="utf-8")
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    (repository / "docs").mkdir()
    assert find_config(repository / "docs") is None


def test_pyproject_without_a_stmtdiff_table_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / "stmtdiff.toml").write_text("", encoding="utf-8")
    (tmp_path / "app").mkdir()
    (tmp_path / "app" / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    assert find_config(tmp_path / "app") == tmp_path / "stmtdiff.toml"


def test_pyproject_with_a_stmtdiff_table_is_found(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[[tool.stmtdiff.check]]\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    assert find_config(tmp_path / "docs") == tmp_path / "pyproject.toml"


def test_check_run_from_a_subfolder_uses_the_repository_config(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    write_repo(tmp_path)
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path / "statement")
    assert main(["approve"]) == 0
    assert (tmp_path / "stmtdiff.lock.json").is_file()
    capsys.readouterr()
    assert main(["check", "--format", "json"]) == 0
    checks = json.loads(capsys.readouterr().out)["checks"]
    assert [check["translation"] for check in checks] == ["en.txt", "zh.txt"]
