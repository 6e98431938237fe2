"""Turn a loaded text into a ``Version``: segmented, language identified."""

from __future__ import annotations

from stmtdiff.langid import detect_language
from stmtdiff.model import Version
from stmtdiff.segment import segment

#: Language detection reads this much of a document; more adds time, not accuracy.
DETECT_SAMPLE = 4_000


def make_version(
    id: str,
    text: str,
    *,
    lang: str | None = None,
    label: str = "",
    path: str = "",
    publisher: str | None = None,
    date: str | None = None,
    role: str | None = None,
) -> Version:
    """Segment ``text`` and detect its language unless ``lang`` is given."""
    language = lang or detect_language(text[:DETECT_SAMPLE])
    return Version(
        id=id,
        text=text,
        lang=language,
        sentences=segment(text, language),
        label=label,
        path=path,
        publisher=publisher,
        date=date,
        role=role,
    )
