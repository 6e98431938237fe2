"""Read and validate a ``stmtdiff.toml`` manifest: a statement's versions and where they are.

The format is documented in docs/manifest.md. Every mistake is reported on one line naming the
manifest, so a typo in a key never silently drops a version's label or role.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from stmtdiff.adapters.ingest.document import VersionSpec
from stmtdiff.adapters.ingest.fetchlog import (
    FETCHLOG_NAME,
    FetchRecord,
    fetched_copy,
    read_fetchlog,
)
from stmtdiff.adapters.ingest.sources import MANIFEST_NAME, is_url, manifest_path
from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.model import ROLES, Role

_TOP_KEYS = ("title", "version", "check")  # [[check]]: stmtdiff check (check/config.py)
_VERSION_KEYS = ("id", "label", "publisher", "lang", "role", "source", "date", "translation")
_ID = re.compile(r"^[\w.-]+$")
_LANG = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(slots=True)
class Manifest:
    """A statement set: its title, its versions in manifest order, and where the file is."""

    path: Path
    title: str | None
    versions: list[VersionSpec]

    @property
    def folder(self) -> Path:
        return self.path.parent


def load_manifest(path: str | Path, *, use_fetched: bool = True) -> Manifest:
    """Parse and validate the manifest at ``path`` (a file, or a folder holding one).

    Relative sources and translations are resolved against the manifest's folder. With
    ``use_fetched``, a URL version that ``stmtdiff fetch`` saved is read from its local copy.
    """
    file = manifest_path(path) or Path(path)
    data = _read_toml(file)
    unknown = sorted(set(data) - set(_TOP_KEYS))
    if unknown:
        raise StmtdiffError(
            f"{file}: unknown key {unknown[0]!r} (allowed at the top: {', '.join(_TOP_KEYS)})"
        )
    title = data.get("title")
    if title is not None and not isinstance(title, str):
        raise StmtdiffError(f"{file}: 'title' must be a string")
    entries = data.get("version")
    if not isinstance(entries, list) or not entries:
        raise StmtdiffError(f"{file}: no versions (add [[version]] tables with a source each)")
    fetched = read_fetchlog(file.parent / FETCHLOG_NAME) if use_fetched else {}
    versions: list[VersionSpec] = []
    seen_ids: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        spec = _version(file, number, entry)
        if spec.id is not None:
            if spec.id in seen_ids:
                raise StmtdiffError(f"{file}: version id {spec.id!r} is used twice")
            seen_ids.add(spec.id)
        versions.append(_with_fetched_copy(spec, fetched.get(spec.source), file.parent))
    return Manifest(path=file, title=title, versions=versions)


def _read_toml(file: Path) -> dict[str, Any]:
    import tomllib  # with datetime, ~5 ms of every compare that names no manifest

    try:
        with file.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise StmtdiffError(f"{file}: no such manifest") from None
    except IsADirectoryError:
        raise StmtdiffError(f"{file}: is a directory without a {MANIFEST_NAME}") from None
    except OSError as error:
        raise StmtdiffError(f"{file}: cannot read ({error.strerror or error})") from None
    except tomllib.TOMLDecodeError as error:
        raise StmtdiffError(f"{file}: not valid TOML ({error})") from None
    except UnicodeDecodeError:
        raise StmtdiffError(f"{file}: not UTF-8 (TOML files must be UTF-8)") from None


def _version(file: Path, number: int, entry: object) -> VersionSpec:
    from datetime import date  # TOML's unquoted dates; loaded with tomllib

    where = f"{file}: version {number}"
    if not isinstance(entry, dict):
        raise StmtdiffError(f"{where}: must be a [[version]] table")
    if isinstance(entry.get("id"), str):
        where = f"{where} ({entry['id']})"
    unknown = sorted(set(entry) - set(_VERSION_KEYS))
    if unknown:
        raise StmtdiffError(
            f"{where}: unknown key {unknown[0]!r} (allowed: {', '.join(_VERSION_KEYS)})"
        )
    if isinstance(entry.get("date"), date):
        entry = {**entry, "date": entry["date"].isoformat()}
    for key, value in entry.items():
        if not isinstance(value, str) or not value.strip():
            raise StmtdiffError(f"{where}: {key!r} must be a non-empty string")
    values: dict[str, str] = {key: value.strip() for key, value in entry.items()}
    if "source" not in values:
        raise StmtdiffError(f"{where}: missing 'source' (a file path or URL)")
    if "id" in values and not _ID.match(values["id"]):
        raise StmtdiffError(f"{where}: id {values['id']!r} may hold only letters, digits, . _ -")
    if "lang" in values and not _LANG.match(values["lang"]):
        raise StmtdiffError(f"{where}: lang {values['lang']!r} is not a language code like 'ru'")
    if "date" in values and not _DATE.match(values["date"]):
        raise StmtdiffError(f"{where}: date {values['date']!r} is not YYYY-MM-DD")
    role: Role | None = None
    if "role" in values:
        given = values.pop("role")
        named = given.lower().replace("_", " ").replace("-", " ")
        if named not in ROLES:
            raise StmtdiffError(f"{where}: role {given!r} is not one of: {', '.join(ROLES)}")
        role = Role(named)
    for key in ("source", "translation"):
        if key in values:
            values[key] = _resolve(file.parent, values[key])
    return VersionSpec(**values, role=role)


def _resolve(folder: Path, source: str) -> str:
    if is_url(source) or os.path.isabs(source):
        return source
    return os.path.normpath(folder / source)


def _with_fetched_copy(spec: VersionSpec, record: FetchRecord | None, folder: Path) -> VersionSpec:
    """A URL version read from the copy ``stmtdiff fetch`` saved, when that copy exists."""
    if record is None:
        return spec
    local = fetched_copy(folder, record)
    if local is None:
        return spec
    spec.url = spec.source
    spec.source = os.path.normpath(local)
    spec.retrieved = record.retrieved
    return spec
