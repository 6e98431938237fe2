"""Text from outside (statements, file names, labels, translator answers) made safe to show.

A terminal obeys control characters: ``ESC ] 0 ; … BEL`` retitles the window, ``ESC ] 8`` makes
a link, ``ESC [ 8 m`` conceals the rows after it from a reviewer. Bidi overrides and isolates
reorder what a reader sees in a terminal, a browser and the TUI alike. Every renderer passes
outside text through ``visible`` where it enters, so such characters are shown, never obeyed.
Offsets (diffs, spans, check locations) are computed on the raw text; only rendering substitutes.
"""

from __future__ import annotations

import re

#: Bidi embeddings, overrides and isolates: the characters that reorder text around them
#: (U+202A–U+202E, U+2066–U+2069). Marks (U+200E, U+200F) only affect neutral characters
#: next to them and occur in ordinary right-to-left text, so they are left alone.
_BIDI = r"\u202a-\u202e\u2066-\u2069"
#: C0 controls but TAB and LF, DEL, C1 controls, bidi overrides and isolates.
_SHOWN = re.compile(rf"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")


def _token(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ESC -> ␛, BEL -> ␇, CR -> ␍
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"<U+{code:04X}>"


def visible(text: str, *, newlines: bool = True) -> str:
    """``text`` with every control and bidi-reordering character replaced by a visible token.

    C0 controls and DEL become their Control Pictures (ESC -> ␛); C1 controls and bidi
    overrides/isolates become ``<U+202E>``-style tokens. TAB is kept, and LF too unless
    ``newlines`` is False (for one-line output such as error messages), when it shows as ␊.
    Printable text is returned unchanged, and so is an already visible text.
    """
    shown = _SHOWN.sub(_token, text)
    return shown if newlines else shown.replace("\n", "\u240a")
