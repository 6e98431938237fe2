"""What an input names, told from the name alone: a URL, or a statement set's manifest.

Apart from ``fetch`` (HTTP, the page cache, a User-Agent that reads the version) and
``manifest`` (TOML, the fetch record), so that a compare of local files, which only asks these
questions, loads neither: their modules and four dataclasses cost ~5 ms of every run
(``benchmarks/terminal_speed.py``; tests/test_startup.py keeps them unloaded).
"""

from __future__ import annotations

from pathlib import Path

#: The manifest file of a statement set folder.
MANIFEST_NAME = "stmtdiff.toml"


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def manifest_path(source: str | Path) -> Path | None:
    """The manifest ``source`` names: the file itself or the one inside a folder."""
    path = Path(source)
    if path.is_dir():
        inner = path / MANIFEST_NAME
        return inner if inner.is_file() else None
    return path if path.suffix.lower() == ".toml" else None
