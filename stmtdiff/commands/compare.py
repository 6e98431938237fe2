"""``stmtdiff compare``: the side-by-side comparison, in the terminal or as a file."""

from __future__ import annotations

import argparse
import io
import sys

from rich.console import Console

from stmtdiff.commands.options import (
    add_comparison_arguments,
    add_watch_argument,
    request_from_args,
)
from stmtdiff.fsutil import write_atomic
from stmtdiff.model import Comparison
from stmtdiff.render.html import render_html
from stmtdiff.render.jsonout import render_json
from stmtdiff.render.markdown import render_markdown
from stmtdiff.render.terminal import render_terminal
from stmtdiff.session import build_comparison

FORMATS = ("terminal", "json", "html", "markdown")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "compare",
        help="compare versions side by side",
        description="Align 2 to 8 versions sentence by sentence and show where they differ. "
        "Exit status: 0 same after normalisation, 1 different, 2 error.",
    )
    add_comparison_arguments(parser)
    add_watch_argument(parser)
    add_output_arguments(parser)
    parser.set_defaults(func=run)


def add_output_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=FORMATS, default="terminal", help="output format")
    parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    parser.add_argument(
        "--only-changes", action="store_true", help="show only rows that differ (terminal)"
    )


def render(comparison: Comparison, args: argparse.Namespace, *, to_terminal: bool) -> str | None:
    """Render in the requested format; ``None`` when printed straight to the terminal."""
    if args.format == "json":
        return render_json(comparison)
    if args.format == "html":
        return render_html(comparison)
    if args.format == "markdown":
        return render_markdown(comparison)
    if to_terminal:
        console = Console(highlight=False)
        render_terminal(
            comparison,
            console,
            only_changes=args.only_changes,
            show_translation=getattr(args, "show_translation", False),
        )
        return None
    buffer = io.StringIO()
    console = Console(file=buffer, width=160, no_color=True, highlight=False, soft_wrap=False)
    render_terminal(
        comparison,
        console,
        only_changes=args.only_changes,
        show_translation=getattr(args, "show_translation", False),
    )
    return buffer.getvalue()


def run(args: argparse.Namespace) -> int:
    comparison = build_comparison(request_from_args(args))
    emit(comparison, args)
    return 1 if comparison.differs else 0


def emit(comparison: Comparison, args: argparse.Namespace) -> None:
    """Print or write the comparison as the arguments ask."""
    if args.output:
        text = render(comparison, args, to_terminal=False)
        assert text is not None
        write_atomic(args.output, text)
        print(f"wrote {args.output}", file=sys.stderr)
        return
    text = render(comparison, args, to_terminal=True)
    if text is not None:
        sys.stdout.write(text)
