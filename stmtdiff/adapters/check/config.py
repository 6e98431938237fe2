"""What to check, from ``[[check]]`` tables in stmtdiff.toml or ``[tool.stmtdiff]`` in pyproject.

A repository lists its statements once; CI then runs a bare ``stmtdiff check``::

    [[check]]
    source = "statement/ru.txt"
    translations = ["statement/en.txt", { path = "statement/zh.txt", lang = "zh" }]
    glossary = "glossary.toml"
    lock = "stmtdiff.lock.json"

Paths are relative to the file that names them. A bare ``stmtdiff check`` finds its file as ruff
and pre-commit find theirs: in the working folder, else in each parent up to the repository root.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stmtdiff.core.check.findings import RULES
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.model import METHODS, MethodChoice

#: Looked for in this order in each folder; pyproject.toml only when it has [tool.stmtdiff].
CONFIG_NAMES = ("stmtdiff.toml", "pyproject.toml")

_KEYS = {"name", "source", "source_lang", "translations", "glossary", "lock", "method", "skip"}


@dataclass(frozen=True, slots=True)
class FileSpec:
    path: str
    lang: str | None = None


@dataclass(slots=True)
class CheckSpec:
    """One source, its translations, and what to check them with."""

    source: FileSpec
    translations: list[FileSpec]
    glossary: str | None = None
    lock: str | None = None
    method: MethodChoice = MethodChoice.AUTO
    skip: frozenset[str] = field(default_factory=frozenset)
    name: str = ""


def find_config(start: Path) -> Path | None:
    """The nearest config file from ``start`` upwards, stopping at the repository root (the
    folder holding ``.git``) or, outside a repository, at the file-system root."""
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_tool_table(candidate)):
                return candidate
        if (folder / ".git").exists():
            return None
    return None


def _has_tool_table(path: Path) -> bool:
    try:
        return "[tool.stmtdiff" in path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError:
        return False


def parse_config(text: str, path: str) -> list[CheckSpec]:
    """The checks a stmtdiff.toml or pyproject.toml defines; an error when it defines none."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise StmtdiffError(f"{path}: not valid TOML ({error})") from None
    base = os.path.dirname(path)
    if os.path.basename(path) == "pyproject.toml":
        tool = data.get("tool", {}).get("stmtdiff")
        if not isinstance(tool, dict):
            raise StmtdiffError(f"{path}: no [tool.stmtdiff] table")
        data, where = tool, "[[tool.stmtdiff.check]]"
    else:
        where = "[[check]]"
    tables = data.get("check")
    if not isinstance(tables, list) or not tables:
        raise StmtdiffError(f"{path}: no {where} tables (each names a source and its translations)")
    return [_check(table, number, path, base) for number, table in enumerate(tables, start=1)]


def _check(table: Any, number: int, path: str, base: str) -> CheckSpec:
    where = f"{path}: check {number}"
    if not isinstance(table, dict):
        raise StmtdiffError(f"{where} is not a table")
    unknown = sorted(set(table) - _KEYS)
    if unknown:
        raise StmtdiffError(
            f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})"
        )
    if not isinstance(table.get("source"), str):
        raise StmtdiffError(f'{where}: needs source = "FILE"')
    translations = table.get("translations")
    if not isinstance(translations, list) or not translations:
        raise StmtdiffError(f'{where}: needs translations = ["FILE", …]')
    method = table.get("method", "auto")
    if method not in METHODS:
        raise StmtdiffError(
            f"{where}: unknown method {method!r} (choose from {', '.join(METHODS)})"
        )
    skip = table.get("skip", [])
    if not isinstance(skip, list) or any(rule not in RULES for rule in skip):
        raise StmtdiffError(f"{where}: skip lists rule ids ({', '.join(RULES)})")
    return CheckSpec(
        source=FileSpec(_join(base, table["source"]), _optional(table, "source_lang", where)),
        translations=[_file(item, where, base) for item in translations],
        glossary=_path(table, "glossary", where, base),
        lock=_path(table, "lock", where, base),
        method=MethodChoice(method),
        skip=frozenset(skip),
        name=str(table.get("name", "")),
    )


def _file(item: Any, where: str, base: str) -> FileSpec:
    if isinstance(item, str):
        return FileSpec(_join(base, item))
    if isinstance(item, dict) and isinstance(item.get("path"), str):
        return FileSpec(_join(base, item["path"]), _optional(item, "lang", where))
    raise StmtdiffError(f'{where}: each translation is "FILE" or {{ path = "FILE", lang = "xx" }}')


def _optional(table: dict[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        raise StmtdiffError(f"{where}: {key} must be text")
    return value


def _path(table: dict[str, Any], key: str, where: str, base: str) -> str | None:
    value = _optional(table, key, where)
    return _join(base, value) if value else None


def _join(base: str, path: str) -> str:
    return os.path.normpath(os.path.join(base, path)) if base else os.path.normpath(path)
