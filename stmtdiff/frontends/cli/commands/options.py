"""Options shared by every command that builds a comparison (compare, tui, check, demo)."""

from __future__ import annotations

import argparse
import os
import sys

from stmtdiff.core.errors import StmtdiffError
from stmtdiff.frontends.cli.choices import METHODS
from stmtdiff.frontends.cli.translate_options import add_translation_arguments, settings_from_args

TYPE_CHECKING = False  # not ``typing``'s: ``--help`` imports this module (benchmarks/startup.py)
if TYPE_CHECKING:
    from typing import TextIO

    from rich.console import Console

    from stmtdiff.adapters.pipeline import Request

COLOR_CHOICES = ("auto", "always", "never")
#: Width of text written to a file or a pipe when ``COLUMNS`` is unset: two columns of about 75
#: cells, a typical sentence on one or two lines (the width ``-o`` used before ``> f`` agreed).
FILE_WIDTH = 160


def add_comparison_arguments(parser: argparse.ArgumentParser, *, inputs: bool = True) -> None:
    if inputs:
        parser.add_argument(
            "inputs",
            nargs="+",
            metavar="VERSION",
            help="files, URLs, '-' for standard input, or a folder with a stmtdiff.toml",
        )
    parser.add_argument(
        "--pivot",
        metavar="VERSION",
        help="version the others are compared with: its id or 1-based position (default: first)",
    )
    parser.add_argument(
        "--lang",
        action="append",
        default=[],
        metavar="[VERSION=]LANG",
        help="language of every version (LANG) or of one (VERSION=LANG); repeatable",
    )
    parser.add_argument(
        "--method",
        choices=METHODS,
        default="auto",
        help="how versions in different languages are aligned (default: auto)",
    )
    parser.add_argument(
        "--readouts",
        action="store_true",
        help="the versions are independent accounts of one event (readouts of a call): match "
        "their facts wherever each side reports them, and show what only one side says",
    )
    parser.add_argument(
        "--translation",
        action="append",
        default=[],
        metavar="VERSION=FILE",
        help="translation of a version: one sentence per line, or a whole text; repeatable",
    )
    parser.add_argument(
        "--title",
        metavar="TEXT",
        help="title of the report (default: the manifest's, else the versions' labels)",
    )
    parser.add_argument(
        "--label",
        action="append",
        default=[],
        metavar="VERSION=TEXT",
        help="label of a version (its id or 1-based position), over the manifest's; repeatable",
    )
    add_translation_arguments(parser)


def _pairs(values: list[str], option: str, *, bare_ok: bool) -> dict[str, str]:
    table: dict[str, str] = {}
    for value in values:
        key, sep, rest = value.partition("=")
        if not sep:
            if not bare_ok:
                raise StmtdiffError(f"{option} expects VERSION=VALUE, got {value!r}")
            key, rest = "", value
        if not rest:
            raise StmtdiffError(f"{option} {value!r} has an empty value")
        table[key] = rest
    return table


def request_from_args(args: argparse.Namespace) -> Request:
    from stmtdiff.adapters.pipeline import Request  # the pipeline loads only when a command runs
    from stmtdiff.core.model import MethodChoice

    return Request(
        inputs=list(args.inputs),
        pivot=args.pivot,
        langs=_pairs(args.lang, "--lang", bare_ok=True),
        method=MethodChoice(args.method),
        translation_files=_pairs(args.translation, "--translation", bare_ok=False),
        translation=settings_from_args(args),
        offline=args.offline,
        title=args.title,
        labels=_pairs(args.label, "--label", bare_ok=False),
        watch=list(getattr(args, "watch", [])),
        readouts=args.readouts,
    )


def add_watch_argument(parser: argparse.ArgumentParser) -> None:
    """``--watch``, for the commands that show the "who said what" summary."""
    parser.add_argument(
        "--watch",
        action="append",
        default=[],
        metavar="FILE",
        help="more subjects for the summary of who names what: a TOML table like "
        "stmtdiff/data/subjects.toml, or lines id<TAB>form|form; repeatable",
    )


def output_file(value: str) -> str | None:
    """The ``-o`` argument type of every command: ``-`` means standard output, as for inputs."""
    return None if value == "-" else value


def comparison_reads(args: argparse.Namespace) -> list[str]:
    """Every local file a comparison reads: inputs, manifests, their sources and translations."""
    from stmtdiff.adapters.ingest.inputs import expand_inputs
    from stmtdiff.adapters.ingest.sources import manifest_path

    inputs: list[str] = list(getattr(args, "inputs", []))
    translations = _pairs(getattr(args, "translation", []), "--translation", bare_ok=False)
    reads = [*inputs, *translations.values(), *getattr(args, "watch", [])]
    for item in inputs:
        if (manifest := manifest_path(item)) is not None:
            from stmtdiff.adapters.ingest.fetchlog import FETCHLOG_NAME  # sets only

            reads.extend((str(manifest), str(manifest.parent / FETCHLOG_NAME)))
    for spec in expand_inputs(inputs):
        reads.extend(p for p in (spec.source, spec.translation) if p)
    return reads


def add_color_argument(parser: argparse.ArgumentParser) -> None:
    """``--color``, as diff, git, delta and icdiff spell it."""
    parser.add_argument(
        "--color",
        choices=COLOR_CHOICES,
        default="auto",
        help="colour the output: auto (only on a terminal; NO_COLOR and FORCE_COLOR are "
        "honoured), always (also in a file or a pipe) or never (default: auto)",
    )


def color_wanted(choice: str, *, tty: bool) -> bool:
    """Whether to colour: ``--color`` first, then NO_COLOR, then FORCE_COLOR, then a tty."""
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return tty


def output_width(*, tty: bool) -> int:
    """The one rule for the width of text output, whether printed, redirected or ``-o``.

    A terminal's own width (``COLUMNS`` overrides it, as shells set it); elsewhere ``COLUMNS``
    when set, else ``FILE_WIDTH``. So ``> f`` and ``-o f`` give the same text.
    """
    if tty:
        import shutil

        return shutil.get_terminal_size().columns
    columns = os.environ.get("COLUMNS", "")
    return int(columns) if columns.isdigit() and int(columns) > 0 else FILE_WIDTH


def output_console(choice: str, file: TextIO | None = None) -> Console:
    """A rich console for standard output (``file`` None) or ``file``, as ``--color`` asks.

    Without colour it has no colour system at all, so no escape codes reach a file; with
    colour outside a terminal it uses the 16 standard colours, which every pager shows.
    """
    from rich.console import Console

    tty = file is None and sys.stdout.isatty()
    colour = color_wanted(choice, tty=tty)
    return Console(
        file=file,
        width=output_width(tty=tty),
        force_terminal=colour,
        no_color=not colour,
        color_system=("auto" if tty else "standard") if colour else None,
        highlight=False,
    )
