"""Language codes: one normal form for the cache, and each engine's own spelling for the wire.

stmtdiff speaks ISO 639-1 (``ru``, ``zh``, ``en``); engines disagree on Chinese (``zh-CN``,
``zh-Hans``, ``ZH-HANS``), on English variants (DeepL refuses a bare ``EN`` target) and on region
suffixes (MyMemory wants ``ru-RU``). The cache is keyed by the normal form so a sentence
translated once is found again however the user spelled the language.
"""

from __future__ import annotations

from functools import cache

from stmtdiff.adapters.translate.settings import TranslationError

_ALIASES = {
    "zh-cn": "zh",
    "zh-hans": "zh",
    "zh-sg": "zh",
    "zh-hans-cn": "zh",
    "cmn": "zh",
    "zho": "zh",
    "chi": "zh",
    "zh-hant": "zh-tw",
    "zh-hk": "zh-tw",
    "zh-mo": "zh-tw",
    "zh-hant-tw": "zh-tw",
    "rus": "ru",
    "eng": "en",
}


@cache
def _engine_tables() -> tuple[frozenset[str], frozenset[str], dict[str, str]]:
    """deep-translator's language tables: Google's and Libre's codes, MyMemory's locales.

    Loaded on first use: importing deep-translator costs a tenth of a second that a run which
    translates nothing should not pay.
    """
    from deep_translator.constants import (
        GOOGLE_LANGUAGES_TO_CODES,
        LIBRE_LANGUAGES_TO_CODES,
        MY_MEMORY_LANGUAGES_TO_CODES,
    )

    return (
        frozenset(GOOGLE_LANGUAGES_TO_CODES.values()),
        frozenset(LIBRE_LANGUAGES_TO_CODES.values()),
        dict(MY_MEMORY_LANGUAGES_TO_CODES),
    )


def normalize_language(code: str) -> str:
    """Lower-case, hyphenated, with Chinese spellings folded to ``zh`` / ``zh-tw``."""
    norm = code.strip().lower().replace("_", "-")
    if not norm:
        raise TranslationError("empty language code")
    return _ALIASES.get(norm, norm)


def _base(code: str) -> str:
    return code.split("-", 1)[0]


def _unsupported(engine: str, code: str) -> TranslationError:
    return TranslationError(f"{engine}: language {code!r} is not supported by this engine")


def _google(code: str) -> str:
    special = {"zh": "zh-CN", "zh-tw": "zh-TW", "he": "iw", "jv": "jw"}
    if code in special:
        return special[code]
    for candidate in (code, _base(code)):
        if candidate in _engine_tables()[0]:
            return candidate
    raise _unsupported("google", code)


def _libre(code: str) -> str:
    if code == "zh-tw":  # LibreTranslate calls traditional Chinese "zt"; deep-translator lacks it
        raise _unsupported("libre", code)
    if _base(code) in _engine_tables()[1]:
        return _base(code)
    raise _unsupported("libre", code)


def _mymemory(code: str) -> str:
    """MyMemory wants locale codes; pick the plain language's locale (``ru`` → ``ru-RU``)."""
    special = {"zh": "zh-CN", "zh-tw": "zh-TW", "en": "en-GB"}
    if code in special:
        return special[code]
    locales = _engine_tables()[2]
    by_lower = {value.lower(): value for value in locales.values()}
    if code in by_lower:
        return str(by_lower[code])
    plain = [
        value
        for name, value in locales.items()
        if _base(value.lower()) == _base(code) and " " not in name and "(" not in name
    ]
    if plain:
        return str(plain[0])
    raise _unsupported("mymemory", code)


def _microsoft(code: str) -> str:
    special = {"zh": "zh-hans", "zh-tw": "zh-hant", "no": "nb"}
    return special.get(code, _base(code))


def _deepl(code: str, role: str) -> str:
    if role == "source":  # DeepL source languages carry no variant
        return _base(code).upper()
    special = {
        "en": "EN-US",
        "en-us": "EN-US",
        "en-gb": "EN-GB",
        "pt": "PT-PT",
        "pt-pt": "PT-PT",
        "pt-br": "PT-BR",
        "zh": "ZH-HANS",
        "zh-tw": "ZH-HANT",
    }
    return special.get(code, _base(code).upper())


def engine_language(engine: str, code: str, role: str) -> str:
    """``code`` (normal form) as ``engine`` spells it; ``role`` is ``"source"`` or ``"target"``."""
    if engine == "google":
        return _google(code)
    if engine == "libre":
        return _libre(code)
    if engine == "mymemory":
        return _mymemory(code)
    if engine == "microsoft":
        return _microsoft(code)
    if engine == "deepl":
        return _deepl(code, role)
    raise TranslationError(f"unknown translation engine {engine!r}")
