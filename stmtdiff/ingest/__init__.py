"""Read versions from where they are published.

PLACEHOLDER: plain UTF-8 text files only; the ingestion work replaces it behind the same API.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from stmtdiff.errors import StmtdiffError


@dataclass(slots=True)
class Document:
    """A loaded source: its text plus whatever metadata the source itself carried."""

    text: str
    source: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None


@dataclass(slots=True)
class VersionSpec:
    """One version to compare, as named on the command line or in a manifest."""

    source: str
    id: str | None = None
    label: str | None = None
    publisher: str | None = None
    lang: str | None = None
    role: str | None = None
    date: str | None = None
    translation: str | None = None


def load_document(source: str) -> Document:
    path = Path(source)
    if not path.is_file():
        raise StmtdiffError(f"{source}: no such file")
    return Document(text=path.read_text(encoding="utf-8"), source=source)


def expand_inputs(inputs: Sequence[str]) -> list[VersionSpec]:
    return [VersionSpec(source=item) for item in inputs]
