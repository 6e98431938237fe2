"""``stmtdiff compare``: the side-by-side comparison, in the terminal or as a file."""

from __future__ import annotations

import argparse
import io
import sys

from stmtdiff.frontends.cli.commands.options import (
    add_color_argument,
    add_comparison_arguments,
    add_watch_argument,
    color_wanted,
    comparison_reads,
    output_console,
    output_file,
    output_width,
    request_from_args,
)

TYPE_CHECKING = False  # not ``typing``'s: ``--help`` declares this command too
if TYPE_CHECKING:
    from stmtdiff.core.model import Comparison

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
    add_color_argument(parser)


def _format(value: str) -> str:
    """``md`` is ``markdown``, as diff tools and editors name it."""
    return FORMATS_ALIASES.get(value, value)


def render(comparison: Comparison, args: argparse.Namespace, *, to_terminal: bool) -> str | None:
    """Render in the requested format; ``None`` when rich printed it straight to the terminal.

    Each renderer is imported only when asked for: ``benchmarks/startup.py``."""
    if args.format == "json":
        from stmtdiff.frontends.report.jsonout import render_json

        return render_json(comparison)
    if args.format == "html":
        from stmtdiff.frontends.report.html import render_html

        return render_html(comparison)
    if args.format == "markdown":
        from stmtdiff.frontends.report.markdown import render_markdown

        return render_markdown(comparison, include_matched=args.show_matched)
    from stmtdiff.frontends.report.terminal import plain_terminal, render_terminal

    # One width and colour rule for both paths, so ``> f`` and ``-o f`` write the same text.
    tty = to_terminal and sys.stdout.isatty()
    if not color_wanted(args.color, tty=tty):
        text = plain_terminal(
            comparison,
            output_width(tty=tty),
            only_changes=args.only_changes,
            show_translation=getattr(args, "show_translation", False),
        )
        if text is not None:
            return text
    buffer = None if to_terminal else io.StringIO()
    render_terminal(
        comparison,
        output_console(args.color, buffer),
        only_changes=args.only_changes,
        show_translation=getattr(args, "show_translation", False),
    )
    return None if buffer is None else buffer.getvalue()


def run(args: argparse.Namespace) -> int:
    from stmtdiff.adapters.pipeline import build_comparison

    comparison = build_comparison(request_from_args(args))
    emit(comparison, args)
    return 1 if comparison.differs else 0


def emit(comparison: Comparison, args: argparse.Namespace) -> None:
    """Print or write the comparison as the arguments ask."""
    if args.output:
        from stmtdiff.adapters.files.fsutil import refuse_to_replace, write_atomic

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
