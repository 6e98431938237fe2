"""Language detection: deterministic, and never fooled about Chinese or short Russian."""

from __future__ import annotations

import pytest

from stmtdiff.core.text import langid
from stmtdiff.core.text.langid import (
    detect_language,
    detect_languages,
    dominant_script,
    script_counts,
)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("中华人民共和国和俄罗斯联邦关于深化新时代全面战略协作伙伴关系的联合声明", "zh"),
        ("习近平同俄罗斯总统普京通电话。", "zh"),
        ("双方同意于2026年至2027年举办中俄文化年。", "zh"),
        ("中俄贸易额达到2450亿美元，G20峰会期间双方举行会谈。", "zh"),
        ("Путин провёл переговоры с Си Цзиньпином.", "ru"),
        ("Привет", "ru"),
        ("Спасибо!", "ru"),
        ("Стороны договорились.", "ru"),
        ("Добрий день, друзі", "uk"),
        ("The two heads of state held talks in Moscow in a warm and friendly atmosphere.", "en"),
        ("Die beiden Staatschefs führten in Moskau Gespräche in freundlicher Atmosphäre.", "de"),
        ("한중 정상회담이 열렸다", "ko"),
        ("日本と中国の首脳が会談した。", "ja"),
    ],
)
def test_detects_the_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang


def test_text_without_letters_is_undetermined() -> None:
    assert detect_language("2024 — 245,2 %") == "und"
    assert detect_language("") == "und"


def test_detection_is_deterministic() -> None:
    text = "Стороны подчёркивают важность диалога"
    assert {detect_language(text) for _ in range(20)} == {"ru"}


def test_mixed_documents_are_detected_per_sentence() -> None:
    assert detect_languages(["Стороны договорились.", "双方同意。", "The sides agreed."]) == [
        "ru",
        "zh",
        "en",
    ]


def test_han_outweighs_a_few_latin_letters() -> None:
    assert dominant_script("在G20和APEC框架内加强协调与合作") == "han"


@pytest.mark.parametrize("text", ["One sentence.", "Visit ended.", "Joint Statement"])
def test_very_short_latin_text_is_taken_for_english(text: str) -> None:
    assert detect_language(text) == "en"


def test_a_short_but_clear_german_sentence_stays_german() -> None:
    assert detect_language("Die Seiten einigten sich.") == "de"


@pytest.fixture
def without_langdetect(monkeypatch: pytest.MonkeyPatch) -> None:
    """langdetect's profiles take a quarter of a second to load: fail where it is asked."""

    def refuse(text: str) -> str | None:
        raise AssertionError("langdetect was asked")

    monkeypatch.setattr(langid._Installed, "identify", refuse)


@pytest.mark.usefixtures("without_langdetect")
def test_russian_and_chinese_are_told_by_their_letters_without_langdetect() -> None:
    # A Kremlin and a Xinhua text must not pay for langdetect's profiles.
    assert detect_language("Стороны подтвердили приверженность всеобъемлющему партнёрству.") == "ru"
    assert detect_language("双方重申全面战略协作伙伴关系。") == "zh"


@pytest.mark.usefixtures("without_langdetect")
def test_english_prose_is_told_by_its_commonest_words_without_langdetect() -> None:
    text = (
        "The two heads of state held talks in Moscow. They noted that relations between the "
        "countries have reached the highest level in their history and agreed to expand trade "
        "and energy cooperation with the regions that border each other."
    )
    assert detect_language(text) == "en"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (
            "Les deux chefs d'État ont tenu des entretiens à Moscou dans une atmosphère amicale "
            "et ont convenu d'élargir la coopération dans le commerce et l'énergie.",
            "fr",
        ),
        (
            "Die beiden Staatschefs führten in Moskau Gespräche in freundlicher Atmosphäre und "
            "vereinbarten, die Zusammenarbeit in Handel und Energie auszubauen.",
            "de",
        ),
        (
            "Oba šéfové států jednali v Moskvě v přátelské atmosféře a dohodli se, že to je "
            "základ spolupráce v obchodě a energetice.",
            "cs",
        ),
    ],
)
def test_other_latin_script_languages_still_go_to_langdetect(text: str, lang: str) -> None:
    assert detect_language(text) == lang


@pytest.mark.usefixtures("without_langdetect")
def test_latin_text_too_short_to_tell_apart_is_english_without_langdetect() -> None:
    assert detect_language("Talks held.") == "en"


@pytest.mark.usefixtures("without_langdetect")
def test_a_short_plainly_english_text_is_told_without_langdetect() -> None:
    assert detect_language("The sides held talks. They agreed on trade.") == "en"


#: Short texts of every Latin-script kind the English check meets, with langdetect's answers.
SHORT_LATIN_TEXTS = [
    "The sides held talks. They agreed on trade.",
    "They said that the talks were useful.",
    "Have you had dinner yet?",
    "Printing and binding",
    "Die Seiten haben die Gespräche fortgesetzt und sich geeinigt.",
    "Das Buch heißt «Tents in the Clouds» and erschien in London.",
    "Les parties ont tenu des entretiens et sont parvenues à un accord.",
    "De partijen hebben overleg gevoerd en zijn het eens geworden.",
    "Las partes mantuvieron conversaciones y llegaron a un acuerdo.",
    "Strony przeprowadziły rozmowy i to jest ich wspólne stanowisko.",
]


@pytest.mark.parametrize("text", SHORT_LATIN_TEXTS)
def test_the_english_check_agrees_with_langdetect(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = detect_language(text)
    monkeypatch.setattr("stmtdiff.core.text.langid._plainly_english", lambda text: False)
    assert fast == detect_language(text)


def test_what_the_letters_leave_open_goes_to_the_installed_identifier(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(langid._Installed, "identify", None)
    langid.use_identifier(lambda text: "nl")
    assert detect_language("De partijen hebben overleg gevoerd en zijn het eens geworden.") == "nl"


def test_without_an_installed_identifier_letters_still_decide(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(langid._Installed, "identify", None)
    assert detect_language("Стороны договорились.") == "ru"
    assert detect_language("双方同意。") == "zh"
    assert detect_language("Talks held.") == "en"


def test_without_an_installed_identifier_an_open_text_says_what_to_do(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(langid._Installed, "identify", None)
    with pytest.raises(RuntimeError, match=r"langprofiles\.install\(\)"):
        detect_language("Die Seiten einigten sich auf eine Ausweitung des Handels.")


def test_script_counts_count_every_letter_of_each_script_once_per_occurrence() -> None:
    text = "Россия и Китай — 中俄 — agree: ΑΒΓ, «да» 2024, カナ, 한국. Россия!"
    assert script_counts(text) == {
        "cyrillic": len("РоссияиКитайдаРоссия"),
        "han": 2,
        "latin": len("agree"),
        "other": 3,
        "kana": 2,
        "hangul": 2,
    }
