"""Read versions from where they are published: text, Markdown, HTML pages and URLs, PDF, DOCX,
standard input, and ``stmtdiff.toml`` manifests that name a statement's versions.

Everything here does I/O; the core never imports it. Each module has one job:
``sniff`` (what the bytes are), ``text`` (encodings), ``html``, ``pdf``, ``docx`` (extraction),
``fetch`` (HTTP and the page cache), ``manifest`` and ``fetchlog`` (statement sets),
``load`` and ``inputs`` (the entry points below), ``subjects`` (the subject tables of the
"who said what" summary).
The names below load on first use, so declaring the command-line options stays cheap.
"""

from typing import TYPE_CHECKING

from stmtdiff.lazyexports import lazy_exports

if TYPE_CHECKING:
    from stmtdiff.adapters.ingest.document import Document as Document
    from stmtdiff.adapters.ingest.document import VersionSpec as VersionSpec
    from stmtdiff.adapters.ingest.inputs import expand_inputs as expand_inputs
    from stmtdiff.adapters.ingest.load import load_document as load_document
    from stmtdiff.adapters.ingest.load import parse_bytes as parse_bytes
    from stmtdiff.adapters.ingest.manifest import Manifest as Manifest
    from stmtdiff.adapters.ingest.manifest import load_manifest as load_manifest

__all__ = [
    "Document",
    "Manifest",
    "VersionSpec",
    "expand_inputs",
    "load_document",
    "load_manifest",
    "parse_bytes",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Document": "stmtdiff.adapters.ingest.document",
        "VersionSpec": "stmtdiff.adapters.ingest.document",
        "expand_inputs": "stmtdiff.adapters.ingest.inputs",
        "load_document": "stmtdiff.adapters.ingest.load",
        "parse_bytes": "stmtdiff.adapters.ingest.load",
        "Manifest": "stmtdiff.adapters.ingest.manifest",
        "load_manifest": "stmtdiff.adapters.ingest.manifest",
    },
)
