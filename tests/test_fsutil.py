"""Files stmtdiff writes are whole or absent, never half-written, and keep sane permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from stmtdiff.adapters.files.fsutil import write_atomic
from stmtdiff.core.errors import StmtdiffError


def test_writes_utf8_text(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    write_atomic(target, "Стороны «договорились» — 双方同意。\n")
    assert target.read_text(encoding="utf-8") == "Стороны «договорились» — 双方同意。\n"


def test_a_new_file_is_readable_by_others_as_the_umask_allows(tmp_path: Path) -> None:
    previous = os.umask(0o022)
    try:
        write_atomic(tmp_path / "report.html", "<p>x</p>")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "report.html").stat().st_mode) == 0o644


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "lock.json"
    target.write_text("{}", encoding="utf-8")
    target.chmod(0o600)
    write_atomic(target, '{"pairs": []}')
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "lock.json"
    target.write_text("approved", encoding="utf-8")

    def fail(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(StmtdiffError, match="No space left on device"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "approved"
    assert [p.name for p in tmp_path.iterdir()] == ["lock.json"]


def test_writing_over_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StmtdiffError, match="is a directory"):
        write_atomic(tmp_path, "x")


def test_writing_into_a_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StmtdiffError, match="does not exist"):
        write_atomic(tmp_path / "nowhere" / "out.html", "x")
