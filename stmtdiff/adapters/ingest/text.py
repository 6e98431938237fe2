"""Turn bytes into text: byte-order marks, UTF-8, declared charsets and detected legacy encodings.

Statements arrive as UTF-8 mostly, but also as GBK/GB2312 (Chinese government sites, older Word
exports), Windows-1251 (Russian) and UTF-16 (Windows "Unicode" saves). Every path ends in a clear
error naming the source rather than mojibake, or, when the encoding is a guess from a few stray
bytes, in a warning on stderr naming the encoding assumed.
"""

from __future__ import annotations

import codecs
import re
import sys

from stmtdiff.core.errors import StmtdiffError
from stmtdiff.core.text.scripts import han_count

_BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)

#: Labels pages use for encodings Python spells differently or that browsers widen (WHATWG).
_ALIASES = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "csgb2312": "gb18030",
    "chinese": "gb18030",
    "iso-8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "windows-1252": "cp1252",
}

#: Guesses charset-normalizer makes for short Chinese text; stmtdiff reads ru/zh/en, so a
#: Korean or Japanese codec is almost always a GBK text misread.
_CJK_MISGUESSES = frozenset(
    {"euc_kr", "cp949", "johab", "iso2022_kr", "shift_jis", "cp932", "euc_jp"}
)

#: C0 control bytes that never occur in text (tab, newlines, form feed and escape excepted).
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 11, 12, 13, 27))
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
#: A guessed legacy encoding is weak below this share of non-ASCII bytes, or below
#: ``_WEAK_GUESS_BYTES`` of them (8 Cyrillic letters or GBK characters): a Russian Windows-1251 or
#: a GBK Chinese text is 60-95 % non-ASCII bytes, while ASCII with a few stray bytes
#: (b"(\xff\xfe\xc3)" read as Windows-1250 "(˙ţĂ)") is 5 % of a 59-byte line and under 1 % of a
#: page. charset-normalizer's own chaos and coherence scores did not tell these apart (chaos 0.0
#: for Russian, Chinese, stray bytes and cp1252 curly quotes alike).
_WEAK_GUESS_SHARE = 0.05
_WEAK_GUESS_BYTES = 16


def decode_text(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """``(text, encoding)`` for plain text, newlines normalised to ``\\n``, BOM removed.

    ``declared`` is a charset the server named; it is used when the bytes agree with it.
    """
    if not data:
        raise StmtdiffError(f"{source}: the file is empty")
    encoding = _bom_encoding(data) or _utf16_without_bom(data)
    if encoding is None:
        _reject_binary(data, source)
        encoding = _agreeing(data, declared) or _utf8_or_detected(data, source)
    text = _decode(data, encoding, source)
    if not text.strip():
        raise StmtdiffError(f"{source}: the file has no text (only whitespace)")
    return normalise_newlines(text), encoding


def decode_html(data: bytes, source: str, declared: str | None = None) -> tuple[str, str]:
    """``(markup, encoding)`` from the BOM, the HTTP charset, the meta charset, or detection."""
    if not data.strip():
        raise StmtdiffError(f"{source}: the page is empty")
    for candidate in (_bom_encoding(data), declared, meta_charset(data)):
        encoding = python_codec(candidate) if candidate else None
        if encoding is None:
            continue
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue  # a wrong declaration is common; fall through to detection
    encoding = _utf8_or_detected(data, source)
    return _decode(data, encoding, source), encoding


def meta_charset(data: bytes) -> str | None:
    """The charset a page declares in ``<meta charset>`` or ``http-equiv`` within its head."""
    match = _META_CHARSET.search(data[:8192])
    return match.group(1).decode("ascii").lower() if match else None


def python_codec(label: str) -> str | None:
    """The Python codec for a charset label, ``None`` if Python knows no such encoding."""
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def normalise_newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _agreeing(data: bytes, declared: str | None) -> str | None:
    encoding = python_codec(declared) if declared else None
    if encoding is None:
        return None
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return None
    return encoding


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 saved without a BOM: the NUL high bytes of spaces, digits and Latin letters all
    fall on odd positions (little-endian) or all on even ones (big-endian)."""
    sample = data[:65536]
    sample = sample[: len(sample) // 2 * 2]
    nuls = sample.count(0)
    if len(sample) < 4 or nuls == 0:
        return None
    odd = sample[1::2].count(0)
    encoding = "utf-16-le" if odd >= 0.9 * nuls else "utf-16-be" if odd <= 0.1 * nuls else None
    if encoding is None:
        return None
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        return None
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
    return encoding if printable >= 0.98 * len(text) else None


def _reject_binary(data: bytes, source: str) -> None:
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if b"\x00" in data or controls > max(2, len(data) // 1000):
        raise StmtdiffError(f"{source}: looks like a binary file, not text")


def _utf8_or_detected(data: bytes, source: str) -> str:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    import charset_normalizer  # ~15 ms, for the few files that are not UTF-8

    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise StmtdiffError(
            f"{source}: cannot tell the text encoding (not UTF-8, GBK, Windows-1251 or similar); "
            "save it as UTF-8"
        )
    encoding = str(best.encoding)
    _warn_if_weak(data, encoding, source)
    if encoding in _CJK_MISGUESSES:
        try:
            chinese = data.decode("gb18030")
        except UnicodeDecodeError:
            return encoding
        if han_count(chinese) * 2 > len(chinese.strip()):
            return "gb18030"
    return encoding


def _warn_if_weak(data: bytes, encoding: str, source: str) -> None:
    """Say which encoding was assumed when a few stray bytes were all it could be told from, so
    that mojibake never passes silently."""
    stray = len(data.translate(None, bytes(range(128))))
    if stray >= max(_WEAK_GUESS_BYTES, _WEAK_GUESS_SHARE * len(data)):
        return
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        return
    shown = "".join(ch for ch in text if ord(ch) > 127 and ch.isprintable())[:12]
    print(
        f"stmtdiff: warning: {source}: not UTF-8; assumed {encoding} from only {stray} "
        f"non-ASCII byte{'s' if stray != 1 else ''} (read as {shown!r}); "
        "if that is wrong, save the file as UTF-8",
        file=sys.stderr,
    )


def _decode(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise StmtdiffError(f"{source}: not valid {encoding} text (byte {exc.start})") from exc
