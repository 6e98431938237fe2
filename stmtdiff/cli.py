"""Command-line entry point: parse arguments, run a command, turn errors into exit code 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from stmtdiff import __version__, cachefiles
from stmtdiff.commands import align, cache, check, compare, demo, fetch, segment, tui
from stmtdiff.errors import StmtdiffError

COMMANDS = (compare, segment, demo, tui, fetch, cache, check, align)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors on one line (exit 2), like every other error here."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="stmtdiff",
        description="Line up parallel versions of a statement sentence by sentence "
        "and show where they differ.",
    )
    parser.add_argument("--version", action="version", version=f"stmtdiff {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def _say_preparing(message: str) -> None:
    print(f"stmtdiff: {message}...", file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if sys.stderr.isatty():
        cachefiles.preparing = _say_preparing
    try:
        result: int = args.func(args)
    except StmtdiffError as error:
        print(f"stmtdiff: error: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("stmtdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return result
