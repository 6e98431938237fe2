"""``stmtdiff tui``: the interactive side-by-side view of a comparison."""

from __future__ import annotations

import argparse
import sys

from stmtdiff.core.errors import StmtdiffError
from stmtdiff.frontends.cli.commands.options import (
    add_comparison_arguments,
    add_watch_argument,
    request_from_args,
)


def terminal_attached() -> bool:
    """Whether keys can be read and screens drawn: without both, Textual waits forever for input
    or writes escape codes into a file or pipe."""
    return sys.stdin is not None and sys.stdin.isatty() and sys.stdout.isatty()


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "tui",
        help="browse a comparison interactively",
        description="Open a full-screen view of 2 to 8 aligned versions: move with j/k, jump "
        "between differences with n/N, filter with f, search with /, ? for every key.",
    )
    add_comparison_arguments(parser)
    add_watch_argument(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not terminal_attached():
        raise StmtdiffError(
            "tui needs a terminal (standard input and output); use 'stmtdiff compare' to print"
        )
    from stmtdiff.adapters.pipeline import build_comparison, compare_options

    request = request_from_args(args)
    options = compare_options(request)
    comparison = build_comparison(request, options)
    from stmtdiff.frontends.tui.app import make_app  # Textual loads only for this command

    make_app(comparison, options=options).run()
    return 0
