"""From command-line inputs to a ``Comparison``: the one path every front end takes.

This is where I/O happens (reading files, pages, translations); the core it calls does none.
compare, tui, check and demo all build their comparison here, so they never disagree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from stmtdiff.compare import MAX_VERSIONS, compare
from stmtdiff.errors import StmtdiffError
from stmtdiff.ingest import VersionSpec, expand_inputs, load_document
from stmtdiff.model import Comparison, Version
from stmtdiff.versions import make_version


@dataclass(slots=True)
class Request:
    """What the user asked to compare, and how."""

    inputs: list[str]
    pivot: str | None = None
    #: Language overrides: key "" applies to every version, else a version id or 1-based position.
    langs: dict[str, str] = field(default_factory=dict)
    method: str = "auto"
    #: Translation files per version id or 1-based position: one sentence per line.
    translation_files: dict[str, str] = field(default_factory=dict)


def _version_id(spec: VersionSpec, taken: set[str]) -> str:
    base = spec.id or _slug(Path(spec.source).stem if spec.source != "-" else "stdin")
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _slug(name: str) -> str:
    return re.sub(r"[^\w.-]+", "-", name).strip("-") or "version"


def _lookup(table: dict[str, str], version_id: str, position: int) -> str | None:
    return table.get(version_id) or table.get(str(position)) or table.get("")


def load_versions(request: Request) -> list[Version]:
    """Read and segment every version named by the request, in order."""
    specs = expand_inputs(request.inputs)
    if len(specs) < 2:
        raise StmtdiffError(
            f"compare needs at least 2 versions, got {len(specs)} (give two or more files)"
        )
    if len(specs) > MAX_VERSIONS:
        raise StmtdiffError(f"compare takes at most {MAX_VERSIONS} versions, got {len(specs)}")
    taken: set[str] = set()
    versions: list[Version] = []
    for position, spec in enumerate(specs, start=1):
        document = load_document(spec.source)
        version_id = _version_id(spec, taken)
        lang = _lookup(request.langs, version_id, position) or spec.lang
        version = make_version(
            version_id,
            document.text,
            lang=lang,
            label=spec.label or document.title or Path(spec.source).name,
            path=spec.source,
            publisher=spec.publisher or document.publisher,
            date=spec.date or document.date,
            role=spec.role,
        )
        translation = _lookup(request.translation_files, version_id, position)
        if translation is None and spec.translation:
            translation = spec.translation
        if translation is not None:
            attach_translation_file(version, translation)
        versions.append(version)
    _check_unknown_keys(request, versions)
    return versions


def _check_unknown_keys(request: Request, versions: Sequence[Version]) -> None:
    known = {v.id for v in versions} | {str(i) for i in range(1, len(versions) + 1)} | {""}
    for option, table in (("--lang", request.langs), ("--translation", request.translation_files)):
        for key in table:
            if key not in known:
                raise StmtdiffError(
                    f"{option} names unknown version {key!r} "
                    f"(versions: {', '.join(v.id for v in versions)})"
                )


def attach_translation_file(version: Version, path: str, *, lang: str = "en") -> None:
    """Attach a line-per-sentence translation file to ``version``."""
    document = load_document(path)
    lines = [line.strip() for line in document.text.splitlines() if line.strip()]
    if len(lines) != len(version.sentences):
        raise StmtdiffError(
            f"{path}: translation has {len(lines)} lines but {version.id} has "
            f"{len(version.sentences)} sentences (give one translated sentence per line)"
        )
    version.translations = list(lines)
    version.translation_lang = lang
    version.translation_engine = f"file:{Path(path).name}"


def build_comparison(request: Request) -> Comparison:
    """Load, segment and compare: the whole pipeline for one request."""
    versions = load_versions(request)
    pivot: str | int = 0
    if request.pivot is not None:
        pivot = _resolve_pivot(request.pivot, versions)
    return compare(versions, pivot=pivot, method=request.method)


def _resolve_pivot(value: str, versions: Sequence[Version]) -> str | int:
    if value.isdigit():
        return int(value) - 1
    return value
