"""Cell text wrapped to a column: rich's wrapping, except in text with wide (CJK) characters.

Rich breaks lines at spaces and folds a longer "word" at any character. A Chinese sentence has
no spaces, so it is one word, folded wherever the column ends: "2450亿美元" could end one line
with "24" and start the next with "50". Here such text breaks between wide characters, at
spaces, never inside a number or a Latin word (unless one is wider than the column), never
before closing punctuation nor after opening punctuation.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from stmtdiff.core.text.scripts import has_wide, is_wide

_NO_BREAK_BEFORE = frozenset("，。、；：？！）》」』”’〕】…")
_NO_BREAK_AFTER = frozenset("（《「『“‘〔【")


def wrap(text: Text, width: int, console: Console) -> list[Text]:
    """``text`` as lines of at most ``width`` cells (styles kept)."""
    plain = text.plain
    if width < 1 or "\n" in plain or not has_wide(plain):
        return list(text.wrap(console, width))
    lines = list(text.divide(_breaks(plain, width)))
    for line in lines:
        line.rstrip()
    return lines


def _may_break(plain: str, at: int) -> bool:
    """Whether a line may end just before ``plain[at]``."""
    before, after = plain[at - 1], plain[at]
    if before.isspace():
        return not after.isspace()
    if after in _NO_BREAK_BEFORE or before in _NO_BREAK_AFTER:
        return False
    return is_wide(before) or is_wide(after)


def _breaks(plain: str, width: int) -> list[int]:
    """Offsets where lines start (the first excluded), filling each line greedily."""
    offsets: list[int] = []
    start = used = 0
    last = 0  # latest allowed break after ``start``
    for at, char in enumerate(plain):
        if at > start and _may_break(plain, at):
            last = at
        cells = cell_len(char)
        if used + cells > width and at > start and not char.isspace():
            cut = last if last > start else at
            offsets.append(cut)
            start, last = cut, cut
            used = cell_len(plain[cut:at])
        used += cells
    return offsets
