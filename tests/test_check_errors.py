"""Bad input to `stmtdiff check`: one clear line on stderr, exit 2, and no damaged lock file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from check_repo import write_repo

from stmtdiff.frontends.cli.main import main


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    write_repo(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("stmtdiff: error: ") and err.count("\n") == 1, err
    return err


def test_missing_translation_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "statement/ru.txt", "statement/fr.txt"]) == 2
    assert "statement/fr.txt: no such file" in _error(capsys)


def test_a_source_alone_is_a_usage_error(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "statement/ru.txt"]) == 2
    assert "needs a source and at least one translation" in _error(capsys)


def test_lock_named_in_config_but_never_created(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["check"]) == 2
    assert "stmtdiff.lock.json: no such lock file (create it with stmtdiff approve" in _error(
        capsys
    )


def test_unreadable_lock_file(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "stmtdiff.lock.json").write_text('{"schema": "stmtdiff/lock@1", "transl', "utf-8")
    assert main(["check"]) == 2
    assert "stmtdiff.lock.json: unreadable lock file (not JSON" in _error(capsys)


def test_lock_file_of_another_tool(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "stmtdiff.lock.json").write_text('{"lockfileVersion": 3}', "utf-8")
    assert main(["check"]) == 2
    assert "not a stmtdiff lock file" in _error(capsys)


def test_malformed_config_toml(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "stmtdiff.toml").write_text('[[check]]\nsource = "statement/ru.txt\n', "utf-8")
    assert main(["check"]) == 2
    assert "stmtdiff.toml: not valid TOML" in _error(capsys)


def test_malformed_glossary_toml(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "glossary.toml").write_text('[[term]\nru = "ООН"\n', "utf-8")
    assert (
        main(["check", "statement/ru.txt", "statement/en.txt", "--glossary", "glossary.toml"]) == 2
    )
    assert "glossary.toml: not valid TOML" in _error(capsys)


def test_glossary_with_a_duplicate_term(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "glossary.toml").write_text(
        '[[term]]\nru = "ООН"\nen = "UN"\n\n[[term]]\nru = "Совбез"\nen = "UN"\n', "utf-8"
    )
    assert (
        main(["check", "statement/ru.txt", "statement/en.txt", "--glossary", "glossary.toml"]) == 2
    )
    assert "glossary.toml: duplicate en term 'UN' (entry 1 and entry 2)" in _error(capsys)


def test_no_files_and_no_config_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["check"]) == 2
    assert "no stmtdiff.toml" in _error(capsys)


@pytest.mark.parametrize("command", [["approve"], ["check", "--update-lock"]])
def test_approving_without_a_lock_file_to_write(
    repo: Path, command: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*command, "statement/ru.txt", "statement/en.txt"]) == 2
    assert "approving needs a lock file to write: give --lock FILE" in _error(capsys)


def test_unknown_rule_to_skip_is_a_usage_error(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "--skip", "spelling"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'spelling'" in capsys.readouterr().err


def test_failed_lock_write_leaves_the_old_lock_whole(
    repo: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["approve"]) == 0
    lock = repo / "stmtdiff.lock.json"
    before = lock.read_bytes()
    (repo / "statement/ru.txt").write_text(
        (repo / "statement/ru.txt").read_text("utf-8").replace("в Москве", "в Казани"), "utf-8"
    )

    def disk_full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    capsys.readouterr()
    assert main(["approve"]) == 2
    assert "stmtdiff.lock.json: cannot write (No space left on device)" in _error(capsys)
    assert lock.read_bytes() == before
    assert sorted(p.name for p in repo.iterdir()) == [
        "glossary.toml",
        "statement",
        "stmtdiff.lock.json",
        "stmtdiff.toml",
    ]
