"""Bad input is one line ``stmtdiff: error: ...`` and exit 2: never a traceback, never exit 1.

Issue 15's "tracebacks and exit codes" cases. Exit 1 means "findings" to CI, so an error that
exits 1 passes for a real difference.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from stmtdiff.adapters.translate.cache import TranslationCache
from stmtdiff.frontends.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
LONG_NAME = "x" * 300 + ".txt"


def one_line_error(capsys: pytest.CaptureFixture[str]) -> str:
    err = capsys.readouterr().err
    assert err.startswith("stmtdiff") and ": error: " in err, err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    return err


@pytest.fixture
def pair(tmp_path: Path) -> tuple[str, str]:
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The Parties met in Moscow.\nTrade grew by 5%.\n", encoding="utf-8")
    b.write_text("The Parties met in Beijing.\nTrade grew by 5%.\n", encoding="utf-8")
    return str(a), str(b)


@pytest.mark.parametrize(
    "record",
    [
        "fetched = 5\n",
        'fetched = "ru.txt"\n',
        "fetched = [5]\n",
        '[[fetched]]\nurl = "http://127.0.0.1:9/"\nfinal_url = "x"\nfile = 5\n'
        'retrieved = "x"\nsha256 = "x"\n',
    ],
    ids=["number", "string", "list-of-numbers", "file-is-a-number"],
)
def test_a_fetch_record_of_the_wrong_shape_is_a_one_line_error(
    tmp_path: Path, record: str, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "stmtdiff.toml").write_text(
        '[[version]]\nsource = "http://127.0.0.1:9/ru"\n\n[[version]]\nsource = "en.txt"\n',
        encoding="utf-8",
    )
    (tmp_path / "stmtdiff.fetched.toml").write_text(record, encoding="utf-8")
    assert main(["compare", str(tmp_path), "--offline"]) == 2
    assert "stmtdiff.fetched.toml" in one_line_error(capsys)


def test_clearing_a_read_only_cache_is_a_one_line_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The cache opens read-only (as on a read-only mount; root ignores file modes)."""
    path = tmp_path / "translations.sqlite3"
    with TranslationCache(path) as cache:
        cache.put("google", "ru", "en", "Мир.", "Peace.")

    def read_only(self: TranslationCache) -> sqlite3.Connection:
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, isolation_level=None)

    monkeypatch.setattr(TranslationCache, "_open", read_only)
    assert main(["cache", "clear", "--cache", str(path)]) == 2
    assert "cannot clear" in one_line_error(capsys)


@pytest.mark.parametrize("value", ["nan", "-1", "0", "inf"])
@pytest.mark.parametrize("command", ["fetch", "compare"])
def test_time_limits_must_be_finite_and_positive(
    tmp_path: Path, command: str, value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    option = "--timeout" if command == "fetch" else "--translate-timeout"
    with pytest.raises(SystemExit) as stop:
        main([command, str(tmp_path), str(tmp_path), f"{option}={value}"])
    assert stop.value.code == 2
    assert "finite number, more than 0 seconds" in one_line_error(capsys)


def test_an_input_name_too_long_for_the_system_is_a_one_line_error(
    pair: tuple[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", LONG_NAME, pair[1]]) == 2
    assert "too long" in one_line_error(capsys)


def test_an_output_name_too_long_for_the_system_is_a_one_line_error(
    pair: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["compare", *pair, "--format", "json", "-o", str(tmp_path / LONG_NAME)]) == 2
    assert "too long" in one_line_error(capsys)


def test_an_unexpected_system_error_on_a_path_is_one_line(
    pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied", "/srv/statements/ru.txt")

    monkeypatch.delenv("STMTDIFF_DEBUG", raising=False)
    monkeypatch.setattr("stmtdiff.adapters.pipeline.build_comparison", refuse)
    assert main(["compare", *pair]) == 2
    assert one_line_error(capsys) == (
        "stmtdiff: error: /srv/statements/ru.txt: Permission denied\n"
    )


def test_stmtdiff_debug_shows_the_traceback_behind_a_system_error(
    pair: tuple[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def refuse(*_: object) -> None:
        raise PermissionError(13, "Permission denied", "/srv/statements/ru.txt")

    monkeypatch.setenv("STMTDIFF_DEBUG", "1")
    monkeypatch.setattr("stmtdiff.adapters.pipeline.build_comparison", refuse)
    assert main(["compare", *pair]) == 2
    err = capsys.readouterr().err
    assert "Traceback" in err and "in refuse" in err


def test_a_reader_closing_the_pipe_early_keeps_the_comparison_status(
    pair: tuple[str, str],
) -> None:
    """``compare … --format json | head -c 0``: still exit 1 (they differ), and no noise.

    The reader is gone before the first byte is written, so the write meets a closed pipe.
    """
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("STMTDIFF_DEBUG", None)
    with subprocess.Popen(
        [sys.executable, "-m", "stmtdiff", "compare", *pair, "--format", "json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as child:
        assert child.stdout is not None and child.stderr is not None
        child.stdout.close()
        err = child.stderr.read().decode()
        status = child.wait(timeout=120)
    assert status == 1
    assert "Exception ignored" not in err and "BrokenPipe" not in err
