"""``stmtdiff cache info|clear``."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from stmtdiff.adapters.translate.cache import TranslationCache
from stmtdiff.frontends.cli.commands import cache as cache_command


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="stmtdiff")
    cache_command.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    result: int = args.func(args)
    return result


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    path = tmp_path / "cache.sqlite3"
    with TranslationCache(path) as cache:
        cache.put("google", "ru", "en", "Стороны провели переговоры.", "The parties held talks.")
        cache.put("google", "ru", "en", "Переговоры прошли успешно.", "The talks went well.")
        cache.put("deepl", "zh", "en", "双方举行会谈。", "The two sides held talks.")
    return path


def test_info_counts_entries_per_engine_and_language_pair(
    filled: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run("cache", "info", "--cache", str(filled)) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith(f"cache: {filled} (")
    assert lines[1:] == ["entries: 3", "  deepl   zh→en  1", "  google  ru→en  2"]


def test_info_on_a_missing_cache_says_so_without_creating_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "none.sqlite3"
    assert run("cache", "info", "--cache", str(path)) == 0
    assert capsys.readouterr().out == f"cache: {path} (not created yet)\n"
    assert not path.exists()


def test_clear_one_engine(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("cache", "clear", "--engine", "google", "--cache", str(filled)) == 0
    assert capsys.readouterr().out == f"removed 2 translations from {filled}\n"
    with TranslationCache(filled) as cache:
        assert cache.stats().by_pair == [("deepl", "zh", "en", 1)]


def test_clear_everything(filled: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run("cache", "clear", "--cache", str(filled)) == 0
    assert capsys.readouterr().out == f"removed 3 translations from {filled}\n"


def test_info_uses_the_cache_named_in_the_config_file(
    filled: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    config = tmp_path / "config.toml"
    config.write_text(f"[translate]\ncache = {str(filled)!r}\n", encoding="utf-8")
    monkeypatch.setenv("STMTDIFF_CONFIG", str(config))
    assert run("cache", "info") == 0
    assert capsys.readouterr().out.splitlines()[1] == "entries: 3"
