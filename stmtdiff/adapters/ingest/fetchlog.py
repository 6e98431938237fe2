"""The record ``stmtdiff fetch`` keeps beside a manifest: which URL was saved where, and when.

It is a separate file (``stmtdiff.fetched.toml``) so that fetching never rewrites the manifest a
person wrote, comments and all. docs/manifest.md describes it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from stmtdiff.core.errors import StmtdiffError

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
    import tomllib  # not at import: ``stmtdiff --help`` names this file (FETCHLOG_NAME)

    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return {}
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise StmtdiffError(
            f"{path}: unreadable fetch record ({error}); delete it and re-fetch"
        ) from None
    entries = data.get("fetched", [])
    if not isinstance(entries, list):
        raise StmtdiffError(f"{path}: 'fetched' must be a list of [[fetched]] tables; re-fetch")
    records: dict[str, FetchRecord] = {}
    for entry in entries:
        if not isinstance(entry, dict) or any(not isinstance(entry.get(k), str) for k in _FIELDS):
            raise StmtdiffError(f"{path}: damaged [[fetched]] entry; delete the file and re-fetch")
        record = FetchRecord(**{key: entry[key] for key in _FIELDS})
        if not inside(path.parent, record.file):
            raise StmtdiffError(
                f"{path}: fetched file {record.file!r} is not inside {path.parent}; "
                "delete the record and run stmtdiff fetch again"
            )
        records[record.url] = record
    return records


def inside(folder: Path, name: str) -> bool:
    """Whether ``name`` is a relative path that stays in ``folder``, symlinks resolved."""
    if not name or Path(name).is_absolute():
        return False
    root = folder.resolve()
    return (root / name).resolve().is_relative_to(root)


def fetched_copy(folder: Path, record: FetchRecord) -> Path | None:
    """The saved copy of a fetched page, checked against its recorded hash; ``None`` if absent.

    A copy that no longer matches was edited or replaced since the fetch: reading it would
    compare something other than the published page, so it is an error, not a silent fallback.
    """
    local = folder / record.file
    try:
        data = local.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None
    except OSError as error:
        raise StmtdiffError(f"{local}: cannot read ({error.strerror or error})") from None
    import hashlib  # not at import: ``stmtdiff --help`` names this file (FETCHLOG_NAME)

    if hashlib.sha256(data).hexdigest() != record.sha256:
        raise StmtdiffError(
            f"{local}: differs from the copy stmtdiff fetch saved of {record.url} "
            f"(sha256 mismatch); run stmtdiff fetch {folder} again"
        )
    return local


def write_fetchlog(path: Path, records: Iterable[FetchRecord]) -> None:
    from stmtdiff.adapters.files.fsutil import write_atomic  # tempfile, signal: not for ``--help``

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
    import json

    return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
