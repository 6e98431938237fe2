"""Command-line entry point: parse arguments, run a command, turn errors into exit code 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

import stmtdiff
from stmtdiff.commands import align, cache, check, compare, completion, demo, fetch, segment, tui
from stmtdiff.errors import StmtdiffError

COMMANDS = (compare, segment, demo, tui, fetch, cache, check, align, completion)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors on one line (exit 2), like every other error here."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


class _Version(argparse.Action):
    """``--version``: reads the installed metadata only when asked (it costs ~30 ms to import)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: object,
        option_string: str | None = None,
    ) -> None:
        print(f"stmtdiff {stmtdiff.__version__}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="stmtdiff",
        description="Line up parallel versions of a statement sentence by sentence "
        "and show where they differ.",
    )
    parser.add_argument("--version", action=_Version)
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for command in COMMANDS:
        command.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
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
