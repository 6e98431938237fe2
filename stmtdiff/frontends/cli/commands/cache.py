"""``stmtdiff cache info|clear``: see what the translation cache holds, or empty it."""

from __future__ import annotations

import argparse
import sys

from stmtdiff.core.errors import StmtdiffError
from stmtdiff.frontends.cli.choices import ENGINES
from stmtdiff.frontends.cli.translate_options import path_argument

TYPE_CHECKING = False  # not ``typing``'s: ``--help`` declares this command too
if TYPE_CHECKING:
    from pathlib import Path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``cache`` subcommand."""
    parser = subparsers.add_parser(
        "cache",
        help="inspect or empty the machine-translation cache",
        description="Inspect or empty the cache of machine translations "
        "(nothing in it is ever sent anywhere).",
    )
    actions = parser.add_subparsers(dest="cache_action", required=True, metavar="ACTION")
    info = actions.add_parser("info", help="show where the cache is and what it holds")
    clear = actions.add_parser("clear", help="delete cached translations")
    clear.add_argument(
        "--engine",
        action="append",
        choices=ENGINES,
        help="delete only this engine's translations (repeatable)",
    )
    for sub in (info, clear):
        sub.add_argument(
            "--cache",
            metavar="PATH",
            type=path_argument,
            help="cache file (default: the config file's, else the user cache directory)",
        )
    parser.set_defaults(func=run)


def _size(n: int) -> str:
    if n < 1024:
        return f"{n} B"
    if n < 1024**2:
        return f"{n / 1024:.1f} KiB"
    return f"{n / 1024**2:.1f} MiB"


def run(args: argparse.Namespace) -> int:
    import sqlite3

    from stmtdiff.adapters.translate.cache import TranslationCache
    from stmtdiff.adapters.translate.config import settings_from_config

    path: Path = (
        args.cache.expanduser()
        if args.cache is not None
        else settings_from_config().resolved_cache_path
    )
    with TranslationCache(path, create=False) as cache:
        if cache.set_aside is not None:
            print(
                f"stmtdiff: warning: the cache was unreadable; it was moved to {cache.set_aside}",
                file=sys.stderr,
            )
        if args.cache_action == "clear":
            try:
                removed = cache.clear(args.engine or ())
            except sqlite3.Error as error:
                raise StmtdiffError(f"{path}: cannot clear the cache ({error})") from None
            print(f"removed {removed} translation{'' if removed == 1 else 's'} from {path}")
            return 0
        stats = cache.stats()
    if not path.exists():
        print(f"cache: {path} (not created yet)")
        return 0
    print(f"cache: {path} ({_size(stats.size_bytes)})")
    print(f"entries: {stats.entries}")
    width = max((len(engine) for engine, *_ in stats.by_pair), default=0)
    for engine, source, target, count in stats.by_pair:
        print(f"  {engine:<{width}}  {source}→{target}  {count}")
    return 0
