"""Word-level diff inside an aligned row (character level for Chinese and Japanese).

diff-match-patch works on characters; words are mapped to private code points first (the same
trick as its line mode), diffed, cleaned up semantically and mapped back. Its timeout is switched
off: with the default one second, long diffs silently degrade and results vary between runs.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from stmtdiff.model import DiffOp, Op
from stmtdiff.scripts import has_cjk, is_cjk_char

# A number (with its decimal part and non-breaking thousands separators) is one token, so a
# changed figure shows as one replaced number rather than a changed digit.
_WORD = re.compile(
    r"\d+(?:[\u00a0\u202f]\d{3})*(?:[.,]\d+)*%?|\w+(?:[-'’]\w+)*|\s+|[^\w\s]", re.UNICODE
)
_OPS = {0: Op.EQUAL, 1: Op.INSERT, -1: Op.DELETE}


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: never fall back to a coarse diff halfway
    return dmp


def tokenize(text: str, lang: str) -> list[str]:
    """Words, runs of spaces and punctuation marks; each CJK character is its own token."""
    tokens: list[str] = []
    for token in _WORD.findall(text):
        if has_cjk(token):
            tokens.extend(_split_cjk(token))
        else:
            tokens.append(token)
    return tokens


def _split_cjk(token: str) -> list[str]:
    parts: list[str] = []
    buffer = ""
    for char in token:
        if is_cjk_char(char):
            if buffer:
                parts.append(buffer)
                buffer = ""
            parts.append(char)
        else:
            buffer += char
    if buffer:
        parts.append(buffer)
    return parts


def word_diff(old: str, new: str, lang: str) -> list[DiffOp]:
    """Edit script from ``old`` (the pivot) to ``new``; adjacent ops of one kind are merged."""
    old_tokens = tokenize(old, lang)
    new_tokens = tokenize(new, lang)
    codes: dict[str, str] = {}
    vocabulary: list[str] = []

    def encode(tokens: list[str]) -> str:
        chars = []
        for token in tokens:
            code = codes.get(token)
            if code is None:
                code = chr(0xF0000 + len(vocabulary))  # supplementary private use area
                codes[token] = code
                vocabulary.append(token)
            chars.append(code)
        return "".join(chars)

    dmp = _engine()
    diffs = dmp.diff_main(encode(old_tokens), encode(new_tokens), False)
    dmp.diff_cleanupSemantic(diffs)
    ops: list[DiffOp] = []
    for code, chunk in diffs:
        text = "".join(vocabulary[ord(char) - 0xF0000] for char in chunk)
        op = _OPS[code]
        if ops and ops[-1].op is op:
            ops[-1] = DiffOp(op, ops[-1].text + text)
        else:
            ops.append(DiffOp(op, text))
    return ops


def old_text(ops: list[DiffOp]) -> str:
    """The pivot side of an edit script."""
    return "".join(op.text for op in ops if op.op is not Op.INSERT)


def new_text(ops: list[DiffOp]) -> str:
    """The other version's side of an edit script."""
    return "".join(op.text for op in ops if op.op is not Op.DELETE)
