"""Writing systems: which characters are Han, Kana or Hangul, and which languages use spaces.

The one home of this knowledge (issue 17): every module that tokenises, joins sentences, wraps
or guesses a script asks here rather than keeping a range of its own. Two different questions
are kept apart:

- a *character* question (``is_cjk_char``, ``han_count``): is this Han, Kana or Hangul?
- a *language* question (``joins_without_space``): does the language put spaces between its
  words and sentences? Chinese and Japanese do not; Korean, though written in Hangul, does.
"""

from __future__ import annotations

from functools import lru_cache

from stmtdiff.lazyexports import lazy_pattern

TYPE_CHECKING = False  # not ``typing``'s: the command line's error path reads this module
if TYPE_CHECKING:
    from typing import NewType

    #: A language without region or script (``zh``, not ``zh-Hans``), as :func:`base_language`
    #: makes it: decided once per version (``Version.base_lang``) and carried to the aligners,
    #: which take it as it is.
    BaseLang = NewType("BaseLang", str)
else:
    BaseLang = str  # what a NewType is at run time: the value itself

#: Han ideographs: extension A, the unified block, the compatibility ideographs and the
#: supplementary planes (extensions B to H: rare characters of names).
HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
#: Hiragana and Katakana.
KANA = "\u3040-\u30ff"
#: Precomposed Hangul syllables: one syllable is one unit, as one Han character is.
HANGUL_SYLLABLES = "\uac00-\ud7af"
#: Hangul as a script: the syllables and the conjoining jamo a decomposed (NFD) text is made of.
HANGUL = "\u1100-\u11ff" + HANGUL_SYLLABLES
#: The one CJK range: characters each of which is a word-like unit for diffing and similarity
#: (a jamo is a part of a syllable, not a unit).
CJK = HAN + KANA + HANGUL_SYLLABLES
#: Radicals, CJK punctuation (``。、「」``), Bopomofo, enclosed and compatibility forms, and the
#: full-width and half-width forms (``（），：``): East Asian symbols that are not letters.
EAST_ASIAN_SYMBOLS = "\u2e80-\u303f\u3100-\u33ff\uff00-\uffef"

#: Every range above starts at or after this character: one comparison tells that a character
#: is none of them, and the patterns below compile only for texts that hold one (~2 ms each).
EAST_ASIAN_FROM = "\u1100"

_HAN = lazy_pattern(f"[{HAN}]")
_IDEOGRAPHIC = lazy_pattern(f"[{HAN}{KANA}]")
_CJK = lazy_pattern(f"[{CJK}]")
_UNSPACED = lazy_pattern(f"[{HAN}{KANA}{EAST_ASIAN_SYMBOLS}]")
_WIDE = lazy_pattern(f"[{CJK}{EAST_ASIAN_SYMBOLS}]")
_KANA = lazy_pattern(f"[{KANA}]")
_HANGUL = lazy_pattern(f"[{HANGUL}]")

#: Languages that write words and sentences without spaces between them.
_UNSPACED_LANGUAGES = frozenset({"zh", "ja"})


@lru_cache(maxsize=256)
def base_language(lang: str) -> BaseLang:
    """The language of a tag without its region or script: ``zh-Hans`` → ``zh``, ``EN_us`` →
    ``en``."""
    return BaseLang(lang.strip().lower().replace("_", "-").split("-")[0])


def joins_without_space(lang: str) -> bool:
    """True for languages whose sentences (and words) follow each other with no space: Chinese
    and Japanese. Korean separates words with spaces, so it is not one of them."""
    return base_language(lang) in _UNSPACED_LANGUAGES


def sentence_separator(lang: str) -> str:
    """What goes between two sentences of ``lang`` joined into one text."""
    return "" if joins_without_space(lang) else " "


def han_count(text: str) -> int:
    """How many characters of ``text`` are Han."""
    return 0 if text.isascii() else len(_HAN.findall(text))


def is_ideographic(char: str) -> bool:
    """True for a Han or Kana character: text of a language written without spaces, so a
    sentence may start right after it, with no blank in between."""
    return char >= EAST_ASIAN_FROM and _IDEOGRAPHIC.match(char) is not None


def is_cjk_char(char: str) -> bool:
    """True for a Han, Kana or Hangul character: one unit for the diff and for similarity."""
    return char >= EAST_ASIAN_FROM and _CJK.match(char) is not None


def has_cjk(text: str) -> bool:
    """True when ``text`` holds a Han, Kana or Hangul character."""
    return not text.isascii() and _CJK.search(text) is not None


def glues_lines(char: str) -> bool:
    """True when a line break next to ``char`` is not a space: Han, Kana, CJK punctuation and
    full-width forms. Hangul is not among them: a Korean line break stands for a space."""
    return char >= EAST_ASIAN_FROM and _UNSPACED.match(char) is not None


def is_wide(char: str) -> bool:
    """True for a character a terminal draws two cells wide and a line may break around:
    ideographs, Kana, Hangul and the East Asian punctuation and full-width forms."""
    return char >= EAST_ASIAN_FROM and _WIDE.match(char) is not None


def has_wide(text: str) -> bool:
    """True when ``text`` holds a wide character (see ``is_wide``)."""
    return not text.isascii() and _WIDE.search(text) is not None


#: The East Asian scripts by name, as language identification and ``check`` count them.
SCRIPT_PATTERNS = {"han": _HAN, "kana": _KANA, "hangul": _HANGUL}


def east_asian_script(char: str) -> str | None:
    """``han``, ``kana`` or ``hangul`` for a character of that script, else ``None``."""
    if char < EAST_ASIAN_FROM:
        return None
    for name, pattern in SCRIPT_PATTERNS.items():
        if pattern.match(char):
            return name
    return None
