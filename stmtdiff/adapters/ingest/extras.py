"""Optional input formats: which pip extra brings the libraries each one needs.

HTML pages and URLs (lxml, trafilatura), PDF (pdfminer.six) and Word (python-docx) add 14, 4 and
2 packages, 68, 27 and 15 MB to a 34-package, 194 MB install (fresh venvs, Python 3.11, measured
for issue 16); a CI job that checks text files needs none of them. Plain text and Markdown need
no extra.
"""

from __future__ import annotations

from importlib.util import find_spec

from stmtdiff.adapters.ingest.sniff import Kind
from stmtdiff.core.errors import StmtdiffError

#: Extra name, what it reads, and the modules it installs, per input kind that needs one.
EXTRAS: dict[Kind, tuple[str, str, tuple[str, ...]]] = {
    Kind.HTML: ("web", "an HTML page", ("lxml", "trafilatura")),
    Kind.PDF: ("pdf", "a PDF", ("pdfminer",)),
    Kind.DOCX: ("docx", "a Word .docx file", ("docx", "lxml")),
}


def _installed(module: str) -> bool:
    try:
        return find_spec(module) is not None
    except ValueError:  # in sys.modules as None: import would fail
        return False


def require_extra(kind: Kind, source: str) -> None:
    """One clear line, instead of an ImportError, when ``kind``'s libraries are not installed."""
    if kind not in EXTRAS:
        return
    extra, what, modules = EXTRAS[kind]
    missing = [module for module in modules if not _installed(module)]
    if missing:
        raise StmtdiffError(
            f"{source}: reading {what} needs the '{extra}' extra "
            f"(missing {', '.join(missing)}): pip install 'stmtdiff[{extra}]'"
        )
