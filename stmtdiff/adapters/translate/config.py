"""Where translation settings and API keys come from: environment variables and the config file.

Keys are never accepted on the command line, where they would end up in shell history and in
``ps`` output. The config file is TOML (``~/.config/stmtdiff/config.toml`` on Linux, wherever
platformdirs puts per-user config elsewhere, or ``$STMTDIFF_CONFIG``)::

    [translate]
    engine = "libre"              # setting an engine here opts in to translating every run
    url = "http://localhost:5000/"
    to = "en"

    [translate.keys]
    deepl = "..."

A top-level ``watch = ["my-subjects.toml"]`` adds subject tables to every comparison's "who
said what" summary (``stmtdiff.adapters.ingest.subjects``).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import platformdirs

from stmtdiff.adapters.translate.settings import ENGINES, MAX_RETRIES, TranslationSettings
from stmtdiff.core.errors import StmtdiffError

CONFIG_ENV_VAR = "STMTDIFF_CONFIG"

#: Environment variables checked for each credential, first match wins. The stmtdiff-specific
#: name comes first; the others are the names the services' own tools and deep-translator use.
CREDENTIAL_ENV_VARS: dict[str, tuple[str, ...]] = {
    "deepl": ("STMTDIFF_DEEPL_KEY", "DEEPL_AUTH_KEY", "DEEPL_API_KEY"),
    "microsoft": ("STMTDIFF_MICROSOFT_KEY", "MICROSOFT_TRANSLATOR_KEY", "MICROSOFT_API_KEY"),
    "microsoft_region": ("STMTDIFF_MICROSOFT_REGION", "MICROSOFT_TRANSLATOR_REGION"),
    "libre": ("STMTDIFF_LIBRE_KEY", "LIBRETRANSLATE_API_KEY", "LIBRE_API_KEY"),
    "mymemory_email": ("STMTDIFF_MYMEMORY_EMAIL",),
}

_SETTINGS: dict[str, type | tuple[type, ...]] = {
    "engine": str,
    "to": str,
    "url": str,
    "timeout": (int, float),
    "cache": str,
    "max_concurrency": int,
    "retries": int,
    "keys": dict,
}


@dataclass(frozen=True)
class Credentials:
    """What one engine needs to authenticate; the key is kept out of ``repr``."""

    api_key: str | None = field(default=None, repr=False)
    region: str | None = None
    email: str | None = field(default=None, repr=False)


def credential(
    name: str, keys: Mapping[str, str], environ: Mapping[str, str] | None = None
) -> str | None:
    """One credential by name: environment first, then the config file's ``[translate.keys]``."""
    env = os.environ if environ is None else environ
    for var in CREDENTIAL_ENV_VARS.get(name, ()):
        value = env.get(var, "").strip()
        if value:
            return value
    value = keys.get(name, "").strip()
    return value or None


def credentials_for(
    engine: str, keys: Mapping[str, str], environ: Mapping[str, str] | None = None
) -> Credentials:
    """Everything ``engine`` authenticates with."""
    return Credentials(
        api_key=credential(engine, keys, environ),
        region=credential("microsoft_region", keys, environ) if engine == "microsoft" else None,
        email=credential("mymemory_email", keys, environ) if engine == "mymemory" else None,
    )


def default_config_path(environ: Mapping[str, str] | None = None) -> Path:
    env = os.environ if environ is None else environ
    override = env.get(CONFIG_ENV_VAR)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_config_dir("stmtdiff")) / "config.toml"


def read_config_document(path: Path | None = None) -> dict[str, Any]:
    """The whole config file as TOML data; empty if there is no file."""
    path = default_config_path() if path is None else path
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return {}
    except OSError as error:
        raise StmtdiffError(f"cannot read config file {path}: {error.strerror}") from error
    import tomllib  # ~5 ms: only when there is a config file to read

    try:
        return tomllib.loads(raw.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise StmtdiffError(f"config file {path} is not valid TOML: {error}") from error


def read_translate_table(path: Path | None = None) -> dict[str, Any]:
    """The validated ``[translate]`` table of the config file; empty if there is no file."""
    path = default_config_path() if path is None else path
    table = read_config_document(path).get("translate", {})
    if not isinstance(table, dict):
        raise StmtdiffError(f"config file {path}: [translate] must be a table")
    for name, value in table.items():
        expected = _SETTINGS.get(name)
        if expected is None:
            known = ", ".join(_SETTINGS)
            raise StmtdiffError(
                f"config file {path}: unknown setting {name!r} in [translate] (known: {known})"
            )
        if not isinstance(value, expected) or isinstance(value, bool):
            raise StmtdiffError(f"config file {path}: [translate] {name} has the wrong type")
    keys = table.get("keys", {})
    for name, value in keys.items():
        if name not in CREDENTIAL_ENV_VARS:
            known = ", ".join(CREDENTIAL_ENV_VARS)
            raise StmtdiffError(
                f"config file {path}: unknown entry {name!r} in [translate.keys] (known: {known})"
            )
        if not isinstance(value, str):
            raise StmtdiffError(f"config file {path}: [translate.keys] {name} must be a string")
    retries = table.get("retries", 0)
    if not 0 <= retries <= MAX_RETRIES:
        raise StmtdiffError(
            f"config file {path}: [translate] retries must be between 0 and {MAX_RETRIES}, "
            f"not {retries}"
        )
    engine = table.get("engine")
    if engine is not None and engine not in (*ENGINES, "none"):
        raise StmtdiffError(
            f"config file {path}: unknown engine {engine!r} (choose from {', '.join(ENGINES)})"
        )
    return table


def settings_from_config(path: Path | None = None) -> TranslationSettings:
    """Settings as the config file alone has them: no engine (nothing sent) unless it opts in."""
    table = read_translate_table(path)
    engine = table.get("engine")
    options: dict[str, Any] = {"keys": dict(table.get("keys", {}))}
    if "to" in table:
        options["target"] = table["to"]
    if "url" in table:
        options["url"] = table["url"]
    if "timeout" in table:
        options["timeout"] = float(table["timeout"])
    if "cache" in table:
        options["cache_path"] = Path(table["cache"]).expanduser()
    if "max_concurrency" in table:
        options["max_concurrency"] = table["max_concurrency"]
    if "retries" in table:
        options["retries"] = table["retries"]
    return TranslationSettings(None if engine in (None, "none") else engine, **options)
