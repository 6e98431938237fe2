"""Opt-in machine translation into a pivot language, cached on disk, resilient to bad networks.

Nothing is sent anywhere unless the user names an engine (``--translate`` or the config file).
The names below load on first use, so declaring the command-line options stays cheap.
"""

from typing import TYPE_CHECKING

from stmtdiff.lazyexports import lazy_exports

if TYPE_CHECKING:
    from stmtdiff.translate.config import settings_from_config as settings_from_config
    from stmtdiff.translate.service import translate_sentences as translate_sentences
    from stmtdiff.translate.settings import ENGINES as ENGINES
    from stmtdiff.translate.settings import TranslationError as TranslationError
    from stmtdiff.translate.settings import TranslationResult as TranslationResult
    from stmtdiff.translate.settings import TranslationSettings as TranslationSettings

__all__ = [
    "ENGINES",
    "TranslationError",
    "TranslationResult",
    "TranslationSettings",
    "settings_from_config",
    "translate_sentences",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "ENGINES": "stmtdiff.translate.settings",
        "TranslationError": "stmtdiff.translate.settings",
        "TranslationResult": "stmtdiff.translate.settings",
        "TranslationSettings": "stmtdiff.translate.settings",
        "settings_from_config": "stmtdiff.translate.config",
        "translate_sentences": "stmtdiff.translate.service",
    },
)
