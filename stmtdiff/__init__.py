"""stmtdiff: line up parallel versions of a statement and show where they differ.

The public Python API (``docs/api.md``) is the names in ``__all__``. They load on first use, so
``import stmtdiff`` (and the command line's ``--version``) costs no alignment, numpy or rendering
code, and ``__version__`` costs no ``importlib.metadata`` until someone reads it.
"""

from __future__ import annotations

from stmtdiff.lazyexports import lazy_exports as _lazy_exports

TYPE_CHECKING = False  # not ``typing``'s: importing typing costs ``--version`` ~10 ms
if TYPE_CHECKING:
    from typing import Any

    from stmtdiff.compare import compare as compare_versions
    from stmtdiff.errors import StmtdiffError as StmtdiffError
    from stmtdiff.ingest.document import Document as Document
    from stmtdiff.ingest.load import load_document as load_document
    from stmtdiff.model import Cell as Cell
    from stmtdiff.model import Comparison as Comparison
    from stmtdiff.model import DiffOp as DiffOp
    from stmtdiff.model import Op as Op
    from stmtdiff.model import PairAlignment as PairAlignment
    from stmtdiff.model import Row as Row
    from stmtdiff.model import Sentence as Sentence
    from stmtdiff.model import Status as Status
    from stmtdiff.model import Version as Version
    from stmtdiff.offline import offline_evidence as offline_evidence
    from stmtdiff.render.html import render_html as render_html
    from stmtdiff.render.jsonout import render_json as render_json
    from stmtdiff.render.markdown import render_markdown as render_markdown
    from stmtdiff.session import Request as Request
    from stmtdiff.session import build_comparison as build_comparison
    from stmtdiff.versions import make_version as make_version

    __version__: str

#: Where each public name lives: one home per idea, re-exported here without a second copy.
#: ``compare`` is published as ``compare_versions``: a package attribute named like one of its
#: submodules would be replaced by that submodule as soon as anything imports it.
_HOMES = {
    "compare_versions": "stmtdiff.compare:compare",
    "StmtdiffError": "stmtdiff.errors",
    "Document": "stmtdiff.ingest.document",
    "load_document": "stmtdiff.ingest.load",
    "Cell": "stmtdiff.model",
    "Comparison": "stmtdiff.model",
    "DiffOp": "stmtdiff.model",
    "Op": "stmtdiff.model",
    "PairAlignment": "stmtdiff.model",
    "Row": "stmtdiff.model",
    "Sentence": "stmtdiff.model",
    "Status": "stmtdiff.model",
    "Version": "stmtdiff.model",
    "offline_evidence": "stmtdiff.offline",
    "render_html": "stmtdiff.render.html",
    "render_json": "stmtdiff.render.jsonout",
    "render_markdown": "stmtdiff.render.markdown",
    "Request": "stmtdiff.session",
    "build_comparison": "stmtdiff.session",
    "make_version": "stmtdiff.versions",
}

__all__ = [
    "Cell",
    "Comparison",
    "DiffOp",
    "Document",
    "Op",
    "PairAlignment",
    "Request",
    "Row",
    "Sentence",
    "Status",
    "StmtdiffError",
    "Version",
    "__version__",
    "build_comparison",
    "compare_versions",
    "load_document",
    "make_version",
    "offline_evidence",
    "render_html",
    "render_json",
    "render_markdown",
]


def _installed_version() -> str:
    """The constant the build wrote (pyproject's version hook), else the installed metadata."""
    try:
        from stmtdiff._version import __version__ as built

        return str(built)
    except ImportError:
        pass
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("stmtdiff")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0.0.0+unknown"


_load, __dir__ = _lazy_exports(__name__, _HOMES)


def __getattr__(name: str) -> Any:
    """``__version__`` is read from the installed metadata once, when first asked for."""
    if name == "__version__":
        globals()[name] = _installed_version()
        return globals()[name]
    return _load(name)
