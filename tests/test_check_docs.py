"""docs/ci.md and .pre-commit-hooks.yaml only show commands stmtdiff accepts."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from stmtdiff.frontends.cli.main import build_parser

ROOT = Path(__file__).resolve().parent.parent


def _documented_commands() -> list[str]:
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|yaml)\n(.*?)```", text, re.S)
    commands = []
    for block in blocks:
        for line in block.splitlines():
            match = re.search(r"(?:run: |entry: |- |^)(stmtdiff (?:check|approve)\b[^#|]*)", line)
            if match:
                commands.append(match.group(1).strip())
    return commands


def test_the_ci_guide_shows_commands_for_each_ci_system() -> None:
    commands = _documented_commands()
    assert "stmtdiff check --format github" in commands
    assert "stmtdiff check --format junit -o stmtdiff-junit.xml" in commands
    assert "stmtdiff approve" in commands


@pytest.mark.parametrize("command", _documented_commands())
def test_documented_command_parses(command: str) -> None:
    args = build_parser().parse_args(shlex.split(command)[1:])
    assert args.command in {"check", "approve"}


def test_pre_commit_hook_runs_check_on_the_configured_files() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "- id: stmtdiff-check" in hooks
    entry = re.search(r"^  entry: (.+)$", hooks, re.M)
    assert entry is not None
    assert build_parser().parse_args(shlex.split(entry.group(1))[1:]).command == "check"
    assert "pass_filenames: false" in hooks  # the checks come from stmtdiff.toml, not file names
