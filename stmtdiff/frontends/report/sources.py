"""Where a version came from, as a published report may show it: never an absolute local path.

An absolute path leaks the author's folders (``/home/…``) into a page or a pull-request comment.
Shown instead: the version's URL when it has one, else its path relative to the working folder
when the file lies below it, else just the file name.
"""

from __future__ import annotations

import os
from pathlib import PurePath

from stmtdiff.adapters.ingest.sources import is_url
from stmtdiff.core.model import Version


def public_source(version: Version, cwd: str | None = None) -> str:
    """The URL, the path below ``cwd`` (default: the working folder), or the file name."""
    if version.url:
        return version.url
    path = version.path
    if not path or path == "-" or is_url(path):
        return path
    try:
        relative = os.path.relpath(os.path.abspath(path), cwd or os.getcwd())
    except ValueError:  # another drive (Windows)
        return PurePath(path).name
    if relative == os.pardir or relative.startswith(os.pardir + os.sep):
        return PurePath(path).name
    return PurePath(relative).as_posix()
