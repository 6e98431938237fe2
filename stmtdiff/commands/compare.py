"""``stmtdiff compare``: the side-by-side comparison, in the terminal or as a file."""

from __future__ import annotations

import argparse
import io
import sys

from stmtdiff.commands.options import (
    add_comparison_arguments,
    add_watch_argument,
    comparison_reads,
    output_file,
    request_from_args,
)
from stmtdiff.model import Comparison

FORMATS = ("terminal", "json", "html", "markdown")
FORMATS_ALIASES = {"md": "markdown"}


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
    parser.add_argument(
        "--format",
        choices=FORMATS,
        type=_format,
        default="terminal",
        help="output format (md: markdown)",
    )
    parser.add_argument(
        "-o", "--output", metavar="FILE", type=output_file, help="write to FILE ('-': stdout)"
    )
    parser.add_argument(
        "--only-changes", action="store_true", help="show only rows that differ (terminal)"
    )
    parser.add_argument(
        "--show-matched",
        action="store_true",
        help="also list matched rows, the cross-language pairings, so readers can check them "
        "(markdown)",
    )


def _format(value: str) -> str:
    """``md`` is ``markdown``, as diff tools and editors name it."""
    return FORMATS_ALIASES.get(value, value)


def render(comparison: Comparison, args: argparse.Namespace, *, to_terminal: bool) -> str | None:
    """Render in the requested format; ``None`` when printed straight to the terminal.

    Each renderer is imported only when asked for: ``benchmarks/startup.py``."""
    if args.format == "json":
        from stmtdiff.render.jsonout import render_json

        return render_json(comparison)
    if args.format == "html":
        from stmtdiff.render.html import render_html

        return render_html(comparison)
    if args.format == "markdown":
        from stmtdiff.render.markdown import render_markdown

        return render_markdown(comparison, include_matched=args.show_matched)
    from rich.console import Console

    from stmtdiff.render.terminal import render_terminal

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
    from stmtdiff.session import build_comparison

    comparison = build_comparison(request_from_args(args))
    emit(comparison, args)
    return 1 if comparison.differs else 0


def emit(comparison: Comparison, args: argparse.Namespace) -> None:
    """Print or write the comparison as the arguments ask."""
    if args.output:
        from stmtdiff.fsutil import refuse_to_replace, write_atomic

        reads = [version.path for version in comparison.versions] + comparison_reads(args)
        refuse_to_replace(args.output, reads)
        text = render(comparison, args, to_terminal=False)
        assert text is not None
        write_atomic(args.output, text)
        print(f"wrote {args.output}", file=sys.stderr)
        return
    text = render(comparison, args, to_terminal=True)
    if text is not None:
        sys.stdout.write(text)
