"""``stmtdiff tui``: the interactive side-by-side view of a comparison."""

from __future__ import annotations

import argparse

from stmtdiff.commands.options import (
    add_comparison_arguments,
    add_watch_argument,
    request_from_args,
)
from stmtdiff.session import build_comparison


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
    request = request_from_args(args)
    comparison = build_comparison(request)
    from stmtdiff.tui.app import make_app  # Textual loads only for this command

    make_app(comparison, method=request.method).run()
    return 0
