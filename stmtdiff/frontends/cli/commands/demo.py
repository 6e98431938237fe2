"""``stmtdiff demo``: compare the shipped sample statement, to see what stmtdiff does."""

from __future__ import annotations

import argparse

from stmtdiff.core.errors import StmtdiffError
from stmtdiff.frontends.cli.commands.compare import add_output_arguments, emit

SAMPLE_SET = "joint-statement"

TYPE_CHECKING = False  # not ``typing``'s: ``--help`` declares this command too
if TYPE_CHECKING:
    from pathlib import Path


def samples_dir() -> Path:
    """The shipped samples: inside the installed package, or beside it in a source checkout."""
    from pathlib import Path

    package = Path(__file__).resolve().parents[3]
    for candidate in (package / "_samples", package.parent / "samples"):
        if (candidate / SAMPLE_SET).is_dir():
            return candidate
    raise StmtdiffError("the sample statements are not installed (reinstall stmtdiff)")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="compare the shipped sample statement",
        description="Compare the shipped sample joint statement: Kremlin and Xinhua originals, "
        "both sides' English translations and a news readout.",
    )
    parser.add_argument(
        "--all",
        action="store_true",
        help="all five versions (default: the two English translations)",
    )
    add_output_arguments(parser)
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from stmtdiff.adapters.pipeline import Request, build_comparison

    folder = samples_dir() / SAMPLE_SET
    if args.all:
        inputs = [str(folder)]
    else:
        inputs = [str(folder / "en-moscow.txt"), str(folder / "en-beijing.txt")]
    comparison = build_comparison(Request(inputs=inputs))
    emit(comparison, args)
    return 0
