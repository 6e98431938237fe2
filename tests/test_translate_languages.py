"""Language codes: one normal form for the cache, each engine's own spelling on the wire."""

from __future__ import annotations

import pytest

from stmtdiff.adapters.translate import TranslationError
from stmtdiff.adapters.translate.languages import engine_language, normalize_language


@pytest.mark.parametrize("spelling", ["zh", "ZH", "zh-CN", "zh_CN", "zh-Hans", "cmn"])
def test_simplified_chinese_spellings_share_one_cache_key(spelling: str) -> None:
    assert normalize_language(spelling) == "zh"


@pytest.mark.parametrize("spelling", ["zh-TW", "zh-Hant", "zh_HK"])
def test_traditional_chinese_spellings_share_another(spelling: str) -> None:
    assert normalize_language(spelling) == "zh-tw"


def test_an_empty_language_code_is_refused() -> None:
    with pytest.raises(TranslationError, match="empty language code"):
        normalize_language("  ")


@pytest.mark.parametrize(
    ("engine", "role", "code", "wire"),
    [
        ("google", "source", "zh", "zh-CN"),
        ("google", "source", "zh-tw", "zh-TW"),
        ("google", "target", "en", "en"),
        ("google", "source", "he", "iw"),
        ("libre", "source", "zh", "zh"),
        ("libre", "target", "en-gb", "en"),
        ("mymemory", "source", "ru", "ru-RU"),
        ("mymemory", "source", "zh", "zh-CN"),
        ("mymemory", "target", "en", "en-GB"),
        ("microsoft", "source", "zh", "zh-hans"),
        ("microsoft", "source", "ru", "ru"),
        ("deepl", "source", "zh", "ZH"),
        ("deepl", "source", "en-gb", "EN"),
        ("deepl", "target", "en", "EN-US"),
        ("deepl", "target", "en-gb", "EN-GB"),
        ("deepl", "target", "zh", "ZH-HANS"),
        ("deepl", "target", "pt", "PT-PT"),
        ("deepl", "target", "ru", "RU"),
    ],
)
def test_each_engine_gets_its_own_code(engine: str, role: str, code: str, wire: str) -> None:
    assert engine_language(engine, code, role) == wire


def test_libre_refuses_traditional_chinese_it_cannot_be_asked_for() -> None:
    with pytest.raises(TranslationError, match="libre: language 'zh-tw' is not supported"):
        engine_language("libre", "zh-tw", "source")


def test_google_refuses_a_made_up_code() -> None:
    with pytest.raises(TranslationError, match="google: language 'xx' is not supported"):
        engine_language("google", "xx", "target")
