"""langdetect as the core's identifier: its profiles read by the adapter, its answers its own."""

from __future__ import annotations

import pytest

from stmtdiff.adapters.models import langprofiles
from stmtdiff.core.text import langid
from stmtdiff.core.text.langid import detect_language

#: Texts of every kind detect_language meets: prose, headlines, a word, mixed scripts.
RANKED_EXAMPLES = [
    "The sides held talks. They agreed on trade.",
    "Joint statement on the results of the visit",
    "Die Seiten einigten sich auf eine Ausweitung des Handels.",
    "Les parties ont réaffirmé leur attachement au dialogue.",
    "Las partes acordaron ampliar el comercio bilateral.",
    "Le parti hanno concordato di ampliare la cooperazione.",
    "Oba šéfové států jednali v Moskvě.",
    "Стороны подтвердили приверженность всеобъемлющему партнёрству.",
    "Добрий день, друзі",
    "双方重申全面战略协作伙伴关系。",
    "日本と中国の首脳が会談した。",
    "Путин и Xi Jinping провели переговоры в Kremlin.",
    "hello world",
    "ok",
]


@pytest.mark.parametrize("text", RANKED_EXAMPLES)
def test_ranked_guesses_equal_langdetects_own(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The lazily built profile rows must give langdetect's answers, probabilities included.
    import langdetect
    from langdetect import DetectorFactory

    monkeypatch.setattr(DetectorFactory, "seed", 0)
    ours = [(guess.lang, guess.prob) for guess in langprofiles.detect_langs(text)]
    theirs = [(guess.lang, guess.prob) for guess in langdetect.detect_langs(text)]
    assert ours == theirs


def test_installing_gives_the_core_langdetects_answer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(langid._Installed, "identify", None)
    langprofiles.install()
    assert detect_language("Les parties ont réaffirmé leur attachement au dialogue.") == "fr"


def test_a_text_without_features_gets_no_guess() -> None:
    assert langprofiles.best_guess("2024 — 245,2 %") is None
