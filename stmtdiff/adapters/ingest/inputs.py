"""Turn what the user named (files, URLs, '-', statement folders, manifests) into versions."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from stmtdiff.adapters.ingest.document import VersionSpec
from stmtdiff.adapters.ingest.load import STDIN
from stmtdiff.adapters.ingest.sources import MANIFEST_NAME, is_url, manifest_path
from stmtdiff.core.errors import StmtdiffError


def expand_inputs(inputs: Sequence[str]) -> list[VersionSpec]:
    """One spec per version, in order; a folder or manifest adds all its versions."""
    specs: list[VersionSpec] = []
    for item in inputs:
        if item == STDIN or is_url(item):
            specs.append(VersionSpec(source=item))
        elif (manifest := manifest_path(item)) is not None:
            from stmtdiff.adapters.ingest.manifest import load_manifest  # TOML: sets only

            specs.extend(load_manifest(manifest).versions)
        elif Path(item).is_dir():
            raise StmtdiffError(
                f"{item} is a directory (give files, or a folder with a {MANIFEST_NAME})"
            )
        else:
            specs.append(VersionSpec(source=item))
    if sum(spec.source == STDIN for spec in specs) > 1:
        raise StmtdiffError("'-' (standard input) can be given only once")
    return specs
