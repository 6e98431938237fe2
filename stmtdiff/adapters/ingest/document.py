"""What ingestion hands to the rest of stmtdiff: loaded documents and versions to compare."""

from __future__ import annotations

from dataclasses import dataclass

from stmtdiff.core.model import Role

#: Paragraphs of a loaded document are joined with this: one paragraph per line.
PARAGRAPH_SEPARATOR = "\n"


@dataclass(slots=True)
class Document:
    """A loaded source: its text plus whatever metadata the source itself carried.

    ``text`` holds one paragraph per line (headline first where the source has one), except for
    plain text and Markdown, which keep their own lines so that spans point into the file.
    """

    text: str
    source: str
    title: str | None = None
    date: str | None = None
    publisher: str | None = None
    #: What the source turned out to be: "text", "html", "pdf" or "docx".
    kind: str = "text"
    #: The encoding the bytes were decoded with, for text and HTML.
    encoding: str | None = None
    #: For HTML, per line of ``text``: the 1-based (line, column) in the page's markup where that
    #: paragraph's text begins (``None`` where it was not found), so reports point into the file.
    origins: list[tuple[int, int] | None] | None = None

    @property
    def has_lines(self) -> bool:
        """False where the file has no lines to point at (DOCX, PDF): a line of ``text`` is a
        paragraph the extraction made, so reports give the file alone, never a made-up line."""
        return self.kind not in {"docx", "pdf"}


@dataclass(slots=True)
class VersionSpec:
    """One version to compare, as named on the command line or in a manifest."""

    source: str
    id: str | None = None
    label: str | None = None
    publisher: str | None = None
    lang: str | None = None
    role: Role | None = None
    date: str | None = None
    translation: str | None = None
    #: The URL a local ``source`` was fetched from by ``stmtdiff fetch``, and when.
    url: str | None = None
    retrieved: str | None = None
