"""Split a text into paragraphs and sentences, keeping exact character spans.

PLACEHOLDER: a simple splitter; the segmentation work replaces it behind the same signature.
"""

from __future__ import annotations

import re

from stmtdiff.model import Sentence

_PARA = re.compile(r"[^\n]+(?:\n(?![ \t]*\n)[^\n]+)*")
_SENT = re.compile(r".+?(?:[.!?。！？]+[»”\"’」』)）]*(?=\s|$)|$)", re.S)


def segment(text: str, lang: str) -> list[Sentence]:
    """Sentences of ``text`` in order; ``text[s.start:s.end] == s.text`` for each."""
    sentences: list[Sentence] = []
    for para_no, para in enumerate(_PARA.finditer(text)):
        for match in _SENT.finditer(para.group()):
            raw = match.group()
            stripped = raw.strip()
            if not stripped:
                continue
            start = para.start() + match.start() + (len(raw) - len(raw.lstrip()))
            sentences.append(
                Sentence(len(sentences), stripped, start, start + len(stripped), para_no)
            )
    return sentences
