"""Settings from the config file, environment variables and command-line flags."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from stmtdiff.adapters.translate import TranslationSettings, settings_from_config
from stmtdiff.adapters.translate.config import credentials_for
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.frontends.cli.translate_options import add_translation_arguments, settings_from_args


@pytest.fixture
def config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A config file path that STMTDIFF_CONFIG points at (the file itself starts absent)."""
    path = tmp_path / "config.toml"
    monkeypatch.setenv("STMTDIFF_CONFIG", str(path))
    for var in ("STMTDIFF_DEEPL_KEY", "DEEPL_AUTH_KEY", "DEEPL_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    return path


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="stmtdiff compare")
    add_translation_arguments(parser)
    return parser.parse_args(argv)


def test_without_flag_or_config_nothing_is_sent(config: Path) -> None:
    assert settings_from_args(parse()).engine is None


def test_an_engine_in_the_config_file_opts_in(config: Path) -> None:
    config.write_text('[translate]\nengine = "libre"\nurl = "http://localhost:5000"\n')
    settings = settings_from_args(parse())
    assert (settings.engine, settings.url) == ("libre", "http://localhost:5000")


def test_flags_override_the_config_file(config: Path, tmp_path: Path) -> None:
    config.write_text('[translate]\nengine = "libre"\nto = "fr"\ntimeout = 5\n')
    settings = settings_from_args(
        parse(
            "--translate", "google", "--to", "en", "--translate-timeout", "7.5",
            "--offline", "--cache", str(tmp_path / "c.sqlite3"),
        )
    )  # fmt: skip
    assert (settings.engine, settings.target, settings.timeout) == ("google", "en", 7.5)
    assert settings.offline
    assert settings.cache_path == tmp_path / "c.sqlite3"


def test_translate_none_overrides_an_engine_in_the_config_file(config: Path) -> None:
    config.write_text('[translate]\nengine = "deepl"\n')
    assert settings_from_args(parse("--translate", "none")).engine is None


def test_an_environment_key_wins_over_the_config_file(
    config: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config.write_text('[translate.keys]\ndeepl = "from-file"\n')
    keys = settings_from_config().keys
    assert credentials_for("deepl", keys).api_key == "from-file"
    monkeypatch.setenv("DEEPL_AUTH_KEY", "from-env")
    assert credentials_for("deepl", keys).api_key == "from-env"


def test_keys_never_appear_in_the_settings_repr(config: Path) -> None:
    config.write_text('[translate.keys]\ndeepl = "s3cret-key"\n')
    assert "s3cret-key" not in repr(settings_from_config())


def test_there_is_no_flag_for_an_api_key(config: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse("--deepl-key", "abc")
    assert "unrecognized arguments" in capsys.readouterr().err


def test_a_zero_timeout_flag_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse("--translate-timeout", "0")
    assert "more than 0 seconds" in capsys.readouterr().err


def test_an_unknown_engine_flag_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        parse("--translate", "yandex")
    assert "invalid choice: 'yandex'" in capsys.readouterr().err


def test_a_misspelt_setting_is_named(config: Path) -> None:
    config.write_text('[translate]\nengin = "google"\n')
    with pytest.raises(StmtdiffError, match="unknown setting 'engin' in \\[translate\\]"):
        settings_from_config()


def test_an_unknown_engine_in_the_config_is_named(config: Path) -> None:
    config.write_text('[translate]\nengine = "babelfish"\n')
    with pytest.raises(StmtdiffError, match="unknown engine 'babelfish'"):
        settings_from_config()


def test_invalid_toml_is_one_clear_error(config: Path) -> None:
    config.write_text("[translate\nengine = google\n")
    with pytest.raises(StmtdiffError, match="is not valid TOML"):
        settings_from_config()


def test_a_wrongly_typed_value_is_named(config: Path) -> None:
    config.write_text('[translate]\ntimeout = "soon"\n')
    with pytest.raises(StmtdiffError, match="timeout has the wrong type"):
        settings_from_config()


def test_a_config_value_out_of_range_is_refused(config: Path) -> None:
    config.write_text("[translate]\ntimeout = 0\n")
    with pytest.raises(StmtdiffError, match="timeout must be positive"):
        settings_from_config()


def test_the_default_cache_lives_in_the_user_cache_directory() -> None:
    path = TranslationSettings("google").resolved_cache_path
    assert path.name == "translations.sqlite3"
    assert path.parent.name == "stmtdiff"
