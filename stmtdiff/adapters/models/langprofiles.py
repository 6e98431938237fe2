"""langdetect as the core's statistical language identifier, its profile files read here.

The core's ``detect_language`` settles most texts by their letters and asks an installed
identifier (``stmtdiff.core.text.langid.use_identifier``) about the rest; it reads no files, so
the reading of langdetect's 55 bundled profiles lives in this adapter. :func:`install` puts it
in place: the command line and the public API call it when they start.

langdetect itself is imported only for the texts that need it, and its profiles are read the way
``_LazyProfiles`` says: the same answers at a seventh of the start-up cost.
"""

from __future__ import annotations

import json
import os
from functools import cache

from stmtdiff.core.text import langid

TYPE_CHECKING = False  # not ``typing``'s: the command line imports this module at start-up
if TYPE_CHECKING:
    from langdetect.detector_factory import DetectorFactory
    from langdetect.language import Language


class _LazyProfiles:
    """langdetect's n-gram table, each row built when a text first asks for it.

    langdetect's own ``load_profile`` turns its 55 JSON profiles into one row of 55
    probabilities for each of 184,000 n-grams: 0.6-0.7 s of Python loops (2 busy cores), for a
    text that uses a hundred of them. Here the profiles are only parsed (C json, ~0.09 s) and a
    row is computed the way ``DetectorFactory.add_profile`` computes it, from the same files in
    the same order, so every probability, and so every answer, is langdetect's own (checked
    against langdetect in ``tests/test_langprofiles.py``).
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


def best_guess(text: str) -> str | None:
    """langdetect's best guess, ``None`` where it finds no feature to go on."""
    from langdetect import LangDetectException

    try:
        ranked = detect_langs(text)
    except LangDetectException:
        return None
    return str(ranked[0].lang) if ranked else None


def install() -> None:
    """Make langdetect the core's statistical identifier (reads nothing until a text needs it)."""
    langid.use_identifier(best_guess)
