"""The record ``stmtdiff fetch`` keeps beside a manifest: which URL was saved where, and when.

It is a separate file (``stmtdiff.fetched.toml``) so that fetching never rewrites the manifest a
person wrote, comments and all. docs/manifest.md describes it.
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from stmtdiff.errors import StmtdiffError
from stmtdiff.fsutil import write_atomic

FETCHLOG_NAME = "stmtdiff.fetched.toml"
_FIELDS = ("url", "final_url", "file", "retrieved", "sha256")


@dataclass(frozen=True, slots=True)
class FetchRecord:
    url: str  # as written in the manifest
    final_url: str  # after redirects
    file: str  # the saved text, relative to the manifest's folder
    retrieved: str  # ISO 8601, UTC
    sha256: str  # of the saved text file


def read_fetchlog(path: Path) -> dict[str, FetchRecord]:
    """Records by URL; an absent log means nothing was fetched yet."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise StmtdiffError(
            f"{path}: unreadable fetch record ({error}); delete it and re-fetch"
        ) from None
    records: dict[str, FetchRecord] = {}
    for entry in data.get("fetched", []):
        if not isinstance(entry, dict) or any(not isinstance(entry.get(k), str) for k in _FIELDS):
            raise StmtdiffError(f"{path}: damaged [[fetched]] entry; delete the file and re-fetch")
        record = FetchRecord(**{key: entry[key] for key in _FIELDS})
        records[record.url] = record
    return records


def write_fetchlog(path: Path, records: Iterable[FetchRecord]) -> None:
    lines = [
        "# Written by `stmtdiff fetch`: where each URL version was saved, and when.",
        "# stmtdiff reads a URL version from its saved file while that file exists.",
    ]
    for record in records:
        lines.append("")
        lines.append("[[fetched]]")
        lines.extend(f"{key} = {_toml_string(getattr(record, key))}" for key in _FIELDS)
    write_atomic(path, "\n".join(lines) + "\n")


def _toml_string(value: str) -> str:
    """A TOML basic string: JSON's escapes are valid TOML, except that DEL must be escaped too."""
    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
