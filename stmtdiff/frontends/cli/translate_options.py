"""The translation flags shared by compare, tui, align and check, and their merge with the config.

Precedence: command line, then the config file, then defaults. API keys are deliberately not
flags (see ``config.py``).
"""

from __future__ import annotations

import argparse
import math

from stmtdiff.frontends.cli.choices import ENGINES

TYPE_CHECKING = False  # not ``typing``'s: ``--help`` imports this module (benchmarks/startup.py)
if TYPE_CHECKING:
    from pathlib import Path
    from typing import Any

    from stmtdiff.adapters.translate.settings import TranslationSettings


def positive_seconds(value: str) -> float:
    """The argparse type of every time limit: a finite number above 0 (not nan, inf or -1)."""
    try:
        seconds = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not (seconds > 0 and math.isfinite(seconds)):
        raise argparse.ArgumentTypeError(
            f"{value!r}: a time limit must be a finite number, more than 0 seconds"
        )
    return seconds


def path_argument(value: str) -> Path:
    """The argparse type of a file or folder option: ``pathlib`` loads when one is given, not
    for ``--help``."""
    from pathlib import Path

    return Path(value)


def add_translation_arguments(parser: argparse.ArgumentParser, *, display: bool = True) -> None:
    """Add ``--translate``, ``--to``, ``--translate-url``, ``--translate-timeout``, ``--offline``,
    ``--cache`` and, for commands that display sentences (``display``), ``--show-translation``."""
    group = parser.add_argument_group(
        "machine translation (opt-in: sends sentences to the named online service)"
    )
    group.add_argument(
        "--translate",
        metavar="ENGINE",
        choices=(*ENGINES, "none"),
        help=f"translate every version into the pivot language with ENGINE "
        f"({', '.join(ENGINES)}); 'none' overrides an engine set in the config file",
    )
    group.add_argument("--to", metavar="LANG", help="pivot language for translations (default: en)")
    group.add_argument(
        "--translate-url",
        metavar="URL",
        help="server to use instead of the engine's public one (e.g. a self-hosted LibreTranslate)",
    )
    group.add_argument(
        "--translate-timeout",
        metavar="SECONDS",
        type=positive_seconds,
        help="give up on a request after this many seconds without an answer (default: 20)",
    )
    group.add_argument(
        "--offline",
        action="store_true",
        help="send nothing; use cached translations only and report sentences without one",
    )
    group.add_argument(
        "--cache",
        metavar="PATH",
        type=path_argument,
        help="translation cache file (default: translations.sqlite3 in the user cache directory)",
    )
    if not display:
        return
    group.add_argument(
        "--show-translation",
        action="store_true",
        help="show each sentence's translation under the original",
    )


def settings_from_args(
    args: argparse.Namespace, *, config_path: Path | None = None
) -> TranslationSettings:
    """Settings from the parsed flags laid over the config file's ``[translate]`` table."""
    import dataclasses
    from pathlib import Path

    from stmtdiff.adapters.translate.config import (
        settings_from_config,  # tomllib: not for ``--help``
    )

    settings = settings_from_config(config_path)
    changes: dict[str, Any] = {}
    engine = getattr(args, "translate", None)
    if engine is not None:
        changes["engine"] = None if engine == "none" else engine
    if getattr(args, "to", None):
        changes["target"] = args.to
    if getattr(args, "translate_url", None):
        changes["url"] = args.translate_url
    if getattr(args, "translate_timeout", None) is not None:
        changes["timeout"] = args.translate_timeout
    if getattr(args, "offline", False):
        changes["offline"] = True
    if getattr(args, "cache", None) is not None:
        changes["cache_path"] = Path(args.cache).expanduser()
    return dataclasses.replace(settings, **changes)
