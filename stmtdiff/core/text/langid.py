"""Language detection: langdetect made deterministic and guarded by the script in use.

langdetect is probabilistic (seeded here so results never vary between runs) and is known to call
some Simplified Chinese Korean and short Russian Ukrainian. The script a text is written in settles
what langdetect cannot: Han without kana or Hangul is Chinese, Hangul is Korean, and a Cyrillic
text without Ukrainian letters is Russian.

langdetect itself is imported only for the texts that need it, and its profiles are read the way
``_LazyProfiles`` says: the same answers at a seventh of the start-up cost.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import cache

from stmtdiff.core.text.scripts import east_asian_script

TYPE_CHECKING = False
if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory
    from langdetect.language import Language

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
    """Letters per script: ``latin``, ``cyrillic``, ``han``, ``kana``, ``hangul``, ``other``."""
    counts: Counter[str] = Counter()
    for char in text:
        if not char.isalpha():
            continue
        script = east_asian_script(char)
        if script is not None:
            counts[script] += 1
        else:
            name = unicodedata.name(char, "")
            if name.startswith("CYRILLIC"):
                counts["cyrillic"] += 1
            elif name.startswith("LATIN"):
                counts["latin"] += 1
            else:
                counts["other"] += 1
    return counts


def dominant_script(text: str) -> str | None:
    """The script most letters of ``text`` are written in, ``None`` for a text without letters."""
    counts = script_counts(text)
    if not counts:
        return None
    # Han characters carry a word each; weigh them so a Chinese text with some Latin stays "han".
    counts["han"] *= 3
    return counts.most_common(1)[0][0]


class _LazyProfiles:
    """langdetect's n-gram table, each row built when a text first asks for it.

    langdetect's own ``load_profile`` turns its 55 JSON profiles into one row of 55
    probabilities for each of 184,000 n-grams: 0.6-0.7 s of Python loops (2 busy cores), for a
    text that uses a hundred of them. Here the profiles are only parsed (C json, ~0.09 s) and a
    row is computed the way ``DetectorFactory.add_profile`` computes it, from the same files in
    the same order, so every probability, and so every answer, is langdetect's own (checked
    against langdetect in ``tests/test_langid.py``).
    """

    def __init__(self, profiles: list[tuple[dict[str, int], list[int]]], width: int) -> None:
        self._profiles = profiles
        self._width = width
        #: Each n-gram asked about: its row, or None when no profile has it.
        self._rows: dict[str, list[float] | None] = {}

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._row(word) is not None

    def __getitem__(self, word: str) -> list[float]:
        row = self._row(word)
        if row is None:
            raise KeyError(word)
        return row

    def _row(self, word: str) -> list[float] | None:
        if word in self._rows:
            return self._rows[word]
        row: list[float] | None = None
        if any(word in freq for freq, _ in self._profiles):
            row = [0.0] * self._width
            length = len(word)
            if 1 <= length <= 3:
                for index, (freq, n_words) in enumerate(self._profiles):
                    count = freq.get(word)
                    if count is not None:
                        row[index] = 1.0 * count / n_words[length - 1]
        self._rows[word] = row
        return row


@cache
def _detector_factory() -> DetectorFactory:
    """langdetect's factory over ``_LazyProfiles``, seeded so answers never vary."""
    import json
    import os

    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.seed = 0
    names = os.listdir(PROFILES_DIRECTORY)  # langdetect's order: it breaks ties
    profiles = []
    for name in names:
        path = os.path.join(PROFILES_DIRECTORY, name)
        if name.startswith(".") or not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as file:
            data = json.load(file)
        factory.langlist.append(data["name"])
        profiles.append((data["freq"], data["n_words"]))
    factory.word_lang_prob_map = _LazyProfiles(profiles, len(names))
    return factory


def detect_langs(text: str) -> list[Language]:
    """langdetect's ranked guesses for ``text``, as ``langdetect.detect_langs`` gives them."""
    detector = _detector_factory().create()
    detector.append(text)
    ranked: list[Language] = detector.get_probabilities()
    return ranked


def _langdetect(text: str) -> str | None:
    """langdetect's best guess."""
    from langdetect import LangDetectException

    try:
        ranked = detect_langs(text)
    except LangDetectException:
        return None
    return str(ranked[0].lang) if ranked else None


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
