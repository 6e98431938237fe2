"""Opt-in machine translation into a pivot language, cached on disk, resilient to bad networks.

Nothing is sent anywhere unless the user names an engine (``--translate`` or the config file).
The names below load on first use, so declaring the command-line options stays cheap.
"""

from typing import TYPE_CHECKING

from stmtdiff.lazyexports import lazy_exports

if TYPE_CHECKING:
    from stmtdiff.adapters.translate.config import settings_from_config as settings_from_config
    from stmtdiff.adapters.translate.service import translate_sentences as translate_sentences
    from stmtdiff.adapters.translate.settings import ENGINES as ENGINES
    from stmtdiff.adapters.translate.settings import TranslationError as TranslationError
    from stmtdiff.adapters.translate.settings import TranslationResult as TranslationResult
    from stmtdiff.adapters.translate.settings import TranslationSettings as TranslationSettings

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
        "ENGINES": "stmtdiff.adapters.translate.settings",
        "TranslationError": "stmtdiff.adapters.translate.settings",
        "TranslationResult": "stmtdiff.adapters.translate.settings",
        "TranslationSettings": "stmtdiff.adapters.translate.settings",
        "settings_from_config": "stmtdiff.adapters.translate.config",
        "translate_sentences": "stmtdiff.adapters.translate.service",
    },
)
