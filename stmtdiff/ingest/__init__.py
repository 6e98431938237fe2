"""Read versions from where they are published: text, Markdown, HTML pages and URLs, PDF, DOCX,
standard input, and ``stmtdiff.toml`` manifests that name a statement's versions.

Everything here does I/O; the core never imports it. Each module has one job:
``sniff`` (what the bytes are), ``text`` (encodings), ``html``, ``pdf``, ``docx`` (extraction),
``fetch`` (HTTP and the page cache), ``manifest`` and ``fetchlog`` (statement sets),
``load`` and ``inputs`` (the entry points below), ``subjects`` (the subject tables of the
"who said what" summary).
"""

from stmtdiff.ingest.document import Document, VersionSpec
from stmtdiff.ingest.inputs import expand_inputs
from stmtdiff.ingest.load import load_document, parse_bytes
from stmtdiff.ingest.manifest import Manifest, load_manifest

__all__ = [
    "Document",
    "Manifest",
    "VersionSpec",
    "expand_inputs",
    "load_document",
    "load_manifest",
    "parse_bytes",
]
