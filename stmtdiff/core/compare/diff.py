"""Word-level diff inside an aligned row (character level for Chinese and Japanese).

diff-match-patch works on characters; words are mapped to private code points first (the same
trick as its line mode), diffed, cleaned up semantically and mapped back. Its timeout is switched
off: with the default one second, long diffs silently degrade and results vary between runs.
"""

from __future__ import annotations

import re

from diff_match_patch import diff_match_patch

from stmtdiff.core.model import DiffOp, Op
from stmtdiff.core.text.scripts import has_cjk, is_cjk_char

# A number (with its decimal part and non-breaking thousands separators) is one token, so a
# changed figure shows as one replaced number rather than a changed digit.
_WORD = re.compile(
    r"\d+(?:[\u00a0\u202f]\d{3})*(?:[.,]\d+)*%?|\w+(?:[-'’]\w+)*|\s+|[^\w\s]", re.UNICODE
)
_OPS = {0: Op.EQUAL, 1: Op.INSERT, -1: Op.DELETE}
#: Most tokens (both sides, after their common start and end) diffed word by word. The Myers diff
#: costs (N+M)·D steps in pure Python: two unrelated 4,000-token sides took 6.2 s, and a 20 MB
#: one-line input never finished. The longest paragraph in ../shared/corpus has 485 tokens, so a
#: real row is far below this; above it the differing middle shows as one deletion and one
#: insertion, decided by size alone so results stay the same from run to run.
MAX_DIFF_TOKENS = 3000


def _engine() -> diff_match_patch:
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: never fall back to a coarse diff halfway
    return dmp


def tokenize(text: str) -> list[str]:
    """Words, runs of spaces and punctuation marks; each CJK character is its own token."""
    if not has_cjk(text):  # one look at the text instead of one at each of its tokens
        return _WORD.findall(text)
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


def word_diff(old: str, new: str) -> list[DiffOp]:
    """Edit script from ``old`` (the pivot) to ``new``; adjacent ops of one kind are merged."""
    old_tokens = tokenize(old)
    new_tokens = tokenize(new)
    if len(old_tokens) + len(new_tokens) <= MAX_DIFF_TOKENS:
        return _merged(_token_diff(old_tokens, new_tokens))
    start = 0
    while start < min(len(old_tokens), len(new_tokens)) and (
        old_tokens[start] == new_tokens[start]
    ):
        start += 1
    end = 0
    while end < min(len(old_tokens), len(new_tokens)) - start and (
        old_tokens[-1 - end] == new_tokens[-1 - end]
    ):
        end += 1
    old_middle = old_tokens[start : len(old_tokens) - end]
    new_middle = new_tokens[start : len(new_tokens) - end]
    if len(old_middle) + len(new_middle) <= MAX_DIFF_TOKENS:
        middle = _token_diff(old_middle, new_middle)
    else:
        middle = [(Op.DELETE, "".join(old_middle)), (Op.INSERT, "".join(new_middle))]
    head = "".join(old_tokens[:start])
    tail = "".join(old_tokens[len(old_tokens) - end :])
    return _merged([(Op.EQUAL, head), *middle, (Op.EQUAL, tail)])


def _token_diff(old_tokens: list[str], new_tokens: list[str]) -> list[tuple[Op, str]]:
    """diff-match-patch over tokens, each mapped to one private-use character."""
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
    return [
        (_OPS[code], "".join(vocabulary[ord(char) - 0xF0000] for char in chunk))
        for code, chunk in diffs
    ]


def _merged(parts: list[tuple[Op, str]]) -> list[DiffOp]:
    """Ops with empty ones dropped and neighbours of one kind joined."""
    ops: list[DiffOp] = []
    for op, text in parts:
        if not text:
            continue
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
