"""Language detection: the script in use first, langdetect (seeded, installed) for the rest.

langdetect is probabilistic (its adapter seeds it so results never vary between runs) and calls
some Simplified Chinese Korean and short Russian Ukrainian. The script a text is written in settles
what langdetect cannot: Han without kana or Hangul is Chinese, Hangul is Korean, and a Cyrillic
text without Ukrainian letters is Russian.

What the letters cannot settle goes to a statistical identifier the adapters layer installs
(:func:`use_identifier`): langdetect over its own profile files, which the core does not read
(``stmtdiff.adapters.models.langprofiles``). It is asked only for the texts that need it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable

from stmtdiff.core.text.scripts import east_asian_script

#: Latin-script texts with fewer letters than this are taken for English (see detect_language).
SHORT_LATIN = 16

#: Frequent English words that no other Latin-script language uses often ("to", "is", "of",
#: "was" and "will" are common in Czech, Dutch or German too).
_ENGLISH_ONLY = frozenset(
    {"the", "and", "that", "with", "which", "this", "are", "have", "has", "been", "from"}
    | {"they", "their", "were", "would"}
)
#: A Latin-script text of at least this many words, this share of them _ENGLISH_ONLY, is English
#: (English prose runs at 10-15%; other languages near 0).
_ENGLISH_WORDS, _ENGLISH_SHARE = 20, 0.08
#: A shorter one is English when its letters are a-z only and at least this many of its words,
#: this share of them, are _ENGLISH_ONLY. Dev evidence (``benchmarks/langid_fastpath.py``:
#: MAC-Dev English, Text+Berg dev German and French, lines and pairs of lines): 402 of 1,424
#: short English texts skip langdetect, which calls every one of them English; of 693 German
#: and French ones only an English line in the German text is taken for English. One hit, or
#: 8%, let a German line quoting an English title through; "was", "of" and "is" as markers let
#: through short English that langdetect calls Dutch or Tagalog.
_SHORT_ENGLISH_HITS, _SHORT_ENGLISH_SHARE = 2, 0.15
_WORD = re.compile(r"[^\W\d_]+")

#: Letters Russian lacks; any of them in a Cyrillic text rules Russian out.
_UKRAINIAN_ONLY = frozenset("іїєґІЇЄҐ")
_BELARUSIAN_ONLY = frozenset("ўЎ")
_SERBIAN_MACEDONIAN_ONLY = frozenset("јљњћђџЈЉЊЋЂЏѓќЃЌѕЅ")


def script_counts(text: str) -> Counter[str]:
    """Letters per script: ``latin``, ``cyrillic``, ``han``, ``kana``, ``hangul``, ``other``.

    Each distinct character is classified once (a statement of 2,000 sentences has ~100 of
    them): 26 ms -> 3 ms of a 2,000-sentence English compare, the same counts."""
    counts: Counter[str] = Counter()
    for char, times in Counter(text).items():
        if not char.isalpha():
            continue
        script = east_asian_script(char)
        if script is None:
            name = unicodedata.name(char, "")
            script = (
                "cyrillic"
                if name.startswith("CYRILLIC")
                else "latin"
                if name.startswith("LATIN")
                else "other"
            )
        counts[script] += times
    return counts


def dominant_script(text: str) -> str | None:
    """The script most letters of ``text`` are written in, ``None`` for a text without letters."""
    counts = script_counts(text)
    if not counts:
        return None
    # Han characters carry a word each; weigh them so a Chinese text with some Latin stays "han".
    counts["han"] *= 3
    return counts.most_common(1)[0][0]


#: A statistical identifier: its best ISO 639-1 guess for a text (``"de"``), or ``None`` when it
#: has nothing to go on. It settles what the script rules above leave open.
Identifier = Callable[[str], str | None]


class _Installed:
    """The identifier the adapters layer installed (the core reads no files, and langdetect's
    profiles are files): ``stmtdiff.adapters.models.langprofiles.install`` puts langdetect's
    here when the command line or the public API starts (and the test suite, and benchmarks)."""

    identify: Identifier | None = None


def use_identifier(identify: Identifier) -> None:
    """Make ``identify`` the statistical identifier :func:`detect_language` falls back on."""
    _Installed.identify = identify


def _langdetect(text: str) -> str | None:
    """The installed identifier's best guess."""
    identify = _Installed.identify
    if identify is None:
        raise RuntimeError(
            "no statistical language identifier is installed: give the language, or call "
            "stmtdiff.adapters.models.langprofiles.install() first (the core reads no files)"
        )
    return identify(text)


def _cyrillic_language(text: str) -> str:
    """Letters settle most Cyrillic texts; langdetect is asked only where they cannot (a
    Russian text has ы, э or ё in nearly every sentence, so it never needs langdetect)."""
    chars = set(text)
    if chars & _UKRAINIAN_ONLY:
        return "uk"
    if chars & _BELARUSIAN_ONLY:
        return "be"
    if chars & _SERBIAN_MACEDONIAN_ONLY:
        guess = _langdetect(text)
        return guess if guess in {"sr", "mk"} else "sr"
    # langdetect calls short Russian Bulgarian; only trust it on a long text without ы, э, ё.
    if len(text) >= 40 and not chars & set("ыэёЫЭЁ") and _langdetect(text) == "bg":
        return "bg"
    return "ru"


def _plainly_english(text: str) -> bool:
    """English told by its commonest words, sparing langdetect (~0.1 s to import and read its
    profiles) for the texts that need it."""
    words = _WORD.findall(text[:20_000].lower())
    hits = sum(word in _ENGLISH_ONLY for word in words)
    if len(words) >= _ENGLISH_WORDS:
        return hits >= _ENGLISH_SHARE * len(words)
    return (
        hits >= _SHORT_ENGLISH_HITS
        and hits >= _SHORT_ENGLISH_SHARE * len(words)
        and all(word.isascii() for word in words)
    )


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``'s language; ``"und"`` when there is nothing to detect from."""
    script = dominant_script(text)
    if script is None:
        return "und"
    if script == "hangul":
        return "ko"
    if script == "kana":
        return "ja"
    if script == "han":
        return "ja" if script_counts(text)["kana"] else "zh"
    if script == "cyrillic":
        return _cyrillic_language(text)
    if script == "latin" and (script_counts(text)["latin"] < SHORT_LATIN or _plainly_english(text)):
        # "One sentence." comes out French: too few letters to tell Latin-script languages
        # apart, so take the one most statements in Latin script are written in.
        return "en"
    guess = _langdetect(text)
    if guess is None or guess.startswith("zh") or guess in {"ko", "ja", "ru", "uk", "bg"}:
        return "en" if script == "latin" else "und"
    return guess


def detect_languages(texts: Iterable[str]) -> list[str]:
    """Per-sentence detection for mixed documents, one code per text."""
    return [detect_language(text) for text in texts]
