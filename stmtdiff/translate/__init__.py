"""Opt-in machine translation into a pivot language, cached on disk, resilient to bad networks.

Nothing is sent anywhere unless the user names an engine (``--translate`` or the config file).
"""

from stmtdiff.translate.config import settings_from_config
from stmtdiff.translate.service import translate_sentences
from stmtdiff.translate.settings import (
    ENGINES,
    TranslationError,
    TranslationResult,
    TranslationSettings,
)

__all__ = [
    "ENGINES",
    "TranslationError",
    "TranslationResult",
    "TranslationSettings",
    "settings_from_config",
    "translate_sentences",
]
