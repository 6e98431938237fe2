"""Turn a loaded text into a ``Version``: segmented, language identified."""

from __future__ import annotations

from collections.abc import Sequence

from stmtdiff.core.model import Role, Sentence, Version
from stmtdiff.core.text.langid import detect_language
from stmtdiff.core.text.segment import segment

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
    role: Role | None = None,
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


def version_from_sentences(
    id: str, sentences: Sequence[str], *, lang: str, label: str = "", path: str = ""
) -> Version:
    """A version from already segmented sentences, one per line of its text (one paragraph each)."""
    parts: list[Sentence] = []
    offset = 0
    for index, sentence in enumerate(sentences):
        parts.append(Sentence(index, sentence, offset, offset + len(sentence), index))
        offset += len(sentence) + 1
    return Version(
        id=id, text="\n".join(sentences), lang=lang, sentences=parts, label=label, path=path
    )
