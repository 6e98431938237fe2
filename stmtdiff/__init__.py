"""stmtdiff: line up parallel versions of a statement and show where they differ.

The public Python API (``docs/api.md``) is the names in ``__all__``. They load on first use, so
``import stmtdiff`` (and the command line's ``--version``) costs no alignment, numpy or rendering
code, and ``__version__`` costs no ``importlib.metadata`` until someone reads it.
"""

from __future__ import annotations

from stmtdiff.lazyexports import lazy_exports as _lazy_exports
from stmtdiff.project import stmtdiff_version as _stmtdiff_version

TYPE_CHECKING = False  # not ``typing``'s: importing typing costs ``--version`` ~10 ms
if TYPE_CHECKING:
    from typing import Any

    from stmtdiff.adapters.ingest.document import Document as Document
    from stmtdiff.adapters.ingest.load import load_document as load_document
    from stmtdiff.adapters.offline import offline_evidence as offline_evidence
    from stmtdiff.adapters.pipeline import Request as Request
    from stmtdiff.adapters.pipeline import build_comparison as build_comparison
    from stmtdiff.core.compare.compare import compare as compare_versions
    from stmtdiff.core.errors import StmtdiffError as StmtdiffError
    from stmtdiff.core.model import Cell as Cell
    from stmtdiff.core.model import Comparison as Comparison
    from stmtdiff.core.model import DiffOp as DiffOp
    from stmtdiff.core.model import Op as Op
    from stmtdiff.core.model import PairAlignment as PairAlignment
    from stmtdiff.core.model import Row as Row
    from stmtdiff.core.model import Sentence as Sentence
    from stmtdiff.core.model import Status as Status
    from stmtdiff.core.model import Version as Version
    from stmtdiff.core.text.versions import make_version as make_version
    from stmtdiff.frontends.report.html import render_html as render_html
    from stmtdiff.frontends.report.jsonout import render_json as render_json
    from stmtdiff.frontends.report.markdown import render_markdown as render_markdown

    __version__: str

#: Where each public name lives: one home per idea, re-exported here without a second copy.
#: ``compare`` is published as ``compare_versions``: a package attribute named like one of its
#: submodules would be replaced by that submodule as soon as anything imports it.
_HOMES = {
    "compare_versions": "stmtdiff.core.compare.compare:compare",
    "StmtdiffError": "stmtdiff.core.errors",
    "Document": "stmtdiff.adapters.ingest.document",
    "load_document": "stmtdiff.adapters.ingest.load",
    "Cell": "stmtdiff.core.model",
    "Comparison": "stmtdiff.core.model",
    "DiffOp": "stmtdiff.core.model",
    "Op": "stmtdiff.core.model",
    "PairAlignment": "stmtdiff.core.model",
    "Row": "stmtdiff.core.model",
    "Sentence": "stmtdiff.core.model",
    "Status": "stmtdiff.core.model",
    "Version": "stmtdiff.core.model",
    "offline_evidence": "stmtdiff.adapters.offline",
    "render_html": "stmtdiff.frontends.report.html",
    "render_json": "stmtdiff.frontends.report.jsonout",
    "render_markdown": "stmtdiff.frontends.report.markdown",
    "Request": "stmtdiff.adapters.pipeline",
    "build_comparison": "stmtdiff.adapters.pipeline",
    "make_version": "stmtdiff.core.text.versions",
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


_load, __dir__ = _lazy_exports(__name__, _HOMES)


def __getattr__(name: str) -> Any:
    """``__version__`` is read from the installed metadata once, when first asked for; any other
    public name first installs what the core is given at start-up (:func:`_start`)."""
    if name == "__version__":
        globals()[name] = _stmtdiff_version()
        return globals()[name]
    if name in _HOMES:
        _start()
    return _load(name)


def _start() -> None:
    """What a library user gets before the first public name: the core's language detection
    with langdetect to fall back on (the core reads no files; the adapter installs it)."""
    from stmtdiff.adapters.models.langprofiles import install

    install()
