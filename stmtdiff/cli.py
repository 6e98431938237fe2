"""Command-line entry point: parse arguments, run a command, turn errors into exit code 2."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from stmtdiff import __version__
from stmtdiff.commands import align, cache, check, compare, demo, fetch, segment, tui
from stmtdiff.errors import StmtdiffError
from stmtdiff.visible import visible

COMMANDS = (compare, segment, demo, tui, fetch, cache, check, align)


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors on one line (exit 2), like every other error here.

    The message may quote an argument: its control characters are shown, not obeyed.
    """

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {visible(message, newlines=False)} (see --help)\n")


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        result: int = args.func(args)
    except StmtdiffError as error:
        # Messages quote file names and texts: one line, control characters shown.
        print(f"stmtdiff: error: {visible(str(error), newlines=False)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("stmtdiff: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    return result
